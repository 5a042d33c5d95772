/**
 * The models' standard figures, from arrays and metadata only (render never imports a model):
 *   fieldFigure   a field over (x, t) from kept rows (oldest first, evenly spaced in t), heatmap + colorbar
 *   driftFigure   conservation: |Q(t) − Q(0)| / |Q(0)| per invariant (absolute drift where Q(0) ≈ 0) on a log
 *                 axis when the values span more than two decades, signed on a linear axis otherwise
 *   axisLabel     "x (dimensionless)" from a NetCDF name and its UDUNITS units ("1": dimensionless)
 */
import type { Scene } from "./scene.js";
import { heatmapFigure, lineFigure, seriesRange, type Overlay, type LineSeries } from "./figures.js";
import type { AxisSpec } from "./axes.js";

export function axisLabel(name: string, units: string): string {
  return units === "1" || units === "" ? `${name} (dimensionless)` : `${name} (${units})`;
}

export interface FieldFigure {
  title: string; subtitle?: string; rows: readonly ArrayLike<number>[]; cols: number; x: AxisSpec; y: AxisSpec;
  colormap: string; vmin: number; vmax: number; cbLabel: string; dpi?: number; overlays?: Overlay[];
}

/**
 * heatmapFigure over kept rows, tolerant of what a run can produce: a single row (y spans [lo, lo + 1]), a constant
 * field (vmax = vmin + 1), and a vmin/vmax that is not finite (a field that overflowed: the finite range of the
 * values is used instead, or [0, 1] when there is none) — heatmapFigure itself rejects those.
 */
export function fieldFigure(f: FieldFigure): Scene {
  const nt = f.rows.length, values = new Float32Array(nt * f.cols);
  f.rows.forEach((row, i) => values.set(row as ArrayLike<number>, i * f.cols));
  const y = f.y.hi > f.y.lo ? f.y : { ...f.y, hi: f.y.lo + 1 };
  let vmin = f.vmin, vmax0 = f.vmax;
  if (!Number.isFinite(vmin) || !Number.isFinite(vmax0)) {
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < values.length; i++) { const v = values[i]; if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; } }
    if (!Number.isFinite(vmin)) vmin = Number.isFinite(lo) ? lo : 0;
    if (!Number.isFinite(vmax0)) vmax0 = Number.isFinite(hi) ? hi : vmin + 1;
  }
  const vmax = vmax0 > vmin ? vmax0 : vmin + 1;
  return heatmapFigure({ title: f.title, subtitle: f.subtitle, values, rows: nt, cols: f.cols, x: f.x, y, colormap: f.colormap, vmin, vmax, cbLabel: f.cbLabel, dpi: f.dpi, overlays: f.overlays });
}

export interface DriftFigure {
  title: string; subtitle?: string; t: ArrayLike<number>;
  series: { label: string; y: ArrayLike<number> }[];
  /** An error series already in absolute units (e.g. max|ψ − ψ_exact|), drawn dashed. */
  error?: ArrayLike<number>;
  dpi?: number;
}

export function driftFigure(f: DriftFigure): Scene {
  const rel = (q: ArrayLike<number>) => {
    const q0 = q[0], a = Math.abs(q0) > 1e-12;
    return Float64Array.from({ length: q.length }, (_, i) => (a ? (q[i] - q0) / Math.abs(q0) : q[i] - q0));
  };
  const signed: LineSeries[] = f.series.map((s) => ({ x: f.t, y: rel(s.y), label: s.label }));
  if (f.error) signed.push({ x: f.t, y: f.error, label: "error vs exact", dash: [6, 3] });
  const abs = signed.map((s) => ({ ...s, y: Float64Array.from(s.y as ArrayLike<number>, Math.abs) }));
  const [plo, phi] = seriesRange(abs, true);
  const log = phi / plo > 100;
  const t0 = f.t[0] ?? 0, t1 = f.t[f.t.length - 1] ?? 1;
  const x: AxisSpec = { lo: t0, hi: t1 > t0 ? t1 : t0 + 1, label: axisLabel("t", "1") };
  if (log) return lineFigure({ title: f.title, subtitle: f.subtitle, dpi: f.dpi, x, y: { lo: plo, hi: phi, label: "|Q(t) − Q(0)| / |Q(0)|", log: true }, series: abs });
  const [lo, hi] = seriesRange(signed);
  return lineFigure({ title: f.title, subtitle: f.subtitle, dpi: f.dpi, x, y: { lo, hi, label: "(Q(t) − Q(0)) / |Q(0)|" }, series: signed });
}
