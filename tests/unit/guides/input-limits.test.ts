import { describe, expect, it } from "vitest";
import { checkGuideShape, MAX_TABLE_CELLS_TOTAL } from "@/lib/guides/import/input-limits";

const table = (header: string[], rows: number) =>
  [
    `| ${header.join(" | ")} |`,
    `|${" --- |".repeat(header.length)}`,
    ...Array.from({ length: rows }, (_, r) => `| ${header.map((_, c) => `r${r}c${c}`).join(" | ")} |`),
  ].join("\n");
const guide = (body: string) => `# Tables\n\n## Exercises\n\n${body}\n\n## Disclaimer\n\nGeneral advice.\n`;

describe("table limits in the guide's shape check", () => {
  it("accepts the tables a handout uses", () => {
    expect(checkGuideShape(guide(table(["Exercise", "Sets", "Reps"], 40)))).toBeNull();
    expect(checkGuideShape(guide([table(["A", "B"], 200), table(["C", "D"], 200)].join("\n\n")))).toBeNull();
  });

  it("names the table with too many rows by its line and header", () => {
    expect(checkGuideShape(guide(table(["Exercise", "Reps"], 201)))).toBe(
      'The table on line 5 ("Exercise | Reps") has more than 200 rows; a table can have at most 200. Split it into smaller tables or shorten it.',
    );
    // Without the outer pipes, GFM's other spelling.
    expect(checkGuideShape(guide(`Day | Walk\n--- | ---\n${"Mon | 10 min\n".repeat(250)}`))).toMatch(
      /^The table on line 5 \("Day \| Walk"\) has more than 200 rows/,
    );
  });

  it("counts cells per table and in the whole guide", () => {
    const wide = Array.from({ length: 12 }, (_, i) => `H${i}`);
    expect(checkGuideShape(guide(table(wide, 180)))).toMatch(/has more than 2,000 cells \(12 columns\)/);
    const many = Array.from({ length: 6 }, () =>
      table(
        Array.from({ length: 10 }, (_, i) => `H${i}`),
        190,
      ),
    ).join("\n\n");
    expect(checkGuideShape(guide(many))).toMatch(
      new RegExp(`tables have more than ${MAX_TABLE_CELLS_TOTAL.toLocaleString("en-US")} cells in all`),
    );
  });

  it("does not take a paragraph with a pipe above a thematic break for a table", () => {
    expect(checkGuideShape(guide(`Rest | ice\n\n---\n\n${"Plain line\n".repeat(300)}`))).toBeNull();
  });
});
