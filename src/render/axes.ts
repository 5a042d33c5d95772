/**
 * Axes furniture on a Scene, matplotlib-like: ticks at round numbers (1-2-5 steps; decades on log axes), tick
 * labels with a true minus sign, axis labels (name and units, as written to the NetCDF), colorbars with a label,
 * ticks and the data's min/max at the ends, legends and titles. Sizes are in points scaled by `pt` = dpi/72 px.
 */
import { Scene } from "./scene.js";
import { textWidth, CAP_HEIGHT } from "./font.js";

export interface Theme { fg: string; grid: string; bg: string; panel: string }
export const LIGHT: Theme = { fg: "#222222", grid: "#e6e6e6", bg: "#ffffff", panel: "#ffffff" };
/** Matplotlib's tab10, the line colours. */
export const TAB10 = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

export interface Rect { x: number; y: number; w: number; h: number }
export interface AxisSpec { lo: number; hi: number; label: string; log?: boolean; ticks?: number[]; tickLabels?: string[] }

/** Round-number ticks in [lo, hi], about `n` of them (steps 1, 2, 2.5, 5 × 10^k). */
export function niceTicks(lo: number, hi: number, n = 6): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return Number.isFinite(lo) ? [lo] : [];
  const raw = (hi - lo) / n, mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag);
  const out: number[] = [], eps = 1e-9 * (hi - lo);
  for (let k = Math.ceil((lo - eps) / step); k * step <= hi + eps; k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}

/** Decades 10^k in [lo, hi] (lo > 0), thinned to at most ~8. */
export function logTicks(lo: number, hi: number): number[] {
  const a = Math.ceil(Math.log10(lo) - 1e-9), b = Math.floor(Math.log10(hi) + 1e-9), every = Math.max(1, Math.ceil((b - a + 1) / 8));
  const out: number[] = [];
  for (let k = a; k <= b; k += every) out.push(10 ** k);
  return out;
}

const SUP: Record<string, string> = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };
export const superscript = (s: string) => [...s].map((c) => SUP[c] ?? c).join("");
const minus = (s: string) => s.replace(/^-/, "−");

/** Tick labels for values on one axis: as few decimals as tell them apart; ×10^k notation for extreme magnitudes. */
export function formatTicks(v: number[], log = false): string[] {
  if (log) return v.map((x) => `10${superscript(String(Math.round(Math.log10(x))))}`);
  const big = Math.max(...v.map(Math.abs));
  if (big >= 1e5 || (big < 1e-3 && big > 0)) {
    return v.map((x) => {
      if (x === 0) return "0";
      const [m, e] = x.toExponential(2).split("e");
      return `${minus(String(Number(m)))}×10${superscript(String(Number(e)))}`;
    });
  }
  for (let d = 0; d <= 10; d++) {
    const s = v.map((x) => x.toFixed(d));
    if (new Set(s).size === v.length && v.every((x, i) => Math.abs(Number(s[i]) - x) <= 1e-9 * Math.max(1, Math.abs(x)))) return s.map((x) => minus(x === "-0" ? "0" : x.replace(/^-0(\.0*)?$/, "0")));
  }
  return v.map((x) => minus(String(Number(x.toPrecision(4)))));
}

/** A number for titles and colorbar ends: 3 significant digits, true minus. */
export function formatValue(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a >= 1e5 || a < 1e-3) { const [m, e] = x.toExponential(2).split("e"); return `${minus(String(Number(m)))}×10${superscript(String(Number(e)))}`; }
  return minus(String(Number(x.toPrecision(3))));
}

/** Maps data to pixels inside `r`. */
export function scaler(a: AxisSpec, p0: number, p1: number): (v: number) => number {
  if (a.log) { const l0 = Math.log10(a.lo), l1 = Math.log10(a.hi); return (v) => p0 + ((Math.log10(v) - l0) / (l1 - l0 || 1)) * (p1 - p0); }
  const span = a.hi - a.lo || 1;
  return (v) => p0 + ((v - a.lo) / span) * (p1 - p0);
}

export interface Axes { r: Rect; X: (v: number) => number; Y: (v: number) => number; x: AxisSpec; y: AxisSpec }

/**
 * Frame, outward ticks, tick labels, axis labels and (optionally) a light grid for panel `r`.
 * @example const ax = drawAxes(scene, { x: 80, y: 40, w: 600, h: 400 }, { lo: -25, hi: 25, label: "x" }, { lo: 0, hi: 10, label: "t" }, pt);
 */
