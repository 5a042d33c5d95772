/**
 * Single-panel figures as Scenes (scene.ts): a heatmap of a field over two axes with a colorbar and optional
 * overlays (e.g. kink trajectories), and line charts with a legend (linear or log y). Sizes: `width` × `height`
 * inches at `dpi` (px = inches × dpi; fonts in points, 1 pt = dpi/72 px), matplotlib's convention, so the seeds'
 * dpi keys mean what they meant there. The field is resampled (bilinear, in value) to the panel's pixels for PNGs;
 * SVGs embed it at its grid resolution (at most the panel's) and let the viewer scale it.
 */
import { Scene } from "./scene.js";
import { colormap } from "./colormap.js";
import { drawAxes, drawColorbar, drawLegend, drawTitle, TAB10, type AxisSpec, type Axes, type LegendEntry, type Rect } from "./axes.js";

/** Fields every single-panel figure has: the title block and the size (inches × dpi = pixels). */
export interface FigureBase {
  /** Title, centred above the panel in 12 pt text (plain text; an empty string draws nothing but keeps the space). */
  title: string;
  /** Optional second line under the title in 9 pt grey (e.g. the run's parameters); none by default. */
  subtitle?: string;
  /** Pixels per inch, > 0; default 100. Sets the pixel size (width × dpi by height × dpi, rounded) and the text size (1 pt = dpi / 72 px). */
  dpi?: number;
  /** Figure width in inches, > 0; default 10 (1000 px at dpi 100). */
  width?: number;
  /** Figure height in inches, > 0; default 6.5 for {@link heatmapFigure}, 5.5 for {@link lineFigure}. */
  height?: number;
}

/** Throws a RangeError naming the figure field when dpi, width or height is given but not a finite number > 0. */
function checkSize(fn: string, f: FigureBase): void {
  for (const k of ["dpi", "width", "height"] as const) {
    const v = f[k];
    if (v !== undefined && !(Number.isFinite(v) && v > 0)) throw new RangeError(`${fn}: ${k} must be a finite number > 0 (${k === "dpi" ? "pixels per inch" : "inches"}), got ${v}; omit it for the default`);
  }
}

/** Panel rectangle for a figure with a title block, room for tick and axis labels, and `right` points on the right. */
export function panelRect(W: number, H: number, pt: number, titleH: number, right = 20): Rect {
  const l = 62 * pt, b = 44 * pt, t = titleH + 10 * pt, r = right * pt;
  return { x: l, y: t, w: W - l - r, h: H - t - b };
}

/**
 * Resamples a rows × cols field (row 0 at the bottom: y = lo) to an iw × ih RGB image (top row first), bilinear in
 * value, mapped through `lut` between vmin and vmax (log10 of the value first with `log`). NaN draws grey.
 */
export function fieldImage(values: ArrayLike<number>, rows: number, cols: number, iw: number, ih: number, lut: Uint8Array, vmin: number, vmax: number): Uint8Array {
  const rgb = new Uint8Array(iw * ih * 3), k = 255 / (vmax - vmin || 1);
  // the column weights are the same for every row: computed once
  const c0 = new Int32Array(iw), c1 = new Int32Array(iw), wx = new Float64Array(iw);
  for (let px = 0; px < iw; px++) {
    const fx = cols > 1 ? (px / Math.max(1, iw - 1)) * (cols - 1) : 0;
    c0[px] = Math.min(cols - 1, Math.floor(fx)); c1[px] = Math.min(cols - 1, c0[px] + 1); wx[px] = fx - c0[px];
  }
  for (let py = 0; py < ih; py++) {
    const fy = rows > 1 ? ((ih - 1 - py) / Math.max(1, ih - 1)) * (rows - 1) : 0, r0 = Math.min(rows - 1, Math.floor(fy)), r1 = Math.min(rows - 1, r0 + 1), wy = fy - r0;
    const b0 = r0 * cols, b1 = r1 * cols;
    for (let px = 0, q = py * iw * 3; px < iw; px++, q += 3) {
      const a = c0[px], b = c1[px], w = wx[px];
      const v = (1 - wy) * (values[b0 + a] + w * (values[b0 + b] - values[b0 + a])) + wy * (values[b1 + a] + w * (values[b1 + b] - values[b1 + a]));
      if (!(v === v) || v === Infinity || v === -Infinity) { rgb[q] = rgb[q + 1] = rgb[q + 2] = 128; continue; }
      let i = Math.round((v - vmin) * k);
      i = 3 * (i < 0 ? 0 : i > 255 ? 255 : i);
      rgb[q] = lut[i]; rgb[q + 1] = lut[i + 1]; rgb[q + 2] = lut[i + 2];
    }
  }
  return rgb;
}

