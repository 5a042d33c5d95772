/**
 * The fish-school summary figure as a Scene (SVG- and PNG-ready), the seed's six panels with real axes:
 *   order parameters P, M over t (second-half means dashed) │ final state in 3-D with a depth colorbar │ OSI over t
 *   three entropies over t                                   │ spread over t                         │ final entropies (bars)
 * Without metrics only the first two panels. Axis labels carry the NetCDF names and units ("1": dimensionless, the
 * model's lengths are those of box_size). Size: 15 × 9 in (15 × 5 without metrics) at `dpi` (1500 px wide at 100).
 */
import { Scene } from "./scene.js";
import { colormap } from "./colormap.js";
import { drawAxes, drawColorbar, drawLegend, drawTitle, TAB10, type AxisSpec, type LegendEntry, type Rect } from "./axes.js";
import { plotSeries, seriesRange, type LineSeries } from "./figures.js";
import { axisLabel } from "./plots.js";
import { schoolView, type Boundary, type Camera } from "./school-view.js";
import { CAP_HEIGHT } from "./font.js";

export interface SummaryFigureInput {
  title: string; subtitle?: string;
  t: ArrayLike<number>;
  series: Record<string, ArrayLike<number>>;
  mean: Record<string, number>;
  final: Record<string, number>;
  positions: ArrayLike<number>; velocities: ArrayLike<number>; boxSize: number;
  boundary?: Boundary;
  metrics: boolean;
  dpi?: number;
}

const ENTROPY_BARS: [string, string][] = [["schoolCohesionEntropy", "COH"], ["polarizationEntropy", "POL"], ["depthStratificationEntropy", "DEP"], ["angularMomentumEntropy", "ANG"], ["nearestNeighborEntropy", "NN"], ["velocityCorrelationEntropy", "VEL"], ["schoolShapeEntropy", "SHP"]];

/** Axes rectangle inside a grid cell, below the panel's title. */
function inner(c: Rect, pt: number, right = 14): Rect { return { x: c.x + 58 * pt, y: c.y + 26 * pt, w: c.w - (58 + right) * pt, h: c.h - 70 * pt }; }

function panelTitle(s: Scene, c: Rect, text: string, pt: number): void { s.text(c.x + c.w / 2, c.y + 8 * pt + CAP_HEIGHT * 11 * pt, text, 11 * pt, "#222222", "middle"); }

function linePanel(s: Scene, c: Rect, title: string, tAx: AxisSpec, y: AxisSpec, series: LineSeries[], pt: number, legendAt: "upper right" | "lower right" = "upper right"): void {
  panelTitle(s, c, title, pt);
  const r = inner(c, pt), ax = drawAxes(s, r, tAx, y, pt, { grid: true });
  const entries: LegendEntry[] = plotSeries(s, ax, series, pt);
  drawLegend(s, r, entries, pt, { corner: legendAt });
}

/** A horizontal line at v across the t axis (a second-half mean), as a two-point series. */
const level = (t: AxisSpec, v: number, label: string, colour: string): LineSeries => ({ x: [t.lo, t.hi], y: [v, v], label, colour, dash: [5, 3] });
const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : "—");

/** The depth colour scale of a view: its range and label (open space: relative to the school's mean depth). */
export function depthScale(L: number, boundary: Boundary): { lo: number; hi: number; label: string } {
  return boundary === "open" ? { lo: -L / 2, hi: L / 2, label: axisLabel("depth z − z̄", "1") } : { lo: 0, hi: L, label: axisLabel("depth z", "1") };
}

