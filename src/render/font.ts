/**
 * Text with the embedded outline font (samudra-sans, a subset of DejaVu Sans: font-data.ts): widths for layout
 * and glyph outlines flattened to polygons in pixel coordinates for the rasteriser. SVG output names the same
 * family (FONT_FAMILY) so a viewer with DejaVu Sans draws identical text; others fall back to a sans-serif.
 * A glyph missing from the subset draws as "?". Combining marks (U+0302) have zero advance, as in the font.
 */
import { GLYPHS, UNITS_PER_EM, ASCENT, DESCENT } from "./font-data.js";

export const FONT_FAMILY = "samudra-sans, 'DejaVu Sans', Verdana, sans-serif";

type Cmd = Float64Array;   // [op, x1, y1, x2, y2] triples flattened: op 0 = move, 1 = line, 2 = quad
const parsed = new Map<string, { adv: number; cmds: number[] }>();

function glyph(ch: string): { adv: number; cmds: number[] } {
  let g = parsed.get(ch);
  if (g) return g;
  const src = GLYPHS[ch] ?? GLYPHS["?"];
  const cmds: number[] = [];
  const re = /([MLQZ])([^MLQZ]*)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src[1]))) {
    const n = m[2].trim() ? m[2].trim().split(/[\s,]+/).map(Number) : [];
    if (m[1] === "M") cmds.push(0, n[0], n[1], 0, 0);
    else if (m[1] === "L") cmds.push(1, n[0], n[1], 0, 0);
    else if (m[1] === "Q") cmds.push(2, n[0], n[1], n[2], n[3]);
    else cmds.push(3, 0, 0, 0, 0);
  }
  g = { adv: src[0], cmds };
  parsed.set(ch, g);
  return g;
}

/** Width in pixels of `s` at font size `size` px. */
export function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += glyph(ch).adv;
  return (w * size) / UNITS_PER_EM;
}

/** Ascent and descent (positive, px) at `size`. */
export function fontMetrics(size: number): { ascent: number; descent: number } {
  return { ascent: (ASCENT * size) / UNITS_PER_EM, descent: (-DESCENT * size) / UNITS_PER_EM };
}

export type Anchor = "start" | "middle" | "end";
/** Vertical placement of (x, y): the baseline, the middle of the digits' height, or the top of capitals. */
export type Baseline = "alphabetic" | "middle" | "top";
/** Height of capitals and digits as a fraction of the size (DejaVu: 1493 / 2048). */
export const CAP_HEIGHT = 1493 / 2048;

export function baselineShift(b: Baseline, size: number): number {
  return b === "middle" ? (CAP_HEIGHT * size) / 2 : b === "top" ? CAP_HEIGHT * size : 0;
}

/**
 * The outline of `s` as closed polygons (x, y pairs, pixels, y down) anchored at (x, y), rotated by `angle`
 * degrees (counter-clockwise on screen, e.g. 90 for a y-axis label reading upwards, as drawAxes draws it).
 */
export function textPolygons(s: string, x: number, y: number, size: number, anchor: Anchor = "start", baseline: Baseline = "alphabetic", angle = 0): Float64Array[] {
  const k = size / UNITS_PER_EM, w = textWidth(s, size);
  const ox = anchor === "middle" ? -w / 2 : anchor === "end" ? -w : 0, oy = baselineShift(baseline, size);
  const a = (angle * Math.PI) / 180, ca = Math.cos(a), sa = Math.sin(a);
  const out: Float64Array[] = [];
  let pen = 0, cur: number[] = [];
  const put = (gx: number, gy: number) => {           // glyph units → local px (y down) → rotated, translated
    const lx = ox + pen + gx * k, ly = oy - gy * k;
    cur.push(x + lx * ca + ly * sa, y - lx * sa + ly * ca);
  };
  const flush = () => { if (cur.length >= 6) out.push(Float64Array.from(cur)); cur = []; };
  const steps = Math.max(2, Math.min(8, Math.ceil(size / 6)));
  for (const ch of s) {
    const g = glyph(ch), c = g.cmds;
    let px = 0, py = 0;
    for (let i = 0; i < c.length; i += 5) {
      const op = c[i];
      if (op === 0) { flush(); put(c[i + 1], c[i + 2]); px = c[i + 1]; py = c[i + 2]; }
      else if (op === 1) { put(c[i + 1], c[i + 2]); px = c[i + 1]; py = c[i + 2]; }
      else if (op === 2) {
        const cx = c[i + 1], cy = c[i + 2], ex = c[i + 3], ey = c[i + 4];
        for (let j = 1; j <= steps; j++) {
          const t = j / steps, u = 1 - t;
          put(u * u * px + 2 * u * t * cx + t * t * ex, u * u * py + 2 * u * t * cy + t * t * ey);
        }
        px = ex; py = ey;
      } else flush();
    }
    flush();
    pen += g.adv * k;
  }
  return out;
}
export type { Cmd };
