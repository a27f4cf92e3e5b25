// Redirect targets are only ever paths on this site: anything else (other hosts, protocol-relative
// "//evil", backslash tricks, javascript:) falls back to the home page. The check is made on the path as the
// browser will read it after normalising ("/.//evil.example", "/%2e//evil.example" and "/a/..//evil.example"
// all become "//evil.example", another host), not only on what was asked for.
export function safeCallbackPath(target: string | null | undefined, baseUrl = "http://localhost"): string {
  if (!target) return "/";
  try {
    const base = new URL(baseUrl);
    if (!target.startsWith("/") && !target.startsWith(base.origin)) return "/";
    if (/^\/[\\/]/.test(target) || /[\u0000-\u001f\\]/.test(target)) return "/";
    const url = new URL(target, base);
    if (url.origin !== base.origin) return "/";
    const path = url.pathname + url.search + url.hash;
    // What the result would mean when used as a Location: it must stay on this origin.
    if (!path.startsWith("/") || /^\/[\\/]/.test(path) || new URL(path, base).origin !== base.origin) return "/";
    return path;
  } catch {
    return "/";
  }
}
