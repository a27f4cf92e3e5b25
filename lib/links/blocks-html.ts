import { SAFE_LINK, type Block, type Inline } from "@/lib/guides/blocks";
import { attr, esc, join } from "@/lib/links/html";

// The web version of a section's blocks, as the PDF prints them (lib/pdf/blocks.tsx): the same text, the
// same links (SAFE_LINK), and citations linking to the page's reference list when it lists them.

// `listed`: the references the page lists; `tables`: how many tables came before (each gets its own name).
export type BlocksContext = { listed: Set<string>; tables: number };

function inlines(nodes: Inline[], listed: Set<string>): string {
  return nodes
    .map((n) => {
      if (n.type === "text") {
        let html = esc(n.text);
        if (n.italic) html = `<em>${html}</em>`;
        if (n.bold) html = `<strong>${html}</strong>`;
        return html;
      }
      if (n.type === "link") {
        const body = inlines(n.children, listed);
        return SAFE_LINK.test(n.href) ? `<a href=${attr(n.href)} rel="noopener noreferrer">${body}</a>` : body;
      }
      return n.refKey && listed.has(n.refKey)
        ? `<a class="cite" href=${attr(`#ref-${n.refKey}`)}>${esc(n.text)}</a>`
        : esc(n.text);
    })
    .join("");
}

const alignClass = (a: "left" | "right" | "center" | null | undefined) =>
  a && a !== "left" ? ` class="align-${a}"` : "";

/**
 * Headings keep their level under the section's h2 (a guide's "###" is h3), as in the PDF's structure tree;
 * a table scrolls sideways inside its own focusable region (named "Table 1", "Table 2"…) on a narrow phone
 * instead of widening the page.
 */
export function blocksHtml(blocks: Block[], ctx: BlocksContext): string {
  const { listed } = ctx;
  return blocks
    .map((b) => {
      switch (b.type) {
        case "paragraph":
          return `<p>${inlines(b.children, listed)}</p>`;
        case "heading": {
          const level = Math.min(6, Math.max(3, b.level));
          return `<h${level}>${inlines(b.children, listed)}</h${level}>`;
        }
        case "list": {
          const items = b.items.map((item) => `<li>${blocksHtml(item.content, ctx)}</li>`).join("");
          return b.ordered
            ? `<ol${b.start && b.start !== 1 ? ` start=${attr(b.start)}` : ""}>${items}</ol>`
            : `<ul>${items}</ul>`;
        }
        case "table": {
          const head = b.header
            .map((cell, j) => `<th scope="col"${alignClass(b.align[j])}>${inlines(cell, listed)}</th>`)
            .join("");
          const rows = b.rows
            .map(
              (row) =>
                `<tr>${row.map((cell, j) => `<td${alignClass(b.align[j])}>${inlines(cell, listed)}</td>`).join("")}</tr>`,
            )
            .join("");
          return join([
            `<div class="table-wrap" role="region" aria-label=${attr(`Table ${++ctx.tables}`)} tabindex="0"><table>`,
            `<thead><tr>${head}</tr></thead>`,
            `<tbody>${rows}</tbody>`,
            `</table></div>`,
          ]);
        }
        // The patient page has no signed-in clinic to serve pictures from: it says what the printed one shows.
        case "image":
          return `<p class="figure-text">Picture in the printed handout: ${esc(b.alt)}${b.caption ? `. ${esc(b.caption)}` : ""}</p>`;
      }
    })
    .join("");
}
