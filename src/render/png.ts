/**
 * PNG heatmaps (fast-png encoder, pure JS: no canvas, no browser): a rows × cols array of values mapped through a
 * colormap, each cell drawn as a `scale`×`scale` block, row 0 at the top (or bottom with `flipY`).
 */
import { encode } from "fast-png";
import { colormap } from "./colormap.js";

export interface HeatmapOptions {
  rows: number; cols: number;
  colormap?: string;
  vmin?: number; vmax?: number;
  /** Pixels per cell in each direction (default chosen to give ~800 px width). */
  scaleX?: number; scaleY?: number;
  flipY?: boolean;
}

/**
 * @example
 * const png = heatmap(values, { rows: nt, cols: nx, colormap: "inferno" });   // Uint8Array of a .png file
 */
export function heatmap(values: ArrayLike<number>, o: HeatmapOptions): Uint8Array {
  const { rows, cols } = o;
  if (values.length !== rows * cols) throw new RangeError(`heatmap: values has ${values.length} entries, rows × cols = ${rows * cols}`);
  let lo = o.vmin ?? Infinity, hi = o.vmax ?? -Infinity;
  if (o.vmin === undefined || o.vmax === undefined) {
    for (let i = 0; i < values.length; i++) { const v = values[i]; if (Number.isFinite(v)) { if (o.vmin === undefined) lo = Math.min(lo, v); if (o.vmax === undefined) hi = Math.max(hi, v); } }
  }
  if (!(hi > lo)) hi = lo + 1;
  const lut = colormap(o.colormap ?? "inferno");
  const sx = o.scaleX ?? Math.max(1, Math.round(800 / cols)), sy = o.scaleY ?? Math.max(1, Math.round(600 / rows));
  const width = cols * sx, height = rows * sy;
  const data = new Uint8Array(width * height * 3);
  for (let r = 0; r < rows; r++) {
    const rr = o.flipY ? rows - 1 - r : r;
    for (let c = 0; c < cols; c++) {
      const v = values[r * cols + c];
      const k = Number.isFinite(v) ? Math.max(0, Math.min(255, Math.round(((v - lo) / (hi - lo)) * 255))) : 0;
      for (let y = 0; y < sy; y++) {
        let p = ((rr * sy + y) * width + c * sx) * 3;
        for (let x = 0; x < sx; x++, p += 3) { data[p] = lut[3 * k]; data[p + 1] = lut[3 * k + 1]; data[p + 2] = lut[3 * k + 2]; }
      }
    }
  }
  return encode({ width, height, data, channels: 3, depth: 8 });
}
