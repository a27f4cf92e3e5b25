// "Did you mean …?" for a patient's email address: a mistyped provider (gmial.com, hotmial.com, yaho.com) or
// a top-level domain that does not exist (.con, .cmo). Only a suggestion: the clinician may confirm the address
// as typed, since a real domain can look like a typo of a popular one.

// Providers most patient addresses are at. An address at one of these exactly is never questioned, so
// real domains one letter away from another provider (mail.com, ymail.com) belong here too.
const KNOWN_DOMAINS = [
  "gmail.com",
  "googlemail.com",
  "yahoo.com",
  "ymail.com",
  "rocketmail.com",
  "hotmail.com",
  "outlook.com",
  "live.com",
  "msn.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "aim.com",
  "protonmail.com",
  "proton.me",
  "mail.com",
  "email.com",
  "gmx.com",
  "gmx.net",
  "zoho.com",
  "fastmail.com",
  "hey.com",
  "comcast.net",
  "verizon.net",
  "att.net",
  "sbcglobal.net",
  "bellsouth.net",
  "cox.net",
  "charter.net",
  "earthlink.net",
  "juno.com",
  "yahoo.co.uk",
  "hotmail.co.uk",
  "btinternet.com",
  "sky.com",
  "shaw.ca",
  "rogers.com",
  "sympatico.ca",
  "bigpond.com",
  "web.de",
  "gmx.de",
  "t-online.de",
  "orange.fr",
  "free.fr",
  "libero.it",
  "yandex.ru",
  "mail.ru",
  "qq.com",
  "163.com",
];

// Endings that are no top-level domain at all, each a slip on the way to one that is. (Endings that are real,
// like .co (Colombia) or .cm (Cameroon), are questioned only next to a provider above: gmail.co.)
const TLD_TYPOS: Record<string, string> = {
  con: "com",
  cmo: "com",
  ocm: "com",
  vom: "com",
  xom: "com",
  cpm: "com",
  cim: "com",
  comm: "com",
  coom: "com",
  conm: "com",
  comn: "com",
  nte: "net",
  nett: "net",
  ner: "net",
  ogr: "org",
  orgg: "org",
  prg: "org",
};

const split = (domain: string) => {
  const dot = domain.lastIndexOf(".");
  return { name: domain.slice(0, dot), tld: domain.slice(dot + 1) };
};

/** Edits (insert, delete, replace, swap two neighbours) from `a` to `b`; `max + 1` at once when their lengths alone differ by more. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

// How far a provider's name may be from what was typed: none for names of three letters or fewer (me, aol,
// att, cox: too many real domains sit one letter away), one slip up to seven, two beyond.
const allowance = (name: string) => (name.length <= 3 ? 0 : name.length <= 7 ? 1 : 2);

function closestProvider(domain: string): string | null {
  const { name, tld } = split(domain);
  let best: { domain: string; distance: number } | null = null;
  for (const known of KNOWN_DOMAINS) {
    const k = split(known);
    // Another ending on the provider's own name is usually a country's service of it (hotmail.de, yahoo.es),
    // not a slip; one letter from the provider's own ending is (gmail.co, gmail.cm, gmail.om).
    const d =
      k.tld === tld ? editDistance(name, k.name) : name === k.name && editDistance(tld, k.tld) === 1 ? 1 : Infinity;
    if (d > 0 && d <= allowance(k.name) && (!best || d < best.distance)) best = { domain: known, distance: d };
  }
  return best?.domain ?? null;
}

/**
 * The address the clinician probably meant, or null when it looks right (or is too unusual to guess at).
 * Expects one address as the recipient schema leaves it: trimmed, lower case.
 */
export function suggestAddress(address: string): string | null {
  const at = address.lastIndexOf("@");
  const domain = address.slice(at + 1);
  if (at < 1 || !domain.includes(".") || KNOWN_DOMAINS.includes(domain)) return null;
  const { name, tld } = split(domain);
  const fixedTld = TLD_TYPOS[tld];
  const candidate = fixedTld ? `${name}.${fixedTld}` : domain;
  const fixed = KNOWN_DOMAINS.includes(candidate)
    ? candidate
    : (closestProvider(candidate) ?? (fixedTld ? candidate : null));
  return fixed && fixed !== domain ? `${address.slice(0, at)}@${fixed}` : null;
}
