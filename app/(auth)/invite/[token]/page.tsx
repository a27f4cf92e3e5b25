import type { Metadata } from "next";
import { findOpenInvite } from "@/lib/clinics/invites";
import { ROLE_LABELS } from "@/lib/clinics/schemas";
import { Alert } from "@/components/ui/alert";
import { requiresSsoToJoin } from "@/lib/sso/password-policy";
import { AcceptInviteForm } from "./accept-invite-form";
import { JoinWithSso } from "./join-with-sso";

export const metadata: Metadata = { title: "Accept invite", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await findOpenInvite(token);
  if (!invite) {
    return (
      <>
        <h1 className="mb-6 text-2xl font-semibold">Invite</h1>
        <Alert tone="error">
          This invite has expired, was already used or was withdrawn. Ask the clinic for a new one.
        </Alert>
      </>
    );
  }
  const viaSso = !invite.hasAccount && (await requiresSsoToJoin(invite.clinic.id, invite.role));
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">Join {invite.clinic.name}</h1>
      <p className="mb-6 text-slate-700">
        You are invited as <strong>{ROLE_LABELS[invite.role].toLowerCase()}</strong> with the email{" "}
        <strong>{invite.email}</strong>.
        {viaSso
          ? ""
          : invite.hasAccount
            ? " Confirm with your current password."
            : " Choose your name and a password to create your account."}
      </p>
      {viaSso ? (
        <JoinWithSso email={invite.email} />
      ) : (
        <AcceptInviteForm token={token} email={invite.email} hasAccount={invite.hasAccount} />
      )}
    </>
  );
}
