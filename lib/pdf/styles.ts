import { createContext } from "react";
import { StyleSheet } from "@react-pdf/renderer";
import { FONT_FAMILY } from "@/lib/pdf/fonts";
import { CURRENT_LAYOUT, type Layout } from "@/lib/pdf/types";

// The layout the document is drawn in (lib/pdf/types.ts), for block renderers deep in the tree.
export const PdfLayout = createContext<Layout>(CURRENT_LAYOUT);

// Warning signs print in a red that reads on white and on its own tint (6.6:1 and 6.1:1; headings in the
// darker red, 9.1:1 on the tint), never by colour alone: a label, an icon and a thick border go with it.
export const WARNING = "#b42318";
export const WARNING_TEXT = "#7a271a";
export const WARNING_TINT = "#fef3f2";

// Every style that sets lineHeight also sets fontSize: a unitless lineHeight without one doubles the
// spacing in react-pdf 4.9. Nothing sets lineHeight on the Page or the footer (it hides the page numbers).
export function makeStyles(base: number, fontFamily: string[] = [FONT_FAMILY]) {
  const small = Math.round(base * 0.82 * 10) / 10;
  return StyleSheet.create({
    page: { fontFamily, fontSize: base, paddingTop: 36, paddingBottom: 60, paddingHorizontal: 50, color: "#1a1a1a" },
    band: {
      flexDirection: "row",
      alignItems: "center",
      justifyContent: "space-between",
      paddingVertical: 12,
      paddingHorizontal: 14,
      borderRadius: 3,
    },
    bandName: { fontSize: base * 1.15, lineHeight: 1.3, fontWeight: "bold" },
    bandLine: { fontSize: small, lineHeight: 1.4 },
    logo: { maxHeight: 46, maxWidth: 150, objectFit: "contain" },
    logoBox: { backgroundColor: "#ffffff", padding: 4, borderRadius: 2 },
    title: { fontSize: base * 1.9, lineHeight: 1.25, fontWeight: "bold", marginTop: 18 },
    metaRow: { flexDirection: "row", flexWrap: "wrap", marginTop: 4 },
    meta: { fontSize: small, lineHeight: 1.5, color: "#444444", marginRight: base * 1.6 },
    notesBox: { marginTop: 14, marginBottom: 4, padding: 12, borderLeftWidth: 4, borderRadius: 2 },
    notesTitle: { fontSize: base, lineHeight: 1.4, fontWeight: "bold", marginBottom: 4 },
    sectionHeading: { fontSize: base * 1.35, lineHeight: 1.3, fontWeight: "bold", marginTop: 16, marginBottom: 4 },
    subHeading: { fontSize: base * 1.1, lineHeight: 1.3, fontWeight: "bold", marginTop: 8, marginBottom: 2 },
    paragraph: { fontSize: base, lineHeight: 1.45, marginBottom: 6 },
    listItem: { flexDirection: "row", marginBottom: 3 },
    // Not stretched to the item's height: a label as tall as a long item could not split across pages with it.
    bullet: { width: base * 1.4, fontSize: base, lineHeight: 1.45, alignSelf: "flex-start" },
    listBody: { flex: 1 },
    tableRow: {
      flexDirection: "row",
      borderLeftWidth: 1,
      borderRightWidth: 1,
      borderBottomWidth: 1,
      borderColor: "#b0b0b0",
    },
    tableHeadRow: { borderTopWidth: 1, marginTop: 6 },
    tableLastRow: { marginBottom: 6 },
    tableCell: { flex: 1, padding: 4, fontSize: base, lineHeight: 1.35 },
    tableHead: { fontWeight: "bold", backgroundColor: "#f1f3f5" },
    linkBox: {
      flexDirection: "row",
      alignItems: "center",
      marginTop: 12,
      padding: 8,
      borderWidth: 1,
      borderColor: "#c8ccd0",
      borderRadius: 3,
      backgroundColor: "#ffffff",
    },
    linkLabel: { fontSize: base, lineHeight: 1.35, fontWeight: "bold" },
    linkUrl: { fontSize: small, lineHeight: 1.35 },
    contactBox: { marginTop: 18, padding: 12, borderWidth: 1, borderColor: "#c8ccd0", borderRadius: 3 },
    contactTitle: { fontSize: base * 1.1, lineHeight: 1.3, fontWeight: "bold", marginBottom: 4 },
    contactLine: { fontSize: base, lineHeight: 1.45 },
    refRow: { flexDirection: "row", marginBottom: 3 },
    refNumber: { width: small * 2, fontSize: small, lineHeight: 1.4 },
    refText: { flex: 1, fontSize: small, lineHeight: 1.4 },
    disclaimer: { fontSize: small, lineHeight: 1.4, color: "#444444", marginBottom: 4 },
    // Warning signs (layout 2): a box in the warning colour, its label and icon above the section heading.
    warningBox: {
      marginTop: 18,
      paddingVertical: Math.round(base * 0.8),
      paddingHorizontal: Math.round(base),
      borderWidth: 1.5,
      borderLeftWidth: 6,
      borderColor: WARNING,
      borderRadius: 3,
      backgroundColor: WARNING_TINT,
    },
    warningLabelRow: { flexDirection: "row", alignItems: "center" },
    warningIcon: {
      width: base * 1.3,
      height: base * 1.3,
      borderRadius: base * 0.65,
      backgroundColor: WARNING,
      marginRight: base * 0.5,
      alignItems: "center",
      justifyContent: "center",
    },
    warningIconMark: { fontSize: base, lineHeight: 1.3, fontWeight: "bold", color: "#ffffff" },
    warningLabel: { fontSize: base, lineHeight: 1.3, fontWeight: "bold", color: WARNING },
    warningHeading: {
      fontSize: base * 1.35,
      lineHeight: 1.3,
      fontWeight: "bold",
      marginTop: 4,
      marginBottom: 4,
      color: WARNING_TEXT,
    },
    footer: {
      position: "absolute",
      bottom: 24,
      left: 50,
      right: 50,
      flexDirection: "row",
      justifyContent: "space-between",
      borderTopWidth: 1,
      borderColor: "#d0d0d0",
      paddingTop: 6,
    },
    footerText: { fontSize: Math.max(8.5, Math.round(base * 0.7)), color: "#444444" },
  });
}