/** The 3-D view, the x/y/z labels on the box's edges from the origin, and the depth colorbar, inside cell c. */
export function viewPanel(s: Scene, c: Rect, pos: ArrayLike<number>, vel: ArrayLike<number>, L: number, boundary: Boundary, cam: Camera, pt: number): void {
  const lut = colormap("viridis"), cb = { x: c.x + c.w - 62 * pt, y: c.y + 30 * pt, w: 11 * pt, h: c.h - 60 * pt };
  const box = { x: c.x + 4 * pt, y: c.y + 22 * pt, w: cb.x - c.x - 20 * pt, h: c.h - 26 * pt };
  const v = schoolView(box, pos, vel, L, cam, boundary, lut, { dot: 2.2 * pt, lw: 0.9 * pt });
  s.add(...v.items);
  if (v.corners.length) {
    const k = v.corners, mx = (k[0] + k[2] + k[4] + k[6] + k[8] + k[10] + k[12] + k[14]) / 8, my = (k[1] + k[3] + k[5] + k[7] + k[9] + k[11] + k[13] + k[15]) / 8;
    for (const [j, name] of [[1, "x"], [2, "y"], [4, "z"]] as [number, string][]) {
      const ex = (k[0] + k[2 * j]) / 2, ey = (k[1] + k[2 * j + 1]) / 2, d = Math.hypot(ex - mx, ey - my) || 1;
      s.text(ex + ((ex - mx) / d) * 12 * pt, ey + ((ey - my) / d) * 12 * pt, name, 11 * pt, "#222222", "middle", "middle");
    }
    s.text(k[0] + (k[0] - mx > 0 ? 6 : -6) * pt, k[1] + 12 * pt, "0", 9 * pt, "#555555", "middle", "middle");
  }
  const d = depthScale(L, boundary);
  drawColorbar(s, cb, lut, d.lo, d.hi, d.label, pt);
}

/**
 * The fish-school summary figure as a Scene (write it with sceneToPng / sceneToSvg; exported as
 * `render.schoolSummaryFigure`). With `metrics`: six panels, 15 × 9 in at dpi (default 100: 1500 × 900 px) — order
 * parameters P and M over t with their second-half means (dashed), the final state in 3-D with a depth colorbar,
 * the Oceanic Schooling Index, three entropies, the spread, and a bar chart of the seven final entropies. Without:
 * the first two panels, 15 × 5 in. Series are read by name from `series` (polarization, rotation,
 * oceanicSchoolingIndex, polarizationEntropy, schoolCohesionEntropy, angularMomentumEntropy, spread) and the means
 * from `mean`; each is drawn against `t` (the shorter length is used); non-finite values break a line. A missing
 * series throws a RangeError naming it; a missing mean or final value draws as "—" (its line is not drawn). Order parameters and entropies are drawn on
 * 0 … 1 (values outside clamp to the frame); bars clamp to 0 … 1. Throws a RangeError when boxSize is not a finite
 * number > 0, dpi is not a finite number > 0, or positions and velocities differ in length or are not 3 per fish.
 * @param f - the run's time series, second-half means, final values, final positions/velocities (x, y, z
 *   interleaved), box size, boundary, title and dpi.
 * @returns the figure as a Scene (pixel coordinates).
 * @example
 * const png = render.sceneToPng(render.schoolSummaryFigure({
 *   title: "case1", t, series: { polarization: P, rotation: M }, mean: { polarization: 0.91, rotation: 0.1 }, final: {},
 *   positions, velocities, boxSize: 25, metrics: false,
 * }));
 */
