import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { confirmEnrolment, makeClinic, passwordStep, sql } from "./second-factor-support";

// Issue 26's "done when": with the clinic's requirement on, a request carrying only the state a right password
// leaves (the pending cookie) reaches no clinic data. Every page and route under app/ (from the file system)
// and every server action of the build (.next/server/server-reference-manifest.json) is asked with that
// cookie alone. The same walk with a real session first shows that the markers do find clinic data.

type Target = { file: string; url: string; public: boolean };

function appFiles(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? appFiles(p, name) : e.name === name ? [p] : [];
  });
}

/** A file's URL, with its clinic and made-up ids; routes under (auth), /h/ and /api/ are public by design. */
function toUrl(file: string, clinicId: string): Target {
  const dir = path
    .dirname(path.relative("app", file))
    .split(path.sep)
    .filter((s) => s !== "." && !/^\(.+\)$/.test(s));
  const url =
    "/" +
    dir
      .map((s) =>
        s === "[clinicId]" ? clinicId : s === "[...nextauth]" ? "session" : s.startsWith("[") ? "walk-no-such-id" : s,
      )
      .join("/");
  return {
    file,
    url: url === "/" ? "/" : url,
    public: file.includes("(auth)") || url.startsWith("/h/") || url.startsWith("/api/"),
  };
}

function actions(clinicId: string) {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, v]) => {
    const worker = Object.keys(v.workers)[0]!;
    return {
      id,
      name: v.exportedName ?? id,
      inPortal: worker.includes("(portal)"),
      ...toUrl(`${worker}.tsx`, clinicId),
    };
  });
}

async function callAction(request: APIRequestContext, cookie: string, a: { id: string; url: string }, args: unknown[]) {
  const form = new FormData();
  form.set("0", JSON.stringify(args));
  const base = process.env.E2E_BASE_URL!;
  const res = await request.post(a.url, {
    multipart: form,
    headers: { "next-action": a.id, accept: "text/x-component", cookie, origin: base },
    maxRedirects: 0,
  });
  return {
    status: res.status(),
    text: await res.text(),
    setCookie: res
      .headersArray()
      .filter((h) => h.name.toLowerCase() === "set-cookie")
      .map((h) => h.value),
  };
}

