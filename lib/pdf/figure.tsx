import { createContext, useContext } from "react";
import { Image, Text, View } from "@react-pdf/renderer";
import type { Block } from "@/lib/guides/blocks";
import type { PrintAssets } from "@/lib/handouts/printed/model";
import type { Styles } from "@/lib/pdf/styles";

// The pictures' bytes travel with the input (HandoutPdfInput.images); a context spares every block renderer
// (sections, list items, the disclaimer) a prop it would only pass along.
export const PdfImages = createContext<PrintAssets["images"]>({});

// Print needs at least 150 dpi at the size placed; a picture with fewer pixels than the column needs is
// placed narrower rather than printed blurred. 1600 px (the stored maximum) fills a 7.5-inch column at 213 dpi.
export const MIN_PRINT_DPI = 150;
// A figure never splits from its caption, so it must fit a page with room for the caption and a heading.
const MAX_FIGURE_HEIGHT = 380;

type ImageBlock = Extract<Block, { type: "image" }>;

/** Placed size in points: the column's width (large print too), within the dpi floor and the height cap. */
export function figureSize(px: { width: number; height: number }, column: number): { width: number; height: number } {
  let width = Math.min(column, (px.width / MIN_PRINT_DPI) * 72);
  if ((width * px.height) / px.width > MAX_FIGURE_HEIGHT) width = (MAX_FIGURE_HEIGHT * px.width) / px.height;
  return { width, height: (width * px.height) / px.width };
}

/** A picture with its caption below, kept together on one page, tagged as a Figure with its alt text. */
export function PdfFigure({
  block,
  s,
  width,
  heading,
}: {
  block: ImageBlock;
  s: Styles;
  width: number;
  heading?: React.ReactNode;
}) {
  const image = useContext(PdfImages)[block.imageId];
  const caption = block.caption ? (
    <Text tag="Caption" style={[s.paragraph, { fontStyle: "italic", marginTop: 4 }]}>
      {block.caption}
    </Text>
  ) : null;
  if (!image) {
    // Bytes that did not arrive must not silently drop what the picture shows.
    return (
      <View wrap={false}>
        {heading}
        <Text tag="P" style={s.paragraph}>{`[Picture: ${block.alt}]`}</Text>
        {caption}
      </View>
    );
  }
  const size = figureSize(image, width);
  return (
    <View wrap={false} style={{ marginTop: 4, marginBottom: 8 }}>
      {heading}
      <Image
        tag={{ role: "Figure", alt: block.alt }}
        style={size}
        src={{ data: Buffer.from(image.data), format: image.format }}
      />
      {caption}
    </View>
  );
}
