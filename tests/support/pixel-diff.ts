// Compares two renderings of the same page by different rasterisers (pdf.js in Chromium, poppler's pdftoppm).
// They agree on what is drawn but not on how each glyph edge is anti-aliased, nor always on where a half
// pixel falls, so a pixel only counts as different when no pixel next to it in the other image is close to it.

export type Raw = { data: Uint8Array; width: number; height: number; channels: number };
export type Diff = { differing: number; total: number; ratio: number; mask: Uint8Array };

const close = (a: Raw, i: number, b: Raw, j: number, threshold: number) => {
  for (let c = 0; c < 3; c++)
    if (Math.abs(a.data[i * a.channels + c]! - b.data[j * b.channels + c]!) > threshold) return false;
  return true;
};

// A pixel of `a` is explained by `b` when a pixel next to it in `b` is close to it, or when it lies between
// the darkest and the lightest of those neighbours: an edge that `b` anti-aliased a little differently.
function explained(a: Raw, b: Raw, x: number, y: number, threshold: number, radius: number) {
  const p = y * a.width + x;
  const lo = [255, 255, 255];
  const hi = [0, 0, 0];
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const qx = x + dx;
      const qy = y + dy;
      if (qx < 0 || qy < 0 || qx >= b.width || qy >= b.height) continue;
      const q = qy * b.width + qx;
      if (close(a, p, b, q, threshold)) return true;
      for (let c = 0; c < 3; c++) {
        const v = b.data[q * b.channels + c]!;
        lo[c] = Math.min(lo[c]!, v);
        hi[c] = Math.max(hi[c]!, v);
      }
    }
  }
  for (let c = 0; c < 3; c++) {
    const v = a.data[p * a.channels + c]!;
    if (v < lo[c]! - threshold || v > hi[c]! + threshold) return false;
  }
  return true;
}

/** Pixels of `a` and `b` (same size, RGB or RGBA) that differ by more than `threshold` on a channel, anti-aliasing aside. */
export function pixelDiff(a: Raw, b: Raw, { threshold = 64, radius = 1 } = {}): Diff {
  if (a.width !== b.width || a.height !== b.height)
    throw new Error(`sizes differ: ${a.width}x${a.height} vs ${b.width}x${b.height}`);
  const total = a.width * a.height;
  const mask = new Uint8Array(total);
  let differing = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const p = y * a.width + x;
      if (close(a, p, b, p, threshold)) continue;
      if (explained(a, b, x, y, threshold, radius) && explained(b, a, x, y, threshold, radius)) continue;
      mask[p] = 1;
      differing++;
    }
  }
  return { differing, total, ratio: differing / total, mask };
}
