/**
 * Files of one Klein–Gordon run, written while it runs (NetCDF records and CSV rows streamed) or at the end:
 *   <stem>.nc                 NetCDF-3 (CDF-2), CF-1.8 (docs/files.md): x, t, phi (the seed's names) plus phi_t and
 *                             the diagnostic series (energy, momentum, max_abs, centroid, tail_fraction, n_kinks as
 *                             int); the parameters that apply to the run (the potential's, the initial condition's,
 *                             dt or the legacy adaptive dt_initial/dt_final) and samudra_mode / version as attributes
 *   <stem>_diagnostics.csv    Time, Energy, Momentum, MaxAbs, Centroid, TailFraction, NKinks (%.8e), streamed
 *   <stem>_summary.json       run summary (steps, Δt history, drifts, timings, parameters, kink positions)
 *   <stem>_spacetime.png      φ over (x horizontal, t upward), diverging RdBu centred on 0 (±max|φ|, as the
 *                             supplement's Fig. 1), axes/colorbar/title, kink (●) and antikink positions over it
 *                             when there are kinks, from ≤ 1000 evenly spaced frames; with svg also _spacetime.svg
 *   <stem>_energy.png         energy density e = φ_t²/2 + φ_x²/2 + V(φ) over (x, t) (φ_x: central differences);
 *                             with svg also _energy.svg
 *   <stem>.gif                φ and φ_t with legend and t per frame, ≤ 200 evenly spaced frames, ≤ GIF_DPI (512 px)
 *   <stem>_invariants.svg     drift of H (relative) and P, log y when it spans decades
 * Memory is bounded however many frames a run saves: every frame goes to the NetCDF and CSV streams, the figures
 * keep an evenly spaced subset (FrameReservoir) chosen without knowing the count ahead.
 * Files go through the CLI's file sink (staged, published as one set).
 */
import path from "node:path";
import { KgNetCDF } from "../io/kg-netcdf.js";
import { toJson } from "../io/csv.js";
import { LineAnimation } from "../render/animation.js";
import { driftFigure, axisLabel } from "../render/plots.js";
import { sceneToSvg } from "../render/scene.js";
import { openSink, writeAtomic, type AtomicFile } from "./file-sink.js";
import { CsvStream } from "./csv-stream.js";
import { FrameReservoir, framesWithin } from "./frame-reservoir.js";
import { MAX_IMAGE_ROWS, MAX_GIF_FRAMES, FIGURE_BYTES, GIF_DPI, writeFigure, type Format } from "./nlse-outputs.js";
import { version } from "../version.js";
import type { KgSnapshot, KgSummary } from "../models/klein-gordon/model.js";
import type { KgResolved } from "../models/klein-gordon/options.js";

export class KgOutputs {
  private nc: KgNetCDF | null = null;
  private ncFile: AtomicFile | null = null;
  private csv: CsvStream | null = null;
  private readonly image: FrameReservoir<Float32Array> | null;
  private readonly gif: FrameReservoir<Float32Array> | null;
  /** Energy-density rows and kink positions ([x, sign] pairs) of the frames the figures keep. */
  private readonly energy: FrameReservoir<Float32Array> | null;
  private readonly kinkRows: FrameReservoir<Float32Array> | null;
  private readonly dx: number;
  private count = 0;
  /** Kink positions per frame for the JSON summary, flat (8 bytes a number, not an object per frame). */
  private readonly kinks: { t: number[]; count: number[]; x: number[]; sign: number[] } | null;
  readonly written: string[] = [];
  readonly timing: Record<string, number> = {};

