import type { Html, Nodes, Paragraph, PhrasingContent, RootContent, TableRow } from "mdast";
import type { Block, Inline, ListItem } from "../blocks";

export type MapContext = {
  // Link reference definitions ([label]: url) of the whole document, keyed by normalised identifier.
  definitions: Map<string, string>;
  errors: string[];
  warnings: string[];
  // Lines taken by front matter, so error line numbers match the file the author is editing.
  lineOffset: number;
  // Pictures the author attached (the editor's uploads, a zip's files): image URL as written → GuideImage id.
  // Without it, images are kept as their description, as they always were for plain Markdown.
  images?: Record<string, string>;
};

type Marks = { bold?: boolean; italic?: boolean };

const ALLOWED_PROTOCOLS = new Set(["https:", "http:", "mailto:", "tel:"]);

export function collectDefinitions(node: Nodes, into = new Map<string, string>()): Map<string, string> {
  if (node.type === "definition") into.set(node.identifier.toLowerCase(), node.url);
  if ("children" in node) for (const child of node.children) collectDefinitions(child, into);
  return into;
}

function lineOf(node: Nodes, ctx: MapContext): number {
  return (node.position?.start.line ?? 0) + ctx.lineOffset;
}

function refuseHtml(node: Html, ctx: MapContext): void {
  const value = node.value.trim();
  const tag = value.startsWith("<!--") ? "<!-- -->" : `<${/^<\/?\s*([a-zA-Z][\w-]*)/.exec(value)?.[1] ?? value}>`;
  const message = `Raw HTML is not allowed (line ${lineOf(node, ctx)}): remove the ${tag} markup.`;
  if (!ctx.errors.includes(message)) ctx.errors.push(message);
}

// Only links a patient can safely follow are kept; anything else (javascript:, data:, relative paths)
// would be an XSS vector or a broken link in the PDF, so it degrades to its label.
export function safeHref(url: string, label: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return null;
  // GFM turns a bare "www.example.com" into http://; nobody asked for plain http there.
  if (parsed.protocol === "http:" && url.trim() === `http://${label}`) return `https://${label}`;
  return url.trim();
}

// Split and trimmed by hand: /[ \t]*\n[ \t]*/ backtracks quadratically on a long run of spaces.
function softBreaksToSpaces(text: string): string {
  if (!text.includes("\n")) return text;
  const lines = text.split("\n");
  return lines
    .map((line, i) => (i > 0 ? line.trimStart() : line))
    .map((line, i) => (i < lines.length - 1 ? line.trimEnd() : line))
    .join(" ");
}

function pushText(out: Inline[], text: string, marks: Marks): void {
  if (text === "") return;
  const last = out[out.length - 1];
  if (last?.type === "text" && !!last.bold === !!marks.bold && !!last.italic === !!marks.italic) {
    last.text += text;
    return;
  }
  out.push({ type: "text", text, ...(marks.bold ? { bold: true } : {}), ...(marks.italic ? { italic: true } : {}) });
}

function phrasingText(nodes: PhrasingContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === "text" || node.type === "inlineCode") return node.value;
      if (node.type === "image" || node.type === "imageReference") return node.alt ?? "";
      if ("children" in node) return phrasingText(node.children);
      return "";
    })
    .join("");
}

