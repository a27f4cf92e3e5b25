import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import { getMembership } from "@/lib/clinics/membership";
import { MANAGERS } from "@/lib/clinics/roles";
import { processLogo } from "@/lib/clinics/logo";
import type { BrandingInput } from "@/lib/clinics/schemas";

type Info = { ip: string | null; userAgent: string | null };

export async function getBranding(userId: string, clinicId: string) {
  await getMembership(userId, clinicId);
  const [clinic, logo] = await Promise.all([
    db.clinic.findUniqueOrThrow({
      where: { id: clinicId },
      select: { name: true, primaryColor: true, accentColor: true, phone: true, email: true, address: true, website: true, hours: true, pageSize: true, notesPosition: true, extraDisclaimer: true },
    }),
    db.clinicLogo.findUnique({ where: { clinicId }, select: { sha256: true, width: true, height: true } }),
  ]);
  return { clinic, logo };
}

/** OWNER/ADMIN change the clinic's branding; handouts already generated keep their stored snapshot. */
export async function updateBranding(actorId: string, clinicId: string, input: BrandingInput, info: Info) {
  await getMembership(actorId, clinicId, { role: MANAGERS });
  await db.$transaction(async (tx) => {
    await tx.clinic.update({ where: { id: clinicId }, data: { ...input, extraDisclaimer: input.extraDisclaimer || null } });
    await recordAudit({ action: "clinic.branding_changed", clinicId, actorId, targetType: "clinic", targetId: clinicId, ...info }, tx);
  });
}

/** OWNER/ADMIN upload a logo; it is checked and re-encoded before anything is stored. */
export async function setLogo(actorId: string, clinicId: string, upload: Buffer, declared: { name?: string; type?: string }, info: Info) {
  await getMembership(actorId, clinicId, { role: MANAGERS });
  const logo = await processLogo(upload, declared);
  await db.$transaction(async (tx) => {
    const data = { bytes: new Uint8Array(logo.png), sha256: logo.sha256, width: logo.width, height: logo.height };
    await tx.clinicLogo.upsert({ where: { clinicId }, create: { clinicId, ...data }, update: { ...data, createdAt: new Date() } });
    await recordAudit({ action: "clinic.branding_changed", clinicId, actorId, targetType: "logo", targetId: logo.sha256.slice(0, 16), metadata: { logo: "uploaded" }, ...info }, tx);
  });
  return logo;
}

export async function removeLogo(actorId: string, clinicId: string, info: Info) {
  await getMembership(actorId, clinicId, { role: MANAGERS });
  await db.$transaction(async (tx) => {
    await tx.clinicLogo.deleteMany({ where: { clinicId } });
    await recordAudit({ action: "clinic.branding_changed", clinicId, actorId, targetType: "logo", metadata: { logo: "removed" }, ...info }, tx);
  });
}

/** The logo bytes for the clinic's own pages and PDFs; null when the clinic has none. */
export async function getLogoBytes(clinicId: string) {
  const logo = await db.clinicLogo.findUnique({ where: { clinicId }, select: { bytes: true, sha256: true } });
  return logo ? { bytes: Buffer.from(logo.bytes), sha256: logo.sha256 } : null;
}

export async function updateProfile(userId: string, input: { name: string; credentials: string; directPhone: string }) {
  await db.user.update({ where: { id: userId }, data: { name: input.name, credentials: input.credentials || null, directPhone: input.directPhone || null } });
}

/** The current logo's SHA-256 (for cache-busting URLs and comparing with handout snapshots); null when none. */
export async function getLogoHash(clinicId: string): Promise<string | null> {
  return (await db.clinicLogo.findUnique({ where: { clinicId }, select: { sha256: true } }))?.sha256 ?? null;
}
