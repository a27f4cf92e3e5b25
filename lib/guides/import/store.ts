// Storing a parsed guide: a new immutable version per import. Shared by the portal (clinic guides), the
// command line and the seed (shared library guides), so it takes the database client it should use.
import crypto from "node:crypto";
import { slugify, type ParsedGuide } from "@/lib/guides/import/parse-markdown";
import { matchVariantSections } from "@/lib/guides/import/variants";
import { AppError } from "@/lib/errors";
import { codesKey, readCodes } from "@/lib/guides/clinical-codes";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export type ImportResult = {
  guideId: string;
  versionId: string;
  version: number;
  unchanged: boolean;
  sections: { key: string; title: string }[];
};

/**
 * What an import did, for the guide page's notice (`?imported=`): a new guide, the next version of the
 * guide that has its title, or nothing (the latest version already had the same text and pictures).
 */
export type ImportOutcome = "new" | "version" | "unchanged";
export const importOutcome = (r: Pick<ImportResult, "version" | "unchanged">): ImportOutcome =>
  r.unchanged ? "unchanged" : r.version === 1 ? "new" : "version";

type Tx = Prisma.TransactionClient;
// A client opens its own transaction; a transaction (the editor's publish, which also moves the draft's
// pictures) is used as it is.
type Client = Pick<PrismaClient, "$transaction"> | Tx;
const inTransaction = <T>(db: Client, fn: (tx: Tx) => Promise<T>): Promise<T> =>
  "$transaction" in db ? db.$transaction(fn) : fn(db);

function sectionHash(s: ParsedGuide["sections"][number]): string {
  return crypto
    .createHash("sha256")
    .update(JSON.stringify([s.title, s.kind, s.required, s.blocks, s.citedRefKeys, s.keyPoint]))
    .digest("hex");
}

/**
 * The original a variant belongs to, in the same library (or the shared library, for a clinic's variant of
 * a shared guide). Its sections get the original's keys, and every section the original locks stays locked.
 * Mutates `parsed.sections`; throws a BAD_REQUEST naming any mismatch.
 */
export async function resolveVariant(
  tx: Pick<Tx, "guide">,
  parsed: ParsedGuide,
  clinicId: string | null,
): Promise<string> {
  const of = parsed.variant.of!;
  const original = await tx.guide.findFirst({
    where: { key: of, OR: clinicId ? [{ clinicId }, { clinicId: null }] : [{ clinicId: null }] },
    // The clinic's own guide first when both libraries have that key.
    orderBy: { clinicId: { sort: "asc", nulls: "last" } },
    select: {
      id: true,
      variantOfId: true,
      versions: {
        orderBy: { version: "desc" },
        take: 1,
        select: {
          title: true,
          sections: {
            orderBy: { position: "asc" },
            select: { key: true, title: true, kind: true, required: true, lockReason: true },
          },
        },
      },
    },
  });
  const latest = original?.versions[0];
  if (!original || !latest)
    throw new AppError(
      "BAD_REQUEST",
      `"variantOf: ${of}" names no guide in this library: use the key of the original guide (the slug of its title).`,
    );
  if (original.variantOfId)
    throw new AppError(
      "BAD_REQUEST",
      `"${latest.title}" is itself a variant: make this a variant of the guide it belongs to.`,
    );
  const match = matchVariantSections(latest, parsed);
  if (!match.ok) throw new AppError("BAD_REQUEST", match.errors.join(" "));
  const locks = new Map(latest.sections.filter((s) => s.required).map((s) => [s.key, s.lockReason]));
  parsed.sections = match.sections.map((s) =>
    locks.has(s.key) && !s.required
      ? { ...s, required: true, lock: (locks.get(s.key) ?? "guide") as typeof s.lock }
      : s,
  );
  return original.id;
}

/**
 * Imports `parsed` as the next version of the guide with the same key (slug of the title) in the same
 * library: `clinicId` for a clinic's own guides, null for the shared library. One transaction; the guide
 * row is locked so two imports of the same guide cannot both become version N. Importing text identical to
 * the latest version stores nothing and reports `unchanged`.
 */
