import "server-only";
import crypto from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { chainOf, eventHash, GENESIS_HASH } from "@/lib/audit/chain";
import type { AuditAction } from "@/lib/audit/catalogue";
import type { MemberContext } from "@/lib/member-context";
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

/**
 * Stores an event at the end of its chain (lib/audit/chain.ts), inside the caller's transaction when there is
 * one (so it goes with the change it records), else in one of its own. The chain is locked for the rest of
 * the transaction, so events of one clinic are numbered one after another; the time is the database's, taken
 * once the lock is held, so a chain's times never run backwards.
 */
export async function recordAudit(input: AuditInput, tx?: Tx): Promise<void> {
  if (!tx || tx === db) return db.$transaction((t) => recordAudit(input, t));
  const chain = chainOf(input.clinicId);
  const [locked] = await tx.$queryRaw<
    { now: Date }[]
  >`SELECT clock_timestamp() AS now FROM (SELECT pg_advisory_xact_lock(hashtextextended(${chain}, 29))) AS locked`;
  const now = locked!.now;
  const last = await tx.auditEvent.findFirst({
    where: { chain },
    orderBy: { chainSeq: "desc" },
    select: { chainSeq: true, hash: true },
  });
  const event = {
    id: `aud_${crypto.randomUUID().replace(/-/g, "")}`,
    chain,
    chainSeq: (last?.chainSeq ?? 0) + 1,
    prevHash: last?.hash ?? GENESIS_HASH,
    // Milliseconds, as the column keeps them: the hash must come out the same from what is read back.
    createdAt: new Date(Math.floor(now.getTime())),
    clinicId: input.clinicId ?? null,
    actorId: input.actorId ?? null,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    metadata: input.metadata ?? null,
    ip: input.ip ?? null,
    userAgent: input.userAgent ?? null,
  };
  const hash = eventHash({ ...event, createdAt: event.createdAt.toISOString() });
  await tx.auditEvent.create({ data: { ...event, metadata: event.metadata ?? undefined, hash } });
}

type MemberEvent = Pick<AuditInput, "action" | "targetType" | "targetId" | "metadata">;

/** An event done by a member in their clinic: actor, clinic, address and user agent come from the context. */
export async function auditMember(ctx: MemberContext, event: MemberEvent, tx?: Tx): Promise<void> {
  await recordAudit(
    { ...event, clinicId: ctx.clinic.id, actorId: ctx.user.id, ip: ctx.info.ip, userAgent: ctx.info.userAgent },
    tx,
  );
}
