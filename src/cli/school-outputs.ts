/**
 * Files of one fish-school run, in the seed's tree under the output directory (schooling.md §6.3):
 *   netcdf/<stem>.nc                       NetCDF-3 (CDF-2), streamed per saved frame: time, fish, spatial,
 *                                          polarization, rotation, positions, velocities (time, fish, spatial) and,
 *                                          with metrics, order_index, the seven entropies, OSI and spread. The
 *                                          duplicated x/y/z/vx/vy/vz arrays are dropped; the attributes the seed
 *                                          forgot are added (seed as int, samudra_mode, boundary, orientation_weight
 *                                          in legacy mode, torus_init, torus_radius with a torus start, software
 *                                          version); run statistics are patched in at the end. CF-1.8 (docs/files.md):
 *                                          UDUNITS units ("1": the model's units are its own), long_name everywhere.
 *   csv/<stem>_order_parameters.csv        Time, Polarization, Rotation
 *   csv/<stem>_final_state.csv             Fish_ID, x, y, z, vx, vy, vz
 *   csv/<stem>_entropy_timeseries.csv      Time, Polarization, …, Oceanic_Schooling_Index (metrics only)
 *   csv/<stem>_entropy_summary.csv         Metric, Mean_2nd_Half, Std_2nd_Half, Final_Value, Min, Max
 *   figs/<stem>_summary.png, .svg          six panels (two without metrics) with axes, units, legends and a depth
 *                                          colorbar (render/school-figures.ts), 1500 px wide at animation_dpi 100;
 *                                          the SVG is the same drawing as vectors (text stays text)
 *   gifs/<stem>_animation.gif              the 3-D view with the box (periodic/reflect; a periodic school drawn in
 *                                          one piece) and t, P, M per frame (render/school-animation.ts); every
 *                                          animation_skip-th frame at ≤ 80 dpi (512 × 480 px), encoded as it arrives (at most
 *                                          MAX_SCHOOL_GIF_FRAMES: a longer run uses a multiple of the skip)
 *   <stem>_summary.json                    the run summary (samudra's addition)
 * Every file is written under a temporary name and renamed when complete; abort() removes them.
 */
import path from "node:path";
import { SchoolNetCDF } from "../io/school-netcdf.js";
import { toCsv, toJson } from "../io/csv.js";
import { summaryFigure } from "../render/school-figures.js";
import { SchoolAnimation } from "../render/school-animation.js";
import { sceneToPng } from "../render/canvas.js";
import { sceneToSvg } from "../render/scene.js";
import { useDeflate } from "../render/png-encode.js";
import { deflateSync } from "node:zlib";
import { openSink, writeAtomic, type AtomicFile } from "./file-sink.js";
import { version } from "../version.js";
import type { SchoolFrame, SchoolSummary } from "../models/school/index.js";
import { METRIC_KEYS } from "../models/school/run.js";
import type { SchoolResolved } from "../models/school/options.js";

/** PNGs through node:zlib (native, level 1): 5–10× faster than the portable JS deflate, files of the same size. */
useDeflate((raw) => deflateSync(raw, { level: 1 }));

export type SchoolFormat = "nc" | "csv" | "png" | "gif" | "json";
export const SCHOOL_FORMATS: SchoolFormat[] = ["nc", "csv", "png", "gif", "json"];
/** The animation's frames are encoded as they arrive and held until the end: at most this many. */
export const MAX_SCHOOL_GIF_FRAMES = 400;

const SNAKE: Record<string, string> = Object.fromEntries(METRIC_KEYS.map((k) => [k, k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)]));
const CSV_NAME: Record<string, string> = Object.fromEntries(METRIC_KEYS.map((k) => [k, SNAKE[k].split("_").map((w) => w[0].toUpperCase() + w.slice(1)).join("_")]));

export class SchoolOutputs {
  private nc: SchoolNetCDF | null = null;
  private ncFile: AtomicFile | null = null;
  private anim: SchoolAnimation | null = null;
  private readonly frames: number;
  private readonly gifSkip: number;
  private lastPos: Float64Array | null = null;
  private lastVel: Float64Array | null = null;
  readonly written: string[] = [];
  readonly timing: Record<string, number> = {};

  constructor(private readonly dir: string, readonly stem: string, private readonly r: SchoolResolved, private readonly formats: Set<SchoolFormat>) {
    this.frames = Math.floor(r.nSteps / r.saveInterval) + 1;
    const t0 = performance.now();
    if (formats.has("nc")) {
      this.ncFile = openSink(path.join(dir, "netcdf", `${stem}.nc`));
      this.nc = new SchoolNetCDF(r, this.ncFile);
    }
    // a longer run animates every k-th of the animation_skip frames, so the GIF held in memory stays bounded
    this.gifSkip = r.animationSkip * Math.max(1, Math.ceil(Math.ceil(this.frames / r.animationSkip) / MAX_SCHOOL_GIF_FRAMES));
    if (formats.has("gif")) {
      const n = Math.ceil(this.frames / this.gifSkip);
      this.anim = new SchoolAnimation({ boxSize: r.boxSize, frames: n, delay: Math.round(1000 / r.animationFps), boundary: r.boundary, dpi: Math.min(80, r.animationDpi),
        title: `${r.scenarioName} (${r.mode})`, subtitle: `N = ${r.nFish}, L = ${r.boxSize}, r = ${r.rRepulsion}/${r.rOrientation}/${r.rAttraction}, noise = ${r.noise}, ${r.boundary}` });
    }
    this.timing.netcdf = performance.now() - t0;
  }

