import { Fragment, useContext, type ReactElement, type ReactNode } from "react";
import { Link, Text, View } from "@react-pdf/renderer";
import { SAFE_LINK, type Block, type Inline } from "@/lib/guides/blocks";
import { LATE_BREAK_PENALTY, hyphenateLongWords } from "@/lib/pdf/fonts";
import { breakShowsHyphen, textWidth } from "@/lib/pdf/line-breaks";
import { measure, measuringFont } from "@/lib/pdf/measure";
import { PdfLayout, keepListItems, keepWithNext, type Styles } from "@/lib/pdf/styles";
import { headingRole, structureGroup } from "@/lib/pdf/tags";
import { PdfFigure } from "@/lib/pdf/figure";

// Plain text stays a bare string: it inherits the block's style (a bold heading stays bold), and every
// nested <Text> is one more node for react-pdf to style, shape and lay out.
export function PdfInlines({ nodes, linkColor }: { nodes: Inline[]; linkColor: string }) {
  return (
    <>
      {nodes.map((n, i) => {
        if (n.type === "text") {
          if (!n.bold && !n.italic) return n.text;
          return (
            <Text
              key={i}
              style={{ ...(n.bold ? { fontWeight: "bold" } : {}), ...(n.italic ? { fontStyle: "italic" } : {}) }}
            >
              {n.text}
            </Text>
          );
        }
        if (n.type === "link") {
          return SAFE_LINK.test(n.href) ? (
            <Link key={i} src={n.href} style={{ color: linkColor }}>
              <PdfInlines nodes={n.children} linkColor={linkColor} />
            </Link>
          ) : (
            <PdfInlines key={i} nodes={n.children} linkColor={linkColor} />
          );
        }
        return n.text;
      })}
    </>
  );
}

const plainText = (nodes: Inline[]): string =>
  nodes.map((n) => (n.type === "link" ? plainText(n.children) : n.text)).join("");

type TableBlock = Extract<Block, { type: "table" }>;

// Table text is the body size, so in large print a word can be wider than its column ("Acetaminophen" in a
// quarter of the page): such a word, measured in bold (the wider face), gets the English syllable breaks
// (shown with a hyphen) and is broken only where it must be.
function cellHyphenation(cellWidth: number, size: number) {
  const bold = measuringFont(true);
  const hyphenate = (word: string, syllables?: (word: string) => string[]) =>
    hyphenateLongWords(word).flatMap((part) =>
      syllables && textWidth(part, size, bold) > cellWidth ? syllables(part) : [part],
    );
  return Object.assign(hyphenate, { breakShowsHyphen });
}

// Rows carry their own borders (no box around the table), so the first rows can sit in one unbreakable
// group with the heading above them while the rest flow on, splitting between rows; the last row keeps with
// the one before it, as a list's last item does. Being in different Views, the rows join their Table element
// by `parent`.
function tableRows(b: TableBlock, s: Styles, linkColor: string, width: number) {
  const rows = [b.header, ...b.rows];
  const table = structureGroup("Table");
  const keep = keepListItems(s);
  const border = s.tableRow.borderLeftWidth as number;
  const hyphenation = cellHyphenation(
    (width - 2 * border) / Math.max(1, b.header.length) - 2 * (s.tableCell.padding as number),
    s.tableCell.fontSize as number,
  );
  return rows.map((row, r) => (
    <View
      key={r}
      tag={{ role: "TR", parent: table }}
      style={[s.tableRow, r === 0 ? s.tableHeadRow : {}, r === rows.length - 1 ? s.tableLastRow : {}]}
      wrap={false}
      minPresenceAhead={r === rows.length - 2 ? keep(r, rows.length) : undefined}
    >
      {row.map((cell, j) => (
        <Text
          key={j}
          tag={r === 0 ? { role: "TH", scope: "Column" } : "TD"}
          style={[s.tableCell, r === 0 ? s.tableHead : {}, { textAlign: b.align[j] ?? "left" }]}
          hyphenationPenalty={LATE_BREAK_PENALTY}
          hyphenationCallback={hyphenation}
        >
          <PdfInlines nodes={cell} linkColor={linkColor} />
        </Text>
      ))}
    </View>
  ));
}

/**
 * The blocks of a section, `width` points wide. `heading` (the section's own heading) and every sub-heading
 * stay on the page of what follows them: minPresenceAhead covers text and lists, but neither pagination
 * engine of react-pdf 4.9 honours it when a table (rows that never split) comes next, so a heading is
 * grouped with a following table's first two rows (the header row never ends a page alone either).
 */
