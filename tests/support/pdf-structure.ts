// The structure tree of a tagged PDF, read from the real bytes by two independent tools: qpdf's JSON (the
// dictionaries: roles, /Alt, marked-content ids, pages, annotations, the parent tree) and poppler's
// `pdfinfo -struct-text` (the text each element holds, as a screen reader would get it).
import { execFileSync } from "node:child_process";
import { withPdfFile } from "@/tests/support/pdf-tools";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Dict = { [key: string]: Json };

export type StructElement = {
  role: string;
  alt?: string;
  lang?: string;
  scope?: string;
  /** Its own text, then its descendants' (poppler's reading). */
  text: string;
  /** Page numbers (from 1) of its own marked content, in order. */
  pages: number[];
  mcids: number;
  /** Its link annotations (/OBJR), each with the page that lists the annotation. */
  annotations: { page: number; structParentOk: boolean }[];
  children: StructElement[];
};

export type PdfStructure = {
  catalog: Dict;
  markInfo: Dict | undefined;
  viewerPreferences: Dict | undefined;
  pages: { structParents: number | undefined; content: string }[];
  /** Whether every page's /ParentTree entry names, for each MCID, the element holding it. */
  parentTreeOk: boolean;
  root: StructElement | undefined;
};

const isDict = (v: Json | undefined): v is Dict => !!v && typeof v === "object" && !Array.isArray(v);
const str = (v: Json | undefined) => (typeof v === "string" ? v.replace(/^u:/, "") : undefined);

