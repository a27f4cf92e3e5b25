import "server-only";
import { db } from "@/lib/db";
import { chainOf, type ChainedEvent } from "@/lib/audit/chain";
import { EXPORT_COLUMNS } from "@/lib/audit/export-columns";
import { canonicalJson } from "@/lib/canonical-json";
import { recordAudit } from "@/lib/audit/mutations";
import { requireRole, type MemberContext } from "@/lib/member-context";

// An owner's copy of the clinic's audit log for a date range, to hand to an auditor: every event of the
// clinic's chain in order, with its place, the hash of the row before and its own, so `npm run audit:verify
// -- <file>` (or anyone with the rules in lib/audit/chain.ts) can check that nothing in it was changed or
// left out. Streamed a batch at a time, so memory stays flat however long the range.

export type ExportFormat = "csv" | "jsonl";
export type ExportRow = ChainedEvent & { hash: string };

const BATCH = 2000;

/** The clinic's chained events created in [from, to), in chain order, a batch at a time. */
export async function* exportBatches(clinicId: string, from: Date, to: Date): AsyncGenerator<ExportRow[]> {
  const chain = chainOf(clinicId);
  let after = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      // A chain's times never run backwards (lib/audit/mutations.ts), so the range is one run of the chain.
      where: { chain, chainSeq: { gt: after }, createdAt: { gte: from, lt: to } },
      orderBy: { chainSeq: "asc" },
      take: BATCH,
      select: {
        id: true,
        chain: true,
        chainSeq: true,
        prevHash: true,
        hash: true,
        createdAt: true,
        clinicId: true,
        actorId: true,
        action: true,
        targetType: true,
        targetId: true,
        metadata: true,
        ip: true,
        userAgent: true,
      },
    });
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      ...r,
      chain: r.chain!,
      chainSeq: r.chainSeq!,
      prevHash: r.prevHash!,
      hash: r.hash!,
      createdAt: r.createdAt.toISOString(),
    }));
    after = rows.at(-1)!.chainSeq!;
    if (rows.length < BATCH) return;
  }
}

/**
 * One CSV cell: quoted when it must be; null is an empty cell and "" a quoted empty one; a cell a spreadsheet
 * would run as a formula (= + - @, tab, return) or that starts with ' gets a leading ', which the verifier
 * takes off again.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (/^[=+\-@\t\r']/.test(text)) text = `'${text}`;
  return text === "" || /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatRow(row: ExportRow, format: ExportFormat): string {
  if (format === "jsonl")
    return `${JSON.stringify(Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, row[c] ?? null])))}\n`;
  return `${EXPORT_COLUMNS.map((c) => csvCell(c === "metadata" ? (row.metadata == null ? null : canonicalJson(row.metadata)) : (row[c] as string | number | null))).join(",")}\r\n`;
}

/** OWNER: the export as a stream, audited before the first byte. */
export async function exportAuditLog(
  ctx: MemberContext,
  range: { from: Date; to: Date },
  format: ExportFormat,
): Promise<ReadableStream<Uint8Array>> {
  requireRole(ctx, ["OWNER"]);
  await recordAudit({
    action: "audit.exported",
    clinicId: ctx.clinic.id,
    actorId: ctx.user.id,
    metadata: { format, from: range.from.toISOString().slice(0, 10), to: range.to.toISOString().slice(0, 10) },
    ip: ctx.info.ip,
    userAgent: ctx.info.userAgent,
  });
  const encoder = new TextEncoder();
  const batches = exportBatches(ctx.clinic.id, range.from, range.to);
  let headerSent = format === "jsonl";
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        return controller.enqueue(encoder.encode(`${EXPORT_COLUMNS.join(",")}\r\n`));
      }
      const next = await batches.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map((r) => formatRow(r, format)).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
