import { describe, expect, it } from "vitest";
import { buildCoverageData, formatCoverageData } from "@/lib/pdf/coverage-build";
import { fontsFor } from "@/lib/pdf/font-choice";
import { FONT_FILES } from "@/lib/pdf/font-files";
import data from "@/lib/printable/coverage-data.json";
import fs from "node:fs";
import path from "node:path";

describe("coverage data", () => {
  it("is what the installed font files hold (else run npm run pdf:coverage)", () => {
    const built = buildCoverageData();
    expect(Object.keys(built)).toEqual(FONT_FILES.map((f) => f.id));
    expect(built).toEqual(data.fonts);
    expect(formatCoverageData(built)).toBe(
      fs.readFileSync(path.join(process.cwd(), "lib/printable/coverage-data.json"), "utf8"),
    );
  }, 30_000);

  it("picks only the fallbacks a text needs, regional CJK font first", () => {
    expect(fontsFor("Walk 10 minutes. Café, Ελληνικά, Русский, مرحبا, שלום, Tiếng Việt")).toEqual(["dejavu"]);
    expect(fontsFor("ok 👍")).toEqual(["dejavu", "emoji"]);
    expect(fontsFor("背痛 简体")).toEqual(["dejavu", "sc"]);
    expect(fontsFor("背痛 繁體 醫生")).toEqual(["dejavu", "tc"]);
    expect(fontsFor("日本語 ひらがな")).toEqual(["dejavu", "jp"]);
    expect(fontsFor("한국어 😀")).toEqual(["dejavu", "emoji", "kr"]);
  });
});
