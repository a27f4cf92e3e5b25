import type { Metadata } from "next";
import Link from "next/link";
import { requireMemberPage } from "@/lib/authz";
import { findSignedInDevices } from "@/lib/accounts/devices";
import { findTrustedBrowsers } from "@/lib/accounts/trusted-browsers";
import { getSecondFactorStatus } from "@/lib/accounts/second-factor-settings";
import { Card, PageHeader } from "@/components/ui/card";
import { ProfileForm } from "./profile-form";
import { SignedInDevices } from "./_components/signed-in-devices";
import { TrustedBrowsers } from "./_components/trusted-browsers";
import { ChangePasswordForm } from "./_components/change-password-form";
import { Alert } from "@/components/ui/alert";
import { EhrLinks } from "./_components/ehr-links";
import { findOwnEhrLinks } from "@/lib/ehr/identity";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage({
  params,
  searchParams,
}: {
  params: Promise<{ clinicId: string }>;
  searchParams: Promise<{ changed?: string }>;
}) {
  const { clinicId } = await params;
  const passwordChanged = (await searchParams).changed === "password";
  const ctx = await requireMemberPage(clinicId);
  const [devices, trusted, twoStep, ehrLinks] = await Promise.all([
    findSignedInDevices(ctx.user.id, ctx.user.sessionId),
    findTrustedBrowsers(ctx.user.id),
    getSecondFactorStatus(ctx.user.id),
    findOwnEhrLinks(ctx),
  ]);
  return (
    <>
      <PageHeader
        title="Your profile"
        description="How you appear in the contact block of the handouts you make, and how you sign in."
      />
      <div className="grid max-w-3xl gap-6">
        {passwordChanged && (
          <Alert tone="success">
            Password changed. Every other browser signed in to your account has been signed out.
          </Alert>
        )}
        <Card>
          <ProfileForm
            clinicId={clinicId}
            initial={{
              name: ctx.user.name,
              credentials: ctx.user.credentials ?? "",
              directPhone: ctx.user.directPhone ?? "",
            }}
          />
        </Card>
        <Card>
          <h2 className="mb-1 text-lg font-semibold">Two-step sign-in</h2>
          <p className="mb-2 text-sm text-slate-700">
            {twoStep.enrolled
              ? `On: you sign in with a code from your phone as well. Recovery codes left: ${twoStep.recoveryCodesLeft}.`
              : twoStep.passkeys
                ? `On: after your password you use a passkey. Recovery codes left: ${twoStep.recoveryCodesLeft}.`
                : "Off: your password alone signs you in."}
          </p>
          <p className="flex flex-wrap gap-x-6 gap-y-1">
            <Link href={`/clinics/${clinicId}/profile/two-step`} className="font-medium text-brand-700 underline">
              {twoStep.enrolled ? "Manage two-step sign-in" : "Set up two-step sign-in"}
            </Link>
            <Link href={`/clinics/${clinicId}/profile/passkeys`} className="font-medium text-brand-700 underline">
              {twoStep.passkeys ? `Passkeys (${twoStep.passkeys})` : "Add a passkey"}
            </Link>
          </p>
        </Card>
        {!ctx.user.ssoClinicId && (
          // A session made by the clinic's single sign-on: the provider holds the password (lib/sso).
          <Card>
            <ChangePasswordForm clinicId={clinicId} email={ctx.user.email} />
          </Card>
        )}
        <Card>
          <SignedInDevices clinicId={clinicId} devices={devices} />
        </Card>
        <Card>
          <TrustedBrowsers clinicId={clinicId} browsers={trusted} />
        </Card>
        {ehrLinks.length > 0 && (
          <Card>
            <EhrLinks clinicId={clinicId} links={ehrLinks} />
          </Card>
        )}
      </div>
    </>
  );
}
