// The start banner: where the portal is, who can sign in, where email goes.
import demo from "../../prisma/seed/demo.json" with { type: "json" };

export function printBanner({ url, mailDir, dev }) {
  const clinicName = Object.fromEntries(demo.clinics.map((c) => [c.id, c.name]));
  const lines = [
    "",
    `  Handout Portal is running${dev ? " (development, hot reload)" : ""}: ${url}`,
    "",
    "  Demo logins (fictional clinics):",
    ...demo.users.map(
      (u) =>
        `    ${u.email.padEnd(30)} ${u.password.padEnd(26)} ${u.memberships.map((m) => `${m.role.toLowerCase()} at ${clinicName[m.clinicId]}`).join(", ")}`,
    ),
    "",
    mailDir ? `  Email: caught locally, saved as .eml files in ${mailDir}/` : "  Email: sent through SMTP_URL",
    "  Stop with Ctrl-C.",
    "",
  ];
  console.log(lines.join("\n"));
}
