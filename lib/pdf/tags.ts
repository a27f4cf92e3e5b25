// Tagged PDF (the PDF/UA basics) through three props that react-pdf 4.9 lacks and our patches add
// (patches/@react-pdf+renderer+*.patch and @react-pdf+render+*.patch, applied by postinstall):
// - `<Document tagged>`: pdfkit writes /MarkInfo and a /StructTreeRoot with a Document element;
// - `tag` on a View, Text, Image or Link: a structure element (a role, or a StructureTag with alt text, a table
//   header's scope, a language or a structure parent); text is content of the nearest tagged node;
// - `artifact` on any node: drawn outside the structure tree (page chrome such as the footer).
// Backgrounds, borders and untagged images are artifacts by themselves; links inside a Text become Link elements.

export type StructureRole =
  | "Sect"
  | "Div"
  | "H1"
  | "H2"
  | "H3"
  | "H4"
  | "H5"
  | "H6"
  | "P"
  | "L"
  | "LI"
  | "Lbl"
  | "LBody"
  | "Table"
  | "TR"
  | "TH"
  | "TD"
  | "Link"
  | "Figure"
  | "Caption"
  | "Note"
  | "BlockQuote";

export type StructureTag = {
  role: StructureRole;
  /** Required on a Figure: what a screen reader says instead of the image. */
  alt?: string;
  lang?: string;
  /** Read instead of the element's text (/ActualText), and an abbreviation's expansion (/E). */
  actual?: string;
  expanded?: string;
  title?: string;
  /** For a TH: which cells it heads. */
  scope?: "Column" | "Row" | "Both";
  /**
   * The element this one belongs to, when that is not the nearest tagged ancestor node: table rows that sit in
   * different Views (some kept with the heading above) all name the same `{ role: "Table" }` object. The object
   * is the element's identity, so make one per table or list, never a shared constant.
   */
  parent?: StructureTag;
};

declare module "@react-pdf/renderer" {
  interface NodeProps {
    tag?: StructureRole | StructureTag;
    artifact?: boolean | "Pagination" | "Layout" | "Page";
  }
  interface DocumentProps {
    tagged?: boolean;
  }
}

/** Guide headings are levels 3 to 6 (the title is H1, section headings H2). */
export function headingRole(level: number): StructureRole {
  return `H${Math.min(6, Math.max(1, Math.round(level)))}` as StructureRole;
}

/** A new structure element that nodes join through `parent` (one object per table or list), itself in `parent` if given. */
export function structureGroup(role: StructureRole, parent?: StructureTag): StructureTag {
  return parent ? { role, parent } : { role };
}
