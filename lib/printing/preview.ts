import "server-only";
import { getClinicBranding, findLogoBytes } from "@/lib/clinics/branding";
import { getGuideVersion } from "@/lib/guides/library/versions";
import { findSectionImages } from "@/lib/guides/library/images";
import { renderInPool } from "@/lib/pdf/pool";
import { CURRENT_LAYOUT } from "@/lib/pdf/types";
import { brandingSnapshot } from "@/lib/handouts/snapshots";
import { printedFromDraft } from "@/lib/handouts/printed/from-draft";
import { selectSections } from "@/lib/handouts/printed/sections";
import { contactSchema, handoutDraftSchema, type HandoutDraft } from "@/lib/handouts/schemas";
import { unprintableFields, type Unprintable } from "@/lib/handouts/printable";
import { linkUrl } from "@/lib/handouts/link-tokens";
import type { MemberContext } from "@/lib/member-context";
import { getsPatientLink } from "@/lib/handouts/link-state";

// The preview prints a stand-in address of a real token's length, so its QR code and lines are the size the
// handout's will be; the real token is made when the handout is generated.
const PREVIEW_LINK_URL = () => linkUrl("preview-".padEnd(43, "0"));

export type PreviewPdf = { pdf: Uint8Array; pages: number; unprintable: Unprintable[] };

// What the builder form holds while the clinician is still typing: a field that does not validate yet is
// printed as typed (within its length limit) or left out, so the preview keeps following the form.
function lenientDraft(raw: unknown, fallbackContact: HandoutDraft["contact"]): HandoutDraft {
  const r = (raw ?? {}) as Record<string, unknown>;
  const text = (v: unknown, max: number) => (typeof v === "string" ? v.slice(0, max) : "");
  const strict = handoutDraftSchema.partial().safeParse(raw);
  const draft = strict.success ? strict.data : {};
  const contactRaw = (r.contact ?? {}) as Record<string, unknown>;
  const contact = contactSchema.safeParse(contactRaw);
  return {
    guideVersionId: text(r.guideVersionId, 64),
    title: draft.title || text(r.title, 160).trim(),
    sectionKeys: Array.isArray(r.sectionKeys)
      ? r.sectionKeys.filter((k): k is string => typeof k === "string").slice(0, 100)
      : [],
    notes: text(r.notes, 4000),
    preparedFor: draft.preparedFor ?? "",
    followUpDate: draft.followUpDate ?? "",
    largePrint: draft.largePrint ?? false,
    patientLink: draft.patientLink,
    contact: contact.success
      ? contact.data
      : (Object.fromEntries(
          Object.keys(fallbackContact).map((k) => [
            k,
            text(contactRaw[k], 300) || fallbackContact[k as keyof HandoutDraft["contact"]],
          ]),
        ) as HandoutDraft["contact"]),
  };
}

/**
 * The PDF for the builder's form as it is now, made by the same code and the same render threads as
 * Generate, and the characters in it no font can print. Nothing is stored.
 */
export async function renderPreviewPdf(
  ctx: MemberContext,
  raw: unknown,
  opts: { allPages: boolean; signal?: AbortSignal },
): Promise<PreviewPdf> {
  const clinicId = ctx.clinic.id;
  const guideVersionId =
    typeof (raw as { guideVersionId?: unknown })?.guideVersionId === "string"
      ? (raw as { guideVersionId: string }).guideVersionId
      : "";
  const [version, clinic, logo] = await Promise.all([
    getGuideVersion(clinicId, guideVersionId),
    getClinicBranding(clinicId),
    findLogoBytes(clinicId),
  ]);
  const fallback = {
    clinicName: clinic.name,
    phone: clinic.phone ?? "",
    email: "",
    address: "",
    website: "",
    hours: "",
    clinicianName: "",
    credentials: "",
    directPhone: "",
  };
  const draft = lenientDraft(raw, fallback);
  const images = await findSectionImages(clinicId, selectSections(version.sections, draft.sectionKeys));
  const link = getsPatientLink(draft.patientLink, clinic) ? { url: PREVIEW_LINK_URL() } : null;
  const assets = { logoPng: logo ? new Uint8Array(logo.bytes) : null, images };
  const input = printedFromDraft(
    { ...draft, title: draft.title || version.title },
    version,
    brandingSnapshot(clinic, logo),
    { createdAt: new Date(), layout: CURRENT_LAYOUT, link, assets },
  );
  const pdf = await renderInPool(input, { signal: opts.signal, tenant: clinicId, firstPageOnly: !opts.allPages });
  return { pdf: new Uint8Array(pdf.bytes), pages: pdf.pages, unprintable: unprintableFields(draft) };
}
