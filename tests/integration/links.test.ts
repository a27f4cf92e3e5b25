import { beforeEach, describe, expect, it } from "vitest";
import { voidHandout } from "@/lib/handouts/mutations";
import { createHandout } from "@/lib/printing/generate";
import { builderFromGuide } from "@/lib/handout-drafts/builder-data";
import { getHandout } from "@/lib/handouts/queries";
import { revokeLink } from "@/lib/links/mutations";
import { resetLinkRateLimit, LINK_REQUESTS_PER_MINUTE } from "@/lib/links/rate-limit";
import { linkToken } from "@/lib/handouts/link-tokens";
import { CLIENT_IP_HEADER } from "@/lib/server/client-ip.mjs";
import { GET as pageGET, HEAD as pageHEAD } from "@/app/h/[token]/route";
import { GET as pdfGET } from "@/app/h/[token]/pdf/route";
import { addMember, createClinicWithMembers, createUser } from "@/prisma/seed/factories";
import { act, db, importSeedGuide } from "./helpers";

let ipCounter = 0;
/** A fresh documentation address per test, so one test's requests never count against another's. */
const freshIp = () => `203.0.113.${++ipCounter}`;

function request(url: string, ip: string, method = "GET") {
  return new Request(`http://localhost:3000${url}`, { method, headers: { [CLIENT_IP_HEADER]: ip } });
}
const open = (token: string, ip: string) => pageGET(request(`/h/${token}`, ip), { params: Promise.resolve({ token }) });
const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);

/** A clinic with a handout that has a patient link (made by its clinician, or `by`); returns the link's token. */
async function handoutWithLink(
  opts: { clinicName?: string; phone?: string; notes?: string; preparedFor?: string; by?: "clinician" | "owner" } = {},
) {
  const guide = await importSeedGuide();
  const c = await createClinicWithMembers(db, opts.clinicName);
  if (opts.phone) await db.clinic.update({ where: { id: c.clinic.id }, data: { phone: opts.phone } });
  const author = c[opts.by ?? "clinician"];
  const start = await act(author.id, c.clinic.id, builderFromGuide, guide.guideId);
  const { id } = await act(author.id, c.clinic.id, createHandout, {
    ...start.initial,
    guideVersionId: start.guide.versionId,
    notes: opts.notes ?? "",
    preparedFor: opts.preparedFor ?? "",
    patientLink: true,
  });
  const handout = await act(author.id, c.clinic.id, getHandout, id);
  if (!handout.link) throw new Error("the handout has no link");
  return { c, handoutId: id, token: tokenOf(handout.link.url), url: handout.link.url };
}

/** Everything in a response a client could compare: status, headers except Date, body. */
async function snapshot(res: Response) {
  const headers = Object.fromEntries([...res.headers].filter(([k]) => k !== "date"));
  return { status: res.status, headers, body: await res.text() };
}

beforeEach(() => resetLinkRateLimit());