export function summaryFigure(f: SummaryFigureInput): Scene {
  if (!(Number.isFinite(f.boxSize) && f.boxSize > 0)) throw new RangeError(`schoolSummaryFigure: boxSize must be a finite number > 0 (the box side L, model length units), got ${f.boxSize}`);
  if (f.dpi !== undefined && !(Number.isFinite(f.dpi) && f.dpi > 0)) throw new RangeError(`schoolSummaryFigure: dpi must be a finite number > 0 (pixels per inch), got ${f.dpi}; omit it for 100`);
  if (f.positions.length !== f.velocities.length || f.positions.length % 3 !== 0) throw new RangeError(`schoolSummaryFigure: positions (${f.positions.length} values) and velocities (${f.velocities.length}) must have the same length, 3 per fish (x, y, z interleaved)`);
  const need = f.metrics ? ["polarization", "rotation", "oceanicSchoolingIndex", "polarizationEntropy", "schoolCohesionEntropy", "angularMomentumEntropy", "spread"] : ["polarization", "rotation"];
  const missing = need.filter((k) => !f.series[k]);
  if (missing.length) throw new RangeError(`schoolSummaryFigure: series has no ${missing.join(", ")}; give every series the figure draws${f.metrics ? " (or metrics: false for the first two panels)" : ""}`);
  const dpi = f.dpi ?? 100, pt = dpi / 72, W = Math.round(15 * dpi), H = Math.round((f.metrics ? 9 : 5) * dpi);
  const s = new Scene(W, H), boundary = f.boundary ?? "periodic", L = f.boxSize;
  const top = drawTitle(s, W / 2, 8 * pt, f.title, f.subtitle, pt) + 12 * pt;
  const cols = f.metrics ? 3 : 2, rows = f.metrics ? 2 : 1, gw = W / cols, gh = (H - top) / rows;
  const cell = (i: number): Rect => ({ x: (i % cols) * gw, y: top + Math.floor(i / cols) * gh, w: gw, h: gh });
  const t0 = f.t[0] ?? 0, t1 = f.t[f.t.length - 1] ?? 1, tAx: AxisSpec = { lo: t0, hi: t1 > t0 ? t1 : t0 + 1, label: axisLabel("time t", "1") };
  const unit = (label: string): AxisSpec => ({ lo: 0, hi: 1, label });
  const S = f.series, m = f.mean;
  linePanel(s, cell(0), "Order parameters", tAx, unit(axisLabel("order parameter", "1")), [
    { x: f.t, y: S.polarization, label: "polarization P", colour: TAB10[0] }, { x: f.t, y: S.rotation, label: "rotation M", colour: TAB10[1] },
    level(tAx, m.polarization, `mean P, 2nd half = ${f3(m.polarization)}`, TAB10[0]), level(tAx, m.rotation, `mean M, 2nd half = ${f3(m.rotation)}`, TAB10[1]),
  ], pt, "lower right");
  const c1 = cell(1);
  panelTitle(s, c1, `Final state (${boundary === "open" ? "open space, view on the school" : boundary === "periodic" ? `periodic box, L = ${L}; school unwrapped about its centre` : `${boundary} box, L = ${L}`})`, pt);
  viewPanel(s, c1, f.positions, f.velocities, L, boundary, { azimuth: 35, elevation: 25 }, pt);
  if (!f.metrics) return s;
  linePanel(s, cell(2), "Oceanic Schooling Index", tAx, unit(axisLabel("OSI", "1")), [
    { x: f.t, y: S.oceanicSchoolingIndex, label: "OSI", colour: TAB10[2] }, level(tAx, m.oceanicSchoolingIndex, `mean, 2nd half = ${f3(m.oceanicSchoolingIndex)}`, TAB10[2])], pt);
  linePanel(s, cell(3), "Entropies", tAx, unit(axisLabel("normalised entropy", "1")), [
    { x: f.t, y: S.polarizationEntropy, label: "polarization", colour: TAB10[0] }, { x: f.t, y: S.schoolCohesionEntropy, label: "cohesion", colour: TAB10[1] },
    { x: f.t, y: S.angularMomentumEntropy, label: "angular momentum", colour: TAB10[3] }], pt);
  const [lo, hi] = seriesRange([{ y: S.spread }]);
  linePanel(s, cell(4), "Spread (rms distance from the centroid)", tAx, { lo: Math.max(0, lo), hi, label: axisLabel("spread", "1") }, [{ x: f.t, y: S.spread, label: "spread", colour: TAB10[4] }], pt);
  const c5 = cell(5), r = inner(c5, pt);
  panelTitle(s, c5, "Final entropies", pt);
  const n = ENTROPY_BARS.length;
  const ax = drawAxes(s, r, { lo: -0.5, hi: n - 0.5, label: "entropy", ticks: ENTROPY_BARS.map((_, i) => i), tickLabels: ENTROPY_BARS.map((b) => b[1]) }, { ...unit(axisLabel("final value", "1")), hi: 1.1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] }, pt, { grid: true });
  ENTROPY_BARS.forEach(([k], i) => {
    const v = f.final[k], h = Number.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0, x0 = ax.X(i - 0.35), x1 = ax.X(i + 0.35);
    s.rect(x0, ax.Y(h), x1 - x0, ax.Y(0) - ax.Y(h), TAB10[i]);
    s.text((x0 + x1) / 2, ax.Y(h) - 4 * pt, f3(v).replace(/^(\d\.\d\d)\d$/, "$1"), 9 * pt, "#222222", "middle");
  });
  return s;
}
