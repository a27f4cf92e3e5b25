import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { requireMemberPage } from "@/lib/authz";
import { findPasskeys } from "@/lib/accounts/passkeys";
import { passkeySiteFor } from "@/lib/accounts/passkey-site";
import { getSecondFactorStatus } from "@/lib/accounts/second-factor-settings";
import { isRecentSignIn } from "@/lib/accounts/recent-sign-in";
import { describeBrowser } from "@/lib/accounts/browser-name";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { NewCodesForm } from "../two-step/new-codes-form";
import { AddPasskeyForm } from "./_components/add-passkey-form";
import { PasskeyList } from "./_components/passkey-list";
import { ConfirmFirst } from "../_components/confirm-first";

export const metadata: Metadata = { title: "Passkeys" };

const DESCRIPTION =
  "A passkey signs you in with your fingerprint, face or device PIN instead of your password, and serves as the second step after your password. It works only on this portal's own address, so a look-alike site cannot use it.";

export default async function PasskeysPage({ params }: { params: Promise<{ clinicId: string }> }) {
  const { clinicId } = await params;
  const ctx = await requireMemberPage(clinicId);
  if (!(await isRecentSignIn(ctx.user)))
    return (
      <ConfirmFirst
        clinicId={clinicId}
        email={ctx.user.email}
        sso={!!ctx.user.ssoClinicId}
        title="Passkeys"
        description={DESCRIPTION}
      />
    );
  const h = await headers();
  const [passkeys, status] = await Promise.all([findPasskeys(ctx.user.id), getSecondFactorStatus(ctx.user.id)]);
  const site = passkeySiteFor(h.get("host"));
  const onlyFactor = status.required
    ? "It is your only second factor and a clinic you belong to requires one, so add another first."
    : "It is your only second factor: two-step sign-in turns off and your recovery codes stop working.";
  return (
    <>
      <PageHeader title="Passkeys" description={DESCRIPTION} />
      <div className="grid max-w-xl gap-6">
        {!site.ok && <Alert tone="warning">{site.message}</Alert>}
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Your passkeys</h2>
          <PasskeyList clinicId={clinicId} passkeys={passkeys} lastFactorWarning={status.enrolled ? "" : onlyFactor} />
        </Card>
        {site.ok && (
          <Card>
            <h2 className="mb-1 text-lg font-semibold">Add a passkey</h2>
            <p className="mb-3 text-sm text-slate-700">
              Add one on each device you sign in from. Your device will ask you to confirm with your fingerprint, face
              or PIN.
            </p>
            <AddPasskeyForm clinicId={clinicId} suggestedName={describeBrowser(h.get("user-agent"))} />
          </Card>
        )}
        {!status.enrolled && passkeys.length > 0 && (
          <Card>
            <h2 className="mb-1 text-lg font-semibold">Recovery codes</h2>
            <p className="mb-3 text-sm text-slate-700">
              For when you have none of your passkeys with you. Left: {status.recoveryCodesLeft} of 10.
            </p>
            <NewCodesForm clinicId={clinicId} />
          </Card>
        )}
        <p>
          <Link href={`/clinics/${clinicId}/profile/two-step`} className="font-medium text-brand-700 underline">
            Two-step sign-in with an authenticator app
          </Link>
        </p>
      </div>
    </>
  );
}
