import "server-only";
import { db, type Tx } from "@/lib/db";
import type { AuditAction } from "@/lib/audit/actions";
import type { MemberContext } from "@/lib/authz";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditInput = {
  action: AuditAction;
  clinicId?: string | null;
  actorId?: string | null;
  targetType?: string;
  targetId?: string;
  // Never personal or health data: ids and short labels only.
  metadata?: Prisma.InputJsonValue;
  ip?: string | null;
  userAgent?: string | null;
};

export async function recordAudit(input: AuditInput, tx: Tx = db): Promise<void> {
  await tx.auditEvent.create({ data: { ...input, ip: input.ip ?? null, userAgent: input.userAgent ?? null } });
}

type MemberEvent = Pick<AuditInput, "action" | "targetType" | "targetId" | "metadata">;

/** An event done by a member in their clinic: actor, clinic, address and user agent come from the context. */
export async function auditMember(ctx: MemberContext, event: MemberEvent, tx: Tx = db): Promise<void> {
  await recordAudit({ ...event, clinicId: ctx.clinic.id, actorId: ctx.user.id, ip: ctx.info.ip, userAgent: ctx.info.userAgent }, tx);
}
