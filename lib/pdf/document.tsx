import { Document, Image, Link, Page, Text, View } from "@react-pdf/renderer";
import { z } from "zod";
import { detectImageKind } from "@/lib/clinics/image-kind";
import type { Reference } from "@/lib/guides/blocks";
import { PdfBlocks, SAFE_PDF_LINK } from "@/lib/pdf/blocks";
import { citedReferences } from "@/lib/pdf/select-sections";
import { LATE_BREAK_PENALTY } from "@/lib/pdf/fonts";
import { bindLastWords } from "@/lib/pdf/line-breaks";
import { measure } from "@/lib/pdf/measure";
import { Notes } from "@/lib/pdf/notes";
import { preparePdfInput } from "@/lib/pdf/prepare";
import { keepWithNext, makeStyles, type Styles } from "@/lib/pdf/styles";
import { readableOnWhite, safeHex, textColorOn } from "@/lib/pdf/colors";
import { structureGroup } from "@/lib/pdf/tags";
import type { HandoutPdfInput } from "@/lib/pdf/types";

// One formatter for every render: toLocaleDateString builds a new one on each call (~1 ms).
const LONG_DATE = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

function formatDate(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : LONG_DATE.format(date);
}

// The logo arrives as bytes from the database; anything react-pdf cannot draw (not PNG or JPEG) is left out.
function imageFormat(bytes: Uint8Array): "png" | "jpg" | null {
  const kind = detectImageKind(bytes);
  return kind === "png" ? "png" : kind === "jpeg" ? "jpg" : null;
}

const PAGE_WIDTH = { LETTER: 612, A4: 595.28 } as const;

// The rule the contact forms use: anything else stored in an old handout's snapshot is printed, not linked.
const EMAIL = z.email();

function ContactBlock({ c, clinicName, s, linkColor }: { c: HandoutPdfInput["contact"]; clinicName: string; s: Styles; linkColor: string }) {
  const clinician = [c.clinicianName, c.credentials].filter(Boolean).join(", ");
  const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;
  const lines: { label: string; text: string; href?: string }[] = [
    ...(clinician ? [{ label: "Your clinician", text: clinician }] : []),
    ...(c.directPhone ? [{ label: "Direct line", text: c.directPhone, href: telHref(c.directPhone) }] : []),
    ...(c.phone ? [{ label: "Phone", text: c.phone, href: telHref(c.phone) }] : []),
    ...(c.email ? [{ label: "Email", text: c.email, href: EMAIL.safeParse(c.email).success ? `mailto:${c.email}` : undefined }] : []),
    ...(c.website ? [{ label: "Website", text: c.website, href: c.website }] : []),
    ...(c.address ? [{ label: "Address", text: c.address }] : []),
    ...(c.hours ? [{ label: "Hours", text: c.hours }] : []),
  ];
  return (
    <View tag="Sect" style={s.contactBox} wrap={false}>
      <Text tag="H2" style={s.contactTitle}>Questions? Contact {c.clinicName || clinicName}</Text>
      {lines.map((l) => (
        <Text key={l.label} tag="P" style={s.contactLine} hyphenationPenalty={LATE_BREAK_PENALTY}>
          <Text style={{ fontWeight: "bold" }}>{l.label}: </Text>
          {l.href && SAFE_PDF_LINK.test(l.href) ? (
            <Link src={l.href} style={{ color: linkColor }}>
              {l.text}
            </Link>
          ) : (
            l.text
          )}
        </Text>
      ))}
    </View>
  );
}

// Numbered, with the number hanging; a reference's https address (its last words) becomes a link. The rows
// sit beside the heading (which keeps with the first of them), so they join their list element by `parent`.
function ReferenceList({ references, s, linkColor }: { references: Reference[]; s: Styles; linkColor: string }) {
  const list = structureGroup("L");
  return (
    <>
      {references.map((r, i) => {
        const url = r.url && SAFE_PDF_LINK.test(r.url) && r.text.endsWith(r.url) ? r.url : null;
        return (
          <View key={r.key} tag={{ role: "LI", parent: list }} style={s.refRow} wrap={false}>
            <Text tag="Lbl" style={s.refNumber}>{i + 1}.</Text>
            <Text tag="LBody" style={s.refText} hyphenationPenalty={LATE_BREAK_PENALTY}>
              {url ? r.text.slice(0, -url.length) : r.text}
              {url ? (
                <Link src={url} style={{ color: linkColor }}>
                  {url}
                </Link>
              ) : null}
            </Text>
          </View>
        );
      })}
    </>
  );
}

/**
 * The handout: branded header, the chosen sections in order, the clinician's notes, the contact block,
 * the references the sections cite, the disclaimer, and a footer with page numbers on every page.
 */
