import "server-only";
import { db } from "@/lib/db";
import { getHandout } from "@/lib/handouts/queries";
import { getTemplate } from "@/lib/templates/queries";
import { getClinicBranding } from "@/lib/clinics/branding";
import {
  findGuideFamily,
  getGuideVersion,
  pickVariant,
  visibleGuide,
  type FamilyMember,
} from "@/lib/guides/library/versions";
import type { ContactBlock } from "@/lib/handouts/schemas";
import type { MemberContext } from "@/lib/member-context";
import { contactDefaults } from "@/lib/handouts/contact-defaults";
import { getDraft } from "@/lib/handout-drafts/queries";
import { contactOverridesSchema } from "@/lib/templates/schemas";
import { getsPatientLink } from "@/lib/handouts/link-state";

export type BuilderSection = {
  key: string;
  title: string;
  kind: "content" | "references" | "disclaimer";
  required: boolean;
  lockReason: string | null;
  plainText: string;
};

export type BuilderVariant = {
  guideId: string;
  versionId: string;
  version: number;
  title: string;
  language: string;
  level: string;
  sections: BuilderSection[];
};

export type BuilderStart = {
  guide: { guideId: string; versionId: string; version: number; title: string; language: string; level: string };
  sections: BuilderSection[];
  // The guide's variants (levels, languages) the clinician can switch to, the one above among them.
  variants: BuilderVariant[];
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
    // The patient opened from the EHR, whose chart Generate files the handout to.
    ehrLaunchId?: string;
    draftId?: string;
    // The draft's revision when the page was made: its saves name it (two tabs, lib/handout-drafts/mutations.ts).
    draftRevision?: number;
    // The variant to start on, when not `guide` (a form brought back from the browser: builder-with-backup.tsx).
    guideVersionId?: string;
  };
  notices: string[];
  pageSize: "LETTER" | "A4";
  linkDays: number;
};

async function versionFor(clinicId: string, versionId: string): Promise<BuilderVariant> {
  const v = await getGuideVersion(clinicId, versionId);
  return {
    guideId: v.guideId,
    versionId: v.id,
    version: v.version,
    title: v.title,
    language: v.language,
    level: v.level,
    sections: v.sections.map((s) => ({
      key: s.key,
      title: s.title,
      kind: s.kind,
      required: s.required,
      lockReason: s.lockReason,
      plainText: s.plainText,
    })),
  };
}

export type VariantWish = { language?: string; level?: string };

/**
 * The version the builder starts on and every variant beside it. `exact`: that version (a draft); `same`:
 * the newest version of that guide (Duplicate and edit, a guide opened as a variant); otherwise the clinic's
 * language and level (or `wish`, from the address), then plain when it exists.
 */
async function startVariants(
  ctx: MemberContext,
  guideId: string,
  clinic: { defaultLanguage: string; defaultLevel: string },
  opts: { exact?: string; same?: boolean; wish?: VariantWish } = {},
): Promise<{ start: BuilderVariant; variants: BuilderVariant[] }> {
  const clinicId = ctx.clinic.id;
  const family = await findGuideFamily(clinicId, guideId);
  const opened = family.find((m) => m.guideId === guideId)!;
  // A variant opened as such (from its own guide page, or a template saved on it) is what was asked for.
  const keep = opts.same || (!opened.isOriginal && !opts.wish?.language && !opts.wish?.level);
  const chosen: FamilyMember = keep
    ? opened
    : pickVariant(
        family,
        { language: opts.wish?.language ?? clinic.defaultLanguage, level: opts.wish?.level ?? clinic.defaultLevel },
        opened,
      );
  const variants = await Promise.all(
    family.map((m) => versionFor(clinicId, opts.exact && m.guideId === guideId ? opts.exact : m.versionId)),
  );
  return { start: variants.find((v) => v.guideId === chosen.guideId)!, variants };
}

const guideOf = (v: BuilderVariant) => ({
  guideId: v.guideId,
  versionId: v.versionId,
  version: v.version,
  title: v.title,
  language: v.language,
  level: v.level,
});

