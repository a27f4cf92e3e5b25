import { Document, Image, Page, Text, View } from "@react-pdf/renderer";
import { detectImageKind } from "@/lib/clinics/image-kind";
import { PdfBlocks } from "@/lib/pdf/blocks";
import { EndMatter } from "@/lib/pdf/end-matter";
import { bindLastWords } from "@/lib/pdf/line-breaks";
import { measure } from "@/lib/pdf/measure";
import { Notes } from "@/lib/pdf/notes";
import { preparePdfInput } from "@/lib/pdf/prepare";
import { PdfLayout, keepWithNext, makeStyles } from "@/lib/pdf/styles";
import { readableOnWhite, safeHex, textColorOn } from "@/lib/colors";
import { LinkQr } from "@/lib/pdf/link-qr";
import { PdfImages } from "@/lib/pdf/figure";
import { messagesFor } from "@/lib/i18n/messages";
import { MainPoints } from "@/lib/pdf/main-points";
import { WarningSection } from "@/lib/pdf/warning-section";
import type { HandoutPdfInput } from "@/lib/handouts/printed/model";

// The logo arrives as bytes from the database; anything react-pdf cannot draw (not PNG or JPEG) is left out.
function imageFormat(bytes: Uint8Array): "png" | "jpg" | null {
  const kind = detectImageKind(bytes);
  return kind === "png" ? "png" : kind === "jpeg" ? "jpg" : null;
}

const PAGE_WIDTH = { LETTER: 612, A4: 595.28 } as const;

/**
 * The handout as its printed model says (lib/handouts/printed/model.ts): branded header, the chosen sections
 * in order, the clinician's notes, the contact block, the references the sections cite, the disclaimer, and
 * a footer with page numbers on every page.
 */
export function HandoutDocument({
  input: given,
  fastPagination = true,
}: {
  input: HandoutPdfInput;
  fastPagination?: boolean;
}) {
  const { input, fontFamily } = preparePdfInput(given);
  const s = makeStyles(input.largePrint ? 18 : 11, fontFamily);
  const width = PAGE_WIDTH[input.pageSize] - 2 * (s.page.paddingHorizontal as number);
  const balance = (text: string, style: { fontSize?: unknown }, inset = 0) =>
    bindLastWords(text, (words) => measure(words, style.fontSize as number, true) <= width - inset);
  const { contact, words, layout, language, logoPng } = input;
  const branding = {
    ...input.branding,
    primaryColor: safeHex(input.branding.primaryColor, "#1d4e89"),
    accentColor: safeHex(input.branding.accentColor, "#eef2f6"),
  };
  const onBand = textColorOn(branding.primaryColor);
  const headingColor = readableOnWhite(branding.primaryColor);
  const logoFormat = logoPng ? imageFormat(logoPng) : null;
  const createdAt = new Date(input.createdAt);
  const content = input.sections.filter((x) => x.kind === "content");
  const disclaimers = input.sections.filter((x) => x.kind === "disclaimer");
  // Page numbers are the one phrase only the layout knows the numbers of; in the handout's language like the rest.
  const { pageOf } = messagesFor(language);
  const notes = (
    <Notes
      blocks={input.notesBlocks}
      title={words.notesTitle}
      s={s}
      accent={branding.accentColor}
      border={branding.primaryColor}
      width={width}
    />
  );
  const footerText = [input.clinicName, contact.phone].filter(Boolean).join(" · ");

  return (
    // Tagged (lib/pdf/tags.ts), in PDF 1.7 so that pdfkit also writes the XMP metadata (dc:title) PDF/UA asks for.
    <Document
      tagged
      pdfVersion="1.7"
      title={input.title}
      author={input.clinicName}
      subject={input.guideTitle}
      creator="Handout Portal"
      producer="Handout Portal"
      language={language}
      creationDate={Number.isNaN(createdAt.getTime()) ? undefined : createdAt}
    >
      <PdfImages.Provider value={input.images}>
        <PdfLayout.Provider value={layout}>
          <Page
            size={input.pageSize}
            style={s.page}
            wrap
            {...(layout >= 2 ? { noEmptyBoxTops: true } : {})}
            // The new pagination engine draws page chrome through `layout`; a `fixed` footer would only reach the last page.
            layout={
              fastPagination
                ? ({ children, pageNumber, totalPages }) => (
                    <>
                      {children}
                      <View style={s.footer} artifact="Pagination">
                        <Text style={s.footerText}>{footerText}</Text>
                        <Text style={s.footerText}>{pageOf(pageNumber ?? 1, totalPages ?? pageNumber ?? 1)}</Text>
                      </View>
                    </>
                  )
                : undefined
            }
          >
            <View style={[s.band, { backgroundColor: branding.primaryColor }]}>
              {logoPng && logoFormat ? (
                <View style={s.logoBox}>
                  <Image
                    tag={{ role: "Figure", alt: words.logoAlt }}
                    style={s.logo}
                    src={{ data: Buffer.from(logoPng), format: logoFormat }}
                  />
                </View>
              ) : null}
              <View style={{ flex: 1, marginLeft: logoFormat ? 12 : 0 }}>
                <Text tag="P" style={[s.bandName, { color: onBand }]}>
                  {input.clinicName}
                </Text>
                {contact.phone ? (
                  <Text tag="P" style={[s.bandLine, { color: onBand }]}>
                    {contact.phone}
                  </Text>
                ) : null}
              </View>
            </View>
            <Text tag="H1" style={s.title}>
              {balance(input.title, s.title)}
            </Text>
            {/* Items wrap as wholes, so a date never splits across lines in large print. */}
            <View style={s.metaRow}>
              {input.meta.map((item, i) => (
                <Text key={i} tag="P" style={s.meta}>
                  {item}
                </Text>
              ))}
            </View>
            {input.link ? <LinkQr link={input.link} s={s} linkColor={headingColor} /> : null}
            {input.mainPoints.length > 0 && (
              <MainPoints
                title={words.mainPointsTitle}
                points={input.mainPoints}
                s={s}
                color={headingColor}
                border={branding.primaryColor}
              />
            )}
            {input.notesPosition === "TOP" && notes}

            {content.map((section) =>
              layout >= 2 && section.warning ? (
                <WarningSection
                  key={section.key}
                  section={section}
                  label={words.warningLabel}
                  s={s}
                  width={width}
                  balance={balance}
                />
              ) : (
                <View key={section.key} tag="Sect">
                  <PdfBlocks
                    blocks={section.blocks}
                    width={width}
                    s={s}
                    linkColor={headingColor}
                    heading={
                      <Text
                        tag="H2"
                        style={[s.sectionHeading, { color: headingColor }]}
                        minPresenceAhead={keepWithNext(s).heading}
                      >
                        {balance(section.title, s.sectionHeading)}
                      </Text>
                    }
                  />
                </View>
              ),
            )}

            {input.notesPosition === "END" && notes}
            <EndMatter
              contactTitle={words.contactTitle}
              contactLines={input.contactLines}
              references={input.references}
              referencesTitle={words.referencesTitle}
              disclaimers={disclaimers}
              extraDisclaimer={branding.extraDisclaimer}
              s={s}
              linkColor={headingColor}
              balance={balance}
              width={width}
              layout={layout}
            />

            {!fastPagination && (
              <View style={s.footer} fixed artifact="Pagination">
                <Text style={s.footerText}>{footerText}</Text>
                <Text style={s.footerText} render={({ pageNumber, totalPages }) => pageOf(pageNumber, totalPages)} />
              </View>
            )}
          </Page>
        </PdfLayout.Provider>
      </PdfImages.Provider>
    </Document>
  );
}
