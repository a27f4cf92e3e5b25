import { describe, expect, it } from "vitest";
import { countLabel, cappedCount, decodeCursor, encodeCursor } from "@/lib/pagination";

describe("keyset cursors", () => {
  const row = { createdAt: new Date("2026-06-01T10:20:30.123Z"), id: "cm3abc_DEF-9" };

  it("round-trips (createdAt, id) to the millisecond, in the clinic it was made for only", () => {
    const token = encodeCursor("clinic-a", row);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor("clinic-a", token)).toEqual(row);
    expect(decodeCursor("clinic-b", token)).toBeNull();
  });

  it("reads anything else as no cursor", () => {
    for (const bad of [
      undefined,
      "",
      "x",
      "%%%",
      Buffer.from("clinic-a.1.2.3").toString("base64url"),
      Buffer.from("clinic-a.-5.id").toString("base64url"),
      Buffer.from("clinic-a.12.bad id!").toString("base64url"),
    ])
      expect(decodeCursor("clinic-a", bad)).toBeNull();
  });
});

describe("capped counts", () => {
  it("says the number up to the cap and 'more than' above it", () => {
    expect(countLabel(cappedCount(1), "handout", "handouts")).toBe("1 handout");
    expect(countLabel(cappedCount(1000), "handout", "handouts")).toBe("1,000 handouts");
    expect(countLabel(cappedCount(1001), "handout", "handouts")).toBe("More than 1,000 handouts");
    expect(countLabel(cappedCount(101, 100), "handout", "handouts")).toBe("More than 100 handouts");
  });
});