export function readStructure(bytes: Buffer): PdfStructure {
  const json = withPdfFile(bytes, (f) =>
    execFileSync("qpdf", ["--json", "--json-stream-data=inline", "--decode-level=generalized", f, "-"], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  const objects = (
    JSON.parse(json) as { qpdf: [unknown, Record<string, { value?: Json; stream?: { dict: Dict; data?: string } }>] }
  ).qpdf[1];
  const deref = (v: Json | undefined): Json | undefined =>
    typeof v === "string" && / 0 R$/.test(v) ? (objects[`obj:${v}`]?.value ?? objects[`obj:${v}`]?.stream?.dict) : v;
  const catalog = deref((objects.trailer!.value as Dict)["/Root"]) as Dict;
  const pageRefs = [] as string[];
  const walkPages = (ref: Json) => {
    const node = deref(ref) as Dict;
    if (node["/Type"] === "/Page") pageRefs.push(ref as string);
    else for (const kid of node["/Kids"] as Json[]) walkPages(kid);
  };
  walkPages(catalog["/Pages"]!);
  const pageOf = (ref: Json | undefined) => pageRefs.indexOf(ref as string) + 1;
  const pages = pageRefs.map((ref) => {
    const page = deref(ref) as Dict;
    const streams = ([] as Json[]).concat(page["/Contents"]!);
    const content = streams
      .map((s) => Buffer.from(objects[`obj:${s}`]!.stream!.data!, "base64").toString("latin1"))
      .join("\n");
    return {
      structParents: page["/StructParents"] as number | undefined,
      annots: (page["/Annots"] as string[] | undefined) ?? [],
      content,
    };
  });

  const treeRoot = deref(catalog["/StructTreeRoot"]) as Dict | undefined;
  const parentTree = new Map<number, Json>();
  const nums = (
    isDict(treeRoot?.["/ParentTree"])
      ? (treeRoot["/ParentTree"] as Dict)
      : (deref(treeRoot?.["/ParentTree"]) as Dict | undefined)
  )?.["/Nums"] as Json[] | undefined;
  for (let i = 0; nums && i < nums.length; i += 2) parentTree.set(nums[i] as number, nums[i + 1]!);
  let parentTreeOk = true;

  const element = (ref: Json): StructElement => {
    const dict = deref(ref) as Dict;
    const attrs = deref(dict["/A"]);
    const el: StructElement = {
      role: String(dict["/S"]).slice(1),
      alt: str(dict["/Alt"]),
      lang: str(dict["/Lang"]),
      scope: isDict(attrs) ? String(attrs["/Scope"]).slice(1) : undefined,
      text: "",
      pages: [],
      mcids: 0,
      annotations: [],
      children: [],
    };
    for (const kid of ([] as Json[]).concat(dict["/K"] ?? [])) {
      const k = deref(kid);
      const mcr =
        typeof k === "number"
          ? { page: dict["/Pg"], mcid: k }
          : isDict(k) && k["/Type"] === "/MCR"
            ? { page: k["/Pg"], mcid: k["/MCID"] as number }
            : null;
      if (mcr) {
        const page = pageOf(mcr.page);
        el.pages.push(page);
        el.mcids += 1;
        const entry = parentTree.get(pages[page - 1]?.structParents ?? -1);
        if (!Array.isArray(entry) || entry[mcr.mcid] !== ref) parentTreeOk = false;
      } else if (isDict(k) && k["/Type"] === "/OBJR") {
        const annot = deref(k["/Obj"]) as Dict;
        const page = pageOf(k["/Pg"]);
        const listed = pages[page - 1]?.annots.includes(k["/Obj"] as string) ?? false;
        el.annotations.push({
          page: listed ? page : 0,
          structParentOk: parentTree.get(annot["/StructParent"] as number) === ref,
        });
      } else if (isDict(k) && k["/S"]) {
        el.children.push(element(kid));
      }
    }
    return el;
  };
  const root = treeRoot ? ([] as Json[]).concat(treeRoot["/K"] ?? []).map(element)[0] : undefined;
  if (root) addText(root, bytes);
  return {
    catalog,
    markInfo: deref(catalog["/MarkInfo"]) as Dict | undefined,
    viewerPreferences: deref(catalog["/ViewerPreferences"]) as Dict | undefined,
    pages: pages.map(({ structParents, content }) => ({ structParents, content })),
    parentTreeOk,
    root,
  };
}

// poppler prints one element a line, indented two spaces a level, each followed by its text lines in quotes.
function addText(root: StructElement, bytes: Buffer) {
  const lines = withPdfFile(bytes, (f) =>
    execFileSync("pdfinfo", ["-struct-text", f], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }),
  ).split("\n");
  const order = flatten(root);
  const stack: { depth: number; el: StructElement }[] = [];
  let next = 0;
  for (const line of lines) {
    const depth = line.length - line.trimStart().length;
    const body = line.trim();
    // Annotation references ("Object 12 0") and attributes ("/Scope /Column", after "TH:") carry no text.
    if (!body || /^Object \d+ \d+$/.test(body) || body.startsWith("/")) continue;
    if (body.startsWith('"')) {
      const text = body.slice(1, -1);
      for (const { el, depth: d } of stack) if (d < depth) el.text += text;
      continue;
    }
    const el = order[next++];
    const role = body.replace(/ \((block|inline)\)$/, "").replace(/:$/, "");
    if (!el || el.role !== role)
      throw new Error(`poppler and qpdf disagree on element ${next}: ${role} vs ${el?.role}`);
    while (stack.length && stack.at(-1)!.depth >= depth) stack.pop();
    stack.push({ depth, el });
  }
  if (next !== order.length) throw new Error(`poppler printed ${next} elements, qpdf found ${order.length}`);
}

/** Every element in reading order (the tree walked depth first). */
export const flatten = (el: StructElement): StructElement[] => [el, ...el.children.flatMap(flatten)];

/**
 * Painting operators (text, fills, strokes, images) outside any marked-content sequence, and the deepest
 * nesting of sequences, per page: a tagged page paints nothing unmarked, and its sequences do not nest.
 */
export function markedContentReport(content: string) {
  let depth = 0;
  let maxDepth = 0;
  let unmarked = 0;
  const artifacts: string[] = [];
  // pdfkit writes a marked-content property list over several lines: put each back on its operator's line.
  for (const line of content.replace(/<<[^]*?>>/g, (dict) => dict.replace(/\s+/g, " ")).split("\n")) {
    const op = line.trim().split(/\s+/).at(-1) ?? "";
    if (op === "BDC" || op === "BMC") {
      depth += 1;
      maxDepth = Math.max(maxDepth, depth);
      if (line.startsWith("/Artifact")) artifacts.push(line.trim());
    } else if (op === "EMC") depth -= 1;
    else if (depth === 0 && /^(f\*?|F|B\*?|b\*?|S|s|sh|Do|Tj|TJ|'|")$/.test(op)) unmarked += 1;
  }
  return { unmarked, maxDepth, balanced: depth === 0, artifacts };
}
