import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

type Summary = { enabled: boolean; allowJit: boolean; requireSso: boolean; domains: string[] } | null;

function describe(summary: Summary): string {
  if (!summary)
    return "Not set up: members sign in with their passwords. Connect your organisation's identity provider (OpenID Connect) so that leaving the organisation ends access here too.";
  if (!summary.enabled) return "Set up but off: members sign in with their passwords.";
  const rules = [
    summary.requireSso ? "required: members cannot use a password" : "members may also use their passwords",
    summary.allowJit ? "new people join as clinicians" : "new people need an invite",
  ];
  return `On for ${summary.domains.join(", ")}; ${rules.join("; ")}.`;
}

/** On the settings page: how the clinic signs in through its identity provider; the owner changes it on its own page. */
export function SingleSignOnSummary({
  clinicId,
  summary,
  isOwner,
}: {
  clinicId: string;
  summary: Summary;
  isOwner: boolean;
}) {
  return (
    <>
      <h2 className="mb-1 text-lg font-semibold">Single sign-on</h2>
      <p className="mb-3 text-sm text-slate-700">{describe(summary)}</p>
      {isOwner ? (
        <Link href={`/clinics/${clinicId}/settings/sso`} className={buttonClass(summary ? "secondary" : "primary")}>
          {summary ? "Change single sign-on" : "Set up single sign-on"}
        </Link>
      ) : (
        <p className="text-sm text-slate-600">Only an owner can change this.</p>
      )}
    </>
  );
}
