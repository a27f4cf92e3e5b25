import { ActionButton } from "@/components/accounts/action-button";
import { describeBrowser } from "@/lib/accounts/browser-name";
import { revokeTrustedBrowserAction } from "../security-actions";

type Trusted = {
  id: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
};

const day = (d: Date) => d.toLocaleDateString("en-US", { dateStyle: "medium" });

export function TrustedBrowsers({ clinicId, browsers }: { clinicId: string; browsers: Trusted[] }) {
  return (
    <>
      <h2 className="mb-1 text-lg font-semibold">Trusted browsers</h2>
      {browsers.length === 0 ? (
        <p className="text-sm text-slate-700">No browser skips the code step. You can trust one when you sign in.</p>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700">
            These browsers sign in with your password alone until the date shown.
          </p>
          <ul className="divide-y divide-slate-200" aria-label="Trusted browsers">
            {browsers.map((b) => (
              <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div className="min-w-0">
                  <p className="font-medium">{describeBrowser(b.userAgent)}</p>
                  <p className="text-sm text-slate-700">
                    {b.ip ?? "Unknown address"} · trusted {day(b.createdAt)} · until {day(b.expiresAt)}
                  </p>
                </div>
                <ActionButton
                  action={revokeTrustedBrowserAction.bind(null, clinicId)}
                  fields={{ trustedBrowserId: b.id }}
                  pendingText="Revoking…"
                >
                  Stop trusting
                  <span className="sr-only">
                    {" "}
                    {describeBrowser(b.userAgent)}, trusted {day(b.createdAt)}
                  </span>
                </ActionButton>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