export interface Overlay { xy: ArrayLike<number>; colour: string; label: string; dots?: boolean; dash?: number[] }

/** Input of {@link heatmapFigure}: a field on a rows × cols grid, its axes, its colour scale and the figure's size. */
export interface HeatmapFigure extends FigureBase {
  /**
   * The field (data units), row-major: row r (y index, row 0 at the bottom), column c (x index) at r·cols + c.
   * Length rows × cols (RangeError otherwise). Non-finite entries draw grey (#808080), and so does the bilinear
   * interpolation next to them (up to one grid cell around each).
   */
  values: ArrayLike<number>;
  /** Number of grid rows (points along y), a positive integer. */
  rows: number;
  /** Number of grid columns (points along x), a positive integer. */
  cols: number;
  /** lo/hi: the extent of the first and last grid column (x) and row (y). */
  x: AxisSpec;
  /** The y axis (data units, label): lo is the first grid row (at the bottom), hi the last (at the top). */
  y: AxisSpec;
  /** Colormap name, case-insensitive, one of {@link COLORMAPS}; an unknown name throws a RangeError listing them. */
  colormap: string;
  /** Value (data units) at the colormap's low end; lower values clamp to it. Finite, below vmax (RangeError otherwise). */
  vmin: number;
  /** Value (data units) at the colormap's high end; higher values clamp to it. Finite, above vmin. */
  vmax: number;
  /** The colorbar's label, drawn rotated along its right side (name and units, e.g. "|ψ|² (1)"). */
  cbLabel: string;
  /**
   * Curves drawn over the field (e.g. kink trajectories), in data units of the axes: polylines or, with
   * `dots`, one dot each; each non-empty overlay gets a legend entry. None by default.
   */
  overlays?: Overlay[];
}

/**
 * A heatmap of a field with axes, colorbar, optional overlays with a legend, and title, as a {@link Scene}: write it
 * with {@link sceneToPng} or {@link sceneToSvg}. Size: width × height inches at dpi (default 10 × 6.5 in at 100 dpi =
 * 1000 × 650 px). The field fills the panel edge to edge (grid point centres on the axis limits), resampled bilinearly
 * in value for the PNG and embedded at min(grid, panel) resolution for the SVG; values map linearly from
 * [vmin, vmax] to the colormap. Throws a RangeError when rows or cols is not a positive integer, values.length ≠
 * rows × cols, vmin or vmax is not finite or vmin ≥ vmax, dpi/width/height is not a finite number > 0, an overlay
 * colour is not "#rrggbb", or the colormap is unknown.
 * @param f - the field, axes, colour scale, labels and size ({@link HeatmapFigure}).
 * @returns the figure as a Scene (pixel coordinates).
 * @example
 * const png = render.sceneToPng(render.heatmapFigure({
 *   title: "single soliton", values, rows: nt, cols: nx,   // values[i * nx + j] = |ψ(x_j, t_i)|²
 *   x: { lo: -25, hi: 25, label: "x (1)" }, y: { lo: 0, hi: 10, label: "t (1)" },
 *   colormap: "inferno", vmin: 0, vmax: 4, cbLabel: "|ψ|² (1)",
 * }));
 */
