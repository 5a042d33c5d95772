/**
 * Files of one NLSE run, written while it runs (NetCDF records and CSV rows streamed) or at the end (figures):
 *   <stem>.nc                NetCDF-3 (CDF-2), CF-1.8 (docs/files.md): x, t, psi_real, psi_imag, psi_abs (the seed's
 *                            names) plus the invariant, error and spectral-tail series; the run's parameters that
 *                            apply to it (rtol/atol for adaptive methods, dt for fixed-step ones, filter settings
 *                            only with a filter) and samudra_mode / samudra version as attributes
 *   <stem>_invariants.csv    Time, Mass, Momentum, Hamiltonian, Error (%.8e), streamed
 *   <stem>_summary.json      run summary (nfev, steps, drifts, errors, timings, parameters)
 *   <stem>_spacetime.png     |ψ|² over (x horizontal, t upward), inferno, axes/colorbar/title (figures.ts), from
 *                            ≤ 1000 evenly spaced snapshots resampled to the panel; with svg also _spacetime.svg
 *   <stem>_spectrum.png      log₁₀|ψ̂(k)|² over (k, t) (ψ̂ = FFT(ψ)/N, k fftshifted): where modulational
 *                            instability and aliasing show; with svg also _spectrum.svg
 *   <stem>.gif               |ψ|, Re ψ, Im ψ with legend and t per frame, ≤ 200 evenly spaced frames, at most
 *                            GIF_DPI (512 × 288 px): frames cost per pixel, the PNGs carry the resolution
 *   <stem>_invariants.svg    |relative drift| of M, P, H (and the error, if exact), log y when it spans decades
 * Memory is bounded however many snapshots a run saves: every snapshot goes to the NetCDF and CSV streams, the
 * figures keep an evenly spaced subset (FrameReservoir) chosen without knowing the count ahead.
 * Files go through the CLI's file sink (staged, published as one set).
 */
import path from "node:path";
import { NlseNetCDF } from "../io/nlse-netcdf.js";
import { toJson } from "../io/csv.js";
import { plan as fftPlan, type FFTPlan } from "../fft.js";
import { fieldFigure, driftFigure, axisLabel, type FieldFigure } from "../render/plots.js";
import { LineAnimation } from "../render/animation.js";
import { sceneToPng } from "../render/canvas.js";
import { sceneToSvg, type Scene } from "../render/scene.js";
import { useDeflate } from "../render/png-encode.js";
import { deflateSync } from "node:zlib";
import { openSink, writeAtomic, type AtomicFile } from "./file-sink.js";
import { CsvStream } from "./csv-stream.js";
import { FrameReservoir, framesWithin } from "./frame-reservoir.js";
import { version } from "../version.js";
import type { Snapshot, NlseSummary } from "../models/nlse/model.js";
import type { Resolved } from "../models/nlse/options.js";

/** PNGs through node:zlib (native, level 1): 5–10× faster than the portable JS deflate, files of the same size. */
useDeflate((raw) => deflateSync(raw, { level: 1 }));

export const FORMATS = ["nc", "csv", "json", "png", "gif", "svg"] as const;
export type Format = (typeof FORMATS)[number];

/** Rows of the space-time image and frames of the GIF kept at most (and at most FIGURE_BYTES for each). */
export const MAX_IMAGE_ROWS = 1000, MAX_GIF_FRAMES = 200, FIGURE_BYTES = 32 << 20;
/** GIF frames are drawn at most at this dpi (6.4 × 3.6 in: 512 × 288 px): a GIF costs per pixel per frame. */
export const GIF_DPI = 80;


/** Writes a field figure as `<base>.png` and, with `svg`, `<base>.svg` (the same Scene); returns the paths. */
export function writeFigure(base: string, svg: boolean, f: FieldFigure | Scene): string[] {
  const scene = "items" in f ? f : fieldFigure(f);
  writeAtomic(`${base}.png`, sceneToPng(scene));
  if (!svg) return [`${base}.png`];
  writeAtomic(`${base}.svg`, sceneToSvg(scene));
  return [`${base}.png`, `${base}.svg`];
}

