import type { Metadata } from "next";
import Link from "next/link";
import { requireMemberPage } from "@/lib/authz";
import { getSecondFactorStatus, prepareTotpEnrolment } from "@/lib/accounts/second-factor-settings";
import { isRecentSignIn } from "@/lib/accounts/recent-sign-in";
import { Card, PageHeader } from "@/components/ui/card";
import { ActionButton } from "@/components/accounts/action-button";
import { TotpEnrolmentForm } from "@/components/accounts/totp-enrolment-form";
import { enrolTotpAction, removeSecondFactorAction } from "./actions";
import { NewCodesForm } from "./new-codes-form";
import { PasskeysInstead } from "./passkeys-instead";
import { ConfirmFirst } from "../_components/confirm-first";

export const metadata: Metadata = { title: "Two-step sign-in" };

const day = (d: Date) => d.toLocaleDateString("en-US", { dateStyle: "medium" });

export default async function TwoStepPage({
  params,
  searchParams,
}: {
  params: Promise<{ clinicId: string }>;
  searchParams: Promise<{ replace?: string }>;
}) {
  const { clinicId } = await params;
  const ctx = await requireMemberPage(clinicId);
  const description =
    "A code from your phone as well as your password, so a stolen password alone cannot open your clinic's records.";
  if (!(await isRecentSignIn(ctx.user)))
    return (
      <ConfirmFirst
        clinicId={clinicId}
        email={ctx.user.email}
        sso={!!ctx.user.ssoClinicId}
        title="Two-step sign-in"
        description={description}
      />
    );
  const status = await getSecondFactorStatus(ctx.user.id);
  const replacing = (await searchParams).replace === "1";
  const profile = `/clinics/${clinicId}/profile`;
  if (!status.enrolled || replacing) {
    return (
      <>
        <PageHeader
          title={replacing ? "Move two-step sign-in to a new phone" : "Set up two-step sign-in"}
          description={description}
        />
        <Card className="max-w-xl">
          {replacing && (
            <p className="mb-4 text-sm text-slate-700">
              Your current app keeps working until the new one is confirmed. Confirming also makes new recovery codes.
            </p>
          )}
          {!replacing && (
            <div className="mb-4">
              <PasskeysInstead href={`${profile}/passkeys`} count={status.passkeys} />
            </div>
          )}
          <TotpEnrolmentForm
            action={enrolTotpAction.bind(null, clinicId)}
            {...await prepareTotpEnrolment(ctx.user.id)}
            next={{ href: profile, label: "Back to your profile" }}
          />
        </Card>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Two-step sign-in" description={description} />
      <div className="grid max-w-xl gap-6">
        <Card>
          <p className="font-medium text-green-800">On since {day(status.enrolledAt!)}.</p>
          <p className="mt-1 text-sm text-slate-700">
            Recovery codes left: {status.recoveryCodesLeft} of 10.
            {status.recoveryCodesLeft <= 3 && " Make new ones before you run out."}
          </p>
          <p className="mt-3">
            <Link href="?replace=1" className="font-medium text-brand-700 underline">
              Move to a new phone
            </Link>
          </p>
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Passkeys</h2>
          <PasskeysInstead href={`${profile}/passkeys`} count={status.passkeys} />
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Recovery codes</h2>
          <NewCodesForm clinicId={clinicId} />
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Turn off</h2>
          {status.required ? (
            <p className="text-sm text-slate-700">
              A clinic you belong to requires two-step sign-in, so it stays on. To use a new phone, move it instead.
            </p>
          ) : (
            <ActionButton
              action={removeSecondFactorAction.bind(null, clinicId)}
              pendingText="Turning off…"
              variant="danger"
              confirmText={`Turn off two-step sign-in?${status.passkeys ? " Your passkeys are removed too." : ""} Your password alone will then sign you in.`}
            >
              Turn off two-step sign-in
            </ActionButton>
          )}
        </Card>
      </div>
    </>
  );
}
