/**
 * Files of one Klein–Gordon run, written while it runs (NetCDF records streamed) or at the end (figures):
 *   <stem>.nc                 NetCDF-3 (CDF-2): x, t, phi (the seed's names) plus phi_t and the diagnostic series
 *                             (energy, momentum, max_abs, centroid, tail_fraction, n_kinks), every run parameter,
 *                             the mode and samudra version as attributes (the seed stored none of λ, v, m, ω, φ_t, H)
 *   <stem>_diagnostics.csv    Time, Energy, Momentum, MaxAbs, Centroid, TailFraction, NKinks (%.8e)
 *   <stem>_summary.json       run summary (steps, Δt history, drifts, timings, parameters, kink positions)
 *   <stem>_spacetime.png      φ over (x, t), diverging RdBu with a symmetric range ±max|φ| (as the supplement's Fig. 1)
 *   <stem>.gif                φ and φ_t per snapshot (≤ 200 frames)
 *   <stem>_invariants.svg     relative drift of H and drift of P
 * Every file is written to a temporary name and renamed when complete.
 */
import path from "node:path";
import { NetCDFWriter } from "../io/netcdf-writer.js";
import { ncDouble, ncInt, type NcAttr } from "../io/netcdf-format.js";
import { toCsv, toJson } from "../io/csv.js";
import { heatmap } from "../render/png.js";
import { LineAnimation } from "../render/gif.js";
import { lineChart } from "../render/svg.js";
import { openSink, writeAtomic, type AtomicFile } from "./file-sink.js";
import { version } from "../version.js";
import type { KgSnapshot, KgSummary } from "../models/klein-gordon/model.js";
import type { KgResolved } from "../models/klein-gordon/options.js";
import type { Format } from "./nlse-outputs.js";

export class KgOutputs {
  private nc: NetCDFWriter | null = null;
  private ncFile: AtomicFile | null = null;
  private readonly rows: number[][] = [];
  private readonly field: Float32Array[] = [];
  private readonly frames: Float32Array[] = [];
  private readonly frameEvery: number;
  private readonly kinks: Array<{ t: number; x: number[]; sign: number[] }> = [];
  readonly written: string[] = [];
  readonly timing: Record<string, number> = {};

  constructor(private readonly dir: string, readonly stem: string, private readonly r: KgResolved, x: Float64Array, private readonly formats: Set<Format>) {
    this.frameEvery = Math.max(1, Math.ceil((r.nFrames + 1) / 200));
    if (!formats.has("nc")) return;
    const t0 = performance.now();
    this.ncFile = openSink(path.join(dir, `${stem}.nc`));
    const attrs: Record<string, NcAttr> = {
      title: `samudra Klein-Gordon: ${r.scenarioName}`, scenario: r.scenarioName, case: r.caseName,
      equation: "phi_tt - phi_xx + V'(phi) = 0", potential: r.potential, ic_type: r.icType,
      mode: r.legacy ? "legacy (seed parity)" : "corrected", method: r.method, boundary: r.legacy ? "periodic (period nx*dx, end points included)" : r.boundary,
      software: `samudra ${version}`, Conventions: "CF-1.8", created: new Date().toISOString(),
      nx: ncInt(r.nx), x_min: ncDouble(r.xMin), x_max: ncDouble(r.xMax), t_final: ncDouble(r.tFinal), dt: ncDouble(r.dt), n_frames: ncInt(r.nFrames),
      adaptive_dt: ncInt(r.adaptiveDt ? 1 : 0), mass: ncDouble(r.mass), lambda: ncDouble(r.lambda), vacuum: ncDouble(r.vacuum),
      amplitude: ncDouble(r.amplitude), width: ncDouble(r.width), position: ncDouble(r.position), velocity: ncDouble(r.velocity),
      frequency: ncDouble(r.frequency), separation: ncDouble(r.separation), phase: ncDouble(r.phase), k0: ncDouble(r.k0), sign: ncDouble(r.sign),
      legacy: ncInt(r.legacy ? 1 : 0),
    };
    const series = (name: string, long: string) => ({ name, dims: ["t"], type: "double" as const, attrs: { units: "1", long_name: long } });
    this.nc = new NetCDFWriter(this.ncFile, {
      dims: [{ name: "t", size: null }, { name: "x", size: r.nx }],
      attrs,
      vars: [
        { name: "x", dims: ["x"], type: "double", attrs: { units: "dimensionless", long_name: "position", axis: "X" }, data: x },
        { name: "t", dims: ["t"], type: "double", attrs: { units: "dimensionless", long_name: "time", axis: "T" } },
        { name: "phi", dims: ["t", "x"], type: "double", attrs: { units: "1", long_name: "scalar_field" } },
        { name: "phi_t", dims: ["t", "x"], type: "double", attrs: { units: "1", long_name: "time derivative of the field (legacy: central difference)" } },
        series("energy", "energy H = int [phi_t^2/2 + phi_x^2/2 + V(phi)] dx"), series("momentum", "momentum P = -int phi_t phi_x dx"),
        series("max_abs", "max |phi|"), series("centroid", "energy-density centroid"), series("tail_fraction", "spectral energy fraction at |k| > 2/3 k_max"),
        series("n_kinks", "number of kink/antikink crossings"),
      ],
    });
    this.timing.netcdf = performance.now() - t0;
  }

