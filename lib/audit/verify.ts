// Reading the audit chain back, from the database or from an export, and checking it (lib/audit/chain.ts).
// Pure apart from the database reader, which is given its query function, so the command-line verifier
// (lib/cli/audit-verify.ts) can use a client of its own.
import { createChainChecker, type ChainBreak, type ChainedEvent } from "@/lib/audit/chain";
import { EXPORT_COLUMNS } from "@/lib/audit/export-columns";

export type Verdict = { rows: number; chains: number; firstBreak: ChainBreak | null };
type Row = ChainedEvent & { hash: string | null };

/** Checks rows arriving in chain order; stops at the first break. */
export async function verifyRows(rows: AsyncIterable<Row>, opts: { anchored?: boolean } = {}): Promise<Verdict> {
  const checker = createChainChecker(opts);
  for await (const row of rows) {
    const broken = checker.check(row);
    if (broken) return { ...checker.counts, firstBreak: broken };
  }
  return { ...checker.counts, firstBreak: null };
}

/** One CSV record's cells: null for an empty unquoted cell, a leading ' taken off (lib/audit/export.ts). */
function csvRecord(line: string): (string | null)[] {
  const cells: (string | null)[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = "";
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new Error("an unterminated quoted cell");
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      cells.push(unescape(value));
    } else {
      const comma = line.indexOf(",", i);
      const raw = line.slice(i, comma < 0 ? line.length : comma);
      cells.push(raw === "" ? null : unescape(raw));
      i = comma < 0 ? line.length : comma;
    }
    if (line[i] !== ",") break;
    i++;
  }
  return cells;
}
const unescape = (v: string) => (v.startsWith("'") ? v.slice(1) : v);

const balanced = (s: string) => (s.match(/"/g)?.length ?? 0) % 2 === 0;

/** The rows of an export (CSV or JSON lines) read from a stream of text, as the export wrote them. */
export async function* readExport(chunks: AsyncIterable<string>, format: "csv" | "jsonl"): AsyncGenerator<Row> {
  let buffer = "";
  let pending = "";
  let header = format === "jsonl";
  let line = 0;
  const toRow = (text: string): Row => {
    line++;
    try {
      if (format === "jsonl") return JSON.parse(text) as Row;
      const cells = csvRecord(text);
      const r = Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, cells[i] ?? null])) as Record<
        string,
        string | null
      >;
      const metadata = r.metadata;
      return {
        ...(r as unknown as Row),
        chainSeq: Number(r.chainSeq),
        metadata: metadata == null ? null : JSON.parse(metadata),
      };
    } catch (err) {
      throw new Error(`record ${line} of the file cannot be read (${err instanceof Error ? err.message : err})`, {
        cause: err,
      });
    }
  };
  for await (const chunk of chunks) {
    const pieces = (buffer + chunk).split("\n");
    buffer = pieces.pop()!;
    for (const piece of pieces) {
      pending += `${piece}\n`;
      // A quoted CSV cell may hold a line break: the record ends where the quotes balance.
      if (format === "csv" && !balanced(pending)) continue;
      const record = pending.replace(/\r?\n$/, "");
      pending = "";
      if (record === "") continue;
      if (!header) {
        header = true;
        if (record !== EXPORT_COLUMNS.join(","))
          throw new Error(`the first line is not the export's header (${EXPORT_COLUMNS.join(",")})`);
        continue;
      }
      yield toRow(record);
    }
  }
  const rest = (pending + buffer).replace(/\r?\n$/, "");
  if (rest) yield toRow(rest);
}
