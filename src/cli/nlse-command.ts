/**
 * `samudra nlse [case] [--config FILE] [--all] [-o DIR] [--format nc,csv,json,png,gif,svg] [--legacy]
 *  [--method NAME] [--dt DT] [--json] [-q]` — runs NLSE cases from samudra's bundled configs (configs/nlse/,
 * shipped in the package) or a seed config file, writes the files, prints a summary table.
 * Exit codes: 0 ok, 1 runtime failure, 2 usage or config error. A failed run leaves no partial files.
 */
import { fileURLToPath } from "node:url";
import path from "node:path";
import { nlse, version } from "../index.js";
import { scenarioStem } from "../io/config.js";
import { NlseOutputs, FORMATS } from "./nlse-outputs.js";
import { UsageError, commonArgs, loadConfigFile, runFormats, exitCodeOf, parseSets, withSets, checkRun, unknownCase, type ModelArgs } from "./run-args.js";
import { withFieldFile } from "./field-option.js";
import { RunFiles, failRun, describeFiles, failureMessage } from "./run-files.js";
import { Progress } from "./progress.js";
import type { NlseOptions } from "../models/nlse/options.js";
import type { NlseSummary } from "../models/nlse/model.js";

export const NLSE_HELP = `samudra nlse — 1-D nonlinear Schrödinger solver (pseudo-spectral, WASM)

Usage:
  samudra nlse [case] [options]          a bundled case (default single_soliton)
  samudra nlse --config FILE [options]   a config file (.yaml/.yml/.json, or the seed's key = value .txt)
  samudra nlse --all [options]           the four seed cases

Cases: ${nlse.CASES.join(", ")}

Options:
  -o, --output-dir DIR  where files go (default: the config's output_dir, else ./outputs)
  --format LIST         any of ${FORMATS.join(",")} (default: all; save_netcdf/save_animation: false drop nc/gif)
  --legacy              reproduce the seed exactly (DOP853, filter inside the RHS, max_step 0.1)
  --method NAME         dop853 | rk45 | strang | yoshida4 | yoshida6 | kahanli6 | etdrk4
  --dt DT               step for the fixed-step methods
  --set KEY=VALUE       override a config key (snake_case as in the files, or camelCase), typed as in a
                        .txt config; repeatable; e.g. --set t_final=5 --set n_snapshots=11
  --json                print the run summaries as JSON instead of the table
  -q, --quiet           print only errors (no progress bar, no table)

Examples:
  samudra nlse single_soliton --legacy              # nfev 23354, as the seed
  samudra nlse two_soliton --method yoshida6 --dt 0.005 -o runs
  samudra nlse --config two_soliton.txt --format nc,csv
  samudra nlse --all --legacy --json

Files per run (in the output dir; legacy runs' <stem> ends in _legacy): <stem>.nc, <stem>_invariants.csv,
<stem>_summary.json, <stem>_spacetime.{png,svg}, <stem>_spectrum.{png,svg}, <stem>.gif, <stem>_invariants.svg and
<stem>.log (in the config's log_dir if set). They appear together when the run ends; a run that ends early writes
<stem>.failed.* instead and leaves the previous files alone. Exit codes: 0 ok, 1 run failed, 2 usage, 130/143 signal.`;

export type NlseArgs = ModelArgs;

const bundledDir = () => path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "configs", "nlse");

function load(file: string, warn: (m: string) => void): { options: NlseOptions; raw: Record<string, unknown> } {
  const { options, raw } = loadConfigFile(file, "nlse", warn);
  return { options: options as NlseOptions, raw };
}