test("with the clinic's requirement on, the pending state alone reaches no page, action or route with clinic data", async ({
  page,
  request,
}) => {
  test.setTimeout(420_000);
  const { clinic, owner, clinician } = await makeClinic("Walk Clinic");
  const markers = [clinic.name, owner.email, owner.name];
  const leaks = (text: string) => markers.filter((m) => text.includes(m));
  const pages = appFiles("app", "page.tsx").map((f) => toUrl(f, clinic.id));
  const routes = appFiles("app", "route.ts").map((f) => toUrl(f, clinic.id));
  expect(pages.length).toBeGreaterThanOrEqual(20);
  expect(routes.length).toBeGreaterThanOrEqual(10);

  // The markers find clinic data when there is a session: the owner's, before the requirement.
  await passwordStep(page, owner);
  const session = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  let seen = 0;
  for (const p of pages.filter((p) => !p.public)) {
    const res = await request.get(p.url, { headers: { cookie: session }, maxRedirects: 0 });
    if (res.status() === 200 && leaks(await res.text()).length) seen++;
  }
  expect(seen).toBeGreaterThanOrEqual(8);

  // The owner sets up an app, so the walk meets both pending states: "enrol" (the clinician, who has no second
  // factor yet) and "second-factor" (the owner, who has one and is asked for a code).
  await page.goto(`/clinics/${clinic.id}/profile/two-step`);
  await confirmEnrolment(page);
  await sql(`UPDATE "Clinic" SET "requireSecondFactor" = true WHERE id = $1`, [clinic.id]);
  const problems: string[] = [];
  for (const [who, expected] of [
    [clinician, /\/login\/set-up-second-factor/],
    [owner, /\/login\/second-factor/],
  ] as const) {
    const fresh = await page.context().browser()!.newContext();
    const walker = await fresh.newPage();
    await passwordStep(walker, who);
    await expect(walker).toHaveURL(expected);
    const jar = await fresh.cookies();
    const pendingCookie = jar.find((c) => c.name.endsWith("portal-pending"));
    expect(pendingCookie).toBeDefined();
    expect(jar.filter((c) => c.name.includes("session-token"))).toEqual([]);
    const cookie = `${pendingCookie!.name}=${pendingCookie!.value}`;
    const before = await sql(
      `SELECT (SELECT count(*) FROM "AuditEvent" WHERE "clinicId" = $1) AS events, (SELECT count(*) FROM "AuthSession" WHERE "userId" = $2) AS sessions`,
      [clinic.id, who.id],
    );

    const check = (what: string, status: number, text: string, setCookie: string[], allowed: number[]) => {
      if (!allowed.includes(status)) problems.push(`[${who.email}] ${what}: status ${status}`);
      if (leaks(text).length) problems.push(`[${who.email}] ${what}: shows ${leaks(text).join(", ")}`);
      if (setCookie.some((c) => /session-token=[^;]/.test(c)))
        problems.push(`[${who.email}] ${what}: sets a session cookie`);
    };
    for (const p of pages) {
      const res = await request.get(p.url, { headers: { cookie }, maxRedirects: 0 });
      const location = res.headers()["location"] ?? "";
      const setCookie = res
        .headersArray()
        .filter((h) => h.name.toLowerCase() === "set-cookie")
        .map((h) => h.value);
      check(`GET ${p.url}`, res.status(), await res.text(), setCookie, p.public ? [200, 307, 404] : [307, 404]);
      if (!p.public && res.status() === 307 && !location.startsWith("/login"))
        problems.push(`[${who.email}] GET ${p.url}: redirects to ${location}`);
    }
    for (const r of routes) {
      for (const method of ["GET", "POST"] as const) {
        const res = await request.fetch(r.url, {
          method,
          headers: { cookie, origin: process.env.E2E_BASE_URL! },
          maxRedirects: 0,
        });
        const setCookie = res
          .headersArray()
          .filter((h) => h.name.toLowerCase() === "set-cookie")
          .map((h) => h.value);
        const text = await res.text();
        check(
          `${method} ${r.url}`,
          res.status(),
          text,
          setCookie,
          r.url === "/api/health"
            ? [200, 405]
            : r.url === "/api/auth/session"
              ? [200, 400, 405]
              : [302, 303, 307, 400, 401, 403, 404, 405],
        );
        if (r.url === "/api/auth/session" && method === "GET") expect(JSON.parse(text)).toEqual({});
      }
    }
    const all = actions(clinic.id);
    expect(all.length).toBeGreaterThanOrEqual(30);
    for (const a of all) {
      // As a clinic page's form calls it (clinic id bound first) and as a public form does.
      const bound = await callAction(request, cookie, a, [clinic.id, { ok: false }, "$K1"]);
      check(`action ${a.name}`, bound.status, bound.text, bound.setCookie, [200, 303, 404]);
      if (a.inPortal && !bound.text.includes('"signedOut":true'))
        problems.push(`[${who.email}] action ${a.name}: not refused as signed out`);
      const open = await callAction(request, cookie, a, [{ ok: false }, "$K1"]);
      check(`action ${a.name} (unbound)`, open.status, open.text, open.setCookie, [200, 303, 404, 500]);
    }
    const after = await sql(
      `SELECT (SELECT count(*) FROM "AuditEvent" WHERE "clinicId" = $1) AS events, (SELECT count(*) FROM "AuthSession" WHERE "userId" = $2) AS sessions`,
      [clinic.id, who.id],
    );
    expect(after.rows[0], `nothing written for ${who.email}`).toEqual(before.rows[0]);
    await fresh.close();
  }
  expect(problems).toEqual([]);
});