export type Styles = ReturnType<typeof makeStyles>;

declare module "@react-pdf/renderer" {
  interface NodeProps {
    /** On a View: it moves to the next page whole rather than split, when it fits on a page (patches/@react-pdf+paginate*). */
    keepTogether?: boolean;
  }
  interface PageProps {
    /** A box never ends a page with only its top edge (border, padding) on it, its content on the next (same patch). */
    noEmptyBoxTops?: boolean;
  }
}

// minPresenceAhead={KEEP_TO_END}: what follows in the same View stays on this page with it, or all of it moves
// to the next page; unless it is taller than a page, then it breaks as usual (patches/@react-pdf+paginate*).
export const KEEP_TO_END = Infinity;

// A list keeps a one-line first item with the next line, and its last item with the one before it (the
// penultimate item with two lines after it): no single line of a list ends a page, and no last item starts
// one, while the rest of the list is on another. Items may split like paragraphs (two lines at least on each
// side), so an item taller than a page still prints.
export function keepListItems(s: Styles) {
  const line = (s.paragraph.fontSize as number) * (s.paragraph.lineHeight as number);
  return (index: number, count: number, firstIsOneLine = false) =>
    index === count - 2 ? 2 * line : index === 0 && count > 1 && firstIsOneLine ? line : undefined;
}

// How much of what follows a heading must fit on its page, or the heading moves to the next page. It grows
// with the print size: a table's header and first row (which never split) take ~80 pt in large print.
export function keepWithNext(s: Styles) {
  const base = s.page.fontSize as number;
  return { heading: Math.round(base * 5.5), subHeading: Math.round(base * 4.5) };
}