export function PdfBlocks({
  blocks,
  s,
  linkColor,
  width,
  depth = 0,
  heading,
}: {
  blocks: Block[];
  s: Styles;
  linkColor: string;
  width: number;
  depth?: number;
  heading?: ReactElement;
}) {
  const layout = useContext(PdfLayout);
  const out: ReactNode[] = [];
  let pending: ReactElement | undefined = heading;
  blocks.forEach((b, i) => {
    if (b.type === "table") {
      const rows = tableRows(b, s, linkColor, width);
      out.push(
        <View key={i}>
          <View wrap={false} minPresenceAhead={rows[1]?.props.minPresenceAhead}>
            {pending}
            {rows.slice(0, 2)}
          </View>
          {rows.slice(2)}
        </View>,
      );
      pending = undefined;
      return;
    }
    if (b.type === "image") {
      // The heading above a picture stays on its page, like the picture's caption.
      out.push(<PdfFigure key={i} block={b} s={s} width={width} heading={pending} />);
      pending = undefined;
      return;
    }
    if (pending) out.push(<Fragment key={`h${i}`}>{pending}</Fragment>);
    pending = undefined;
    if (b.type === "heading") {
      pending = (
        <Text tag={headingRole(b.level)} style={s.subHeading} minPresenceAhead={keepWithNext(s).subHeading}>
          <PdfInlines nodes={b.children} linkColor={linkColor} />
        </Text>
      );
      return;
    }
    if (b.type === "paragraph") {
      out.push(
        <Text key={i} tag="P" style={s.paragraph} hyphenationPenalty={LATE_BREAK_PENALTY}>
          <PdfInlines nodes={b.children} linkColor={linkColor} />
        </Text>,
      );
      return;
    }
    const keep = keepListItems(s);
    // From layout 2 a numbered list's labels are as wide as its widest number ("10." no longer runs into its text).
    const size = s.bullet.fontSize as number;
    const labelWidth =
      layout >= 2 && b.ordered
        ? Math.max(s.bullet.width as number, measure(`${(b.start ?? 1) + b.items.length - 1}.`, size) + size * 0.5)
        : (s.bullet.width as number);
    const bullet = labelWidth > (s.bullet.width as number) ? [s.bullet, { width: labelWidth }] : s.bullet;
    const bodyWidth = width - (depth ? 4 : 0) - labelWidth;
    const [first] = b.items[0]?.content ?? [];
    const oneLine =
      b.items[0]?.content.length === 1 &&
      first?.type === "paragraph" &&
      measure(plainText(first.children), s.paragraph.fontSize as number) <= bodyWidth;
    out.push(
      <View key={i} tag="L" style={{ marginBottom: 4, marginLeft: depth ? 4 : 0 }}>
        {b.items.map((item, j) => (
          <View key={j} tag="LI" style={s.listItem} minPresenceAhead={keep(j, b.items.length, oneLine)}>
            <Text tag="Lbl" style={bullet}>
              {b.ordered ? `${(b.start ?? 1) + j}.` : depth % 2 ? "–" : "•"}
            </Text>
            <View tag="LBody" style={s.listBody}>
              <PdfListItem blocks={item.content} s={s} linkColor={linkColor} depth={depth} width={bodyWidth} />
            </View>
          </View>
        ))}
      </View>,
    );
  });
  if (pending) out.push(<Fragment key="h-last">{pending}</Fragment>);
  return <>{out}</>;
}

// List items hold blocks; their paragraphs lose the bottom margin so items sit close together.
function PdfListItem({
  blocks,
  s,
  linkColor,
  depth,
  width,
}: {
  blocks: Block[];
  s: Styles;
  linkColor: string;
  depth: number;
  width: number;
}) {
  return (
    <>
      {blocks.map((b, i) =>
        b.type === "paragraph" ? (
          <Text key={i} tag="P" style={[s.paragraph, { marginBottom: 0 }]} hyphenationPenalty={LATE_BREAK_PENALTY}>
            <PdfInlines nodes={b.children} linkColor={linkColor} />
          </Text>
        ) : (
          <PdfBlocks key={i} blocks={[b]} s={s} linkColor={linkColor} width={width} depth={depth + 1} />
        ),
      )}
    </>
  );
}
