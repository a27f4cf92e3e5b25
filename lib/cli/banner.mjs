// The start banner: where the portal is, who can sign in (demo data only), where email goes and how.
import demoData from "../../prisma/seed/demo.json" with { type: "json" };
import { SMTP_SECURITY_LABEL, smtpSecurity } from "../email/smtp-security.mjs";
import { describeNode } from "./node-runtime.mjs";

/**
 * @param {{ url: string, mailDir: string | null, dev: boolean, demo: boolean, smtpUrl: string, smtpInsecure: boolean }} options
 */
export function printBanner({ url, mailDir, dev, demo, smtpUrl, smtpInsecure }) {
  const clinicName = Object.fromEntries(demoData.clinics.map((c) => [c.id, c.name]));
  const smtpHost = (() => {
    const u = new URL(smtpUrl);
    return `${u.protocol}//${u.host}`;
  })();
  const lines = [
    "",
    `  Handout Portal is running${dev ? " (development, hot reload)" : ""}: ${url}`,
    "",
    ...(demo
      ? [
          "  Demo logins (fictional clinics):",
          ...demoData.users.map(
            (u) =>
              `    ${u.email.padEnd(30)} ${u.password.padEnd(26)} ${u.memberships.map((m) => `${m.role.toLowerCase()} at ${clinicName[m.clinicId]}`).join(", ")}`,
          ),
        ]
      : [
          '  No demo accounts (production database). First use: npm run admin:create -- --email you@clinic.example --clinic "Your Clinic"',
        ]),
    "",
    mailDir
      ? `  Email: caught locally, saved as .eml files in ${mailDir}/`
      : `  Email: through ${smtpHost}, ${SMTP_SECURITY_LABEL[smtpSecurity(smtpUrl, smtpInsecure)]}`,
    `  Runs on ${describeNode()}.`,
    "  Stop with Ctrl-C.",
    "",
  ];
  console.log(lines.join("\n"));
}
