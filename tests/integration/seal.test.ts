import crypto from "node:crypto";
import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import { addDraftImage, createGuideDraft, publishGuideDraft, saveGuideDraft } from "@/lib/guides/editor/drafts";
import { setLogo } from "@/lib/clinics/branding";
import { createHandout } from "@/lib/printing/generate";
import { builderFromGuide } from "@/lib/handout-drafts/builder-data";
import { getHandout } from "@/lib/handouts/queries";
import { findPrintedRecord, sealUnsealedHandouts } from "@/lib/handouts/printed-record";
import { sealOf } from "@/lib/handouts/seal";
import { resetLinkRateLimit } from "@/lib/links/rate-limit";
import { CLIENT_IP_HEADER } from "@/lib/server/client-ip.mjs";
import { GET as pageGET, HEAD as pageHEAD } from "@/app/h/[token]/route";
import { GET as logoGET } from "@/app/h/[token]/logo/route";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { act, db, importSeedGuide } from "./helpers";

// The patient page shows a handout only while what it is about to show matches the seal written with the
// handout (lib/handouts/seal.ts). The tampering below is what the tables' owner can do (disable a trigger),
// each time inside one transaction, so no other test ever sees a trigger off. Every guide here is the test
// clinic's own: nothing shared with other test files is changed.

let ip = 0;
const request = (token: string, path = "", method = "GET") => ({
  req: new Request(`http://localhost:3000/h/${token}${path}`, {
    method,
    headers: { [CLIENT_IP_HEADER]: `198.51.100.${++ip % 250}` },
  }),
  ctx: { params: Promise.resolve({ token }) },
});
async function open(token: string) {
  const { req, ctx } = request(token);
  const res = await pageGET(req, ctx);
  return { status: res.status, html: await res.text() };
}

/** Runs `statement` with one trigger of `table` off, as the table's owner can, in one transaction. */
async function asOwner(table: string, trigger: string, statement: string, ...values: unknown[]) {
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`ALTER TABLE "${table}" DISABLE TRIGGER "${trigger}"`);
    await tx.$executeRawUnsafe(statement, ...values);
    await tx.$executeRawUnsafe(`ALTER TABLE "${table}" ENABLE TRIGGER "${trigger}"`);
  });
}

async function handoutWithLink(
  c: Awaited<ReturnType<typeof createClinicWithMembers>>,
  guideId: string,
  extra: { notes?: string; preparedFor?: string; followUpDate?: string } = {},
) {
  const start = await act(c.clinician.id, c.clinic.id, builderFromGuide, guideId);
  const { id } = await act(c.clinician.id, c.clinic.id, createHandout, {
    ...start.initial,
    guideVersionId: start.guide.versionId,
    patientLink: true,
    ...extra,
  });
  const handout = await act(c.clinician.id, c.clinic.id, getHandout, id);
  const url = handout.link!.url;
  return {
    id,
    versionId: start.guide.versionId,
    token: url.slice(url.lastIndexOf("/") + 1),
    sectionKeys: handout.sectionKeys,
  };
}

beforeEach(() => resetLinkRateLimit());

