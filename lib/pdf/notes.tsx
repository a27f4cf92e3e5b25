import { Fragment } from "react";
import { Text, View } from "@react-pdf/renderer";
import type { NotesBlock } from "@/lib/handouts/printed/model";
import { textColorOn } from "@/lib/colors";
import { LATE_BREAK_PENALTY } from "@/lib/pdf/fonts";
import { measure } from "@/lib/pdf/measure";
import { keepListItems, keepWithNext, type Styles } from "@/lib/pdf/styles";

// A note paragraph takes the direction of its first letter (as dir="auto" does in HTML): one in Arabic or
// Hebrew is laid out right to left, right-aligned, with its Latin words and numbers in place and its bullet
// on the right. textkit shapes and reorders the runs inside each line either way.
const STARTS_RTL = /^\P{L}*[\p{Script=Arabic}\p{Script=Hebrew}]/u;
const rtl = (text: string) => STARTS_RTL.test(text);

function byDirection(lines: string[]): { rtl: boolean; lines: string[] }[] {
  const groups: { rtl: boolean; lines: string[] }[] = [];
  for (const line of lines) {
    const last = groups.at(-1);
    if (last && last.rtl === rtl(line)) last.lines.push(line);
    else groups.push({ rtl: rtl(line), lines: [line] });
  }
  return groups;
}

export function Notes({
  blocks,
  title,
  s,
  accent,
  border,
  width,
}: {
  blocks: NotesBlock[];
  title: string;
  s: Styles;
  accent: string;
  border: string;
  width: number;
}) {
  if (!blocks.length) return null;
  const keep = keepListItems(s);
  const oneLine = (item: string) =>
    measure(item, s.paragraph.fontSize as number) <=
    width - 2 * (s.notesBox.padding as number) - (s.notesBox.borderLeftWidth as number) - (s.bullet.width as number);
  return (
    <View tag="Sect" style={[s.notesBox, { backgroundColor: accent, borderColor: border, color: textColorOn(accent) }]}>
      <Text tag="H2" style={s.notesTitle} minPresenceAhead={keepWithNext(s).subHeading}>
        {title}
      </Text>
      {blocks.map((b, i) =>
        b.type === "bullets" ? (
          <View key={i} tag="L" style={{ marginBottom: 4 }}>
            {b.items.map((item, j) => (
              <View
                key={j}
                tag="LI"
                style={[s.listItem, rtl(item) ? { flexDirection: "row-reverse" } : {}]}
                minPresenceAhead={keep(j, b.items.length, oneLine(b.items[0]!))}
              >
                <Text tag="Lbl" style={[s.bullet, rtl(item) ? { textAlign: "right" } : {}]}>
                  •
                </Text>
                <Text
                  tag="LBody"
                  style={[s.paragraph, s.listBody, { marginBottom: 0 }, rtl(item) ? { direction: "rtl" } : {}]}
                  hyphenationPenalty={LATE_BREAK_PENALTY}
                >
                  {item}
                </Text>
              </View>
            ))}
          </View>
        ) : (
          <Fragment key={i}>
            {byDirection(b.lines).map((g, j, all) => (
              <Text
                key={j}
                tag="P"
                style={[s.paragraph, g.rtl ? { direction: "rtl" } : {}, j < all.length - 1 ? { marginBottom: 0 } : {}]}
                hyphenationPenalty={LATE_BREAK_PENALTY}
              >
                {g.lines.join("\n")}
              </Text>
            ))}
          </Fragment>
        ),
      )}
    </View>
  );
}