function appendInlines(out: Inline[], nodes: PhrasingContent[], ctx: MapContext, marks: Marks): void {
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        // A soft line break is just a space when rendered; only hard breaks ("break" nodes) keep "\n".
        pushText(out, softBreaksToSpaces(node.value), marks);
        break;
      case "inlineCode":
        pushText(out, node.value, marks);
        break;
      case "break":
        pushText(out, "\n", marks);
        break;
      case "emphasis":
        appendInlines(out, node.children, ctx, { ...marks, italic: true });
        break;
      case "strong":
        appendInlines(out, node.children, ctx, { ...marks, bold: true });
        break;
      case "delete":
        appendInlines(out, node.children, ctx, marks);
        break;
      case "image":
      case "imageReference":
        if (node.type === "image" && ctx.images && Object.hasOwn(ctx.images, node.url)) {
          ctx.errors.push(
            `The picture on line ${lineOf(node, ctx)} must be on a line of its own, with a blank line before and after it.`,
          );
          break;
        }
        ctx.warnings.push(
          `Images are not imported: the image on line ${lineOf(node, ctx)} is shown as its description${node.alt ? ` ("${node.alt}")` : " (it has none)"}.`,
        );
        pushText(out, node.alt ?? "", marks);
        break;
      case "link":
      case "linkReference": {
        const url = node.type === "link" ? node.url : ctx.definitions.get(node.identifier.toLowerCase());
        const label = phrasingText(node.children);
        const href = url === undefined ? null : safeHref(url, label);
        if (href === null) {
          appendInlines(out, node.children, ctx, marks);
          break;
        }
        const children: Inline[] = [];
        appendInlines(children, node.children, ctx, marks);
        if (children.length === 0) pushText(children, href, marks);
        out.push({ type: "link", href, children });
        break;
      }
      case "html":
        refuseHtml(node, ctx);
        break;
      case "footnoteReference":
        ctx.warnings.push(
          `Footnotes are not supported: the footnote marker [^${node.label ?? node.identifier}] was left out.`,
        );
        break;
    }
  }
}

export function mapInlines(nodes: PhrasingContent[], ctx: MapContext): Inline[] {
  const out: Inline[] = [];
  appendInlines(out, nodes, ctx, {});
  return out;
}

function mapRow(row: TableRow | undefined, ctx: MapContext): Inline[][] {
  return (row?.children ?? []).map((cell) => mapInlines(cell.children, ctx));
}

// A paragraph that is only an attached picture becomes an image block; its title ("caption") the caption.
function imageBlock(node: Paragraph, ctx: MapContext): Block | null {
  const parts = node.children.filter((c) => !(c.type === "text" && c.value.trim() === ""));
  const [image] = parts;
  if (parts.length !== 1 || image?.type !== "image" || !ctx.images || !Object.hasOwn(ctx.images, image.url))
    return null;
  const alt = (image.alt ?? "").trim();
  if (alt === "")
    ctx.errors.push(
      `The picture on line ${lineOf(image, ctx)} has no description: write what it shows between the brackets, ![like this](…).`,
    );
  return { type: "image", imageId: ctx.images[image.url]!, alt, caption: image.title?.trim() || null };
}

function mapBlock(node: RootContent, ctx: MapContext): Block[] {
  switch (node.type) {
    case "paragraph": {
      const figure = imageBlock(node, ctx);
      if (figure) return [figure];
      const children = mapInlines(node.children, ctx);
      return children.length > 0 ? [{ type: "paragraph", children }] : [];
    }
    case "heading": {
      const children = mapInlines(node.children, ctx);
      // Levels 1 and 2 structure the guide and are split off before mapping; clamp defensively.
      const level = Math.max(3, node.depth) as 3 | 4 | 5 | 6;
      return children.length > 0 ? [{ type: "heading", level, children }] : [];
    }
    case "list": {
      const items: ListItem[] = node.children.map((item) => ({ content: mapBlocks(item.children, ctx) }));
      const hasStart = node.ordered === true && typeof node.start === "number" && node.start !== 1;
      return [{ type: "list", ordered: node.ordered === true, ...(hasStart ? { start: node.start ?? 1 } : {}), items }];
    }
    case "table": {
      const [head, ...body] = node.children;
      return [
        {
          type: "table",
          align: node.children[0]?.children.map((_, i) => node.align?.[i] ?? null) ?? [],
          header: mapRow(head, ctx),
          rows: body.map((row) => mapRow(row, ctx)),
        },
      ];
    }
    case "code":
      return node.value.trim() ? [{ type: "paragraph", children: [{ type: "text", text: node.value }] }] : [];
    case "blockquote":
      return mapBlocks(node.children, ctx);
    case "html":
      refuseHtml(node, ctx);
      return [];
    case "footnoteDefinition":
      ctx.warnings.push(`Footnotes are not supported: the footnote [^${node.label ?? node.identifier}] was left out.`);
      return [];
    default:
      // thematicBreak, definition and stray phrasing at block level carry no content of their own.
      return [];
  }
}

export function mapBlocks(nodes: RootContent[], ctx: MapContext): Block[] {
  return nodes.flatMap((node) => mapBlock(node, ctx));
}
