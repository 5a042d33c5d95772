/**
 * Files of one NLSE run, written while it runs (NetCDF records streamed) or at the end (figures):
 *   <stem>.nc                NetCDF-3 (CDF-2): x, t, psi_real, psi_imag, psi_abs (the seed's names) plus the
 *                            invariant and error series, every run parameter, mode and samudra version as attributes
 *   <stem>_invariants.csv    Time, Mass, Momentum, Hamiltonian, Error (%.8e)
 *   <stem>_summary.json      run summary (nfev, steps, drifts, errors, timings, parameters)
 *   <stem>_spacetime.png     |ψ|² over (x, t), inferno
 *   <stem>.gif               |ψ|, Re ψ, Im ψ per snapshot (≤ 200 frames)
 *   <stem>_invariants.svg    relative drift of M, P, H (and the error, if exact)
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
import type { Snapshot, NlseSummary } from "../models/nlse/model.js";
import type { Resolved } from "../models/nlse/options.js";

export const FORMATS = ["nc", "csv", "json", "png", "gif", "svg"] as const;
export type Format = (typeof FORMATS)[number];

export class NlseOutputs {
  private nc: NetCDFWriter | null = null;
  private ncFile: AtomicFile | null = null;
  private readonly rows: number[][] = [];
  private readonly intensity: Float32Array | null;
  private readonly frames: Float32Array[] = [];
  private readonly frameEvery: number;
  readonly written: string[] = [];
  readonly timing: Record<string, number> = {};

  constructor(private readonly dir: string, readonly stem: string, private readonly r: Resolved, x: Float64Array, private readonly formats: Set<Format>) {
    const N = r.N;
    this.intensity = formats.has("png") ? new Float32Array(r.nSnapshots * N) : null;
    this.frameEvery = Math.max(1, Math.ceil(r.nSnapshots / 200));
    if (formats.has("nc")) {
      const t0 = performance.now();
      this.ncFile = openSink(path.join(dir, `${stem}.nc`));
      const attrs: Record<string, NcAttr> = {
        title: `samudra NLSE: ${r.scenarioName}`, scenario: r.scenarioName, case: r.caseName,
        equation: `i psi_t + ${r.beta} psi_xx + ${r.gamma} |psi|^2 psi = 0 (periodic, pseudo-spectral)`,
        mode: r.legacy ? "legacy (seed parity)" : "corrected", method: r.method, filter: r.filter,
        software: `samudra ${version}`, Conventions: "CF-1.8", created: new Date().toISOString(),
        domain_length: ncDouble(r.L), num_points: ncInt(N), t_start: ncDouble(r.tStart), t_final: ncDouble(r.tFinal),
        n_snapshots: ncInt(r.nSnapshots), beta: ncDouble(r.beta), gamma: ncDouble(r.gamma), rtol: ncDouble(r.rtol), atol: ncDouble(r.atol),
        max_step: ncDouble(Number.isFinite(r.maxStep) ? r.maxStep : -1), dt: ncDouble(r.dt), filter_alpha: ncDouble(r.filterAlpha), filter_order: ncDouble(r.filterOrder),
        legacy: ncInt(r.legacy ? 1 : 0),
      };
      for (const [k, v] of Object.entries(r.p)) if (!(k in attrs) && !["domainLength", "numPoints", "tFinal", "nSnapshots", "tStart", "beta", "gamma", "rtol", "atol", "maxStep", "dt", "filterAlpha", "filterOrder"].includes(k)) attrs[k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/^_/, "")] = ncDouble(v);
      const dl = (name: string, long: string) => ({ units: "1", long_name: long, name });
      this.nc = new NetCDFWriter(this.ncFile, {
        dims: [{ name: "t", size: null }, { name: "x", size: N }],
        attrs,
        vars: [
          { name: "x", dims: ["x"], type: "double", attrs: { units: "1", long_name: "position (dimensionless)", axis: "X" }, data: x },
          { name: "t", dims: ["t"], type: "double", attrs: { units: "1", long_name: "time (dimensionless)", axis: "T" } },
          { name: "psi_real", dims: ["t", "x"], type: "double", attrs: { units: "1", long_name: "real part of psi", symbol: "Re(psi)" } },
          { name: "psi_imag", dims: ["t", "x"], type: "double", attrs: { units: "1", long_name: "imaginary part of psi", symbol: "Im(psi)" } },
          { name: "psi_abs", dims: ["t", "x"], type: "double", attrs: { units: "1", long_name: "modulus of psi", symbol: "|psi|" } },
          ...[dl("mass", "mass M = int |psi|^2 dx"), dl("momentum", "momentum P = int Im(psi* psi_x) dx"), dl("hamiltonian", "Hamiltonian H = beta int |psi_x|^2 dx - (gamma/2) int |psi|^4 dx"), dl("error", "max |psi - psi_exact| (NaN without an exact solution)")]
            .map((v) => ({ name: v.name, dims: ["t"], type: "double" as const, attrs: { units: v.units, long_name: v.long_name } })),
        ],
      });
      this.timing.netcdf = performance.now() - t0;
    }
  }

  /** Consumes one snapshot (its psi view is only valid during this call). */
  add(s: Snapshot): void {
    const N = this.r.N, psi = s.psi;
    const t0 = performance.now();
    if (this.nc || this.intensity || this.formats.has("gif")) {
      const re = new Float64Array(N), im = new Float64Array(N), ab = new Float64Array(N);
      for (let j = 0; j < N; j++) { re[j] = psi[2 * j]; im[j] = psi[2 * j + 1]; ab[j] = Math.sqrt(re[j] * re[j] + im[j] * im[j]); }
      this.nc?.appendRecord({ t: [s.t], psi_real: re, psi_imag: im, psi_abs: ab, mass: [s.mass], momentum: [s.momentum], hamiltonian: [s.hamiltonian], error: [s.error] });
      if (this.intensity) for (let j = 0; j < N; j++) this.intensity[s.index * N + j] = ab[j] * ab[j];
      if (this.formats.has("gif") && s.index % this.frameEvery === 0) {
        const f = new Float32Array(3 * N);
        f.set(ab); f.set(re, N); f.set(im, 2 * N);
        this.frames.push(f);
      }
    }
    this.rows.push([s.t, s.mass, s.momentum, s.hamiltonian, s.error]);
    this.timing.netcdf = (this.timing.netcdf ?? 0) + performance.now() - t0;
  }

  /** Writes the remaining files and commits everything; returns the list of files. */
  finish(sum: NlseSummary, x: Float64Array, fps: number, dpi = 100): string[] {
    const file = (suffix: string) => path.join(this.dir, `${this.stem}${suffix}`);
    let t0 = performance.now();
    if (this.nc && this.ncFile) { this.nc.close(); this.ncFile.commit(); this.written.push(this.ncFile.path); }
    this.timing.netcdf = (this.timing.netcdf ?? 0) + performance.now() - t0;
    if (this.formats.has("csv")) {
      t0 = performance.now();
      writeAtomic(file("_invariants.csv"), toCsv(["Time", "Mass", "Momentum", "Hamiltonian", "Error"], this.rows));
      this.written.push(file("_invariants.csv"));
      this.timing.csv = performance.now() - t0;
    }
    if (this.intensity) {
      t0 = performance.now();
      const nt = sum.t.length;
      // an 8 × 6 inch figure at the config's dpi (the seed's key), in whole pixels per cell
      const scaleX = Math.max(1, Math.round((8 * dpi) / this.r.N)), scaleY = Math.max(1, Math.round((6 * dpi) / nt));
      writeAtomic(file("_spacetime.png"), heatmap(this.intensity.subarray(0, nt * this.r.N), { rows: nt, cols: this.r.N, colormap: "inferno", flipY: true, scaleX, scaleY }));
      this.written.push(file("_spacetime.png"));
      this.timing.png = performance.now() - t0;
    }
    if (this.formats.has("gif") && this.frames.length) {
      t0 = performance.now();
      const N = this.r.N;
      let m = 0;
      for (const f of this.frames) for (let j = 0; j < N; j++) m = Math.max(m, f[j]);
      const anim = new LineAnimation({ xmin: x[0], xmax: x[N - 1], ymin: -1.1 * m, ymax: 1.1 * m, delay: Math.round(1000 / fps) });
      for (const f of this.frames) anim.frame(x, [f.subarray(0, N), f.subarray(N, 2 * N), f.subarray(2 * N)]);
      writeAtomic(file(".gif"), anim.finish());
      this.written.push(file(".gif"));
      this.timing.gif = performance.now() - t0;
    }
    if (this.formats.has("svg")) {
      t0 = performance.now();
      const rel = (q: Float64Array) => Array.from(q, (v) => (Math.abs(q[0]) > 1e-12 ? (v - q[0]) / Math.abs(q[0]) : v - q[0]));
      const series = [{ name: "mass", y: rel(sum.invariants.mass) }, { name: "momentum", y: rel(sum.invariants.momentum) }, { name: "Hamiltonian", y: rel(sum.invariants.hamiltonian) }];
      if (sum.error) series.push({ name: "error vs exact", y: Array.from(sum.error) });
      writeAtomic(file("_invariants.svg"), lineChart(sum.t, series, { title: `${this.r.scenarioName}: invariant drift (relative)`, xLabel: "t", yLabel: "(Q(t) − Q(0)) / |Q(0)|" }));
      this.written.push(file("_invariants.svg"));
      this.timing.svg = performance.now() - t0;
    }
    if (this.formats.has("json")) {
      writeAtomic(file("_summary.json"), toJson({ samudra: version, ...sum, x: undefined, invariants: { ...sum.invariants }, files: this.written.map((f) => path.basename(f)), outputTiming: this.timing }));
      this.written.push(file("_summary.json"));
    }
    return this.written;
  }

  abort(): void {
    this.ncFile?.abort();
  }
}
