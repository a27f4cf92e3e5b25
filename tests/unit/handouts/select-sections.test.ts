import { describe, expect, it } from "vitest";
import { citedReferences, selectSections } from "@/lib/handouts/printed/sections";
import { backSpasmsGuide } from "@/tests/support/sample-handout";

describe("selectSections", () => {
  const guide = backSpasmsGuide();

  it("keeps exactly the chosen sections in the chosen order, then the required ones", () => {
    const picked = selectSections(guide.sections, ["prevention", "symptoms", "treatment"]);
    expect(picked.map((s) => s.key)).toEqual(["prevention", "symptoms", "treatment", "disclaimer"]);
  });

  it("drops unknown keys, duplicates and the guide's own reference section", () => {
    const picked = selectSections(guide.sections, ["references", "nope", "causes", "causes"]);
    expect(picked.map((s) => s.key)).toEqual(["causes", "disclaimer"]);
  });

  it("puts a chosen disclaimer last and keeps required sections even when nothing is chosen", () => {
    expect(selectSections(guide.sections, ["disclaimer", "symptoms"]).map((s) => s.key)).toEqual([
      "symptoms",
      "disclaimer",
    ]);
    expect(selectSections(guide.sections, []).map((s) => s.key)).toEqual(["disclaimer"]);
  });

  it("keeps a required content section (when to get help) even when not chosen, in its chosen place when it is", () => {
    const all = [
      { key: "intro", kind: "content" as const, required: false },
      { key: "when-to-get-help", kind: "content" as const, required: true },
      { key: "exercises", kind: "content" as const, required: false },
      { key: "references", kind: "references" as const, required: false },
      { key: "disclaimer", kind: "disclaimer" as const, required: true },
    ];
    expect(selectSections(all, ["exercises"]).map((s) => s.key)).toEqual([
      "exercises",
      "when-to-get-help",
      "disclaimer",
    ]);
    expect(selectSections(all, ["when-to-get-help", "intro"]).map((s) => s.key)).toEqual([
      "when-to-get-help",
      "intro",
      "disclaimer",
    ]);
  });

  it("lists only the references the chosen sections cite, in guide order", () => {
    const symptomsOnly = citedReferences(guide.references, selectSections(guide.sections, ["symptoms"]));
    expect(symptomsOnly.map((r) => r.text)).toEqual([expect.stringMatching(/^Medline Plus/)]);
    const treatment = citedReferences(guide.references, selectSections(guide.sections, ["treatment"]));
    expect(treatment.map((r) => r.text.slice(0, 12))).toEqual(["Merck Manual", "Bhatia, A., "]);
  });
});
