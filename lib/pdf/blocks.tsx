import { Link, Text, View } from "@react-pdf/renderer";
import type { Block, Inline } from "@/lib/guides/blocks";
import { LATE_BREAK_PENALTY } from "@/lib/pdf/fonts";
import type { Styles } from "@/lib/pdf/styles";

// Only these become live links; anything else (javascript:, data:, plain http:) is printed as text.
export const SAFE_PDF_LINK = /^(https:|mailto:|tel:)/i;

// Plain text stays a bare string: it inherits the block's style (a bold heading stays bold), and every
// nested <Text> is one more node for react-pdf to style, shape and lay out.
export function PdfInlines({ nodes, linkColor }: { nodes: Inline[]; linkColor: string }) {
  return (
    <>
      {nodes.map((n, i) => {
        if (n.type === "text") {
          if (!n.bold && !n.italic) return n.text;
          return (
            <Text key={i} style={{ ...(n.bold ? { fontWeight: "bold" } : {}), ...(n.italic ? { fontStyle: "italic" } : {}) }}>
              {n.text}
            </Text>
          );
        }
        if (n.type === "link") {
          return SAFE_PDF_LINK.test(n.href) ? (
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

export function PdfBlocks({ blocks, s, linkColor, depth = 0 }: { blocks: Block[]; s: Styles; linkColor: string; depth?: number }) {
  return (
    <>
      {blocks.map((b, i) => {
        switch (b.type) {
          case "paragraph":
            return (
              <Text key={i} style={s.paragraph} hyphenationPenalty={LATE_BREAK_PENALTY}>
                <PdfInlines nodes={b.children} linkColor={linkColor} />
              </Text>
            );
          case "heading":
            return (
              <Text key={i} style={s.subHeading} minPresenceAhead={40}>
                <PdfInlines nodes={b.children} linkColor={linkColor} />
              </Text>
            );
          case "list":
            return (
              <View key={i} style={{ marginBottom: 4, marginLeft: depth ? 4 : 0 }}>
                {b.items.map((item, j) => (
                  <View key={j} style={s.listItem} wrap={false}>
                    <Text style={s.bullet}>{b.ordered ? `${(b.start ?? 1) + j}.` : depth % 2 ? "–" : "•"}</Text>
                    <View style={s.listBody}>
                      <PdfListItem blocks={item.content} s={s} linkColor={linkColor} depth={depth} />
                    </View>
                  </View>
                ))}
              </View>
            );
          case "table":
            return (
              <View key={i} style={s.table}>
                <View style={s.tableRow} wrap={false}>
                  {b.header.map((cell, j) => (
                    <Text key={j} style={[s.tableCell, s.tableHead, { textAlign: b.align[j] ?? "left" }]} hyphenationPenalty={LATE_BREAK_PENALTY}>
                      <PdfInlines nodes={cell} linkColor={linkColor} />
                    </Text>
                  ))}
                </View>
                {b.rows.map((row, r) => (
                  <View key={r} style={[s.tableRow, r === b.rows.length - 1 ? { borderBottomWidth: 0 } : {}]} wrap={false}>
                    {row.map((cell, j) => (
                      <Text key={j} style={[s.tableCell, { textAlign: b.align[j] ?? "left" }]} hyphenationPenalty={LATE_BREAK_PENALTY}>
                        <PdfInlines nodes={cell} linkColor={linkColor} />
                      </Text>
                    ))}
                  </View>
                ))}
              </View>
            );
        }
      })}
    </>
  );
}

// List items hold blocks; their paragraphs lose the bottom margin so items sit close together.
function PdfListItem({ blocks, s, linkColor, depth }: { blocks: Block[]; s: Styles; linkColor: string; depth: number }) {
  return (
    <>
      {blocks.map((b, i) =>
        b.type === "paragraph" ? (
          <Text key={i} style={[s.paragraph, { marginBottom: 0 }]} hyphenationPenalty={LATE_BREAK_PENALTY}>
            <PdfInlines nodes={b.children} linkColor={linkColor} />
          </Text>
        ) : (
          <PdfBlocks key={i} blocks={[b]} s={s} linkColor={linkColor} depth={depth + 1} />
        ),
      )}
    </>
  );
}
