import { describe, expect, it } from "vitest";
import { pixelDiff, type Raw } from "../support/pixel-diff";

// A white 20x20 image with a black 6x6 square at (x, y), optionally with a grey anti-aliased edge to its right.
function square(x: number, y: number, edge = false): Raw {
  const width = 20;
  const data = new Uint8Array(width * width * 3).fill(255);
  const paint = (px: number, py: number, v: number) => data.fill(v, (py * width + px) * 3, (py * width + px) * 3 + 3);
  for (let py = y; py < y + 6; py++) for (let px = x; px < x + 6; px++) paint(px, py, 0);
  if (edge) for (let py = y; py < y + 6; py++) paint(x + 6, py, 128);
  return { data, width, height: width, channels: 3 };
}

describe("pixelDiff", () => {
  it("finds nothing between identical images", () => {
    expect(pixelDiff(square(5, 5), square(5, 5)).differing).toBe(0);
  });

  it("forgives anti-aliasing and a one-pixel shift of an edge", () => {
    expect(pixelDiff(square(5, 5), square(5, 5, true)).differing).toBe(0);
    expect(pixelDiff(square(5, 5), square(6, 5)).differing).toBe(0);
  });

  it("counts what is really drawn elsewhere", () => {
    const d = pixelDiff(square(2, 2), square(12, 12));
    expect(d.differing).toBe(72);
    expect(d.ratio).toBeCloseTo(72 / 400);
  });

  it("refuses images of different sizes", () => {
    expect(() => pixelDiff(square(0, 0), { ...square(0, 0), width: 10 })).toThrow(/sizes differ/);
  });
});
