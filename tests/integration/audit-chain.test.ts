import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/mutations";
import { exportAuditLog } from "@/lib/audit/export";
import { chainOf } from "@/lib/audit/chain";
import { readExport, verifyRows } from "@/lib/audit/verify";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { act, db } from "./helpers";

// The audit log's hash chain, as an auditor would check it: the rows in the database, and an owner's export.

const range = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000) };

async function* rowsOf(chain: string) {
  const rows = await db.auditEvent.findMany({ where: { chain }, orderBy: { chainSeq: "asc" } });
  for (const r of rows)
    yield { ...r, chain: r.chain!, chainSeq: r.chainSeq!, prevHash: r.prevHash!, createdAt: r.createdAt.toISOString() };
}

async function exportText(ownerId: string, clinicId: string, format: "csv" | "jsonl") {
  const stream = await act(ownerId, clinicId, exportAuditLog, range, format);
  return new Response(stream).text();
}

/** As the table's owner can: with the append-only trigger off for one statement. */
async function tamper(sql: string) {
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete"`);
    await tx.$executeRawUnsafe(sql);
    await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete"`);
  });
}

const verifyCli = (args: string[] = []) => {
  try {
    return {
      code: 0,
      out: execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "lib/cli/audit-verify.ts", ...args], {
        encoding: "utf8",
        stdio: "pipe",
      }),
    };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: e.stdout + e.stderr };
  }
};

describe("the audit log's hash chain", () => {
  it("numbers a clinic's events one after another even when written at once, and each row's hash checks", async () => {
    const c = await createClinicWithMembers(db);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        recordAudit({
          action: "member.invited",
          clinicId: c.clinic.id,
          actorId: c.owner.id,
          targetId: String(i),
          metadata: { n: i, nested: { b: 2, a: [1, "x"] } },
        }),
      ),
    );
    const rows = await db.auditEvent.findMany({ where: { chain: chainOf(c.clinic.id) }, orderBy: { chainSeq: "asc" } });
    expect(rows.map((r) => r.chainSeq)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
    expect(rows.length).toBeGreaterThanOrEqual(40);
    // Times never run backwards along the chain, so a date range is one run of it.
    for (let i = 1; i < rows.length; i++)
      expect(rows[i]!.createdAt.getTime()).toBeGreaterThanOrEqual(rows[i - 1]!.createdAt.getTime());
    expect(await verifyRows(rowsOf(chainOf(c.clinic.id)))).toMatchObject({ firstBreak: null, chains: 1 });
  });

  it("names the first row changed by hand, the row whose hash was rewritten with it, and a missing row", async () => {
    const c = await createClinicWithMembers(db);
    for (let i = 0; i < 6; i++)
      await recordAudit({ action: "template.created", clinicId: c.clinic.id, actorId: c.owner.id, targetId: `t${i}` });
    const chain = chainOf(c.clinic.id);
    const row = async (seq: number) => db.auditEvent.findFirstOrThrow({ where: { chain, chainSeq: seq } });

    const third = await row(3);
    await tamper(`UPDATE "AuditEvent" SET "targetId" = 'forged' WHERE id = '${third.id}'`);
    expect((await verifyRows(rowsOf(chain))).firstBreak).toMatchObject({
      id: third.id,
      chainSeq: 3,
      reason: expect.stringMatching(/does not match its contents/),
    });

    // Its hash written again to match: the next row still remembers the old one.
    const { eventHash } = await import("@/lib/audit/chain");
    const changed = await row(3);
    const rehashed = eventHash({
      ...changed,
      chain,
      chainSeq: 3,
      prevHash: changed.prevHash!,
      createdAt: changed.createdAt.toISOString(),
    });
    await tamper(`UPDATE "AuditEvent" SET hash = '${rehashed}' WHERE id = '${third.id}'`);
    expect((await verifyRows(rowsOf(chain))).firstBreak).toMatchObject({
      id: third.id,
      chainSeq: 3,
      reason: expect.stringMatching(/hash written again/),
    });

    const other = await createClinicWithMembers(db);
    for (let i = 0; i < 4; i++)
      await recordAudit({ action: "template.created", clinicId: other.clinic.id, actorId: other.owner.id });
    const gone = await db.auditEvent.findFirstOrThrow({ where: { chain: chainOf(other.clinic.id), chainSeq: 2 } });
    await tamper(`DELETE FROM "AuditEvent" WHERE id = '${gone.id}'`);
    expect((await verifyRows(rowsOf(chainOf(other.clinic.id)))).firstBreak).toMatchObject({
      chainSeq: 3,
      reason: expect.stringMatching(/row 2 of the chain is missing/),
    });

    // And `npm run audit:verify` on the whole database says so, naming a broken row.
    const cli = verifyCli();
    expect(cli.code).toBe(1);
    expect(cli.out).toMatch(/is broken at row \d+ \(id \S+\)/);
  }, 60_000);

  it("an owner's export (CSV and JSON lines) checks, is audited, and names a row changed in the file; only owners, only their clinic", async () => {
    const c = await createClinicWithMembers(db);
    await recordAudit({
      action: "clinic.branding_changed",
      clinicId: c.clinic.id,
      actorId: c.admin.id,
      metadata: { fields: ["phone"], note: 'a "quoted", comma\nand a line' },
      userAgent: '=HYPERLINK("x")',
    });
    await recordAudit({
      action: "member.invited",
      clinicId: c.clinic.id,
      actorId: c.owner.id,
      ip: "203.0.113.9",
      targetType: "",
      targetId: "-1",
    });
    for (const format of ["csv", "jsonl"] as const) {
      const text = await exportText(c.owner.id, c.clinic.id, format);
      const verdict = await verifyRows(readExport(Readable.from([text]), format), { anchored: true });
      expect(verdict, format).toMatchObject({ firstBreak: null });
      expect(verdict.rows, format).toBeGreaterThanOrEqual(3);
      const file = path.join(os.tmpdir(), `audit-${Date.now()}.${format}`);
      fs.writeFileSync(file, text.replace("203.0.113.9", "203.0.113.10"));
      const cli = verifyCli([file]);
      expect(cli.code, cli.out).toBe(1);
      expect(cli.out).toMatch(/broken at row \d+ \(id aud_\w+\): its hash does not match its contents/);
      fs.writeFileSync(file, text);
      expect(verifyCli([file]).code).toBe(0);
      fs.rmSync(file);
    }
    // A spreadsheet would run a cell starting with "=": the CSV escapes it (and the verifier reads it back).
    expect(await exportText(c.owner.id, c.clinic.id, "csv")).toContain(`'=HYPERLINK(""x"")`);
    expect(await db.auditEvent.count({ where: { clinicId: c.clinic.id, action: "audit.exported" } })).toBe(3);

    await expect(act(c.admin.id, c.clinic.id, exportAuditLog, range, "csv")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const b = await createClinicWithMembers(db);
    await expect(act(b.owner.id, c.clinic.id, exportAuditLog, range, "csv")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Clinic B's export holds nothing of clinic A.
    expect(await exportText(b.owner.id, b.clinic.id, "jsonl")).not.toContain(c.clinic.id);
  }, 60_000);
});
