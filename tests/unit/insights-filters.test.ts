import { describe, expect, it } from "vitest";
import { parseInsightsFilters } from "@/lib/insights/schemas";

describe("Insights filters", () => {
  it("refuses a range that runs backwards, is longer than two years or is not a date", () => {
    expect(parseInsightsFilters({ from: "2026-05-01", to: "2026-04-01" })).toEqual({
      ok: false,
      message: "From must be on or before To.",
    });
    expect(parseInsightsFilters({ from: "2023-01-01", to: "2026-01-01" })).toMatchObject({ ok: false });
    expect(parseInsightsFilters({ from: "2026-02-30" })).toMatchObject({ ok: false });
    expect(parseInsightsFilters({ guide: "x'; drop" })).toMatchObject({ ok: false });
    expect(parseInsightsFilters({}, new Date("2026-12-08T01:00:00Z"))).toEqual({
      ok: true,
      filters: { from: "2026-09-21", to: "2026-12-08" },
    });
  });
});
