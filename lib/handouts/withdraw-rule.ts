import { AppError } from "@/lib/errors";
import { isManager } from "@/lib/member-context";
import type { Role } from "@/lib/generated/prisma/client";

// Taking back what a patient was given, by voiding the handout or withdrawing its patient link, is for the
// clinician who made it or an owner or admin: one rule for both, used by the domain functions and the page
// that offers them.
type Member = { user: { id: string }; role: Role };

export const canWithdrawHandout = (member: Member, handout: { authorId: string }): boolean =>
  handout.authorId === member.user.id || isManager(member.role);

/** FORBIDDEN unless `member` may void `handout` or withdraw its link; `what` ends the message ("void it"). */
export function requireCanWithdrawHandout(member: Member, handout: { authorId: string }, what: string): void {
  if (!canWithdrawHandout(member, handout))
    throw new AppError("FORBIDDEN", `Only the clinician who made a handout, or an owner or admin, can ${what}.`);
}
