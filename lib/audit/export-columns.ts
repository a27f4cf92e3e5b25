// The columns of an audit export, in order (CSV header, JSON-lines keys): the chained event's fields
// (lib/audit/chain.ts) and its hashes.
export const EXPORT_COLUMNS = [
  "chain",
  "chainSeq",
  "id",
  "createdAt",
  "clinicId",
  "actorId",
  "action",
  "targetType",
  "targetId",
  "metadata",
  "ip",
  "userAgent",
  "prevHash",
  "hash",
] as const;
