// Headers on every response under /h/ (the patient link): set by next.config.js for anything Next answers
// there and by the link routes themselves. The page has no script at all, so the CSP allows none; styles
// are inline (the clinic's colours), images only from the portal (the clinic's logo). Nothing is cached,
// indexed, framed, or told where the patient came from.
export const LINK_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

export const LINK_HEADERS = {
  "Content-Security-Policy": LINK_CSP,
  "X-Robots-Tag": "noindex, nofollow",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
};
