import "server-only";
import { getClinicBranding, getLogoHash } from "@/lib/clinics/branding";
import { selectSections } from "@/lib/pdf/select-sections";
import { textColorOn } from "@/lib/pdf/colors";
import { getGuideVersion } from "@/lib/guides/versions";
import type { MemberContext } from "@/lib/authz";
import { contactSchema, handoutDraftSchema } from "@/lib/handouts/schemas";
import { HandoutPreview } from "@/components/handouts/handout-preview";

/**
 * Page 1 preview for a draft that may still be incomplete: invalid fields fall back to empty values, so the
 * preview keeps following the form while the clinician types.
 */
export async function renderPreview(ctx: MemberContext, raw: unknown) {
  const clinicId = ctx.clinic.id;
  const loose = handoutDraftSchema.partial().safeParse(raw);
  const draft = loose.success ? loose.data : {};
  const input = raw as { guideVersionId?: string; sectionKeys?: string[]; contact?: unknown };
  const [version, clinic, logo] = await Promise.all([
    getGuideVersion(clinicId, String(input.guideVersionId ?? "")),
    getClinicBranding(clinicId),
    getLogoHash(clinicId),
  ]);
  const contact = contactSchema.safeParse(input.contact);
  const sections = selectSections(version.sections, input.sectionKeys ?? []).filter((s) => s.kind === "content");
  return (
    <HandoutPreview
      title={draft.title || version.title}
      date={new Date()}
      preparedFor={draft.preparedFor ?? ""}
      followUpDate={draft.followUpDate ?? ""}
      notes={typeof (raw as { notes?: unknown }).notes === "string" ? (raw as { notes: string }).notes.slice(0, 4000) : ""}
      notesPosition={clinic.notesPosition}
      largePrint={draft.largePrint ?? false}
      pageSize={clinic.pageSize}
      clinicName={contact.success ? contact.data.clinicName : clinic.name}
      primaryColor={clinic.primaryColor}
      textOnPrimary={textColorOn(clinic.primaryColor)}
      accentColor={clinic.accentColor}
      contact={contact.success ? contact.data : { clinicName: clinic.name, phone: clinic.phone ?? "", email: "", address: "", website: "", hours: "", clinicianName: "", credentials: "", directPhone: "" }}
      sections={sections.slice(0, 4).map((s) => ({ key: s.key, title: s.title, blocks: s.blocks }))}
      logoUrl={logo ? `/clinics/${clinicId}/logo?v=${logo.slice(0, 12)}` : null}
    />
  );
}
