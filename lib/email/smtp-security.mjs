// How the portal talks to its mail server, decided from SMTP_URL alone so the start banner, the mailer and
// the tests agree. A server on this machine may be plain; anything else must be encrypted (smtps://, or
// smtp:// with STARTTLS required) unless SMTP_INSECURE=1 says the operator accepts plain text.

/** @param {string} host */
export function isLocalHost(host) {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127\./.test(h) || h.endsWith(".localhost");
}

/**
 * @param {string} smtpUrl
 * @param {boolean} insecure
 * @returns {import("./smtp-security.d.mts").SmtpSecurity}
 */
export function smtpSecurity(smtpUrl, insecure) {
  const url = new URL(smtpUrl);
  if (url.protocol === "smtps:") return "tls";
  if (isLocalHost(url.hostname)) return "local";
  return insecure ? "insecure" : "starttls";
}

export const SMTP_SECURITY_LABEL = {
  tls: "encrypted (smtps://)",
  starttls: "encrypted (STARTTLS required)",
  local: "plain text, to this machine",
  insecure: "PLAIN TEXT over the network (SMTP_INSECURE=1)",
};
