import "server-only";
import { db } from "@/lib/db";
import type { Block, Reference } from "@/lib/guides/blocks";
import { isWarningSection } from "@/lib/guides/red-flags";
import { readBranding, readContact, readOptions } from "@/lib/handouts/snapshots";
import { linkTokenHash } from "@/lib/links/tokens";
import { isLive } from "@/lib/links/state";
import { getLogoVersion, hasLogoVersion } from "@/lib/clinics/branding";

export type LinkRef = { id: string; clinicId: string; handoutId: string; expiresAt: Date };

/**
 * What a token opens. Every token costs the same single lookup by the hash of what was sent (a malformed
 * one included), so an unknown token takes as long as a known one; a link that is revoked, expired or
 * whose handout was voided is "gone", with the clinic's name and phone as the handout printed them.
 */
export async function lookupLink(token: string, now = new Date()): Promise<{ state: "live"; link: LinkRef } | { state: "gone"; clinic: { name: string; phone: string } | null; language?: string }> {
  const row = await db.patientLink.findUnique({
    where: { tokenHash: linkTokenHash(token.slice(0, 200)) },
    select: { id: true, clinicId: true, handoutId: true, expiresAt: true, revokedAt: true, handout: { select: { contact: true, options: true, void: { select: { handoutId: true } } } } },
  });
  if (!row) return { state: "gone", clinic: null };
  if (!isLive(row, now) || row.handout.void) {
    const contact = readContact(row.handout.contact);
    return { state: "gone", clinic: { name: contact.clinicName, phone: contact.phone || contact.directPhone }, language: readOptions(row.handout.options).language };
  }
  return { state: "live", link: { id: row.id, clinicId: row.clinicId, handoutId: row.handoutId, expiresAt: row.expiresAt } };
}

/**
 * The stored handout as the patient gets it: its guide version's sections in the stored order (the keys
 * were saved as the PDF printed them), which of them are warning signs, the references they cite, and the
 * snapshots it was made with.
 * Scoped to the link's clinic in the where-clause like every other query.
 */
export async function getLinkedHandout(link: LinkRef) {
  const handout = await db.handout.findFirst({
    where: { id: link.handoutId, clinicId: link.clinicId },
    select: {
      title: true,
      preparedFor: true,
      followUpDate: true,
      notes: true,
      sectionKeys: true,
      contact: true,
      options: true,
      branding: true,
      createdAt: true,
      pdf: { select: { pages: true } },
      guideVersion: {
        select: {
          title: true,
          sections: { select: { key: true, title: true, kind: true, blocks: true, citedRefKeys: true, keyPoint: true, lockReason: true, redFlag: true, required: true } },
          references: { orderBy: { position: "asc" }, select: { key: true, text: true, url: true } },
        },
      },
    },
  });
  if (!handout) return null;
  const byKey = new Map(handout.guideVersion.sections.map((s) => [s.key, s]));
  const sections = handout.sectionKeys.flatMap((key) => {
    const s = byKey.get(key);
    return s ? [{ key: s.key, title: s.title, kind: s.kind, blocks: s.blocks as unknown as Block[], citedRefKeys: s.citedRefKeys, warning: isWarningSection(s), ...(s.keyPoint ? { keyPoint: s.keyPoint } : {}) }] : [];
  });
  return {
    title: handout.title,
    guideTitle: handout.guideVersion.title,
    preparedFor: handout.preparedFor,
    followUpDate: handout.followUpDate?.toISOString().slice(0, 10) ?? null,
    createdAt: handout.createdAt.toISOString(),
    notes: handout.notes,
    pages: handout.pdf?.pages ?? null,
    sections,
    references: handout.guideVersion.references as Reference[],
    contact: readContact(handout.contact),
    options: readOptions(handout.options),
    branding: readBranding(handout.branding),
    expiresAt: link.expiresAt,
  };
}

export type LinkedHandout = NonNullable<Awaited<ReturnType<typeof getLinkedHandout>>>;

/** The logo the handout was printed with (its SHA-256 in the snapshot), even after the clinic replaced it. */
export async function getLinkedLogo(link: LinkRef) {
  const handout = await db.handout.findFirst({ where: { id: link.handoutId, clinicId: link.clinicId }, select: { branding: true } });
  const sha = handout ? readBranding(handout.branding).logoSha256 : null;
  if (!sha) return null;
  return getLogoVersion(link.clinicId, sha);
}

/** Whether the page can show the handout's logo (it printed one, and it is kept). */
export async function hasLinkedLogo(link: LinkRef, logoSha256: string | null): Promise<boolean> {
  return !!logoSha256 && (await hasLogoVersion(link.clinicId, logoSha256));
}