export function heatmapFigure(f: HeatmapFigure): Scene {
  for (const k of ["rows", "cols"] as const) {
    if (!(Number.isInteger(f[k]) && f[k] > 0)) throw new RangeError(`heatmapFigure: ${k} must be a positive integer, got ${f[k]}`);
  }
  if (f.values.length !== f.rows * f.cols) throw new RangeError(`heatmapFigure: values has ${f.values.length} entries but rows × cols = ${f.rows} × ${f.cols} = ${f.rows * f.cols}; pass rows and cols with rows × cols = values.length (row-major, row = y index)`);
  if (!Number.isFinite(f.vmin) || !Number.isFinite(f.vmax) || !(f.vmax > f.vmin)) throw new RangeError(`heatmapFigure: vmin (${f.vmin}) and vmax (${f.vmax}) must be finite with vmin < vmax; for a constant field use e.g. vmax = vmin + 1`);
  checkSize("heatmapFigure", f);
  for (const [i, o] of (f.overlays ?? []).entries()) {
    if (!/^#[0-9a-f]{6}$/i.test(o.colour)) throw new RangeError(`heatmapFigure: overlays[${i}].colour must be "#rrggbb", got ${JSON.stringify(o.colour)}`);
  }
  const dpi = f.dpi ?? 100, pt = dpi / 72, W = Math.round((f.width ?? 10) * dpi), H = Math.round((f.height ?? 6.5) * dpi);
  const s = new Scene(W, H);
  const th = drawTitle(s, W / 2 - 30 * pt, 8 * pt, f.title, f.subtitle, pt);
  const r = panelRect(W, H, pt, th, 95);
  const iw = Math.max(1, Math.round(r.w)), ih = Math.max(1, Math.round(r.h));
  const lut = colormap(f.colormap), vw = Math.min(f.cols, iw), vh = Math.min(f.rows, ih);
  s.add({ kind: "image", x: r.x, y: r.y, w: r.w, h: r.h, iw, ih, rgb: fieldImage(f.values, f.rows, f.cols, iw, ih, lut, f.vmin, f.vmax),
    vector: { iw: vw, ih: vh, rgb: fieldImage(f.values, f.rows, f.cols, vw, vh, lut, f.vmin, f.vmax) } });
  const ax = drawAxes(s, r, f.x, f.y, pt);
  const legend: LegendEntry[] = [];
  for (const o of f.overlays ?? []) {
    const pts: number[] = [];
    for (let i = 0; i + 1 < o.xy.length; i += 2) pts.push(ax.X(o.xy[i]), ax.Y(o.xy[i + 1]));
    if (o.dots) {
      const [rr, gg, bb] = [1, 3, 5].map((k) => parseInt(o.colour.slice(k, k + 2), 16));
      const rgb = new Uint8Array(pts.length * 1.5);
      for (let i = 0; i < rgb.length; i += 3) { rgb[i] = rr; rgb[i + 1] = gg; rgb[i + 2] = bb; }
      s.add({ kind: "dots", xy: pts, rgb, r: 1.3 * pt });
    } else s.line(pts, o.colour, 1.4 * pt, o.dash);
    if (pts.length) legend.push({ label: o.label, colour: o.colour, dash: o.dash });
  }
  drawLegend(s, r, legend, pt);
  drawColorbar(s, { x: r.x + r.w + 12 * pt, y: r.y, w: 11 * pt, h: r.h }, colormap(f.colormap), f.vmin, f.vmax, f.cbLabel, pt);
  return s;
}

export interface LineSeries { x: ArrayLike<number>; y: ArrayLike<number>; label: string; colour?: string; dash?: number[] }

/** Range of finite (and, for log, positive) values of the series; padded 5 % on a linear axis. */
export function seriesRange(series: { y: ArrayLike<number> }[], log = false, pad = 0.05): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const s of series) for (let i = 0; i < s.y.length; i++) { const v = s.y[i]; if (Number.isFinite(v) && (!log || v > 0)) { if (v < lo) lo = v; if (v > hi) hi = v; } }
  if (!(hi >= lo)) return log ? [1e-16, 1] : [-1, 1];
  if (log) return hi / lo < 10 ? [10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(hi))] : [lo, hi];
  if (hi === lo) return [lo - (Math.abs(lo) || 1) * 0.5, hi + (Math.abs(hi) || 1) * 0.5];
  const d = (hi - lo) * pad;
  return [lo - d, hi + d];
}