export function drawAxes(s: Scene, r: Rect, x: AxisSpec, y: AxisSpec, pt: number, o: { grid?: boolean; theme?: Theme; fontSize?: number } = {}): Axes {
  const th = o.theme ?? LIGHT, fs = (o.fontSize ?? 10) * pt, tl = 3.5 * pt, lw = 0.8 * pt;
  const X = scaler(x, r.x, r.x + r.w), Y = scaler(y, r.y + r.h, r.y);
  const xt = x.ticks ?? (x.log ? logTicks(x.lo, x.hi) : niceTicks(x.lo, x.hi, Math.max(3, Math.min(8, Math.floor(r.w / (6 * fs))))));
  const yt = y.ticks ?? (y.log ? logTicks(y.lo, y.hi) : niceTicks(y.lo, y.hi, Math.max(3, Math.min(8, Math.floor(r.h / (3 * fs))))));
  const xl = x.tickLabels ?? formatTicks(xt, x.log), yl = y.tickLabels ?? formatTicks(yt, y.log);
  if (o.grid) {
    for (const v of xt) s.line([X(v), r.y, X(v), r.y + r.h], th.grid, 0.6 * pt);
    for (const v of yt) s.line([r.x, Y(v), r.x + r.w, Y(v)], th.grid, 0.6 * pt);
  }
  xt.forEach((v, i) => { s.line([X(v), r.y + r.h, X(v), r.y + r.h + tl], th.fg, lw); s.text(X(v), r.y + r.h + tl + 2 * pt, xl[i], fs, th.fg, "middle", "top"); });
  let yw = 0;
  yt.forEach((v, i) => { s.line([r.x - tl, Y(v), r.x, Y(v)], th.fg, lw); s.text(r.x - tl - 2 * pt, Y(v), yl[i], fs, th.fg, "end", "middle"); yw = Math.max(yw, textWidth(yl[i], fs)); });
  s.rect(r.x, r.y, r.w, r.h, undefined, th.fg, lw);
  const ls = fs * 1.1;
  if (x.label) s.text(r.x + r.w / 2, r.y + r.h + tl + 4 * pt + CAP_HEIGHT * fs + 1.2 * ls, x.label, ls, th.fg, "middle", "alphabetic");
  if (y.label) s.text(r.x - tl - 6 * pt - yw - 0.25 * ls, r.y + r.h / 2, y.label, ls, th.fg, "middle", "alphabetic", 90);
  return { r, X, Y, x, y };
}

/** A vertical colorbar in `r`: the colormap bottom (vmin) to top (vmax), ticks, the min/max values at the ends, label. */
export function drawColorbar(s: Scene, r: Rect, lut: Uint8Array, vmin: number, vmax: number, label: string, pt: number, o: { log?: boolean; theme?: Theme } = {}): void {
  const th = o.theme ?? LIGHT, fs = 9 * pt, tl = 3 * pt, ih = 256, rgb = new Uint8Array(ih * 3);
  for (let i = 0; i < ih; i++) rgb.set(lut.subarray(3 * (255 - i), 3 * (255 - i) + 3), 3 * i);
  s.add({ kind: "image", x: r.x, y: r.y, w: r.w, h: r.h, iw: 1, ih, rgb });
  s.rect(r.x, r.y, r.w, r.h, undefined, th.fg, 0.8 * pt);
  const ax: AxisSpec = { lo: vmin, hi: vmax, label, log: o.log };
  const Y = scaler(ax, r.y + r.h, r.y);
  const ticks = (o.log ? logTicks(vmin, vmax) : niceTicks(vmin, vmax, Math.max(3, Math.floor(r.h / (3 * fs))))).filter((v) => Math.abs(Y(v) - Y(vmin)) > 1.8 * fs && Math.abs(Y(v) - Y(vmax)) > 1.8 * fs);   // clear of the min/max labels
  const labels = formatTicks(ticks, o.log);
  let w = 0;
  const put = (v: number, t: string, bold = false) => {
    s.line([r.x + r.w, Y(v), r.x + r.w + tl, Y(v)], th.fg, (bold ? 1.2 : 0.8) * pt);
    s.text(r.x + r.w + tl + 2 * pt, Y(v), t, fs, th.fg, "start", "middle");
    w = Math.max(w, textWidth(t, fs));
  };
  ticks.forEach((v, i) => put(v, labels[i]));
  put(vmin, o.log ? formatValue(vmin) : formatValue(vmin), true);
  put(vmax, o.log ? formatValue(vmax) : formatValue(vmax), true);
  s.text(r.x + r.w + tl + 5 * pt + w + 1.1 * fs, r.y + r.h / 2, label, 1.1 * fs, th.fg, "middle", "alphabetic", 90);
}

export interface LegendEntry { label: string; colour: string; dash?: number[]; lw?: number }

/** A legend box in the upper-right (or upper-left) corner of the axes rectangle; returns the box (null without entries). */
export function drawLegend(s: Scene, r: Rect, entries: LegendEntry[], pt: number, o: { corner?: "upper right" | "upper left" | "lower right"; theme?: Theme } = {}): Rect | null {
  if (!entries.length) return null;
  const th = o.theme ?? LIGHT, fs = 9 * pt, row = 1.45 * fs, sw = 18 * pt, pad = 5 * pt;
  const w = pad * 3 + sw + Math.max(...entries.map((e) => textWidth(e.label, fs))), h = pad * 2 + row * entries.length - (row - fs);
  const corner = o.corner ?? "upper right";
  const x = corner === "upper left" ? r.x + 6 * pt : r.x + r.w - w - 6 * pt, y = corner === "lower right" ? r.y + r.h - h - 6 * pt : r.y + 6 * pt;
  s.rect(x, y, w, h, th.panel, "#bbbbbb", 0.6 * pt);
  entries.forEach((e, i) => {
    const cy = y + pad + i * row + fs / 2;
    s.line([x + pad, cy, x + pad + sw, cy], e.colour, e.lw ?? 1.8 * pt, e.dash);
    s.text(x + 2 * pad + sw, cy, e.label, fs, th.fg, "start", "middle");
  });
  return { x, y, w, h };
}

/** A title line (size 12 pt) and an optional smaller parameter line under it, centred on `cx`. Returns the height used. */
export function drawTitle(s: Scene, cx: number, top: number, title: string, sub: string | undefined, pt: number, theme: Theme = LIGHT): number {
  const fs = 12 * pt;
  s.text(cx, top + CAP_HEIGHT * fs, title, fs, theme.fg, "middle");
  if (!sub) return fs * 1.3;
  const fs2 = 9 * pt;
  s.text(cx, top + fs * 1.3 + CAP_HEIGHT * fs2, sub, fs2, "#555555", "middle");
  return fs * 1.3 + fs2 * 1.4;
}