  /** Consumes one snapshot (its views are only valid during this call). */
  add(s: KgSnapshot): void {
    const t0 = performance.now();
    this.nc?.appendRecord({ t: [s.t], phi: s.phi, phi_t: s.phiT, energy: [s.energy], momentum: [s.momentum], max_abs: [s.maxAbs], centroid: [s.centroid], tail_fraction: [s.tailFraction], n_kinks: [s.kinks.length] });
    if (this.formats.has("png")) this.field.push(Float32Array.from(s.phi));
    if (this.formats.has("gif") && s.index % this.frameEvery === 0) {
      const f = new Float32Array(2 * s.phi.length);
      f.set(s.phi); f.set(s.phiT, s.phi.length);
      this.frames.push(f);
    }
    this.rows.push([s.t, s.energy, s.momentum, s.maxAbs, s.centroid, s.tailFraction, s.kinks.length]);
    this.kinks.push({ t: s.t, x: s.kinks, sign: s.kinkSigns });
    this.timing.netcdf = (this.timing.netcdf ?? 0) + performance.now() - t0;
  }

  /** Writes the remaining files and commits everything; returns the list of files. */
  finish(sum: KgSummary, x: Float64Array, fps: number, dpi = 150): string[] {
    const file = (suffix: string) => path.join(this.dir, `${this.stem}${suffix}`);
    const n = this.r.nx;
    let t0 = performance.now();
    if (this.nc && this.ncFile) { this.nc.close(); this.ncFile.commit(); this.written.push(this.ncFile.path); }
    this.timing.netcdf = (this.timing.netcdf ?? 0) + performance.now() - t0;
    if (this.formats.has("csv")) {
      t0 = performance.now();
      writeAtomic(file("_diagnostics.csv"), toCsv(["Time", "Energy", "Momentum", "MaxAbs", "Centroid", "TailFraction", "NKinks"], this.rows));
      this.written.push(file("_diagnostics.csv"));
      this.timing.csv = performance.now() - t0;
    }
    if (this.formats.has("png") && this.field.length) {
      t0 = performance.now();
      const nt = this.field.length, values = new Float32Array(nt * n);
      let m = 0;
      this.field.forEach((row, i) => { values.set(row, i * n); for (let j = 0; j < n; j++) m = Math.max(m, Math.abs(row[j])); });
      const scaleX = Math.max(1, Math.round((8 * dpi) / 2 / n)), scaleY = Math.max(1, Math.round((6 * dpi) / 2 / nt));
      writeAtomic(file("_spacetime.png"), heatmap(values, { rows: nt, cols: n, colormap: "rdbu", vmin: -m || -1, vmax: m || 1, flipY: true, scaleX, scaleY }));
      this.written.push(file("_spacetime.png"));
      this.timing.png = performance.now() - t0;
    }
    if (this.formats.has("gif") && this.frames.length) {
      t0 = performance.now();
      let m = 0;
      for (const f of this.frames) for (let j = 0; j < 2 * n; j++) m = Math.max(m, Math.abs(f[j]));
      const anim = new LineAnimation({ xmin: x[0], xmax: x[n - 1], ymin: -1.1 * (m || 1), ymax: 1.1 * (m || 1), delay: Math.round(1000 / fps) });
      for (const f of this.frames) anim.frame(x, [f.subarray(0, n), f.subarray(n)]);
      writeAtomic(file(".gif"), anim.finish());
      this.written.push(file(".gif"));
      this.timing.gif = performance.now() - t0;
    }
    if (this.formats.has("svg")) {
      t0 = performance.now();
      const E = sum.invariants.energy, P = sum.invariants.momentum;
      writeAtomic(file("_invariants.svg"), lineChart(sum.t, [
        { name: "energy (relative)", y: Array.from(E, (v) => (v - E[0]) / (Math.abs(E[0]) || 1)) },
        { name: "momentum (absolute)", y: Array.from(P, (v) => v - P[0]) },
      ], { title: `${this.r.scenarioName}: invariant drift`, xLabel: "t", yLabel: "drift" }));
      this.written.push(file("_invariants.svg"));
      this.timing.svg = performance.now() - t0;
    }
    if (this.formats.has("json")) {
      writeAtomic(file("_summary.json"), toJson({ samudra: version, ...sum, x: undefined, kinks: this.kinks, files: this.written.map((f) => path.basename(f)), outputTiming: this.timing }));
      this.written.push(file("_summary.json"));
    }
    return this.written;
  }

  abort(): void {
    this.ncFile?.abort();
  }
}
