import type { Metadata } from "next";
import { requireMemberPage } from "@/lib/authz";
import { MANAGERS } from "@/lib/member-context";
import { findMembers } from "@/lib/clinics/queries";
import { ROLE_LABELS } from "@/lib/clinics/schemas";
import { Card, PageHeader } from "@/components/ui/card";
import { InviteForm } from "./_components/invite-form";
import { MemberRow } from "./_components/member-row";
import { RevokeInviteButton } from "./_components/revoke-invite-button";

export const metadata: Metadata = { title: "Members" };

const EMAIL_STATUS = {
  QUEUED: "email queued",
  SENDING: "email sending",
  SENT: "email sent",
  FAILED: "email failed: withdraw and invite again",
  SKIPPED: "email not sent",
} as const;

export default async function MembersPage({ params }: { params: Promise<{ clinicId: string }> }) {
  const { clinicId } = await params;
  const ctx = await requireMemberPage(clinicId, { role: MANAGERS });
  const { members, invites } = await findMembers(ctx);
  const owners = members.filter((m) => m.role === "OWNER").length;
  return (
    <>
      <PageHeader title="Members" description="Who can use this clinic's workspace, and what they may do." />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr] [&>*]:min-w-0">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">People ({members.length})</h2>
          <ul className="divide-y divide-slate-200">
            {members.map((m) => (
              <MemberRow
                key={m.id}
                clinicId={clinicId}
                member={{
                  id: m.id,
                  role: m.role,
                  name: m.user.name,
                  email: m.user.email,
                  isSelf: m.user.id === ctx.user.id,
                  hasSecondFactor: !!m.user.totpFactor || m.user._count.passkeys > 0,
                }}
                canManageOwners={ctx.role === "OWNER"}
                isLastOwner={m.role === "OWNER" && owners <= 1}
              />
            ))}
          </ul>
          {invites.length > 0 && (
            <>
              <h2 className="mt-6 mb-3 text-lg font-semibold">Pending invites</h2>
              <ul className="divide-y divide-slate-200">
                {invites.map((i) => (
                  <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                    <div className="min-w-0">
                      <p className="font-medium break-all">{i.email}</p>
                      <p className="text-sm text-slate-700">
                        {ROLE_LABELS[i.role]} · expires{" "}
                        {i.expiresAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}
                        {i.emails[0] && ` · ${EMAIL_STATUS[i.emails[0].status]}`}
                      </p>
                    </div>
                    <RevokeInviteButton clinicId={clinicId} inviteId={i.id} email={i.email} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Invite someone</h2>
          <InviteForm clinicId={clinicId} canInviteOwner={ctx.role === "OWNER"} />
        </Card>
      </div>
    </>
  );
}
