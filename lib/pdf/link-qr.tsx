import { Link, Path, Svg, Text, View } from "@react-pdf/renderer";
import QRCode from "qrcode";
import { LATE_BREAK_PENALTY } from "@/lib/pdf/fonts";
import type { Styles } from "@/lib/pdf/styles";
import type { PrintedLink } from "@/lib/handouts/printed/model";

// The patient link on page 1: a QR code drawn as vector squares (sharp at any print size, no image to
// decode), the address in print for typing, and one line saying what it is. Medium error correction reads
// well from paper, even folded or slightly smudged.
const QR_POINTS = 64;

/** The dark modules of the QR code for `url` as one SVG path, in module units, and its size in modules. */
export function qrPath(url: string): { d: string; size: number } {
  const qr = QRCode.create(url, { errorCorrectionLevel: "M" });
  const { size, data } = qr.modules;
  let d = "";
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (data[y * size + x]) d += `M${x} ${y}h1v1h-1z`;
  }
  return { d, size };
}

export function LinkQr({
  link: { url, label, alt },
  s,
  linkColor,
}: {
  link: PrintedLink;
  s: Styles;
  linkColor: string;
}) {
  const { d, size } = qrPath(url);
  // Four modules of quiet zone on each side, as the standard asks, so scanners find the code's edge.
  const box = size + 8;
  return (
    <View style={s.linkBox} wrap={false}>
      <View tag={{ role: "Figure", alt }} style={{ width: QR_POINTS, height: QR_POINTS }}>
        <Svg width={QR_POINTS} height={QR_POINTS} viewBox={`-4 -4 ${box} ${box}`}>
          <Path d={d} fill="#000000" />
        </Svg>
      </View>
      <View style={{ flex: 1, marginLeft: 10 }}>
        <Text tag="P" style={s.linkLabel}>
          {label}
        </Text>
        <Text tag="P" style={s.linkUrl} hyphenationPenalty={LATE_BREAK_PENALTY}>
          <Link src={url} style={{ color: linkColor }}>
            {url}
          </Link>
        </Text>
      </View>
    </View>
  );
}