/** Builder start from a guide: its newest version, every content section picked, in guide order. */
export async function builderFromGuide(ctx: MemberContext, guideId: string, wish?: VariantWish): Promise<BuilderStart> {
  const clinicId = ctx.clinic.id;
  const [contact, clinic] = await Promise.all([contactDefaults(ctx), getClinicBranding(clinicId)]);
  const { start, variants } = await startVariants(ctx, guideId, clinic, { wish });
  const { sections } = start;
  return {
    guide: guideOf(start),
    sections,
    variants,
    initial: {
      title: start.title,
      sectionKeys: sections.filter((s) => s.kind !== "references").map((s) => s.key),
      notes: "",
      preparedFor: "",
      followUpDate: "",
      largePrint: false,
      patientLink: clinic.linksByDefault,
      contact,
    },
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
  const clinic = await getClinicBranding(clinicId);
  const { start, variants } = await startVariants(ctx, source.guideVersion.guideId, clinic, { same: true });
  const { sections } = start;
  const available = new Set(sections.map((s) => s.key));
  const dropped = source.sectionKeys.filter((k) => !available.has(k));
  return {
    guide: guideOf(start),
    sections,
    variants,
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
    notices: dropped.length
      ? [
          `${dropped.length} section${dropped.length > 1 ? "s were" : " was"} removed from the guide since, and ${dropped.length > 1 ? "are" : "is"} left out.`,
        ]
      : [],
    pageSize: clinic.pageSize,
    linkDays: clinic.linkDays,
  };
}

/** Guides to start from, when the builder is opened without one. */
export async function findBuilderGuides(ctx: MemberContext) {
  // Variants are chosen in the builder, not here.
  const guides = await db.guide.findMany({
    where: { ...visibleGuide(ctx.clinic.id), variantOfId: null },
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
export async function builderFromTemplate(
  ctx: MemberContext,
  templateId: string,
  wish?: VariantWish,
): Promise<BuilderStart> {
  const clinicId = ctx.clinic.id;
  const template = await getTemplate(ctx, templateId);
  const [contact, clinic] = await Promise.all([contactDefaults(ctx), getClinicBranding(clinicId)]);
  const { start, variants } = await startVariants(ctx, template.guideId, clinic, { wish });
  const { sections } = start;
  const available = new Set(sections.map((s) => s.key));
  const dropped = template.sectionKeys.filter((k) => !available.has(k));
  return {
    guide: guideOf(start),
    sections,
    variants,
    initial: {
      // A handout made from a template is called what the template is called, unless the clinician renames it.
      title: template.name,
      sectionKeys: template.sectionKeys.filter((k) => available.has(k)),
      notes: template.notes,
      preparedFor: "",
      followUpDate: "",
      largePrint: template.largePrint,
      patientLink: getsPatientLink(template.patientLink, clinic),
      contact: { ...contact, ...contactOverridesSchema.parse(template.contactOverrides) },
      templateId: template.id,
    },
    notices: [
      `Started from the template “${template.name}”.`,
      ...(dropped.length
        ? [
            `${dropped.length} section${dropped.length > 1 ? "s were" : " was"} removed from the guide since the template was saved, and ${dropped.length > 1 ? "are" : "is"} left out.`,
          ]
        : []),
    ],
    pageSize: clinic.pageSize,
    linkDays: clinic.linkDays,
  };
}

/** "Continue" a draft: the form exactly as the clinician left it, on the guide version it was made from. */
export async function builderFromDraft(ctx: MemberContext, draftId: string): Promise<BuilderStart> {
  const draft = await getDraft(ctx, draftId);
  const [exact, defaults, clinic] = await Promise.all([
    versionFor(ctx.clinic.id, draft.state.guideVersionId),
    contactDefaults(ctx),
    getClinicBranding(ctx.clinic.id),
  ]);
  const { start, variants } = await startVariants(ctx, exact.guideId, clinic, { exact: exact.versionId, same: true });
  const { sections } = start;
  const s = draft.state;
  return {
    guide: guideOf(start),
    sections,
    variants,
    initial: {
      title: s.title,
      sectionKeys: s.order.filter((o) => o.picked).map((o) => o.key),
      order: s.order,
      notes: s.notes,
      preparedFor: s.preparedFor,
      followUpDate: s.followUpDate,
      largePrint: s.largePrint,
      patientLink: getsPatientLink(s.patientLink, clinic),
      contact: { ...defaults, ...s.contact },
      templateId: s.templateId,
      sourceHandoutId: s.sourceHandoutId,
      ehrLaunchId: s.ehrLaunchId,
      draftId: draft.id,
      draftRevision: draft.revision,
    },
    notices: [
      `Your draft from ${draft.updatedAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}.`,
    ],
    pageSize: clinic.pageSize,
    linkDays: clinic.linkDays,
  };
}