export class NlseOutputs {
  private nc: NlseNetCDF | null = null;
  private ncFile: AtomicFile | null = null;
  private csv: CsvStream | null = null;
  private readonly image: FrameReservoir<Float32Array> | null;
  private readonly gif: FrameReservoir<Float32Array> | null;
  /** log₁₀|ψ̂(k)|² rows (k fftshifted) for the spectrum figure, and the FFT they are made with. */
  private readonly spectrum: FrameReservoir<Float32Array> | null;
  private fft: { plan: FFTPlan; out: Float64Array } | null = null;
  private count = 0;
  readonly written: string[] = [];
  readonly timing: Record<string, number> = {};

  constructor(private readonly dir: string, readonly stem: string, private readonly r: Resolved, x: Float64Array, private readonly formats: Set<Format>) {
    const N = r.N;
    this.image = formats.has("png") ? new FrameReservoir(framesWithin(FIGURE_BYTES, 4 * N, MAX_IMAGE_ROWS)) : null;
    this.gif = formats.has("gif") ? new FrameReservoir(framesWithin(FIGURE_BYTES, 12 * N, MAX_GIF_FRAMES)) : null;
    this.spectrum = formats.has("png") ? new FrameReservoir(framesWithin(FIGURE_BYTES, 4 * N, MAX_IMAGE_ROWS)) : null;
    if (formats.has("csv")) this.csv = new CsvStream(path.join(dir, `${stem}_invariants.csv`), ["Time", "Mass", "Momentum", "Hamiltonian", "Error"]);
    if (formats.has("nc")) {
      const t0 = performance.now();
      this.ncFile = openSink(path.join(dir, `${stem}.nc`));
      this.nc = new NlseNetCDF(r, x, this.ncFile);
      this.timing.netcdf = performance.now() - t0;
    }
  }

  /** Consumes one snapshot (its psi view is only valid during this call). */
  add(s: Snapshot): void {
    const N = this.r.N, psi = s.psi, i = this.count++;
    const t0 = performance.now();
    this.nc?.add(s);
    this.image?.offer(i, (row = new Float32Array(N)) => {
      for (let j = 0; j < N; j++) row[j] = psi[2 * j] * psi[2 * j] + psi[2 * j + 1] * psi[2 * j + 1];
      return row;
    });
    this.spectrum?.offer(i, (row = new Float32Array(N)) => {
      const t1 = performance.now();
      const f = (this.fft ??= { plan: fftPlan(N), out: new Float64Array(2 * N) });
      const cur = s.psi;   // re-read: creating the plan may grow WASM memory, which detaches the earlier view
      f.plan.forward(f.out, cur instanceof Float64Array ? cur : Float64Array.from(cur));
      const h = N >> 1, norm = 1 / (N * N);
      for (let j = 0; j < N; j++) {
        const q = (j + N - h) % N, re = f.out[2 * q], im = f.out[2 * q + 1];
        row[j] = Math.log10((re * re + im * im) * norm + 1e-300);
      }
      this.timing.figures = (this.timing.figures ?? 0) + performance.now() - t1;
      return row;
    });
    this.gif?.offer(i, (f = new Float32Array(3 * N)) => {
      for (let j = 0; j < N; j++) {
        const re = psi[2 * j], im = psi[2 * j + 1];
        f[j] = Math.sqrt(re * re + im * im); f[N + j] = re; f[2 * N + j] = im;
      }
      return f;
    });
    this.csv?.row([s.t, s.mass, s.momentum, s.hamiltonian, s.error]);
    this.timing.netcdf = (this.timing.netcdf ?? 0) + performance.now() - t0;
  }

