/**
 * JSON with object keys sorted (by UTF-16 code units) and no whitespace: the same value always gives the
 * same text, whatever order jsonb or a builder put the keys in. Undefined object members are left out.
 * What a hash is taken over when the value must be hashed again later from a copy (seals, the audit chain).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}
