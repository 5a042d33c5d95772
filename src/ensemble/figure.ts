/**
 * The summary figure of a sweep (the CLI's <stem>.png/.svg), drawn with the render layer's lineFigure against the
 * first numeric grid axis (means over replicates and over any other axes):
 *   chains (school hysteresis) — P and M going up (solid) and coming back down (dashed) against the chain axis;
 *   kg — the outcome (bounces before escape, 0 = capture) as a step line, the kink–antikink scan plot;
 *   nlse — the growth rate, with the linear theory σ = (K/2)√(4 − K²), K = 2π·mode/L, for plane_wave_mi sweeps
 *          over `mode` (β = 1/2, γ = 1, unit plane wave: the case's equation);
 *   school — mean P and M with ± one standard deviation over replicates (dashed).
 */
import { render, nlse } from "../index.js";
import type { EnsembleResult } from "./result.js";

type Line = { x: number[]; y: number[]; label: string; colour?: string; dash?: number[] };

/** Mean (and population std) over every dim except `keepDim`, ignoring NaN. */
function collapse(res: EnsembleResult, a: Float64Array, keepDim: number): { mean: number[]; std: number[] } {
  const shape = res.shape, n = shape[keepDim];
  const stride = shape.slice(keepDim + 1).reduce((p, q) => p * q, 1);
  const sum = new Array<number>(n).fill(0), sq = new Array<number>(n).fill(0), cnt = new Array<number>(n).fill(0);
  for (let i = 0; i < a.length; i++) {
    const k = Math.floor(i / stride) % n, v = a[i];
    if (Number.isFinite(v)) { sum[k] += v; sq[k] += v * v; cnt[k]++; }
  }
  const mean = sum.map((s, k) => (cnt[k] ? s / cnt[k] : NaN));
  return { mean, std: sq.map((s, k) => (cnt[k] ? Math.sqrt(Math.max(0, s / cnt[k] - mean[k] ** 2)) : NaN)) };
}

function range(lines: Line[], pad = 0.05): { lo: number; hi: number } {
  let lo = Infinity, hi = -Infinity;
  for (const l of lines) for (const v of l.y) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  if (!Number.isFinite(lo)) return { lo: 0, hi: 1 };
  if (lo === hi) return { lo: lo - 1, hi: hi + 1 };
  const d = (hi - lo) * pad;
  return { lo: lo - d, hi: hi + d };
}

/** Points of a step line: each value held over its cell (midpoints between x values). */
function steps(x: number[], y: number[]): { x: number[]; y: number[] } {
  const X: number[] = [], Y: number[] = [];
  x.forEach((v, i) => {
    const a = i === 0 ? v : (x[i - 1] + v) / 2, b = i === x.length - 1 ? v : (v + x[i + 1]) / 2;
    X.push(a, b); Y.push(y[i], y[i]);
  });
  return { x: X, y: Y };
}

/**
 * The sweep's summary figure as a render Scene (write it with render.sceneToPng / sceneToSvg), or null when the
 * sweep has no numeric axis to plot against.
 *
 * @example
 * const scene = summaryFigure(res);
 * if (scene) writeFileSync("scan.png", render.sceneToPng(scene));
 */
