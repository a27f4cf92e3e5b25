import "server-only";

// Requests to /h/ per client address: 60 in any 60 seconds, then 429 until the oldest falls out of the
// window. Counted in this process's memory, never written anywhere, so no patient address is stored. Each app
// server counts its own (README, "Scaling"); tokens are 256-bit, so this only slows down a flood, it is not
// what keeps links secret. IPv6 clients are counted per /64, the block one subscriber usually gets.
export const LINK_REQUESTS_PER_MINUTE = 60;
const WINDOW_MS = 60_000;
const MAX_CLIENTS = 50_000;

type Clients = Map<string, number[]>;
const g = globalThis as unknown as { __linkRateLimit?: Clients };
const clients: Clients = (g.__linkRateLimit ??= new Map());

function clientKey(ip: string | null): string {
  if (!ip) return "unknown";
  if (!ip.includes(":")) return ip;
  const [head = "", tail = ""] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::")
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

function prune(now: number) {
  for (const [key, hits] of clients) if (hits.at(-1)! <= now - WINDOW_MS) clients.delete(key);
  // Still full (a flood from many addresses): forget the oldest clients first.
  for (const key of clients.keys()) {
    if (clients.size < MAX_CLIENTS) break;
    clients.delete(key);
  }
}

/** Counts one request; returns the seconds to wait when it is over the limit, else 0. */
export function takeLinkRequest(ip: string | null, now = Date.now()): number {
  const key = clientKey(ip);
  let hits = clients.get(key);
  if (!hits) {
    if (clients.size >= MAX_CLIENTS) prune(now);
    hits = [];
    clients.set(key, hits);
  }
  while (hits.length && hits[0]! <= now - WINDOW_MS) hits.shift();
  if (hits.length >= LINK_REQUESTS_PER_MINUTE) return Math.max(1, Math.ceil((hits[0]! + WINDOW_MS - now) / 1000));
  hits.push(now);
  return 0;
}

/** Forgets every count (tests). */
export function resetLinkRateLimit(): void {
  clients.clear();
}
