import { Text, View } from "@react-pdf/renderer";
import { keepWithNext, type Styles } from "@/lib/pdf/styles";

/** "The main points": a boxed bullet list under the title, one key point per chosen section. */
export function MainPoints({
  title,
  points,
  s,
  color,
  border,
}: {
  title: string;
  points: string[];
  s: Styles;
  color: string;
  border: string;
}) {
  return (
    <View tag="Sect" style={[s.notesBox, { borderColor: border, borderWidth: 1, borderLeftWidth: 4 }]} wrap={false}>
      <Text tag="H2" style={[s.notesTitle, { color }]} minPresenceAhead={keepWithNext(s).subHeading}>
        {title}
      </Text>
      <View tag="L">
        {points.map((point, i) => (
          <View key={i} tag="LI" style={s.listItem}>
            <Text tag="Lbl" style={s.bullet}>
              •
            </Text>
            <Text tag="LBody" style={[s.paragraph, { flex: 1, marginBottom: 0 }]}>
              {point}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
