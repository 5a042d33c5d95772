/**
 * The uPlot views: the current field against x (NLSE |ψ|, Re ψ, Im ψ; KG φ, φ_t) on a y range that only grows
 * (so the curve does not jump while it moves), and the time-series strip of a run's diagnostics, with a second y
 * axis for quantities of another kind (errors, kink positions). The strip keeps the last `keep` points.
 */
import uPlot from "uplot";
import { formatTick } from "./ticks.js";

/** Tick labels that stay readable for drifts of 1e-12 and positions of 40 alike (uPlot's default rounds 1e-12 to 0). */
const values = (_u: uPlot, splits: number[]) => splits.map((v) => (v === null ? "" : formatTick(v)));
/** Auto range with 10 % padding; a single value (the first frame) gets a unit-wide range instead of uPlot's 0 … 100. */
const spanRange = (_u: uPlot, min: number | null, max: number | null): [number, number] => {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (max <= min) { const w = Math.abs(min) * 1e-3 || 1; return [min - w, min + w]; }
  return uPlot.rangeNum(min, max, 0.1, true) as [number, number];
};

const COLOURS = ["#1f5fbf", "#d0602a", "#2a9d4a", "#8e44ad", "#b8860b"];

/** Field plot (x against the field curves). */
export class FieldPlot {
  readonly el: HTMLDivElement;
  private u: uPlot | null = null;
  private ymax = 0;
  private names: string[] = [];

  /** @example const f = new FieldPlot(); host.append(f.el); f.configure(["|ψ|", "Re ψ", "Im ψ"], false, 600, 220); */
  constructor() {
    this.el = document.createElement("div");
    this.el.className = "field";
  }

  /** Rebuilds the plot for a run with these curve names. `yLabel` names the axis. */
  configure(names: string[], yLabel: string, width: number, height: number): void {
    this.u?.destroy();
    this.names = names;
    this.ymax = 0;
    this.u = new uPlot({
      width, height, legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      scales: { x: { time: false }, y: { range: () => [-1.05 * this.ymax || -1, 1.05 * this.ymax || 1] } },
      series: [{ label: "x" }, ...names.map((n, i) => ({ label: n, stroke: COLOURS[i], width: i === 0 ? 2 : 1.2 }))],
      axes: [{ label: "x", size: 40 }, { label: yLabel, size: 56, values }],
    }, [[], ...names.map(() => [])] as unknown as uPlot.AlignedData, this.el);
  }

  /** Draws the latest field. */
  update(x: Float64Array, field: Record<string, Float64Array>): void {
    if (!this.u) return;
    for (const n of this.names) for (const v of field[n]) { const a = Math.abs(v); if (a > this.ymax && Number.isFinite(a)) this.ymax = a; }
    this.u.setData([x, ...this.names.map((n) => field[n])] as unknown as uPlot.AlignedData);
  }

  /** The plotting area (pointer events for the bump) and value conversion from CSS pixels inside it. */
  get over(): HTMLElement | null { return this.u?.over ?? null; }
  toValues(left: number, top: number): [number, number] { return this.u ? [this.u.posToVal(left, "x"), this.u.posToVal(top, "y")] : [NaN, NaN]; }

  resize(width: number, height: number): void { this.u?.setSize({ width, height }); }
  /** The uPlot canvas (for snapshot()). */
  get canvas(): HTMLCanvasElement | null { return this.u?.ctx.canvas ?? null; }
  destroy(): void { this.u?.destroy(); this.u = null; }
}

/** One strip series: its name, label, and which axis (0 left, 1 right). */
export interface StripSeries { key: string; label: string; axis: 0 | 1 }

/** Time-series strip of diagnostics. */
export class StripPlot {
  readonly el: HTMLDivElement;
  private u: uPlot | null = null;
  private t: number[] = [];
  private cols: number[][] = [];
  private series: StripSeries[] = [];

  /** @example const s = new StripPlot(2000); host.append(s.el); s.configure([{ key: "P", label: "P", axis: 0 }], ["P, M"], 600, 160); */
  constructor(private readonly keep = 3000) {
    this.el = document.createElement("div");
    this.el.className = "strip";
  }

  /** Rebuilds the strip: series and the two axis labels (the second may be ""). */
  configure(series: StripSeries[], axisLabels: [string, string], width: number, height: number, fixedLeft?: [number, number]): void {
    this.u?.destroy();
    this.series = series;
    this.t = [];
    this.cols = series.map(() => []);
    const right = series.some((s) => s.axis === 1);
    this.u = new uPlot({
      width, height, legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      scales: { x: { time: false, range: (_u: uPlot, a: number | null, b: number | null) => (a !== null && b !== null && b > a ? [a, b] : [a ?? 0, (a ?? 0) + 1]) as [number, number] }, y: fixedLeft ? { range: fixedLeft } : { range: spanRange }, y2: { range: spanRange } },
      series: [{ label: "t" }, ...series.map((s, i) => ({ label: s.label, stroke: COLOURS[i], width: 1.5, scale: s.axis ? "y2" : "y", spanGaps: true }))],
      axes: [{ label: "t", size: 36 }, { label: axisLabels[0], size: 64, scale: "y", values },
        ...(right ? [{ label: axisLabels[1], side: 1 as const, size: 64, scale: "y2", grid: { show: false }, values }] : [])],
    }, [[], ...series.map(() => [])] as unknown as uPlot.AlignedData, this.el);
  }

  /** Appends points (diag[key][i] at times[i]) and redraws. */
  push(times: Float64Array, diag: Record<string, Float64Array>): void {
    if (!this.u || times.length === 0) return;
    for (let i = 0; i < times.length; i++) {
      this.t.push(times[i]);
      this.series.forEach((s, j) => { const v = diag[s.key]?.[i]; this.cols[j].push(v === undefined || !Number.isFinite(v) ? (null as unknown as number) : v); });
    }
    if (this.t.length > this.keep) {
      const cut = this.t.length - this.keep;
      this.t.splice(0, cut);
      for (const c of this.cols) c.splice(0, cut);
    }
    this.u.setData([this.t, ...this.cols] as unknown as uPlot.AlignedData);
  }

  resize(width: number, height: number): void { this.u?.setSize({ width, height }); }
  get canvas(): HTMLCanvasElement | null { return this.u?.ctx.canvas ?? null; }
  destroy(): void { this.u?.destroy(); this.u = null; }
}
