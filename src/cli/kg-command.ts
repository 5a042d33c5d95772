/**
 * `samudra kg [case] [--config FILE] [--all] [-o DIR] [--format …] [--legacy] [--method NAME] [--dt DT] [--json] [-q]`
 * — runs Klein–Gordon cases (built-in case definitions, or a config file such as the seed's case*.txt), writes the
 * files, prints a summary table. Exit codes: 0 ok, 1 runtime failure, 2 usage or config error. A failed run leaves
 * no partial files.
 */
import path from "node:path";
import { version } from "../index.js";
import { scenarioStem } from "../io/config.js";
import { FORMATS } from "./nlse-outputs.js";
import { UsageError, commonArgs, loadConfigFile, runFormats, exitCodeOf, parseSets, withSets, checkRun, unknownCase, type ModelArgs } from "./run-args.js";
import { KgOutputs } from "./kg-outputs.js";
import { withFieldFile } from "./field-option.js";
import { RunFiles, failRun, describeFiles, failureMessage } from "./run-files.js";
import { Progress } from "./progress.js";
import { KG_CASES, type KgOptions, type KgCase } from "../models/klein-gordon/options.js";
import { KgRun } from "../models/klein-gordon/model.js";
import type { KgSummary } from "../models/klein-gordon/model.js";

export const KG_HELP = `samudra kg — (1+1)-D nonlinear Klein–Gordon solver (linear, φ⁴, sine-Gordon; spectral, WASM)

Usage:
  samudra kg [case] [options]            a built-in case (default case1)
  samudra kg --config FILE [options]     a config file (the seed's key = value .txt, .yaml/.yml or .json)
  samudra kg --all [options]             the four seed cases case1 … case4

Cases: ${KG_CASES.join(", ")}
  case1…case4 run corrected physics by default (proper periodic grid or Neumann ends, fixed-step symplectic
  integrators, corrected initial conditions); --legacy reproduces the seed's run exactly.

Options:
  -o, --output-dir DIR  where files go (default: the config's output_dir, else ./outputs)
  --format LIST         any of ${FORMATS.join(",")} (default: all; save_netcdf/save_animation: false drop nc/gif)
  --legacy              the seed's leapfrog, adaptive Δt, end-point-inclusive grid and ICs (case1…case4 only)
  --method NAME         verlet | strang_exact | yoshida4 | yoshida6 | kahanli6
  --dt DT               time step (corrected mode: rounded down so that frames fall on steps)
  --set KEY=VALUE       override a config key (snake_case as in the files, or camelCase), typed as in a
                        .txt config; repeatable; e.g. --set t_final=5 --set nx=256
  --json                print the run summaries as JSON instead of the table
  -q, --quiet           print only errors (no progress bar, no table)

Examples:
  samudra kg case3 --legacy                        # the seed's breather run: 5984 steps, 301 frames
  samudra kg kink_antikink --method yoshida4       # u = 0.3 > v_c: one bounce, walls escape
  samudra kg --config case2_kink.txt --legacy --format nc,csv

Files per run (in the output dir; corrected runs' <stem> ends in _corrected): <stem>.nc, <stem>_diagnostics.csv,
<stem>_summary.json, <stem>_spacetime.{png,svg}, <stem>_energy.{png,svg}, <stem>.gif, <stem>_invariants.svg and
<stem>.log. They appear together when the run ends; a run that ends early writes <stem>.failed.* instead and leaves
the previous files alone. Exit codes: 0 ok, 1 run failed, 2 usage, 130/143 signal.`;

export type KgArgs = ModelArgs;

const CASE_OF_IC: Record<string, KgCase> = { gaussian: "case1", kink: "case2", breather: "case3", kink_antikink: "case4", kink_pair: "kink_pair_static", sg_kink: "sg_kink", packet: "gaussian_packet" };

function load(file: string, warn: (m: string) => void): { options: KgOptions; raw: Record<string, unknown> } {
  const { options, raw } = loadConfigFile(file, "kg", warn);
  if (options.case === undefined && typeof options.icType === "string" && CASE_OF_IC[options.icType]) options.case = CASE_OF_IC[options.icType];
  return { options: options as KgOptions, raw };
}