  /** `exact`: the run has an exact solution, so each record carries its error against it. */
  constructor(private readonly dir: string, readonly stem: string, private readonly r: KgResolved, x: Float64Array, private readonly formats: Set<Format>, private readonly exact = false) {
    this.image = formats.has("png") ? new FrameReservoir(framesWithin(FIGURE_BYTES, 4 * r.nx, MAX_IMAGE_ROWS)) : null;
    this.gif = formats.has("gif") ? new FrameReservoir(framesWithin(FIGURE_BYTES, 8 * r.nx, MAX_GIF_FRAMES)) : null;
    this.energy = formats.has("png") ? new FrameReservoir(framesWithin(FIGURE_BYTES, 4 * r.nx, MAX_IMAGE_ROWS)) : null;
    this.kinkRows = formats.has("png") ? new FrameReservoir(MAX_IMAGE_ROWS) : null;
    this.dx = x.length > 1 ? x[1] - x[0] : 1;
    this.kinks = formats.has("json") ? { t: [], count: [], x: [], sign: [] } : null;
    if (formats.has("csv")) this.csv = new CsvStream(path.join(dir, `${stem}_diagnostics.csv`), ["Time", "Energy", "Momentum", "MaxAbs", "Centroid", "TailFraction", "NKinks"]);
    if (!formats.has("nc")) return;
    const t0 = performance.now();
    this.ncFile = openSink(path.join(dir, `${stem}.nc`));
    this.nc = new KgNetCDF(r, x, exact, this.ncFile);
    this.timing.netcdf = performance.now() - t0;
  }

  /** Consumes one snapshot (its views are only valid during this call). */
  add(s: KgSnapshot): void {
    const t0 = performance.now(), i = this.count++, n = s.phi.length;
    this.nc?.add(s);
    this.image?.offer(i, (row = new Float32Array(n)) => { row.set(s.phi); return row; });
    this.gif?.offer(i, (f = new Float32Array(2 * n)) => { f.set(s.phi); f.set(s.phiT, n); return f; });
    this.energy?.offer(i, (row = new Float32Array(n)) => {
      const p = s.phi, q = s.phiT, r = this.r, h = this.dx;
      for (let j = 0; j < n; j++) {
        const px = (p[Math.min(n - 1, j + 1)] - p[Math.max(0, j - 1)]) / (h * (j > 0 && j < n - 1 ? 2 : 1)), f = p[j];
        const V = r.potential === "linear" ? 0.5 * r.mass * r.mass * f * f : r.potential === "phi4" ? 0.25 * r.lambda * (f * f - r.vacuum * r.vacuum) ** 2 : 1 - Math.cos(f);
        row[j] = 0.5 * q[j] * q[j] + 0.5 * px * px + V;
      }
      return row;
    });
    this.kinkRows?.offer(i, () => { const k = new Float32Array(1 + 2 * s.kinks.length); k[0] = s.t; s.kinks.forEach((v, j) => { k[1 + 2 * j] = v; k[2 + 2 * j] = s.kinkSigns[j]; }); return k; });
    this.csv?.row([s.t, s.energy, s.momentum, s.maxAbs, s.centroid, s.tailFraction, s.kinks.length]);
    if (this.kinks) {
      const k = this.kinks;
      k.t.push(s.t); k.count.push(s.kinks.length);
      for (let j = 0; j < s.kinks.length; j++) { k.x.push(s.kinks[j]); k.sign.push(s.kinkSigns[j]); }
    }
    this.timing.netcdf = (this.timing.netcdf ?? 0) + performance.now() - t0;
  }