export function HandoutDocument({ input: given, fastPagination = true }: { input: HandoutPdfInput; fastPagination?: boolean }) {
  const { input, fontFamily } = preparePdfInput(given);
  const s = makeStyles(input.largePrint ? 18 : 11, fontFamily);
  const width = PAGE_WIDTH[input.pageSize] - 2 * (s.page.paddingHorizontal as number);
  const balance = (text: string, style: { fontSize?: unknown }, inset = 0) => bindLastWords(text, (words) => measure(words, style.fontSize as number, true) <= width - inset);
  const { contact } = input;
  const branding = { ...input.branding, primaryColor: safeHex(input.branding.primaryColor, "#1d4e89"), accentColor: safeHex(input.branding.accentColor, "#eef2f6") };
  const onBand = textColorOn(branding.primaryColor);
  const headingColor = readableOnWhite(branding.primaryColor);
  const logoFormat = branding.logoPng ? imageFormat(branding.logoPng) : null;
  const createdAt = new Date(input.createdAt);
  const content = input.sections.filter((x) => x.kind === "content");
  const disclaimers = input.sections.filter((x) => x.kind === "disclaimer");
  const references = citedReferences(input.references, input.sections);
  const notes = <Notes notes={input.notes} s={s} accent={branding.accentColor} border={branding.primaryColor} />;
  const footerText = [branding.clinicName, contact.phone].filter(Boolean).join(" · ");
  const meta = [formatDate(input.createdAt), input.preparedFor && `Prepared for ${input.preparedFor}`, input.followUpDate && `Follow-up: ${formatDate(input.followUpDate)}`].filter(
    (item): item is string => !!item,
  );

  return (
    // Tagged (lib/pdf/tags.ts), in PDF 1.7 so that pdfkit also writes the XMP metadata (dc:title) PDF/UA asks for.
    <Document
      tagged
      pdfVersion="1.7"
      title={input.title}
      author={branding.clinicName}
      subject={input.guideTitle}
      creator="Handout Portal"
      producer="Handout Portal"
      language={input.language ?? "en"}
      creationDate={Number.isNaN(createdAt.getTime()) ? undefined : createdAt}
    >
      <Page
        size={input.pageSize}
        style={s.page}
        wrap
        // The new pagination engine draws page chrome through `layout`; a `fixed` footer would only reach the last page.
        layout={
          fastPagination
            ? ({ children, pageNumber, totalPages }) => (
                <>
                  {children}
                  <View style={s.footer} artifact="Pagination">
                    <Text style={s.footerText}>{footerText}</Text>
                    <Text style={s.footerText}>{`Page ${pageNumber} of ${totalPages}`}</Text>
                  </View>
                </>
              )
            : undefined
        }
      >
        <View style={[s.band, { backgroundColor: branding.primaryColor }]}>
          {branding.logoPng && logoFormat ? (
            <View style={s.logoBox}>
              <Image tag={{ role: "Figure", alt: `${branding.clinicName} logo` }} style={s.logo} src={{ data: Buffer.from(branding.logoPng), format: logoFormat }} />
            </View>
          ) : null}
          <View style={{ flex: 1, marginLeft: logoFormat ? 12 : 0 }}>
            <Text tag="P" style={[s.bandName, { color: onBand }]}>{branding.clinicName}</Text>
            {contact.phone ? <Text tag="P" style={[s.bandLine, { color: onBand }]}>{contact.phone}</Text> : null}
          </View>
        </View>
        <Text tag="H1" style={s.title}>{balance(input.title, s.title)}</Text>
        {/* Items wrap as wholes, so a date never splits across lines in large print. */}
        <View style={s.metaRow}>
          {meta.map((item, i) => (
            <Text key={i} tag="P" style={s.meta}>
              {item}
            </Text>
          ))}
        </View>
        {input.notesPosition === "TOP" && notes}

        {content.map((section) => (
          <View key={section.key} tag="Sect">
            <PdfBlocks
              blocks={section.blocks}
              width={width}
              s={s}
              linkColor={headingColor}
              heading={
                <Text tag="H2" style={[s.sectionHeading, { color: headingColor }]} minPresenceAhead={keepWithNext(s).heading}>
                  {balance(section.title, s.sectionHeading)}
                </Text>
              }
            />
          </View>
        ))}

        {input.notesPosition === "END" && notes}
        <ContactBlock c={contact} clinicName={branding.clinicName} s={s} linkColor={headingColor} />

        {references.length > 0 && (
          <View tag="Sect">
            <Text tag="H2" style={[s.sectionHeading, { color: headingColor }]} minPresenceAhead={keepWithNext(s).heading}>
              References
            </Text>
            <ReferenceList references={references} s={s} linkColor={headingColor} />
          </View>
        )}

        {(disclaimers.length > 0 || branding.extraDisclaimer) && (
          <View>
            {disclaimers.map((d) => (
              <View key={d.key} tag="Sect">
                <Text tag="H2" style={[s.sectionHeading, { color: headingColor }]} minPresenceAhead={keepWithNext(s).heading}>
                  {balance(d.title, s.sectionHeading)}
                </Text>
                <PdfBlocks blocks={d.blocks} width={width} s={{ ...s, paragraph: s.disclaimer }} linkColor={headingColor} />
              </View>
            ))}
            {branding.extraDisclaimer ? <Text tag="P" style={s.disclaimer}>{branding.extraDisclaimer}</Text> : null}
          </View>
        )}

        {!fastPagination && (
          <View style={s.footer} fixed artifact="Pagination">
            <Text style={s.footerText}>{footerText}</Text>
            <Text style={s.footerText} render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
          </View>
        )}
      </Page>
    </Document>
  );
}