function table(out: NlseSummary[]): string {
  const lines = [`samudra ${version} — nlse${out[0].legacy ? " (legacy: seed parity)" : ""}`,
    "| case | method | nfev | steps acc/rej | mass drift | momentum drift | H drift | max error vs exact | setup / run / files |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|"];
  for (const s of out) {
    const d = s.invariants.drift;
    lines.push(`| ${s.case} | ${s.method}${s.dt ? ` dt=${s.dt.toPrecision(3)}` : ""} | ${s.nfev} | ${s.steps.accepted}/${s.steps.rejected} | ${d.mass.toExponential(1)} | ${d.momentum.toExponential(1)} | ${d.hamiltonian.toExponential(1)} | ${s.maxError === null ? "—" : s.maxError.toExponential(1)} | ${s.timing.setupMs.toFixed(0)} / ${s.timing.integrateMs.toFixed(0)} / ${((s.timing as Record<string, number>).outputMs ?? 0).toFixed(0)} ms |`);
  }
  return lines.join("\n");
}

export function runNlse(a: NlseArgs): number {
  const warn = (m: string) => { console.error(`samudra nlse: warning: ${m}`); };
  const runs: Array<{ options: NlseOptions; raw: Record<string, unknown>; source: string }> = [];
  let common: ReturnType<typeof commonArgs>;
  try {
    common = commonArgs(a);
    const sets = parseSets(a.set, "nlse");
    if (a.config) runs.push({ ...load(a.config, warn), source: a.config });
    else {
      const cases = a.all ? nlse.SEED_CASES : [a.positionals[0] ?? "single_soliton"];
      for (const c of cases) {
        if (!nlse.CASES.includes(c as never)) throw new UsageError(unknownCase(c, nlse.CASES));
        const file = path.join(bundledDir(), `${c}.yaml`);
        runs.push({ ...load(file, warn), source: file });
      }
    }
    // initial_field from --set is relative to the current directory, from a config file to that file's directory
    const fieldBase = (source: string) => (sets.raw.initial_field !== undefined || !a.config ? process.cwd() : path.dirname(source));
    runs.splice(0, runs.length, ...runs.map((r) => withFieldFile(withSets(r, sets), "nlse", fieldBase(r.source))));
    // every run is set up (and disposed) before the first starts: a usage error never leaves a partial set of runs
    for (const run of runs) checkRun(a.config ? run.source : "built-in", () => nlse.create({ ...run.options, ...(a.legacy ? { legacy: true } : {}), ...(a.method ? { method: a.method as never } : {}), ...(common.dt ? { dt: common.dt } : {}) }).dispose());
  } catch (e) {
    console.error(`samudra nlse: ${(e as Error).message}${e instanceof UsageError ? "\nRun `samudra nlse --help` for usage." : ""}`);
    return 2;
  }
  const { dt, formats } = common;

  const summaries: NlseSummary[] = [];
  const wrote: string[] = [];
  for (const run of runs) {
    const o: NlseOptions = { ...run.options, ...(a.legacy ? { legacy: true } : {}), ...(a.method ? { method: a.method as never } : {}), ...(dt ? { dt } : {}) };
    const fmts = runFormats(formats, run.raw, a.format !== undefined);
    const outDir = a.outputDir ?? (typeof run.raw.output_dir === "string" ? run.raw.output_dir : "outputs");
    const logDir = typeof run.raw.log_dir === "string" && !a.outputDir ? run.raw.log_dir : outDir;
    let outputs: NlseOutputs | null = null, files: RunFiles | null = null;
    const logLines: string[] = [`samudra ${version} — nlse run log`, `started ${new Date().toISOString()}`, `config: ${run.source}`];
    let stem = "nlse";
    try {
      const runObj = nlse.create(o);
      const r = runObj.options;
      const x = runObj.x;
      runObj.dispose();
      // legacy and corrected runs of one case never overwrite each other
      stem = scenarioStem(r.scenarioName) + (r.legacy ? "_legacy" : "");
      logLines.push("PARAMETERS", ...Object.entries({ case: r.caseName, legacy: r.legacy, method: r.method, L: r.L, N: r.N, tStart: r.tStart, tFinal: r.tFinal, nSnapshots: r.nSnapshots, beta: r.beta, gamma: r.gamma, rtol: r.rtol, atol: r.atol, maxStep: r.maxStep, dt: r.dt, filter: r.filter, maxSteps: r.maxSteps, ...r.p }).map(([k, v]) => `  ${k} = ${v}`));
      files = new RunFiles(outDir, stem, (m) => warn(m));
      outputs = new NlseOutputs(outDir, stem, r, x, fmts);
      const progress = new Progress(`nlse ${r.caseName}`, a.quiet || a.json, r.nSnapshots);
      const steps = (p: { t: number; steps: number; stepSize: number }) => progress.update((p.t - r.tStart) / r.tFinal, `t = ${p.t.toPrecision(4)}  h = ${p.stepSize.toExponential(2)}  ${p.steps} steps`);
      const sum = nlse.simulate({ ...o, onProgress: steps }, (s) => {
        outputs!.add(s);
        progress.update((s.index + 1) / r.nSnapshots, `t = ${s.t.toPrecision(4)}${s.stepSize > 0 ? `  h = ${s.stepSize.toExponential(2)}` : ""}`);
      });
      progress.done();
      for (const w of sum.warnings) warn(`${r.caseName}: ${w}`);
      const failed = sum.status !== "ok";
      if (failed && sum.t.length === 0) throw new Error(`${r.caseName}: ${sum.message}`);
      const fps = typeof run.raw.fps === "number" ? run.raw.fps : 20;
      const dpi = typeof run.raw.dpi === "number" ? run.raw.dpi : 100;
      outputs.finish(sum, x, fps, dpi);
      (sum.timing as Record<string, number>).outputMs = Object.values(outputs.timing).reduce((p, q) => p + q, 0);
      logLines.push("SOLVER", `  nfev = ${sum.nfev}`, `  steps accepted/rejected = ${sum.steps.accepted}/${sum.steps.rejected}`, `  status = ${sum.status}`, `  message = ${sum.message}`, `  t reached = ${sum.tReached}`,
        "RESULTS", `  mass drift = ${sum.invariants.drift.mass}`, `  momentum drift = ${sum.invariants.drift.momentum}`, `  Hamiltonian drift = ${sum.invariants.drift.hamiltonian}`, `  max error vs exact = ${sum.maxError ?? "n/a"}`,
        `  max spectral tail fraction = ${sum.maxTailFraction}`, ...sum.warnings.map((w) => `  WARNING: ${w}`),
        "TIMING (ms)", `  setup = ${sum.timing.setupMs.toFixed(1)}`, `  integrate (incl. snapshot output) = ${sum.timing.integrateMs.toFixed(1)}`, ...Object.entries(outputs.timing).map(([k, v]) => `  ${k} = ${v.toFixed(1)}`),
        `${failed ? "ENDED EARLY" : "completed"} ${new Date().toISOString()}`);
      const published = files.complete(path.join(logDir, `${stem}.log`), logLines, failed ? { cmd: "nlse", what: r.caseName, message: sum.message, kept: `${sum.t.length} snapshots` } : null);
      if (!published) return 1;
      summaries.push(sum);
      wrote.push(...describeFiles(published));
    } catch (e) {
      outputs?.abort();
      const msg = failureMessage(e);
      logLines.push(`FAILED: ${msg}`);
      const log = failRun(files, logDir, stem, logLines);
      console.error(`samudra nlse: ${msg}${log ? `\n  (log: ${log}; no other file was changed)` : ""}`);
      return exitCodeOf(e);
    }
  }
  if (a.quiet) return 0;
  if (a.json) console.log(JSON.stringify(summaries.map((s) => ({ case: s.case, legacy: s.legacy, method: s.method, nfev: s.nfev, steps: s.steps, dt: s.dt, drift: s.invariants.drift, maxError: s.maxError, maxTailFraction: s.maxTailFraction, warnings: s.warnings, timing: s.timing, samudra: version })), null, 2));
  else console.log(`${table(summaries)}\nfiles written:${wrote.map((w) => `\n  ${w}`).join("")}`);
  return 0;
}