export function summaryFigure(res: EnsembleResult): render.Scene | null {
  const spec = res.spec;
  const title = `samudra sweep ${spec.name} (${spec.model}, ${res.members} members${spec.replicates > 1 ? `, ${spec.replicates} replicates` : ""})`;
  if (spec.chain) {
    const d = res.dims.indexOf("step"), x = res.coords.step as number[];
    const P = collapse(res, res.summary.polarization ?? new Float64Array(0), d).mean, M = collapse(res, res.summary.rotation ?? new Float64Array(0), d).mean;
    const top = (x.length - 1) / 2;   // up: points 0 … top, down: top … end (the top shared)
    const up = (y: number[]) => ({ x: x.slice(0, top + 1), y: y.slice(0, top + 1) });
    const down = (y: number[]) => ({ x: x.slice(top), y: y.slice(top) });
    const lines: Line[] = [];
    if (res.summary.polarization) lines.push({ ...up(P), label: "P going up", colour: "#1f77b4" }, { ...down(P), label: "P coming down", colour: "#1f77b4", dash: [6, 4] });
    if (res.summary.rotation) lines.push({ ...up(M), label: "M going up", colour: "#d62728" }, { ...down(M), label: "M coming down", colour: "#d62728", dash: [6, 4] });
    return render.lineFigure({ title, subtitle: "hysteresis chain: each point starts from the previous point's school", x: { lo: Math.min(...x), hi: Math.max(...x), label: `${spec.chain.over} (1)` }, y: { lo: 0, hi: 1.05, label: "order parameter (1)" }, series: lines });
  }
  const d = spec.axes.findIndex((a) => a.name !== "set" && a.values.every((v) => typeof v === "number"));
  if (d < 0) return null;
  const axis = spec.axes[d], x = axis.values as number[];
  if (x.length < 2) return null;
  const xr = { lo: Math.min(...x), hi: Math.max(...x), label: `${axis.name} (1)` };
  if (spec.model === "kg" && res.summary.outcome) {
    const y = collapse(res, res.summary.outcome, d).mean;
    const s = steps(x, y);
    const top = Math.max(2, ...y.filter(Number.isFinite));
    return render.lineFigure({ title, subtitle: "bounces before the kink and antikink escape; 0 = captured (bion)", x: xr, y: { lo: -0.2, hi: top + 0.5, label: "outcome: bounces (0 = capture)" }, series: [{ ...s, label: "outcome", colour: "#1f77b4" }] });
  }
  if (spec.model === "nlse" && res.summary.growthRate) {
    const y = collapse(res, res.summary.growthRate, d).mean;
    const lines: Line[] = [{ x, y, label: "measured growth rate", colour: "#1f77b4" }];
    const caseName = String(spec.base.case ?? "");
    if (axis.name === "mode" && caseName === "plane_wave_mi") {
      const L = Number(spec.base.domainLength ?? nlse.CASE_INFO.plane_wave_mi.defaults.domainLength);
      const xs = Array.from({ length: 200 }, (_, i) => xr.lo + ((xr.hi - xr.lo) * i) / 199);
      lines.push({ x: xs, y: xs.map((m) => { const K = (2 * Math.PI * m) / L; return K < 2 ? (K / 2) * Math.sqrt(4 - K * K) : 0; }), label: "linear theory (K/2)√(4 − K²)", colour: "#d62728", dash: [6, 4] });
    }
    return render.lineFigure({ title, subtitle: "modulation instability of the unit plane wave", x: xr, y: { ...range(lines), label: "growth rate σ (1/time)" }, series: lines });
  }
  const keys = spec.model === "school" ? ["polarization", "rotation"].filter((k) => res.summary[k]) : Object.keys(res.summary).slice(0, 3);
  const colours = ["#1f77b4", "#d62728", "#2ca02c"];
  const lines: Line[] = [];
  keys.forEach((k, i) => {
    const { mean, std } = collapse(res, res.summary[k], d);
    lines.push({ x, y: mean, label: `${k} (mean)`, colour: colours[i] });
    // ± one std over replicates as one outline: up along mean + std, back along mean − std
    if (spec.replicates > 1) lines.push({ x: [...x, ...x.slice().reverse()], y: [...mean.map((m, j) => m + std[j]), ...mean.map((m, j) => m - std[j]).reverse()], label: `${k} ± 1 std (replicates)`, colour: colours[i], dash: [3, 3] });
  });
  const yr = spec.model === "school" ? { lo: 0, hi: 1.05 } : range(lines);
  return render.lineFigure({ title, x: xr, y: { ...yr, label: spec.model === "school" ? "order parameter (1)" : "value" }, series: lines });
}
