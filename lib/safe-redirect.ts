// Redirect targets are only ever paths on this site: anything else (other hosts, protocol-relative
// "//evil", backslash tricks, javascript:) falls back to the home page.
export function safeCallbackPath(target: string | null | undefined, baseUrl = "http://localhost"): string {
  if (!target) return "/";
  try {
    const base = new URL(baseUrl);
    const url = new URL(target, base);
    if (url.origin !== base.origin) return "/";
    if (!target.startsWith("/") && !target.startsWith(base.origin)) return "/";
    if (/^\/[\\/]/.test(target)) return "/";
    return url.pathname + url.search + url.hash;
  } catch {
    return "/";
  }
}