describe("patient links", () => {
  it("tokens are 256-bit HMACs of a 128-bit random seed, and the database holds neither the token nor anything that opens the link", async () => {
    const { token, handoutId } = await handoutWithLink();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.patientLink.findUniqueOrThrow({ where: { handoutId } });
    expect(Buffer.from(row.seed, "base64url")).toHaveLength(16);
    expect(row.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);
    // The hash of the token, not of the seed, is what finds the link, and the token is not the seed.
    expect(linkToken(row.seed)).toBe(token);
    expect(token).not.toBe(row.seed);
    // A thousand links: all different, and their bits look random (each of the 256 bits set about half the time).
    const tokens = Array.from({ length: 1000 }, (_, i) => linkToken(crypto.randomUUID() + i));
    expect(new Set(tokens).size).toBe(1000);
    const ones = new Array(256).fill(0);
    for (const t of tokens) {
      const bytes = Buffer.from(t, "base64url");
      for (let bit = 0; bit < 256; bit++) ones[bit] += (bytes[bit >> 3]! >> (bit & 7)) & 1;
    }
    expect(Math.min(...ones)).toBeGreaterThan(400);
    expect(Math.max(...ones)).toBeLessThan(600);
    // The handout's audit trail starts with the link.
    expect(await db.auditEvent.count({ where: { action: "link.created", targetId: handoutId } })).toBe(1);
  }, 60_000);

  it("opens the stored handout: its sections in order, the notes, contact block and the clinic's colours, nothing of another clinic", async () => {
    const a = await handoutWithLink({
      clinicName: "Alder Spine Clinic",
      notes: "Walk for ten minutes after lunch.",
      preparedFor: "Sam Patient",
    });
    const b = await handoutWithLink({
      clinicName: "Birch Physio Clinic",
      notes: "Birch-only note about ice packs.",
      preparedFor: "Bea Other",
    });
    const res = await open(a.token, freshIp());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Alder Spine Clinic");
    expect(html).toContain("Walk for ten minutes after lunch.");
    expect(html).toContain("Prepared for Sam Patient");
    // The sections as the handout stored them, in that order.
    const handout = await db.handout.findUniqueOrThrow({
      where: { id: a.handoutId },
      select: { sectionKeys: true, guideVersionId: true },
    });
    const sections = await db.section.findMany({
      where: { versionId: handout.guideVersionId, key: { in: handout.sectionKeys } },
      select: { key: true, title: true },
    });
    const titleOf = new Map(sections.map((s) => [s.key, s.title]));
    const h2 = [...html.matchAll(/<h2 id="s-[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(h2).toEqual(handout.sectionKeys.map((k) => titleOf.get(k)!.replaceAll("&", "&amp;")));
    // Nothing of clinic B, and no link out to the portal.
    for (const text of ["Birch", "Bea Other", "ice packs", b.handoutId, b.c.clinic.id, a.c.clinic.id, a.handoutId])
      expect(html).not.toContain(text);
    const hrefs = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);
    for (const href of hrefs) expect(href).toMatch(new RegExp(`^(#|/h/${a.token}(/pdf|/logo)$|tel:|mailto:|https://)`));
    // And B's link shows B's handout, not A's.
    const bHtml = await (await open(b.token, freshIp())).text();
    expect(bHtml).toContain("Birch-only note about ice packs.");
    expect(bHtml).not.toContain("Alder");
  }, 60_000);

  it("unknown, expired and revoked links answer alike: 404, the same headers and page, and a known link's clinic phone", async () => {
    const expired = await handoutWithLink({ clinicName: "Cedar Clinic", phone: "(555) 010-2000" });
    const revoked = await handoutWithLink({ clinicName: "Cedar Clinic", phone: "(555) 010-2000" });
    expect((await open(expired.token, freshIp())).status).toBe(200);
    await db.patientLink.update({
      where: { handoutId: expired.handoutId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await act(revoked.c.owner.id, revoked.c.clinic.id, revokeLink, revoked.handoutId);

    const ip = freshIp();
    const unknown = await snapshot(await open("A".repeat(43), ip));
    const malformed = await snapshot(await open("not-a-token", ip));
    const gotExpired = await snapshot(await open(expired.token, ip));
    const gotRevoked = await snapshot(await open(revoked.token, ip));
    for (const r of [unknown, malformed, gotExpired, gotRevoked]) {
      expect(r.status).toBe(404);
      expect(r.headers).toEqual(unknown.headers);
      expect(r.body).toContain("This handout is no longer available");
    }
    expect(malformed).toEqual(unknown);
    // A link the portal made (expired or withdrawn alike) names the clinic and its phone, as its handout printed them.
    expect(gotRevoked).toEqual(gotExpired);
    expect(gotRevoked.body).toContain('<a href="tel:5550102000">(555) 010-2000</a>');
    expect(unknown.body).not.toContain("Cedar");
    // Apart from that one line, the pages are the same.
    const withoutCall = (body: string) => body.replace(/<\/p><p>[^]*?<\/p><\/main>/, "</p></main>");
    expect(withoutCall(gotRevoked.body)).toBe(withoutCall(unknown.body));
    // The PDF of a withdrawn link is gone too; a HEAD request gets the same status without a body.
    const pdf = await pdfGET(request(`/h/${revoked.token}/pdf`, ip), {
      params: Promise.resolve({ token: revoked.token }),
    });
    expect(pdf.status).toBe(404);
    const head = await pageHEAD(request(`/h/${revoked.token}`, ip, "HEAD"), {
      params: Promise.resolve({ token: revoked.token }),
    });
    expect(head.status).toBe(404);
    expect(await head.text()).toBe("");
  }, 60_000);

  it("sends the headers that keep the page private: strict CSP, noindex, no referrer, no caching", async () => {
    const { token } = await handoutWithLink();
    const res = await open(token, freshIp());
    expect(res.headers.get("content-security-policy")).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(res.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    // No script at all, and nothing fetched from anywhere but this page's own logo.
    const html = await res.text();
    expect(html).not.toMatch(/<script|\son\w+=|javascript:/i);
  }, 60_000);

  it("answers the 61st request from one address within a minute with 429, while other addresses still get through", async () => {
    const { token } = await handoutWithLink();
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < LINK_REQUESTS_PER_MINUTE + 1; i++)
      statuses.push((await open(i % 2 ? token : "B".repeat(43), ip)).status);
    expect(statuses.slice(0, LINK_REQUESTS_PER_MINUTE).every((s) => s === 200 || s === 404)).toBe(true);
    const last = await open(token, ip);
    expect(statuses.at(-1)).toBe(429);
    expect(last.status).toBe(429);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last.headers.get("cache-control")).toBe("no-store");
    // An IPv6 client is counted per /64: another address in the same block is limited too.
    const v6 = "2001:db8:1:2::1";
    for (let i = 0; i < LINK_REQUESTS_PER_MINUTE; i++) await open(token, i % 2 ? v6 : "2001:db8:1:2:ffff::9");
    expect((await open(token, "2001:0db8:0001:0002:0:0:0:77")).status).toBe(429);
    expect((await open(token, freshIp())).status).toBe(200);
  }, 120_000);

  it("counts each opening, audits the first and then at most one a day, and never stores the patient's address", async () => {
    const { c, handoutId, token } = await handoutWithLink();
    const patientIp = "198.51.100.77";
    for (let i = 0; i < 5; i++) expect((await open(token, patientIp)).status).toBe(200);
    // HEAD (link checkers, mail scanners) does not count.
    await pageHEAD(request(`/h/${token}`, patientIp, "HEAD"), { params: Promise.resolve({ token }) });
    const row = await db.patientLink.findUniqueOrThrow({ where: { handoutId } });
    expect(row.openCount).toBe(5);
    expect(row.firstOpenedAt).not.toBeNull();
    expect(row.lastOpenedAt!.getTime()).toBeGreaterThanOrEqual(row.firstOpenedAt!.getTime());
    expect(await db.auditEvent.count({ where: { action: "link.opened", targetId: handoutId } })).toBe(1);
    // A day later, one more audit event.
    await db.patientLink.update({ where: { handoutId }, data: { lastOpenAuditAt: new Date(Date.now() - 86_400_001) } });
    await open(token, patientIp);
    await open(token, patientIp);
    expect(await db.auditEvent.count({ where: { action: "link.opened", targetId: handoutId } })).toBe(2);
    // The PDF through the link: the stored bytes, audited.
    const pdf = await pdfGET(request(`/h/${token}/pdf`, patientIp), { params: Promise.resolve({ token }) });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const stored = await db.handoutPdf.findUniqueOrThrow({ where: { handoutId } });
    expect(Buffer.from(await pdf.arrayBuffer()).equals(Buffer.from(stored.bytes))).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "link.pdf_downloaded", targetId: handoutId } })).toBe(1);
    // The clinic sees the counts.
    const seen = await act(c.clinician.id, c.clinic.id, getHandout, handoutId);
    expect(seen.link).toMatchObject({ live: true, openCount: 7 });
    // The patient's address is in no row of any table.
    const tables = await db.$queryRaw<
      { table_name: string }[]
    >`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`;
    for (const { table_name } of tables) {
      const [hit] = await db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM "${table_name}" t WHERE t::text LIKE '%198.51.100.77%'`,
      );
      expect({ table: table_name, rows: Number(hit!.n) }).toEqual({ table: table_name, rows: 0 });
    }
  }, 60_000);

  it("revoking is audited, works once, only within the clinic, and takes effect at once", async () => {
    const { c, handoutId, token } = await handoutWithLink();
    const other = await createClinicWithMembers(db);
    expect((await open(token, freshIp())).status).toBe(200);
    await expect(act(other.owner.id, other.clinic.id, revokeLink, handoutId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await open(token, freshIp())).status).toBe(200);
    await act(c.clinician.id, c.clinic.id, revokeLink, handoutId);
    expect((await open(token, freshIp())).status).toBe(404);
    await expect(act(c.clinician.id, c.clinic.id, revokeLink, handoutId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const events = await db.auditEvent.findMany({
      where: { action: "link.revoked", targetId: handoutId },
      select: { actorId: true, clinicId: true },
    });
    expect(events).toEqual([{ actorId: c.clinician.id, clinicId: c.clinic.id }]);
    expect(await db.patientLink.findUniqueOrThrow({ where: { handoutId } })).toMatchObject({
      revokedById: c.clinician.id,
    });
    expect((await act(c.clinician.id, c.clinic.id, getHandout, handoutId)).link).toMatchObject({ live: false });
  }, 60_000);

  it("only a handout's author or a manager can withdraw its link, the rule that voiding follows", async () => {
    // The owner's handout: a clinician of the clinic can neither withdraw its link nor void it.
    const ownerMade = await handoutWithLink({ by: "owner" });
    const { c } = ownerMade;
    for (const fn of [
      () => act(c.clinician.id, c.clinic.id, revokeLink, ownerMade.handoutId),
      () => act(c.clinician.id, c.clinic.id, voidHandout, ownerMade.handoutId, "not mine"),
    ]) {
      await expect(fn()).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: expect.stringMatching(/Only the clinician who made a handout, or an owner or admin/),
      });
    }
    expect((await open(ownerMade.token, freshIp())).status).toBe(200);
    expect(await db.patientLink.findUniqueOrThrow({ where: { handoutId: ownerMade.handoutId } })).toMatchObject({
      revokedAt: null,
    });
    expect(await db.auditEvent.count({ where: { action: "link.revoked", targetId: ownerMade.handoutId } })).toBe(0);
    // An admin can.
    await act(c.admin.id, c.clinic.id, revokeLink, ownerMade.handoutId);
    expect((await open(ownerMade.token, freshIp())).status).toBe(404);

    // Another clinician's handout: refused to a fellow clinician, done by its author.
    const mine = await handoutWithLink();
    const colleague = await createUser(db);
    await addMember(db, colleague.id, mine.c.clinic.id, "CLINICIAN");
    await expect(act(colleague.id, mine.c.clinic.id, revokeLink, mine.handoutId)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await open(mine.token, freshIp())).status).toBe(200);
    await act(mine.c.clinician.id, mine.c.clinic.id, revokeLink, mine.handoutId);
    expect((await open(mine.token, freshIp())).status).toBe(404);
  }, 60_000);
});