export async function importGuide(
  db: Client,
  parsed: ParsedGuide,
  // guideId: the editor's guide, whose key stays when its title is renamed (it must be in clinicId's library).
  target: { clinicId: string | null; importedBy?: string | null; guideId?: string },
  audit?: (tx: Tx, result: ImportResult) => Promise<void>,
): Promise<ImportResult> {
  const key = slugify(parsed.title);

  return inTransaction(db, async (tx) => {
    const variantOfId = parsed.variant.of ? await resolveVariant(tx, parsed, target.clinicId) : null;
    const hashes = new Map(parsed.sections.map((s) => [s.key, sectionHash(s)]));
    const { level, language } = parsed.variant;
    if (!target.guideId) {
      await tx.$executeRaw`INSERT INTO "Guide" ("id", "clinicId", "key", "variantOfId", "level", "language", "updatedAt") VALUES (${`gd_${crypto.randomUUID().replace(/-/g, "")}`}, ${target.clinicId}, ${key}, ${variantOfId}, ${level}, ${language}, now())
        ON CONFLICT (COALESCE("clinicId", ''), "key") DO NOTHING`;
    }
    const [guide] = target.guideId
      ? await tx.$queryRaw<{ id: string; variantOfId: string | null; level: string; language: string }[]>`
          SELECT "id", "variantOfId", "level", "language" FROM "Guide" WHERE "id" = ${target.guideId} AND COALESCE("clinicId", '') = COALESCE(${target.clinicId}::text, '') FOR UPDATE`
      : await tx.$queryRaw<{ id: string; variantOfId: string | null; level: string; language: string }[]>`
          SELECT "id", "variantOfId", "level", "language" FROM "Guide" WHERE COALESCE("clinicId", '') = COALESCE(${target.clinicId}::text, '') AND "key" = ${key} FOR UPDATE`;
    if (!guide) throw new Error("importGuide: the guide is not in that library");
    const guideId = guide.id;
    if (guide.variantOfId !== variantOfId || guide.level !== level || guide.language !== language) {
      await tx.guide.update({ where: { id: guideId }, data: { variantOfId, level, language } });
    }
    const latest = await tx.guideVersion.findFirst({
      where: { guideId },
      orderBy: { version: "desc" },
      select: {
        id: true,
        version: true,
        title: true,
        summary: true,
        source: true,
        reviewedAt: true,
        translationNote: true,
        codes: true,
        sections: { orderBy: { position: "asc" }, select: { key: true, contentHash: true } },
        references: { select: { key: true, text: true } },
      },
    });
    const previous = new Map(latest?.sections.map((s) => [s.key, s.contentHash]) ?? []);
    const sections = parsed.sections.map((s) => ({ key: s.key, title: s.title }));

    const sameText =
      latest &&
      latest.title === parsed.title &&
      latest.summary === parsed.summary &&
      latest.source === parsed.source &&
      latest.translationNote === parsed.variant.translationNote &&
      // A re-import that only changes the codes is a new version.
      codesKey(readCodes(latest.codes)) === codesKey(parsed.codes) &&
      (latest.reviewedAt?.toISOString().slice(0, 10) ?? null) === parsed.reviewed &&
      // Same sections with the same text, in the same order.
      JSON.stringify(latest.sections.map((s) => s.key)) === JSON.stringify(parsed.sections.map((s) => s.key)) &&
      parsed.sections.every((s) => previous.get(s.key) === hashes.get(s.key)) &&
      JSON.stringify(latest.references.map((r) => [r.key, r.text]).sort()) ===
        JSON.stringify(parsed.references.map((r) => [r.key, r.text]).sort());
    if (latest && sameText)
      return { guideId, versionId: latest.id, version: latest.version, unchanged: true, sections };

    const version = (latest?.version ?? 0) + 1;
    const created = await tx.guideVersion.create({
      data: {
        guideId,
        version,
        title: parsed.title,
        summary: parsed.summary,
        source: parsed.source,
        reviewedAt: parsed.reviewed ? new Date(`${parsed.reviewed}T00:00:00Z`) : null,
        translationNote: parsed.variant.translationNote,
        codes: parsed.codes as unknown as Prisma.InputJsonValue,
        grade: parsed.grade,
        words: parsed.words,
        importedBy: target.importedBy ?? null,
        sections: {
          create: parsed.sections.map((s, position) => {
            return {
              key: s.key,
              title: s.title,
              position,
              kind: s.kind,
              required: s.required,
              lockReason: s.lock,
              redFlag: s.redFlag,
              blocks: s.blocks as unknown as Prisma.InputJsonValue,
              citedRefKeys: s.citedRefKeys,
              plainText: s.plainText,
              grade: s.grade,
              words: s.words,
              keyPoint: s.keyPoint,
              contentHash: hashes.get(s.key)!,
              changed: !latest || previous.get(s.key) !== hashes.get(s.key),
            };
          }),
        },
        references: {
          create: parsed.references.map((r, position) => ({ key: r.key, text: r.text, url: r.url, position })),
        },
      },
      select: { id: true },
    });
    await tx.guide.update({ where: { id: guideId }, data: { updatedAt: new Date() } });
    const result = { guideId, versionId: created.id, version, unchanged: false, sections };
    await audit?.(tx, result);
    return result;
  });
}