function table(out: KgSummary[]): string {
  const lines = [`samudra ${version} — kg${out[0].legacy ? " (legacy: seed parity)" : ""}`,
    "| case | method | steps | Δt initial → final | adaptations | frames | H drift (rel.) | P drift | max error vs exact | setup / run / files |",
    "|---|---|---:|---|---:|---:|---:|---:|---:|---:|"];
  for (const s of out) {
    const d = s.invariants.drift;
    lines.push(`| ${s.case} | ${s.method} | ${s.steps} | ${s.dtInitial.toPrecision(4)} → ${s.dtFinal.toPrecision(5)} | ${s.adaptations} | ${s.t.length} | ${d.energy.toExponential(1)} | ${d.momentum.toExponential(1)} | ${s.maxError === null ? "—" : s.maxError.toExponential(1)} | ${s.timing.setupMs.toFixed(0)} / ${s.timing.integrateMs.toFixed(0)} / ${((s.timing as Record<string, number>).outputMs ?? 0).toFixed(0)} ms |`);
  }
  return lines.join("\n");
}

export function runKg(a: KgArgs): number {
  const warn = (m: string) => { console.error(`samudra kg: warning: ${m}`); };
  const runs: Array<{ options: KgOptions; raw: Record<string, unknown>; source: string }> = [];
  let common: ReturnType<typeof commonArgs>;
  try {
    common = commonArgs(a);
    if (a.method !== undefined && !["verlet", "strang_exact", "yoshida4", "yoshida6", "kahanli6"].includes(a.method)) throw new UsageError(`--method must be verlet, strang_exact, yoshida4, yoshida6 or kahanli6; got "${a.method}"`);
    if (a.legacy && a.method) throw new UsageError("--legacy runs the seed's leapfrog; drop --method or --legacy");
    const sets = parseSets(a.set, "kg");
    if (a.config) runs.push({ ...load(a.config, warn), source: a.config });
    else {
      const cases = a.all ? ["case1", "case2", "case3", "case4"] : [a.positionals[0] ?? "case1"];
      for (const c of cases) {
        if (!KG_CASES.includes(c as KgCase)) throw new UsageError(unknownCase(c, KG_CASES));
        runs.push({ options: { case: c as KgCase }, raw: {}, source: `built-in case ${c}` });
      }
    }
    // initial_field from --set is relative to the current directory, from a config file to that file's directory
    const fieldBase = (source: string) => (sets.raw.initial_field !== undefined || !a.config ? process.cwd() : path.dirname(source));
    runs.splice(0, runs.length, ...runs.map((r) => withFieldFile(withSets(r, sets), "kg", fieldBase(r.source))));
    // every run is set up (and disposed) before the first starts: a usage error never leaves a partial set of runs
    for (const run of runs) checkRun(run.source, () => new KgRun({ ...run.options, ...(a.legacy ? { legacy: true } : {}), ...(a.method ? { method: a.method as never } : {}), ...(common.dt ? { dt: common.dt } : {}) }, "samudra kg").dispose());
  } catch (e) {
    console.error(`samudra kg: ${(e as Error).message}${e instanceof UsageError ? "\nRun `samudra kg --help` for usage." : ""}`);
    return exitCodeOf(e);
  }
  const { dt, formats } = common;

  const summaries: KgSummary[] = [];
  const wrote: string[] = [];
  for (const run of runs) {
    const o: KgOptions = { ...run.options, ...(a.legacy ? { legacy: true } : {}), ...(a.method ? { method: a.method as never } : {}), ...(dt ? { dt } : {}) };
    const fmts = runFormats(formats, run.raw, a.format !== undefined);
    const outDir = a.outputDir ?? (typeof run.raw.output_dir === "string" ? run.raw.output_dir : "outputs");
    let out: KgOutputs | null = null, files: RunFiles | null = null;
    let disposeRun = () => {};
    const logLines: string[] = [`samudra ${version} — kg run log`, `started ${new Date().toISOString()}`, `config: ${run.source}`];
    let stem = "kg";
    try {
      let onStep = (_p: { t: number; steps: number; stepSize: number }) => {};
      const kg = new KgRun({ ...o, onProgress: (p) => onStep(p) }, "samudra kg");
      disposeRun = () => kg.dispose();
      const r = kg.options;
      stem = scenarioStem(r.scenarioName) + (r.legacy ? "" : "_corrected");
      logLines.push("PARAMETERS", ...Object.entries(r).map(([k, v]) => `  ${k} = ${v}`));
      files = new RunFiles(outDir, stem, (m) => warn(m));
      out = new KgOutputs(outDir, stem, r, kg.x, fmts, kg.hasExact);
      const progress = new Progress(`kg ${r.caseName}`, a.quiet || a.json, r.nFrames + 1);
      onStep = (p) => progress.update(p.t / r.tFinal, `t = ${p.t.toPrecision(4)}  ${p.steps} steps`);
      for (let s = kg.step(); s; s = kg.step()) {
        out.add(s);
        progress.update((s.index + 1) / (r.nFrames + 1), `t = ${s.t.toPrecision(4)}`);
      }
      progress.done();
      const sum = kg.summary();
      for (const w of sum.warnings) warn(`${r.caseName}: ${w}`);
      const failed = sum.status !== "ok";
      if (failed && sum.t.length === 0) throw new Error(`${r.caseName}: ${sum.message}`);
      const fps = typeof run.raw.fps === "number" ? run.raw.fps : 30;
      const dpi = typeof run.raw.dpi === "number" ? run.raw.dpi : 150;
      out.finish(sum, sum.x, fps, dpi);
      (sum.timing as Record<string, number>).outputMs = Object.values(out.timing).reduce((x, y) => x + y, 0);
      logLines.push("SOLVER", `  steps = ${sum.steps}`, `  status = ${sum.status}`, `  message = ${sum.message}`, `  t reached = ${sum.tReached}`,
        `  dt initial/final = ${sum.dtInitial} / ${sum.dtFinal}`, `  adaptations = ${sum.adaptations}`, ...sum.dtHistory.map((h) => `    step ${h.step}: dt = ${h.dt}`),
        "RESULTS", `  energy H(0) = ${sum.invariants.energy[0]}, H(end) = ${sum.invariants.energy[sum.invariants.energy.length - 1]}, max relative drift = ${sum.invariants.drift.energy}`,
        `  momentum max drift = ${sum.invariants.drift.momentum}`, `  max spectral tail fraction = ${sum.maxTailFraction}`, ...sum.warnings.map((w) => `  WARNING: ${w}`),
        "TIMING (ms)", `  setup = ${sum.timing.setupMs.toFixed(1)}`, `  integrate = ${sum.timing.integrateMs.toFixed(1)}`, ...Object.entries(out.timing).map(([k, v]) => `  ${k} = ${v.toFixed(1)}`),
        `${failed ? "ENDED EARLY" : "completed"} ${new Date().toISOString()}`);
      const published = files.complete(path.join(outDir, `${stem}.log`), logLines, failed ? { cmd: "kg", what: r.caseName, message: sum.message, kept: `${sum.t.length} frames` } : null);
      if (!published) return 1;
      summaries.push(sum);
      wrote.push(...describeFiles(published));
    } catch (e) {
      out?.abort();
      const msg = failureMessage(e).replace(/^samudra kg: /, "");
      logLines.push(`FAILED: ${msg}`);
      const log = failRun(files, outDir, stem, logLines);
      console.error(`samudra kg: ${msg}${log ? `\n  (log: ${log}; no other file was changed)` : ""}`);
      return exitCodeOf(e);
    } finally {
      disposeRun();
    }
  }
  if (a.quiet) return 0;
  if (a.json) console.log(JSON.stringify(summaries.map((s) => ({ case: s.case, legacy: s.legacy, method: s.method, steps: s.steps, adaptations: s.adaptations, dtInitial: s.dtInitial, dtFinal: s.dtFinal, frames: s.t.length, drift: s.invariants.drift, maxError: s.maxError, maxTailFraction: s.maxTailFraction, warnings: s.warnings, timing: s.timing, samudra: version })), null, 2));
  else console.log(`${table(summaries)}\nfiles written:${wrote.map((w) => `\n  ${w}`).join("")}`);
  return 0;
}
