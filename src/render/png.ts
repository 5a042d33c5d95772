/**
 * PNG heatmaps (fast-png encoder, pure JS: no canvas, no browser): a rows × cols array of values mapped through a
 * colormap, each cell drawn as a `scaleX`×`scaleY` block, row 0 at the top (or bottom with `flipY`).
 */
import { encode } from "fast-png";
import { colormap } from "./colormap.js";

/** Options of {@link heatmap}: the grid shape, the colour scale and the pixel size of a cell. */
export interface HeatmapOptions {
  /** Number of grid rows (image rows, top to bottom unless `flipY`): a positive integer; rows × cols must equal `values.length` (RangeError otherwise). */
  rows: number;
  /** Number of grid columns (left to right, the fastest-varying index of `values`): a positive integer. */
  cols: number;
  /**
   * Colormap name, case-insensitive, one of {@link COLORMAPS} (viridis, inferno, magma, plasma, cividis, turbo, rdbu);
   * default "inferno". An unknown name throws a RangeError listing the valid ones.
   */
  colormap?: string;
  /**
   * Value (data units) drawn as the colormap's lowest colour; values below it clamp to that colour. Default: the
   * smallest finite entry of `values`. Must be finite and below `vmax` when both are given (RangeError otherwise).
   */
  vmin?: number;
  /**
   * Value (data units) drawn as the colormap's highest colour; values above it clamp to that colour. Default: the
   * largest finite entry. When it is computed and not above vmin (a constant field, or no finite entry), vmax = vmin + 1.
   */
  vmax?: number;
  /** Pixels per cell horizontally, a positive integer; default max(1, round(800 / cols)) (an image about 800 px wide). */
  scaleX?: number;
  /** Pixels per cell vertically, a positive integer; default max(1, round(600 / rows)) (an image about 600 px tall). */
  scaleY?: number;
  /** Draw row 0 at the bottom instead of the top (for a y axis that points up); default false. */
  flipY?: boolean;
}

/**
 * A rows × cols field as a PNG image (8-bit RGB, no axes or labels: for figures with axes use {@link heatmapFigure}).
 * Entry `values[r * cols + c]` is cell (r, c), mapped linearly from [vmin, vmax] onto the 256 colours of the colormap
 * and drawn as a scaleX × scaleY pixel block; the image is cols·scaleX × rows·scaleY pixels. Non-finite entries (NaN,
 * ±Infinity) draw as the colormap's lowest colour, like values at or below vmin, and are ignored when vmin/vmax are
 * computed. Throws a RangeError when rows, cols, scaleX or scaleY is not a positive integer, when
 * values.length ≠ rows × cols, for an unknown colormap, and when a given vmin/vmax is not finite or vmin ≥ vmax.
 * @param values - the field, row-major (row r, column c at r·cols + c), data units.
 * @param o - grid shape, colormap, colour range and cell size ({@link HeatmapOptions}).
 * @returns the bytes of a .png file.
 * @example
 * const png = render.heatmap(values, { rows: nt, cols: nx, colormap: "inferno" });   // Uint8Array of a .png file
 * render.heatmap(values, { rows: nt, cols: nx, vmin: 2, vmax: 1 });   // RangeError: heatmap: vmin (2) must be below vmax (1) …
 */
export function heatmap(values: ArrayLike<number>, o: HeatmapOptions): Uint8Array {
  const { rows, cols } = o;
  for (const [k, v] of [["rows", rows], ["cols", cols]] as const) {
    if (!(Number.isInteger(v) && v > 0)) throw new RangeError(`heatmap: ${k} must be a positive integer, got ${v}`);
  }
  if (values.length !== rows * cols) throw new RangeError(`heatmap: values has ${values.length} entries, rows × cols = ${rows * cols}; pass rows and cols with rows × cols = values.length`);
  for (const [k, v] of [["vmin", o.vmin], ["vmax", o.vmax]] as const) {
    if (v !== undefined && !Number.isFinite(v)) throw new RangeError(`heatmap: ${k} must be a finite number, got ${v}; omit it to use the data's ${k === "vmin" ? "minimum" : "maximum"}`);
  }
  if (o.vmin !== undefined && o.vmax !== undefined && !(o.vmax > o.vmin)) throw new RangeError(`heatmap: vmin (${o.vmin}) must be below vmax (${o.vmax}); swap them or widen the range`);
  for (const [k, v] of [["scaleX", o.scaleX], ["scaleY", o.scaleY]] as const) {
    if (v !== undefined && !(Number.isInteger(v) && v > 0)) throw new RangeError(`heatmap: ${k} must be a positive integer (pixels per cell), got ${v}`);
  }
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
