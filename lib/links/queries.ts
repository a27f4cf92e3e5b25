import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { readBranding, readContact, readOptions } from "@/lib/handouts/snapshots";
import { findPrintedRecord } from "@/lib/handouts/printed-record";
import { checkSeal, type SealCheck } from "@/lib/handouts/seal";
import type { PrintedHandout } from "@/lib/handouts/printed/model";
import { linkTokenHash } from "@/lib/handouts/link-tokens";
import { isLive } from "@/lib/handouts/link-state";
import { findLogoVersion, hasLogoVersion } from "@/lib/clinics/branding";

export type LinkRef = { id: string; clinicId: string; handoutId: string; expiresAt: Date };

/**
 * What a token opens. Every token costs the same single lookup by the hash of what was sent (a malformed
 * one included), so an unknown token takes as long as a known one; a link that is revoked, expired or
 * whose handout was voided is "gone", with the clinic's name and phone as the handout printed them.
 */
export async function lookupLink(
  token: string,
  now = new Date(),
): Promise<
  | { state: "live"; link: LinkRef }
  | { state: "gone"; clinic: { name: string; phone: string } | null; language?: string }
> {
  const row = await db.patientLink.findUnique({
    where: { tokenHash: linkTokenHash(token.slice(0, 200)) },
    select: {
      id: true,
      clinicId: true,
      handoutId: true,
      expiresAt: true,
      revokedAt: true,
      handout: { select: { contact: true, options: true, void: { select: { handoutId: true } } } },
    },
  });
  if (!row) return { state: "gone", clinic: null };
  if (!isLive(row, now) || row.handout.void) {
    const contact = readContact(row.handout.contact);
    return {
      state: "gone",
      clinic: { name: contact.clinicName, phone: contact.phone || contact.directPhone },
      language: readOptions(row.handout.options).language,
    };
  }
  return {
    state: "live",
    link: { id: row.id, clinicId: row.clinicId, handoutId: row.handoutId, expiresAt: row.expiresAt },
  };
}

/**
 * The stored handout as the patient gets it: its printed model (lib/handouts/printed-record.ts), scoped to
 * the link's clinic, with its PDF's page count; and whether what it shows still matches the seal written
 * with it (lib/handouts/seal.ts).
 */
export async function findLinkedHandout(
  link: LinkRef,
): Promise<{ handout: PrintedHandout; pages: number | null; check: SealCheck } | null> {
  const found = await findPrintedRecord(link.clinicId, link.handoutId);
  if (!found) return null;
  return { handout: found.printed, pages: found.pages, check: checkSeal(found.record, found.seal) };
}

/**
 * The logo the handout was printed with (its SHA-256 in the snapshot, which the seal covers), even after the
 * clinic replaced it; null unless the bytes kept still have that SHA-256.
 */
export async function findLinkedLogo(link: LinkRef) {
  const handout = await db.handout.findFirst({
    where: { id: link.handoutId, clinicId: link.clinicId },
    select: { branding: true },
  });
  const sha = handout ? readBranding(handout.branding).logoSha256 : null;
  const logo = sha ? await findLogoVersion(link.clinicId, sha) : null;
  return logo && crypto.createHash("sha256").update(logo).digest("hex") === sha ? logo : null;
}

/** Whether the page can show the handout's logo (it printed one, and it is kept). */
export async function hasLinkedLogo(link: LinkRef, logoSha256: string | null): Promise<boolean> {
  return !!logoSha256 && (await hasLogoVersion(link.clinicId, logoSha256));
}
