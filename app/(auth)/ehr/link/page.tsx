import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { findCurrentUser } from "@/lib/authz";
import { db } from "@/lib/db";
import { linkCookieName } from "@/lib/ehr/flow-cookie";
import { findPendingLink } from "@/lib/ehr/identity";
import { LAUNCH_REFUSALS } from "@/lib/ehr/refusals";
import { LinkForm } from "./link-form";

export const metadata: Metadata = { title: "Link your EHR user" };

// An EHR user the portal does not know yet: a member of the clinic, signed in to the portal here, links it
// once; someone not signed in signs in first and comes back; someone signed in who is not a member cannot.
export default async function LinkEhrUserPage() {
  const pending = await findPendingLink((await cookies()).get(linkCookieName())?.value);
  if (!pending)
    return (
      <>
        <h1 className="mb-6 text-2xl font-semibold">Link your EHR user</h1>
        <Alert tone="warning">{LAUNCH_REFUSALS.link_expired}</Alert>
      </>
    );
  const user = await findCurrentUser();
  const clinic = await db.clinic.findUniqueOrThrow({ where: { id: pending.clinicId }, select: { name: true } });
  const member =
    user &&
    (user.ssoClinicId ?? pending.clinicId) === pending.clinicId &&
    (await db.membership.findUnique({ where: { userId_clinicId: { userId: user.id, clinicId: pending.clinicId } } }));
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Link your EHR user</h1>
      <p className="mb-4 text-sm text-slate-700">
        The EHR signed you in as <code className="rounded bg-slate-100 px-1">{pending.fhirUser}</code>. Link it once to
        your account at {clinic.name}, and later launches from the EHR open the portal without your password.
      </p>
      {!user ? (
        <>
          <p className="mb-4 text-sm text-slate-700">
            Sign in to the portal first; you come back here within 10 minutes.
          </p>
          <Link
            href={`/login?callbackUrl=${encodeURIComponent("/ehr/link")}`}
            className={buttonClass("primary", "w-full")}
          >
            Sign in to link
          </Link>
        </>
      ) : member ? (
        <LinkForm clinicId={pending.clinicId} email={user.email} />
      ) : (
        <Alert tone="warning">
          You are signed in as {user.email}, who is not a member of {clinic.name} here. Sign out, then sign in with your
          account at {clinic.name}, or ask its owner for an invitation.
        </Alert>
      )}
    </>
  );
}
