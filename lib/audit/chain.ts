// The audit log's hash chain. Each clinic's events form a chain, and the account events (sign-ins, resets)
// another; every row stores its place in its chain, the hash of the row before and its own hash, written in
// the same statement that stores it (lib/audit/mutations.ts). Recomputing the hashes in order finds any row
// changed, removed or slipped in by hand, by whoever could write the table (the triggers already refuse
// UPDATE and DELETE to the app's role; the table's owner can switch them off). The hash is not keyed, so a
// verifier needs only the rows: an export handed to an auditor can be checked without the server's secrets.
import crypto from "node:crypto";
import { canonicalJson } from "@/lib/canonical-json";

export const CHAIN_VERSION = 1;
export const GENESIS_HASH = "0".repeat(64);

export const chainOf = (clinicId: string | null | undefined) => (clinicId ? `clinic:${clinicId}` : "accounts");

/** A stored event as its hash covers it. `createdAt` as ISO 8601 with milliseconds, UTC. */
export type ChainedEvent = {
  id: string;
  chain: string;
  chainSeq: number;
  prevHash: string;
  createdAt: string;
  clinicId: string | null;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  metadata: unknown;
  ip: string | null;
  userAgent: string | null;
};

/**
 * Version 1: the SHA-256 (hex) of "audit-chain/1\n" followed by canonicalJson of every field above (absent
 * values as null). A change to what this covers is a new version, never an edit.
 */
export function eventHash(e: ChainedEvent): string {
  const covered = {
    id: e.id,
    chain: e.chain,
    chainSeq: e.chainSeq,
    prevHash: e.prevHash,
    createdAt: e.createdAt,
    clinicId: e.clinicId ?? null,
    actorId: e.actorId ?? null,
    action: e.action,
    targetType: e.targetType ?? null,
    targetId: e.targetId ?? null,
    metadata: e.metadata ?? null,
    ip: e.ip ?? null,
    userAgent: e.userAgent ?? null,
  };
  return crypto
    .createHash("sha256")
    .update(`audit-chain/${CHAIN_VERSION}\n${canonicalJson(covered)}`)
    .digest("hex");
}

export type ChainBreak = { id: string; chain: string; chainSeq: number | null; reason: string };

/**
 * Checks events in chain order (each chain's rows by chainSeq; chains may follow one another). The first
 * row of a chain must be its first (seq 1, the genesis hash) unless `anchored`: an export of a date range
 * starts in the middle and is taken from its first row's word for what came before. Returns the first row
 * that breaks its chain, or null.
 */
export function createChainChecker(opts: { anchored?: boolean } = {}) {
  let current: { id: string; chain: string; seq: number; hash: string } | null = null;
  const counts = { rows: 0, chains: 0 };
  return {
    counts,
    check(e: ChainedEvent & { hash: string | null }): ChainBreak | null {
      counts.rows++;
      const at = (reason: string): ChainBreak => ({ id: e.id, chain: e.chain, chainSeq: e.chainSeq, reason });
      if (!current || current.chain !== e.chain) {
        counts.chains++;
        if (!opts.anchored && (e.chainSeq !== 1 || e.prevHash !== GENESIS_HASH))
          return at(`the chain starts at row ${e.chainSeq} (rows before it are missing)`);
      } else {
        if (e.chainSeq !== current.seq + 1)
          return at(`row ${current.seq + 1} of the chain is missing (this is row ${e.chainSeq})`);
        // The row before matched its own hash, so it was rewritten together with its hash: it is the bad one.
        if (e.prevHash !== current.hash)
          return {
            id: current.id,
            chain: current.chain,
            chainSeq: current.seq,
            reason: "it was changed and its hash written again: the next row recorded another",
          };
      }
      if (eventHash(e) !== e.hash) return at("its hash does not match its contents (it was changed)");
      current = { id: e.id, chain: e.chain, seq: e.chainSeq, hash: e.hash };
      return null;
    },
  };
}