describe("the seal of what a handout printed", () => {
  it("is written with the handout from what was rendered, and the page, reading it back, finds the same", async () => {
    const c = await createClinicWithMembers(db);
    const guide = await importSeedGuide(c.clinic.id);
    const h = await handoutWithLink(c, guide.guideId, {
      notes: "Walk daily.\n- Ice 15 minutes",
      preparedFor: "Jo",
      followUpDate: "2027-02-01",
    });
    const stored = await db.handoutSeal.findUniqueOrThrow({ where: { handoutId: h.id } });
    expect(stored).toMatchObject({ version: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const found = await findPrintedRecord(c.clinic.id, h.id);
    expect(sealOf(found!.record)).toBe(stored.sha256);
    expect((await open(h.token)).status).toBe(200);
  }, 60_000);

  it("keeps the page from showing a handout whose sections or references were changed behind the portal's back, and says why", async () => {
    const c = await createClinicWithMembers(db, "Juniper Spine Clinic");
    await db.clinic.update({ where: { id: c.clinic.id }, data: { phone: "(555) 010-7700" } });
    const guide = await importSeedGuide(c.clinic.id);
    const h = await handoutWithLink(c, guide.guideId, { notes: "Walk for ten minutes after lunch." });
    const before = await open(h.token);
    expect(before.status).toBe(200);
    const headings = [...before.html.matchAll(/<h2 id="s-[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]!);
    expect(headings.length).toBeGreaterThanOrEqual(5);

    // A cited reference reworded: refused; put back: shown again (the page compares content, nothing else).
    const cited = await db.section.findFirstOrThrow({
      where: { versionId: h.versionId, key: { in: h.sectionKeys }, citedRefKeys: { isEmpty: false } },
      select: { citedRefKeys: true },
    });
    const ref = await db.guideReference.findFirstOrThrow({
      where: { versionId: h.versionId, key: cited.citedRefKeys[0]! },
    });
    await asOwner(
      "GuideReference",
      "GuideReference_immutable",
      `UPDATE "GuideReference" SET "text" = 'Nobody (2020). Made up.' WHERE "id" = $1`,
      ref.id,
    );
    expect((await open(h.token)).status).toBe(500);
    await asOwner(
      "GuideReference",
      "GuideReference_immutable",
      `UPDATE "GuideReference" SET "text" = $2 WHERE "id" = $1`,
      ref.id,
      ref.text,
    );
    expect((await open(h.token)).status).toBe(200);

    // The case: the sections deleted, all but the disclaimer.
    await asOwner(
      "Section",
      "Section_no_delete",
      `DELETE FROM "Section" WHERE "versionId" = $1 AND "kind" <> 'disclaimer'`,
      h.versionId,
    );
    const after = await open(h.token);
    expect(after.status).toBe(500);
    expect(after.html).toContain("This handout&#39;s content could not be verified");
    expect(after.html).toContain(
      "What this page would show no longer matches the handout your clinic gave you, so it is not shown.",
    );
    expect(after.html).toContain('Please contact Juniper Spine Clinic: <a href="tel:5550107700">(555) 010-7700</a>.');
    // No guide content, none of the handout's own text, no download.
    for (const text of [
      ...headings,
      "Walk for ten minutes after lunch.",
      "Disclaimer",
      "Download PDF",
      `/h/${h.token}/`,
    ])
      expect(after.html).not.toContain(text);
    const { req, ctx } = request(h.token, "", "HEAD");
    expect((await pageHEAD(req, ctx)).status).toBe(500);
    // Audited once per GET (HEAD is not counted), and not counted as an opening.
    const events = await db.auditEvent.findMany({
      where: { targetId: h.id, action: { in: ["link.unverified", "link.opened"] } },
      select: { action: true, metadata: true },
      orderBy: { createdAt: "asc" },
    });
    expect(events).toEqual([
      { action: "link.opened", metadata: null },
      { action: "link.unverified", metadata: { check: "mismatch" } },
      { action: "link.unverified", metadata: { check: "mismatch" } },
    ]);
    expect(await db.patientLink.findUniqueOrThrow({ where: { handoutId: h.id }, select: { openCount: true } })).toEqual(
      { openCount: 2 },
    );
  }, 60_000);

  it("covers the pictures and the logo the handout printed: a replaced picture stops the page, a replaced logo is not served", async () => {
    const c = await createClinicWithMembers(db);
    const logo = await sharp({ create: { width: 240, height: 80, channels: 3, background: "#0b6e4f" } })
      .png()
      .toBuffer();
    await act(c.owner.id, c.clinic.id, setLogo, logo, { name: "logo.png", type: "image/png" });
    const { id: draftId } = await act(c.admin.id, c.clinic.id, createGuideDraft);
    const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#7a9cc6" } })
      .png()
      .toBuffer();
    const image = await act(c.admin.id, c.clinic.id, addDraftImage, draftId, photo, {
      name: "stretch.png",
      type: "image/png",
    });
    const content = {
      title: `Calf stretch ${crypto.randomUUID()}`,
      summary: "",
      source: "",
      reviewed: "",
      language: "en",
      level: "standard" as const,
      codes: "",
      sections: [
        {
          title: "Stretch",
          markdown: `Stand facing a wall.\n\n![A calf stretch against a wall](image:${image.id} "Hold for 30 seconds")`,
          required: false,
          keepUnlocked: false,
        },
        { title: "Disclaimer", markdown: "General advice.", required: false, keepUnlocked: false },
      ],
    };
    const saved = await act(c.admin.id, c.clinic.id, saveGuideDraft, { draftId, revision: 1, content });
    const published = await act(c.admin.id, c.clinic.id, publishGuideDraft, { draftId, revision: saved.revision });
    const h = await handoutWithLink(c, published.guideId);
    expect((await open(h.token)).status).toBe(200);
    const logoOf = async () => {
      const { req, ctx } = request(h.token, "/logo");
      return (await logoGET(req, ctx)).status;
    };
    expect(await logoOf()).toBe(200);

    const stored = await db.guideImage.findUniqueOrThrow({
      where: { id: image.id },
      select: { data: true, sha256: true },
    });
    const other = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#c67a7a" } })
      .png()
      .toBuffer();
    await asOwner(
      "GuideImage",
      "GuideImage_permanent",
      `UPDATE "GuideImage" SET "data" = $2, "sha256" = $3 WHERE "id" = $1`,
      image.id,
      other,
      crypto.createHash("sha256").update(other).digest("hex"),
    );
    expect((await open(h.token)).status).toBe(500);
    await asOwner(
      "GuideImage",
      "GuideImage_permanent",
      `UPDATE "GuideImage" SET "data" = $2, "sha256" = $3 WHERE "id" = $1`,
      image.id,
      Buffer.from(stored.data),
      stored.sha256,
    );
    expect((await open(h.token)).status).toBe(200);

    // The logo's bytes swapped under the hash the handout printed: the page stays (its text is unchanged),
    // the logo is no longer served.
    await asOwner(
      "LogoVersion",
      "LogoVersion_immutable",
      `UPDATE "LogoVersion" SET "bytes" = $2 WHERE "clinicId" = $1`,
      c.clinic.id,
      other,
    );
    expect(await logoOf()).toBe(404);
  }, 60_000);

  it("refuses a handout that has no seal until the migration step's backfill seals it", async () => {
    const c = await createClinicWithMembers(db);
    const guide = await importSeedGuide(c.clinic.id);
    const h = await handoutWithLink(c, guide.guideId);
    const seal = await db.handoutSeal.findUniqueOrThrow({ where: { handoutId: h.id } });
    // As a handout made before seals existed.
    await asOwner("HandoutSeal", "HandoutSeal_no_delete", `DELETE FROM "HandoutSeal" WHERE "handoutId" = $1`, h.id);
    const refused = await open(h.token);
    expect(refused.status).toBe(500);
    expect(refused.html).toContain("could not be verified");
    expect(
      await db.auditEvent.findFirst({
        where: { targetId: h.id, action: "link.unverified" },
        select: { metadata: true },
      }),
    ).toEqual({ metadata: { check: "unsealed" } });

    expect(await sealUnsealedHandouts(db)).toBeGreaterThanOrEqual(1);
    expect(await db.handoutSeal.findUniqueOrThrow({ where: { handoutId: h.id } })).toMatchObject({
      version: 1,
      sha256: seal.sha256,
    });
    expect((await open(h.token)).status).toBe(200);
  }, 60_000);
});
