// `npm run bench:audit-write`: the request thread's CPU for one audit event, the way recordAudit writes it
// (plain SQL after the chain lock) against the same statements through Prisma's ORM (as before issue 30),
// alternating in one process on a throwaway PostgreSQL so the machine's speed cancels out.
import crypto from "node:crypto";
import type { Tx } from "@/lib/db";

process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";
process.env.SMTP_URL ??= "smtp://127.0.0.1:2525";
const { db } = await import("@/lib/db");
const { recordAudit } = await import("@/lib/audit/mutations");
const { chainOf, eventHash, GENESIS_HASH } = await import("@/lib/audit/chain");

// recordAudit before issue 30: findFirst and create through the ORM (each compiled again on every call).
async function recordAuditOrm(clinicId: null, tx: Tx) {
  const chain = chainOf(clinicId);
  const [locked] = await tx.$queryRaw<
    { now: Date }[]
  >`SELECT clock_timestamp() AS now FROM (SELECT pg_advisory_xact_lock(hashtextextended(${chain}, 29))) AS locked`;
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
    createdAt: new Date(Math.floor(locked!.now.getTime())),
    clinicId,
    actorId: null,
    action: "handout.viewed",
    targetType: "handout",
    targetId: "h1",
    metadata: { pages: 4 },
    ip: "127.0.0.1",
    userAgent: "bench",
  };
  const hash = eventHash({ ...event, createdAt: event.createdAt.toISOString() });
  await tx.auditEvent.create({ data: { ...event, hash } });
}

const ROUNDS = 10;
const PER_ROUND = 100;
const cpuMs = async (fn: () => Promise<void>) => {
  const start = process.cpuUsage();
  for (let i = 0; i < PER_ROUND; i++) await fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / PER_ROUND;
};
const sql: number[] = [];
const orm: number[] = [];
const input = {
  action: "handout.viewed" as const,
  targetType: "handout",
  targetId: "h1",
  metadata: { pages: 4 },
  ip: "127.0.0.1",
  userAgent: "bench",
};
for (let r = 0; r < ROUNDS + 1; r++) {
  const s = await cpuMs(() => recordAudit(input));
  const o = await cpuMs(() => db.$transaction((tx) => recordAuditOrm(null, tx)));
  // The first round warms both paths up (JIT, connections) and is not counted.
  if (r === 0) continue;
  sql.push(s);
  orm.push(o);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `audit event, request-thread CPU per event (median of ${ROUNDS} rounds of ${PER_ROUND}): plain SQL ${median(sql).toFixed(2)} ms, ORM ${median(orm).toFixed(2)} ms (×${(median(sql) / median(orm)).toFixed(2)})`,
);
await db.$disconnect();
process.exit(0);