/** Draws series into axes (points outside a log axis's range are skipped: the line breaks). */
export function plotSeries(s: Scene, ax: Axes, series: LineSeries[], pt: number): LegendEntry[] {
  return series.map((q, k) => {
    const colour = q.colour ?? TAB10[k % TAB10.length], pts: number[] = [];
    const n = Math.min(q.x.length, q.y.length), step = Math.max(1, Math.floor(n / (4 * ax.r.w)));
    const flush = () => { if (pts.length >= 4) s.line(pts.slice(), colour, 1.5 * pt, q.dash); pts.length = 0; };
    for (let i = 0; i < n; i += step) {
      const v = q.y[i];
      if (!Number.isFinite(v) || (ax.y.log && !(v > 0))) { flush(); continue; }
      pts.push(ax.X(q.x[i]), ax.Y(Math.max(ax.y.lo, Math.min(ax.y.hi, v))));
    }
    flush();
    return { label: q.label, colour, dash: q.dash };
  });
}

/** Input of {@link lineFigure}: the two axes, the lines and the figure's size. */
export interface LineFigure extends FigureBase {
  /** The x axis: range lo … hi (data units), label, optional explicit ticks; `log: true` needs 0 < lo < hi (RangeError otherwise). */
  x: AxisSpec;
  /**
   * The y axis: range lo … hi (data units; values outside are clamped to the frame), label, optional ticks;
   * `log: true` draws decades and needs 0 < lo < hi (RangeError otherwise) — values ≤ 0 then break the line.
   */
  y: AxisSpec;
  /**
   * The lines: each its own x and y (data units; the shorter length is used), label, optional "#rrggbb" colour
   * (default tab10 in order) and dash pattern (on/off lengths in px). Non-finite values break a line. With more than
   * one series a legend is drawn in the upper-right corner.
   */
  series: LineSeries[];
}

/**
 * A line chart with grid, legend (when there are several lines) and title, as a {@link Scene}: write it with
 * {@link sceneToPng} or {@link sceneToSvg}. Size: width × height inches at dpi (default 10 × 5.5 in at 100 dpi =
 * 1000 × 550 px). Lines are 1.5 pt wide; long series are thinned to about four points per pixel of panel width.
 * Throws a RangeError when dpi/width/height is not a finite number > 0 or a log axis does not have 0 < lo < hi.
 * @param f - the axes, series, title and size ({@link LineFigure}).
 * @returns the figure as a Scene (pixel coordinates).
 * @example
 * const svg = render.sceneToSvg(render.lineFigure({
 *   title: "mass drift", x: { lo: 0, hi: 10, label: "t (1)" }, y: { lo: 1e-14, hi: 1e-8, label: "|ΔM| / M", log: true },
 *   series: [{ x: t, y: drift, label: "mass M" }],
 * }));
 */
export function lineFigure(f: LineFigure): Scene {
  checkSize("lineFigure", f);
  for (const k of ["x", "y"] as const) {
    const a = f[k];
    if (a.log && !(a.lo > 0 && a.hi > a.lo)) throw new RangeError(`lineFigure: a log ${k} axis needs 0 < lo < hi, got lo = ${a.lo}, hi = ${a.hi}; give a positive range or drop log`);
  }
  const dpi = f.dpi ?? 100, pt = dpi / 72, W = Math.round((f.width ?? 10) * dpi), H = Math.round((f.height ?? 5.5) * dpi);
  const s = new Scene(W, H);
  const th = drawTitle(s, W / 2, 8 * pt, f.title, f.subtitle, pt);
  const r = panelRect(W, H, pt, th);
  const ax = drawAxes(s, r, f.x, f.y, pt, { grid: true });
  const legend = plotSeries(s, ax, f.series, pt);
  if (f.series.length > 1) drawLegend(s, r, legend, pt);
  return s;
}
