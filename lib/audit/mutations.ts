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
  // Plain SQL for this read and the insert below: every Generate records two events (generated, and the
  // page it leads to, viewed), and Prisma 6.19 compiles each ORM query again on every call, on the request
  // thread (its query compiler was ~21% of a web server's busy time under bench:cluster load). Still separate
  // statements after the lock, so this read sees the last event committed by the previous holder.
  const [last] = await tx.$queryRaw<{ chainSeq: number; hash: string | null }[]>`
    SELECT "chainSeq", "hash" FROM "AuditEvent" WHERE "chain" = ${chain} ORDER BY "chainSeq" DESC LIMIT 1`;
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
  const metadata = event.metadata === null ? null : JSON.stringify(event.metadata);
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("id", "chain", "chainSeq", "prevHash", "createdAt", "clinicId", "actorId", "action",
      "targetType", "targetId", "metadata", "ip", "userAgent", "hash")
    VALUES (${event.id}, ${chain}, ${event.chainSeq}, ${event.prevHash},
      ${event.createdAt.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${event.clinicId}, ${event.actorId},
      ${event.action}, ${event.targetType}, ${event.targetId}, ${metadata}::jsonb, ${event.ip}, ${event.userAgent},
      ${hash})`;
}

type MemberEvent = Pick<AuditInput, "action" | "targetType" | "targetId" | "metadata">;

/** An event done by a member in their clinic: actor, clinic, address and user agent come from the context. */
export async function auditMember(ctx: MemberContext, event: MemberEvent, tx?: Tx): Promise<void> {
  await recordAudit(
    { ...event, clinicId: ctx.clinic.id, actorId: ctx.user.id, ip: ctx.info.ip, userAgent: ctx.info.userAgent },
    tx,
  );
}
