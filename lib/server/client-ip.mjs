// Which address a request really came from. The web server (lib/cli/web-server.mjs) works it out once per
// request from the socket and, only when the socket's peer is a trusted proxy, from X-Forwarded-For; the app
// reads the result from one header that the server always overwrites, so no client can choose what is
// written to the audit log or counted by the throttles.
import net from "node:net";

export const CLIENT_IP_HEADER = "x-portal-client-ip";

/** "::ffff:203.0.113.9" and "203.0.113.9" are the same IPv4 client. @param {unknown} address @returns {string | null} */
export function normaliseIp(address) {
  if (typeof address !== "string") return null;
  const a = address.trim().replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(a);
  const ip = mapped?.[1] ?? a;
  return net.isIP(ip) ? ip : null;
}

/**
 * An address as the Activity page shows it: one form per client. IPv4 written as IPv6 becomes IPv4, and this
 * machine's own addresses (127.0.0.0/8 and ::1, which a browser on the server picks between by how it resolved
 * "localhost") are "localhost". The audit log itself keeps what was recorded.
 * @param {unknown} address
 */
export function displayIp(address) {
  const ip = normaliseIp(address);
  if (!ip) return typeof address === "string" && address ? address : null;
  return ip === "::1" || /^127\./.test(ip) ? "localhost" : ip;
}

/**
 * TRUSTED_PROXIES: comma-separated addresses or CIDR ranges (e.g. "10.0.0.0/8, 127.0.0.1, ::1"), or the
 * word "loopback". Returns a matcher, or throws with a message naming the bad entry.
 * @param {string | undefined} value
 * @returns {import("./client-ip.d.mts").TrustedProxies}
 */
export function parseTrustedProxies(value) {
  const list = new net.BlockList();
  const entries = String(value ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (entry === "loopback") {
      list.addSubnet("127.0.0.0", 8, "ipv4");
      list.addAddress("::1", "ipv6");
      continue;
    }
    const [addr, bits, extra] = entry.split("/");
    const ip = normaliseIp(addr);
    const family = ip && net.isIPv6(ip) ? "ipv6" : "ipv4";
    const max = family === "ipv6" ? 128 : 32;
    if (!ip || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= max))) {
      throw new Error(`"${entry}" is not an IP address or CIDR range`);
    }
    if (bits === undefined) list.addAddress(ip, family);
    else list.addSubnet(ip, Number(bits), family);
  }
  return {
    size: entries.length,
    /** @param {string | undefined} ip */
    has(ip) {
      const n = normaliseIp(ip);
      return n !== null && list.check(n, net.isIPv6(n) ? "ipv6" : "ipv4");
    },
  };
}

/**
 * The client's address: the socket peer, unless the peer is a trusted proxy; then the right-most
 * X-Forwarded-For entry that is not itself a trusted proxy (entries further left were written by the client
 * and prove nothing).
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {import("./client-ip.d.mts").TrustedProxies} trusted
 * @returns {string | null}
 */
export function resolveClientIp(socketAddress, forwardedFor, trusted) {
  const peer = normaliseIp(socketAddress);
  if (!peer || !trusted.size || !trusted.has(peer)) return peer;
  const hops = String(forwardedFor ?? "")
    .split(",")
    .map((h) => normaliseIp(h))
    .filter((h) => h !== null);
  for (const hop of hops.toReversed()) {
    if (!trusted.has(hop)) return hop;
  }
  return hops[0] ?? peer;
}
