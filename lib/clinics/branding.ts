import "server-only";
import { db } from "@/lib/db";
import { auditMember } from "@/lib/audit/mutations";
import { MANAGERS, requireRole, type MemberContext } from "@/lib/member-context";
import { processLogo } from "@/lib/clinics/logo";
import type { BrandingInput } from "@/lib/clinics/schemas";

const BRANDING_FIELDS = {
  name: true,
  primaryColor: true,
  accentColor: true,
  phone: true,
  email: true,
  address: true,
  website: true,
  hours: true,
  pageSize: true,
  notesPosition: true,
  extraDisclaimer: true,
  linksByDefault: true,
  linkDays: true,
  reviewMonths: true,
  defaultLanguage: true,
  defaultLevel: true,
} as const;

/** The clinic's settings a handout uses: contact defaults, branding, page size and where the notes go. */
export async function getClinicBranding(clinicId: string) {
  return db.clinic.findUniqueOrThrow({ where: { id: clinicId }, select: BRANDING_FIELDS });
}

export async function getBranding(ctx: MemberContext) {
  const [clinic, logo] = await Promise.all([
    getClinicBranding(ctx.clinic.id),
    db.clinicLogo.findUnique({
      where: { clinicId: ctx.clinic.id },
      select: { sha256: true, width: true, height: true },
    }),
  ]);
  return { clinic, logo };
}

/** OWNER/ADMIN change the clinic's branding; handouts already generated keep their stored snapshot. */
export async function updateBranding(ctx: MemberContext, input: BrandingInput) {
  requireRole(ctx, MANAGERS);
  const data = { ...input, extraDisclaimer: input.extraDisclaimer || null };
  await db.$transaction(async (tx) => {
    const before = await tx.clinic.findUniqueOrThrow({ where: { id: ctx.clinic.id }, select: BRANDING_FIELDS });
    await tx.clinic.update({ where: { id: ctx.clinic.id }, data });
    // The field names only: the activity log says what changed, never the values.
    const fields = (Object.keys(data) as (keyof typeof data)[]).filter(
      (k) => data[k] !== undefined && (before[k] ?? "") !== (data[k] ?? ""),
    );
    await auditMember(
      ctx,
      { action: "clinic.branding_changed", targetType: "clinic", targetId: ctx.clinic.id, metadata: { fields } },
      tx,
    );
  });
}

/** OWNER/ADMIN upload a logo; it is checked and re-encoded before anything is stored. */
export async function setLogo(ctx: MemberContext, upload: Buffer, declared: { name?: string; type?: string }) {
  requireRole(ctx, MANAGERS);
  const logo = await processLogo(upload, declared);
  const clinicId = ctx.clinic.id;
  await db.$transaction(async (tx) => {
    const data = { bytes: new Uint8Array(logo.png), sha256: logo.sha256, width: logo.width, height: logo.height };
    await tx.clinicLogo.upsert({
      where: { clinicId },
      create: { clinicId, ...data },
      update: { ...data, createdAt: new Date() },
    });
    // Kept by content and never updated (a trigger refuses it): the same logo uploaded again is already there.
    await tx.logoVersion.createMany({
      data: [{ clinicId, sha256: logo.sha256, bytes: data.bytes }],
      skipDuplicates: true,
    });
    await auditMember(
      ctx,
      {
        action: "clinic.branding_changed",
        targetType: "logo",
        targetId: logo.sha256.slice(0, 16),
        metadata: { fields: ["logo"], logo: "uploaded" },
      },
      tx,
    );
  });
  return logo;
}

export async function removeLogo(ctx: MemberContext) {
  requireRole(ctx, MANAGERS);
  await db.$transaction(async (tx) => {
    await tx.clinicLogo.deleteMany({ where: { clinicId: ctx.clinic.id } });
    await auditMember(
      ctx,
      { action: "clinic.branding_changed", targetType: "logo", metadata: { fields: ["logo"], logo: "removed" } },
      tx,
    );
  });
}

/** The logo bytes for the clinic's own pages and PDFs; null when the clinic has none. */
export async function findLogoBytes(clinicId: string) {
  const logo = await db.clinicLogo.findUnique({ where: { clinicId }, select: { bytes: true, sha256: true } });
  return logo ? { bytes: Buffer.from(logo.bytes), sha256: logo.sha256 } : null;
}

/** A logo the clinic has had (current or replaced), by its SHA-256 as a handout's branding snapshot names it. */
export async function findLogoVersion(clinicId: string, sha256: string): Promise<Buffer | null> {
  const logo = await db.logoVersion.findUnique({
    where: { clinicId_sha256: { clinicId, sha256 } },
    select: { bytes: true },
  });
  return logo ? Buffer.from(logo.bytes) : null;
}

/** Whether the clinic keeps a logo with this SHA-256 (see findLogoVersion), without reading its bytes. */
export async function hasLogoVersion(clinicId: string, sha256: string): Promise<boolean> {
  return (await db.logoVersion.count({ where: { clinicId, sha256 } })) > 0;
}