  /** Writes the remaining files and commits everything; returns the list of files. */
  finish(sum: NlseSummary, x: Float64Array, fps: number, dpi = 100): string[] {
    const file = (suffix: string) => path.join(this.dir, `${this.stem}${suffix}`);
    const N = this.r.N;
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
    const r = this.r, mode = r.legacy ? "legacy" : "corrected";
    const title = `${r.scenarioName} (${mode})`;
    const params = `β = ${r.beta}, γ = ${r.gamma}, L = ${r.L}, N = ${N}, ${r.method}${r.filter !== "none" ? `, filter ${r.filter}` : ""}`;
    const xAxis = { lo: x[0], hi: x[N - 1], label: axisLabel("x", "1") };
    t0 = performance.now();
    const t = sum.t, tAxis = (n: number, idx: readonly number[]) => ({ lo: t[idx[0]] ?? 0, hi: t[idx[n - 1]] ?? 1, label: axisLabel("t", "1") });
    if (this.image && this.image.length) {
      const idx = this.image.frameIndices, nt = idx.length;
      let m = 0;
      for (const row of this.image.frames) for (let j = 0; j < N; j++) m = Math.max(m, row[j]);
      this.written.push(...writeFigure(file("_spacetime"), this.formats.has("svg"), {
        title: `${title}: |ψ|² over x and t`, subtitle: params, rows: this.image.frames, cols: N, x: xAxis, y: tAxis(nt, idx),
        colormap: "inferno", vmin: 0, vmax: m || 1, cbLabel: "|ψ|²", dpi,
      }));
      this.image.clear();
    }
    if (this.spectrum && this.spectrum.length) {
      const idx = this.spectrum.frameIndices, nt = idx.length, dk = (2 * Math.PI) / r.L, h = N >> 1;
      let m = -Infinity;
      for (const row of this.spectrum.frames) for (let j = 0; j < N; j++) m = Math.max(m, row[j]);
      if (!Number.isFinite(m)) m = 0;
      this.written.push(...writeFigure(file("_spectrum"), this.formats.has("svg"), {
        title: `${title}: spectrum evolution`, subtitle: `${params}; ψ̂ = FFT(ψ)/N`, rows: this.spectrum.frames, cols: N,
        x: { lo: -h * dk, hi: (N - 1 - h) * dk, label: axisLabel("k", "1") }, y: tAxis(nt, idx),
        colormap: "viridis", vmin: Math.ceil(m) - 16, vmax: m, cbLabel: "log₁₀|ψ̂(k)|²", dpi,
      }));
      this.spectrum.clear();
    }
    this.fft?.plan.dispose(); this.fft = null;
    this.timing.png = performance.now() - t0;
    if (this.gif && this.gif.length) {
      t0 = performance.now();
      let m = 0;
      for (const f of this.gif.frames) for (let j = 0; j < N; j++) m = Math.max(m, f[j]);
      const anim = new LineAnimation({ title, subtitle: params, x: xAxis, y: { lo: -1.1 * (m || 1), hi: 1.1 * (m || 1), label: "ψ" }, labels: ["|ψ|", "Re ψ", "Im ψ"], delay: Math.round(1000 / fps), dpi: Math.min(dpi, GIF_DPI) });
      const idx = this.gif.frameIndices;
      this.gif.frames.forEach((f, k) => anim.frame(x, [f.subarray(0, N), f.subarray(N, 2 * N), f.subarray(2 * N)], t[idx[k]] ?? NaN));
      writeAtomic(file(".gif"), anim.finish());
      this.written.push(file(".gif"));
      this.gif.clear();
      this.timing.gif = performance.now() - t0;
    }
    if (this.formats.has("svg")) {
      t0 = performance.now();
      const series = [{ label: "mass M", y: sum.invariants.mass }, { label: "momentum P", y: sum.invariants.momentum }, { label: "Hamiltonian H", y: sum.invariants.hamiltonian }];
      writeAtomic(file("_invariants.svg"), sceneToSvg(driftFigure({ title: `${title}: conservation`, subtitle: params, t, series, error: sum.error ?? undefined, dpi })));
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
    this.csv?.abort();
  }
}