  /** Writes the remaining files and commits everything; returns the list of files. */
  finish(sum: KgSummary, x: Float64Array, fps: number, dpi = 150): string[] {
    const file = (suffix: string) => path.join(this.dir, `${this.stem}${suffix}`);
    const n = this.r.nx;
    let t0 = performance.now();
    if (this.nc && this.ncFile) {
      this.nc.finish(sum); this.ncFile.commit(); this.written.push(this.ncFile.path);
    }
    this.timing.netcdf = (this.timing.netcdf ?? 0) + performance.now() - t0;
    if (this.csv) {
      t0 = performance.now();
      this.csv.commit(); this.written.push(this.csv.path);
      this.timing.csv = performance.now() - t0;
    }
    const r = this.r, mode = r.legacy ? "legacy" : "corrected", svg = this.formats.has("svg");
    const title = `${r.scenarioName} (${mode})`;
    const pot = r.potential === "linear" ? `linear, m = ${r.mass}` : r.potential === "phi4" ? `φ⁴, λ = ${r.lambda}, v = ${r.vacuum}` : "sine-Gordon";
    const params = `${pot}; ${r.icType}; nx = ${n}, x ∈ [${r.xMin}, ${r.xMax}], ${r.method}`;
    const xAxis = { lo: x[0], hi: x[n - 1], label: axisLabel("x", "1") }, t = sum.t;
    const tAxis = (idx: readonly number[]) => ({ lo: t[idx[0]] ?? 0, hi: t[idx[idx.length - 1]] ?? 1, label: axisLabel("t", "1") });
    t0 = performance.now();
    if (this.image && this.image.length) {
      let m = 0;
      for (const row of this.image.frames) for (let j = 0; j < n; j++) m = Math.max(m, Math.abs(row[j]));
      const kinks: number[] = [], anti: number[] = [];
      for (const k of this.kinkRows?.frames ?? []) for (let j = 1; j + 1 < k.length; j += 2) (k[j + 1] >= 0 ? kinks : anti).push(k[j], k[0]);
      this.written.push(...writeFigure(file("_spacetime"), svg, {
        title: `${title}: φ over x and t`, subtitle: params, rows: this.image.frames, cols: n, x: xAxis, y: tAxis(this.image.frameIndices),
        colormap: "rdbu", vmin: -(m || 1), vmax: m || 1, cbLabel: "φ", dpi,
        overlays: [{ xy: kinks, colour: "#111111", label: "kink", dots: true }, { xy: anti, colour: "#2ca02c", label: "antikink", dots: true }],
      }));
      this.image.clear(); this.kinkRows?.clear();
    }
    if (this.energy && this.energy.length) {
      let m = 0;
      for (const row of this.energy.frames) for (let j = 0; j < n; j++) if (Number.isFinite(row[j])) m = Math.max(m, row[j]);
      this.written.push(...writeFigure(file("_energy"), svg, {
        title: `${title}: energy density`, subtitle: `${params}; e = φ_t²/2 + φ_x²/2 + V(φ)`, rows: this.energy.frames, cols: n, x: xAxis, y: tAxis(this.energy.frameIndices),
        colormap: "inferno", vmin: 0, vmax: m || 1, cbLabel: "energy density e", dpi,
      }));
      this.energy.clear();
    }
    this.timing.png = performance.now() - t0;
    if (this.gif && this.gif.length) {
      t0 = performance.now();
      let m = 0;
      for (const f of this.gif.frames) for (let j = 0; j < 2 * n; j++) m = Math.max(m, Math.abs(f[j]));
      const anim = new LineAnimation({ title, subtitle: params, x: xAxis, y: { lo: -1.1 * (m || 1), hi: 1.1 * (m || 1), label: "φ, φ_t" }, labels: ["φ", "φ_t"], delay: Math.round(1000 / fps), dpi: Math.min(dpi, GIF_DPI) });
      const idx = this.gif.frameIndices;
      this.gif.frames.forEach((f, k) => anim.frame(x, [f.subarray(0, n), f.subarray(n)], t[idx[k]] ?? NaN));
      writeAtomic(file(".gif"), anim.finish());
      this.written.push(file(".gif"));
      this.gif.clear();
      this.timing.gif = performance.now() - t0;
    }
    if (svg) {
      t0 = performance.now();
      writeAtomic(file("_invariants.svg"), sceneToSvg(driftFigure({ title: `${title}: conservation`, subtitle: params, t, series: [{ label: "energy H", y: sum.invariants.energy }, { label: "momentum P", y: sum.invariants.momentum }], dpi: 100 })));
      this.written.push(file("_invariants.svg"));
      this.timing.svg = performance.now() - t0;
    }
    if (this.formats.has("json")) {
      writeAtomic(file("_summary.json"), toJson({ samudra: version, ...sum, x: undefined, kinks: this.kinkList(), files: this.written.map((f) => path.basename(f)), outputTiming: this.timing }));
      this.written.push(file("_summary.json"));
    }
    return this.written;
  }

  /** The kinks as the summary gives them: one { t, x, sign } per frame. */
  private kinkList(): Array<{ t: number; x: number[]; sign: number[] }> {
    const k = this.kinks;
    if (!k) return [];
    let o = 0;
    return k.t.map((t, i) => { const n = k.count[i], at = o; o += n; return { t, x: k.x.slice(at, at + n), sign: k.sign.slice(at, at + n) }; });
  }

  abort(): void {
    this.ncFile?.abort();
    this.csv?.abort();
  }
}