  /** Consumes one saved frame (its arrays are only valid during this call). */
  add(f: SchoolFrame): void {
    let t0 = performance.now();
    this.nc?.add(f);
    this.timing.netcdf += performance.now() - t0;
    if (this.anim && f.index % this.gifSkip === 0) {
      t0 = performance.now();
      this.anim.frame(f.positions, f.velocities, `t = ${f.t.toFixed(1)}     P = ${f.metrics.polarization.toFixed(3)}     M = ${f.metrics.rotation.toFixed(3)}`);
      this.timing.gif = (this.timing.gif ?? 0) + performance.now() - t0;
    }
    // the latest frame, not only the planned last one: a run that ends early (non-finite, budget) still has a final state
    (this.lastPos ??= new Float64Array(f.positions.length)).set(f.positions);
    (this.lastVel ??= new Float64Array(f.velocities.length)).set(f.velocities);
  }

  /** Writes the remaining files and commits everything; returns the files written. */
  finish(s: SchoolSummary): string[] {
    const r = this.r, file = (sub: string, suffix: string) => path.join(this.dir, sub, `${this.stem}${suffix}`);
    let t0 = performance.now();
    if (this.nc && this.ncFile) {
      this.nc.finish(s); this.ncFile.commit(); this.written.push(this.ncFile.path);
    }
    this.timing.netcdf += performance.now() - t0;
    if (this.formats.has("csv")) {
      t0 = performance.now();
      const T = s.time, S = s.series;
      writeAtomic(file("csv", "_order_parameters.csv"), toCsv(["Time", "Polarization", "Rotation"], Array.from(T, (t, i) => [t, S.polarization[i], S.rotation[i]])));
      this.written.push(file("csv", "_order_parameters.csv"));
      const P = this.lastPos!, V = this.lastVel!;
      writeAtomic(file("csv", "_final_state.csv"), toCsv(["Fish_ID", "x", "y", "z", "vx", "vy", "vz"], Array.from({ length: r.nFish }, (_, i) => [String(i), P[3 * i], P[3 * i + 1], P[3 * i + 2], V[3 * i], V[3 * i + 1], V[3 * i + 2]])));
      this.written.push(file("csv", "_final_state.csv"));
      if (r.computeEntropy) {
        writeAtomic(file("csv", "_entropy_timeseries.csv"), toCsv(["Time", ...METRIC_KEYS.map((k) => CSV_NAME[k])], Array.from(T, (t, i) => [t, ...METRIC_KEYS.map((k) => S[k][i])])));
        writeAtomic(file("csv", "_entropy_summary.csv"), toCsv(["Metric", "Mean_2nd_Half", "Std_2nd_Half", "Final_Value", "Min", "Max"], METRIC_KEYS.map((k) => [SNAKE[k], s.mean[k], s.std[k], s.final[k], s.min[k], s.max[k]])));
        this.written.push(file("csv", "_entropy_timeseries.csv"), file("csv", "_entropy_summary.csv"));
      }
      this.timing.csv = performance.now() - t0;
    }
    if (this.formats.has("png")) {
      t0 = performance.now();
      const fig = summaryFigure({
        title: `${r.scenarioName} (${r.mode}): ${s.state}`, subtitle: `N = ${r.nFish}, L = ${r.boxSize}, r = ${r.rRepulsion}/${r.rOrientation}/${r.rAttraction}, noise = ${r.noise}, ${r.boundary}, seed ${r.seed}; samudra ${version}`,
        t: s.time, series: s.series, mean: s.mean, final: s.final, positions: this.lastPos!, velocities: this.lastVel!, boxSize: r.boxSize, boundary: r.boundary, metrics: r.computeEntropy, dpi: r.animationDpi,
      });
      writeAtomic(file("figs", "_summary.png"), sceneToPng(fig));
      writeAtomic(file("figs", "_summary.svg"), sceneToSvg(fig));
      this.written.push(file("figs", "_summary.png"), file("figs", "_summary.svg"));
      this.timing.png = performance.now() - t0;
    }
    if (this.anim) {
      t0 = performance.now();
      writeAtomic(file("gifs", "_animation.gif"), this.anim.finish());
      this.written.push(file("gifs", "_animation.gif"));
      this.timing.gif = (this.timing.gif ?? 0) + performance.now() - t0;
    }
    if (this.formats.has("json")) {
      writeAtomic(path.join(this.dir, `${this.stem}_summary.json`), toJson({ samudra: version, ...s, series: undefined, time: undefined, files: this.written.map((f) => path.relative(this.dir, f)), outputTiming: this.timing }));
      this.written.push(path.join(this.dir, `${this.stem}_summary.json`));
    }
    return this.written;
  }

  abort(): void { this.ncFile?.abort(); }
}
