import { describe, expect, it } from "vitest";
import { medianBucket, periodStarts, share } from "@/lib/insights/figures";

describe("Insights figures", () => {
  it("tells a share of fewer than ten as a count, a larger one as a percentage with its count", () => {
    expect(share(3, 7)).toBe("3 of 7");
    expect(share(9, 9)).toBe("9 of 9");
    expect(share(3, 10)).toBe("30% (3 of 10)");
    expect(share(430, 1000)).toBe("43% (430 of 1,000)");
    expect(share(0, 0)).toBe("none yet");
  });

  it("names the bucket that holds the median first open", () => {
    expect(medianBucket([0, 0, 0, 0, 0, 0, 0])).toBeNull();
    expect(medianBucket([1, 0, 1, 0, 0, 0, 0])).toBe("under 1 hour");
    expect(medianBucket([1, 0, 2, 0, 0, 0, 0])).toBe("2 to 6 hours");
    expect(medianBucket([0, 0, 0, 0, 0, 0, 5])).toBe("more than 7 days");
    expect(medianBucket([2, 1, 0, 0, 0, 3, 0])).toBe("1 to 2 hours");
  });

  it("lists every week (from its Monday) or month that the range touches", () => {
    expect(periodStarts("2026-11-04", "2026-11-17", "week")).toEqual(["2026-11-02", "2026-11-09", "2026-11-16"]);
    expect(periodStarts("2025-12-15", "2026-02-01", "month")).toEqual(["2025-12-01", "2026-01-01", "2026-02-01"]);
  });
});
