import "server-only";
import { db } from "@/lib/db";
import { getHandout } from "@/lib/handouts/queries";
import { getTemplate } from "@/lib/templates/queries";
import { getClinicBranding } from "@/lib/clinics/branding";
import { getGuideVersion, getLatestVersionId, visibleGuide } from "@/lib/guides/versions";
import type { ContactBlock } from "@/lib/handouts/schemas";
import type { MemberContext } from "@/lib/authz";
import { contactDefaults } from "@/lib/handouts/contact-defaults";
import { getDraft } from "@/lib/drafts/queries";
import { contactOverridesSchema } from "@/lib/templates/schemas";

export type BuilderSection = { key: string; title: string; kind: "content" | "references" | "disclaimer"; required: boolean; lockReason: string | null; plainText: string };

export type BuilderStart = {
  guide: { guideId: string; versionId: string; version: number; title: string };
  sections: BuilderSection[];
  initial: {
    title: string;
    sectionKeys: string[];
    // The picker's order with unticked sections in place (a draft, "Duplicate and edit"); else guide order.
    order?: { key: string; picked: boolean }[];
    notes: string;
    preparedFor: string;
    followUpDate: string;
    largePrint: boolean;
    // Whether the handout gets a patient link (QR code and /h/ page): the clinic's default to start with.
    patientLink: boolean;
    contact: ContactBlock;
    sourceHandoutId?: string;
    templateId?: string;
    draftId?: string;
  };
  notices: string[];
  pageSize: "LETTER" | "A4";
  linkDays: number;
};

async function versionFor(clinicId: string, versionId: string) {
  const v = await getGuideVersion(clinicId, versionId);
  return {
    guide: { guideId: v.guideId, versionId: v.id, version: v.version, title: v.title },
    sections: v.sections.map((s) => ({ key: s.key, title: s.title, kind: s.kind, required: s.required, lockReason: s.lockReason, plainText: s.plainText })),
  };
}

/** Builder start from a guide: its newest version, every content section picked, in guide order. */
export async function builderFromGuide(ctx: MemberContext, guideId: string): Promise<BuilderStart> {
  const clinicId = ctx.clinic.id;
  const [{ guide, sections }, contact, clinic] = await Promise.all([
    getLatestVersionId(clinicId, guideId).then((id) => versionFor(clinicId, id)),
    contactDefaults(ctx),
    getClinicBranding(clinicId),
  ]);
  return {
    guide,
    sections,
    initial: { title: guide.title, sectionKeys: sections.filter((s) => s.kind !== "references").map((s) => s.key), notes: "", preparedFor: "", followUpDate: "", largePrint: false, patientLink: clinic.linksByDefault, contact },
    notices: [],
    pageSize: clinic.pageSize,
    linkDays: clinic.linkDays,
  };
}

/**
 * "Duplicate and edit": the same choices on the guide's newest version. The patient label and follow-up
 * date are left empty, since the copy is usually for someone else.
 */
export async function builderFromHandout(ctx: MemberContext, handoutId: string): Promise<BuilderStart> {
  const clinicId = ctx.clinic.id;
  const source = await getHandout(ctx, handoutId);
  const latestId = await getLatestVersionId(clinicId, source.guideVersion.guideId);
  const [{ guide, sections }, clinic] = await Promise.all([versionFor(clinicId, latestId), getClinicBranding(clinicId)]);
  const available = new Set(sections.map((s) => s.key));
  const dropped = source.sectionKeys.filter((k) => !available.has(k));
  return {
    guide,
    sections,
    initial: {
      title: source.title,
      sectionKeys: source.sectionKeys.filter((k) => available.has(k)),
      notes: source.notes,
      preparedFor: "",
      followUpDate: "",
      largePrint: source.options.largePrint,
      patientLink: clinic.linksByDefault,
      contact: source.contact,
      sourceHandoutId: source.id,
    },
    notices: dropped.length ? [`${dropped.length} section${dropped.length > 1 ? "s were" : " was"} removed from the guide since, and ${dropped.length > 1 ? "are" : "is"} left out.`] : [],
    pageSize: clinic.pageSize,
    linkDays: clinic.linkDays,
  };
}

/** Guides to start from, when the builder is opened without one. */
export async function findBuilderGuides(ctx: MemberContext) {
  const guides = await db.guide.findMany({
    where: visibleGuide(ctx.clinic.id),
    select: { id: true, versions: { orderBy: { version: "desc" }, take: 1, select: { title: true, summary: true } } },
  });
  return guides
    .filter((g) => g.versions[0])
    .map((g) => ({ id: g.id, title: g.versions[0]!.title, summary: g.versions[0]!.summary }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

/**
 * "New handout from template": the template's sections in its order, on the newest version of each
 * section; a section the guide no longer has is left out, with a notice.
 */
export async function builderFromTemplate(ctx: MemberContext, templateId: string): Promise<BuilderStart> {
  const clinicId = ctx.clinic.id;
  const template = await getTemplate(ctx, templateId);
  const latestId = await getLatestVersionId(clinicId, template.guideId);
  const [{ guide, sections }, contact, clinic] = await Promise.all([versionFor(clinicId, latestId), contactDefaults(ctx), getClinicBranding(clinicId)]);
  const available = new Set(sections.map((s) => s.key));
  const dropped = template.sectionKeys.filter((k) => !available.has(k));
  return {
    guide,
    sections,
    initial: {
      // A handout made from a template is called what the template is called, unless the clinician renames it.
      title: template.name,
      sectionKeys: template.sectionKeys.filter((k) => available.has(k)),
      notes: template.notes,
      preparedFor: "",
      followUpDate: "",
      largePrint: template.largePrint,
      patientLink: clinic.linksByDefault,
      contact: { ...contact, ...contactOverridesSchema.parse(template.contactOverrides) },
      templateId: template.id,
    },
    notices: [
      `Started from the template “${template.name}”.`,
      ...(dropped.length ? [`${dropped.length} section${dropped.length > 1 ? "s were" : " was"} removed from the guide since the template was saved, and ${dropped.length > 1 ? "are" : "is"} left out.`] : []),
    ],
    pageSize: clinic.pageSize,
    linkDays: clinic.linkDays,
  };
}

/** "Continue" a draft: the form exactly as the clinician left it, on the guide version it was made from. */
export async function builderFromDraft(ctx: MemberContext, draftId: string): Promise<BuilderStart> {
  const draft = await getDraft(ctx, draftId);
  const [{ guide, sections }, defaults, clinic] = await Promise.all([versionFor(ctx.clinic.id, draft.state.guideVersionId), contactDefaults(ctx), getClinicBranding(ctx.clinic.id)]);
  const s = draft.state;
  return {
    guide,
    sections,
    initial: {
      title: s.title,
      sectionKeys: s.order.filter((o) => o.picked).map((o) => o.key),
      order: s.order,
      notes: s.notes,
      preparedFor: s.preparedFor,
      followUpDate: s.followUpDate,
      largePrint: s.largePrint,
      patientLink: s.patientLink ?? clinic.linksByDefault,
      contact: { ...defaults, ...s.contact },
      templateId: s.templateId,
      sourceHandoutId: s.sourceHandoutId,
      draftId: draft.id,
    },
    notices: [`Your draft from ${draft.updatedAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}.`],
    pageSize: clinic.pageSize,
    linkDays: clinic.linkDays,
  };
}
