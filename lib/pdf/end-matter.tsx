import { Link, Text, View } from "@react-pdf/renderer";
import { SAFE_LINK, type Reference } from "@/lib/guides/blocks";
import { PdfBlocks } from "@/lib/pdf/blocks";
import { LATE_BREAK_PENALTY } from "@/lib/pdf/fonts";
import { KEEP_TO_END, keepListItems, keepWithNext, type Styles } from "@/lib/pdf/styles";
import { structureGroup } from "@/lib/pdf/tags";
import type { ContactLine, Layout, PrintedSection } from "@/lib/handouts/printed/model";

// A heading's text with its last two words bound when they fit on a line together (document.tsx).
type Balance = (text: string, style: { fontSize?: unknown }, inset?: number) => string;

function ContactBlock({
  title,
  lines,
  s,
  linkColor,
  balance,
  keepWithRest,
}: {
  title: string;
  lines: ContactLine[];
  s: Styles;
  linkColor: string;
  balance: Balance;
  keepWithRest: boolean;
}) {
  return (
    <View tag="Sect" style={s.contactBox} wrap={false} minPresenceAhead={keepWithRest ? KEEP_TO_END : undefined}>
      <Text tag="H2" style={s.contactTitle}>
        {balance(title, s.contactTitle, 2 * ((s.contactBox.padding as number) + (s.contactBox.borderWidth as number)))}
      </Text>
      {lines.map((l) => (
        <Text key={l.label} tag="P" style={s.contactLine} hyphenationPenalty={LATE_BREAK_PENALTY}>
          <Text style={{ fontWeight: "bold" }}>{l.label}: </Text>
          {l.href && SAFE_LINK.test(l.href) ? (
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

// Numbered, with the number hanging; a reference's https address (its last words) becomes a link. The
// heading and the rows join their section and list elements by `parent` (see EndMatter). The last rows keep
// together as in any list, and the last one with what follows it.
function References({
  references,
  s,
  linkColor,
  title,
}: {
  references: Reference[];
  s: Styles;
  linkColor: string;
  title: string;
}) {
  const sect = structureGroup("Sect");
  const list = structureGroup("L", sect);
  const keep = keepListItems(s);
  return (
    <>
      <Text
        tag={{ role: "H2", parent: sect }}
        style={[s.sectionHeading, { color: linkColor }]}
        minPresenceAhead={keepWithNext(s).heading}
      >
        {title}
      </Text>
      {references.map((r, i) => {
        const url = r.url && SAFE_LINK.test(r.url) && r.text.endsWith(r.url) ? r.url : null;
        return (
          <View
            key={r.key}
            tag={{ role: "LI", parent: list }}
            style={s.refRow}
            wrap={false}
            minPresenceAhead={i === references.length - 1 ? KEEP_TO_END : keep(i, references.length)}
          >
            <Text tag="Lbl" style={s.refNumber}>
              {i + 1}.
            </Text>
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
 * The contact block, the references the sections cite and the disclaimer. Layout 1 keeps all three
 * together: when they do not all fit below the last section they all start the next page, so no page holds
 * only a disclaimer or the last reference, but the page before could be left a third empty. Layout 2 lets
 * the contact block (whole) end that page and keeps the references, from their heading and first entry, with
 * the disclaimer instead (the contact block stays with a disclaimer that has no references before it). Only
 * end matter taller than a page splits (on a page of its own, the disclaimer still with the last
 * reference). A page break may not land within a minPresenceAhead window, but react-pdf's pagination sees
 * windows only between siblings of one column: these parts are siblings on the page.
 */
export function EndMatter({
  contactTitle,
  contactLines,
  references,
  referencesTitle,
  disclaimers,
  extraDisclaimer,
  s,
  linkColor,
  balance,
  width,
  layout,
}: {
  contactTitle: string;
  contactLines: ContactLine[];
  references: Reference[];
  referencesTitle: string;
  disclaimers: PrintedSection[];
  extraDisclaimer: string | null;
  s: Styles;
  linkColor: string;
  balance: Balance;
  width: number;
  layout: Layout;
}) {
  const apart = layout >= 2 && references.length > 0;
  return (
    <>
      <ContactBlock
        title={contactTitle}
        lines={contactLines}
        s={s}
        linkColor={linkColor}
        balance={balance}
        keepWithRest={!apart}
      />
      {references.length > 0 && (
        <References references={references} s={s} linkColor={linkColor} title={referencesTitle} />
      )}
      {disclaimers.map((d) => (
        <View key={d.key} tag="Sect">
          <PdfBlocks
            blocks={d.blocks}
            width={width}
            s={{ ...s, paragraph: s.disclaimer }}
            linkColor={linkColor}
            heading={
              <Text
                tag="H2"
                style={[s.sectionHeading, { color: linkColor }]}
                minPresenceAhead={keepWithNext(s).heading}
              >
                {balance(d.title, s.sectionHeading)}
              </Text>
            }
          />
        </View>
      ))}
      {extraDisclaimer ? (
        <Text tag="P" style={s.disclaimer}>
          {extraDisclaimer}
        </Text>
      ) : null}
    </>
  );
}
