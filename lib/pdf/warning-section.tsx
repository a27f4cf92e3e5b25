import { Text, View } from "@react-pdf/renderer";
import { PdfBlocks } from "@/lib/pdf/blocks";
import { WARNING_TEXT, keepWithNext, type Styles } from "@/lib/pdf/styles";
import type { PrintedSection } from "@/lib/handouts/printed/model";

/**
 * A section that tells the patient when to get help (layout 2): boxed in the warning colour under a "Get
 * help now" label (real text, in the handout's language; the round "!" beside it is drawn, an artifact).
 * The box moves to the next page whole when it fits on a page but not in what is left of this one
 * (`keepTogether`, patches/@react-pdf+paginate*); a longer one keeps its label and heading with about
 * twice a heading's usual share of what follows. Tagged as a section: its label, then its H2.
 */
export function WarningSection({
  section,
  label,
  s,
  width,
  balance,
}: {
  section: PrintedSection;
  label: string;
  s: Styles;
  width: number;
  balance: (text: string, style: { fontSize?: unknown }, inset?: number) => string;
}) {
  const inset =
    2 * (s.warningBox.paddingHorizontal as number) +
    (s.warningBox.borderWidth as number) +
    (s.warningBox.borderLeftWidth as number);
  const heading = (
    <View wrap={false} minPresenceAhead={2 * keepWithNext(s).heading}>
      <View style={s.warningLabelRow}>
        <View style={s.warningIcon} artifact>
          <Text style={s.warningIconMark}>!</Text>
        </View>
        <Text tag="P" style={s.warningLabel}>
          {label}
        </Text>
      </View>
      <Text tag="H2" style={s.warningHeading}>
        {balance(section.title, s.warningHeading, inset)}
      </Text>
    </View>
  );
  return (
    <View tag="Sect" style={s.warningBox} keepTogether>
      <PdfBlocks blocks={section.blocks} width={width - inset} s={s} linkColor={WARNING_TEXT} heading={heading} />
    </View>
  );
}
