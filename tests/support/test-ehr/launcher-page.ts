// The test EHR's own front page, for trying a launch by hand and for browser tests: "Open the portal" links
// per patient; each click makes a fresh launch id (a launch is used once) and redirects to the app's launch URL.
import type http from "node:http";
import { esc } from "../html-form";
import type { Seeded } from "./seed";
import type { LaunchContext } from "./smart-auth";

export function launcherPage(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  o: { seeded: Seeded; appLaunchUrl?: string; launch(appLaunchUrl: string, ctx: LaunchContext): string },
): boolean {
  const url = new URL(req.url ?? "/", "http://ehr.invalid");
  if (url.pathname === "/launch" && o.appLaunchUrl) {
    const ctx: LaunchContext = {};
    for (const key of ["patient", "encounter", "practitioner"] as const) {
      const value = url.searchParams.get(key);
      if (value) ctx[key] = value;
    }
    res.writeHead(302, { Location: o.launch(o.appLaunchUrl, ctx) }).end();
    return true;
  }
  if (url.pathname !== "/") return false;
  const s = o.seeded;
  const link = (label: string, q: Record<string, string>) =>
    `<li><a href="/launch?${esc(new URLSearchParams(q).toString())}">${esc(label)}</a></li>`;
  const links = o.appLaunchUrl
    ? `<ul>${[
        link("Maja Lindqvist (back spasm), this encounter, as Dr. Rivera", {
          patient: s.patientId,
          encounter: s.encounterId,
        }),
        link("Maja Lindqvist, no encounter, as Dr. Rivera", { patient: s.patientId }),
        link("Omar Haddad (no conditions), as Dr. Rivera", { patient: s.patientNoConditionsId }),
        link("Maja Lindqvist, as Dr. Okafor (not linked to the portal)", {
          patient: s.patientId,
          practitioner: s.otherPractitionerId,
        }),
      ].join("")}</ul>`
    : "<p>No app launch URL was configured.</p>";
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
  res.end(
    `<!doctype html><html lang="en"><title>Test EHR</title><main><h1>Test EHR</h1>` +
      `<p>Open the portal from the chart (SMART EHR launch):</p>${links}</main></html>`,
  );
  return true;
}
