/**
 * `samudra school [case] [-c FILE] [--all] [-o DIR] [--no-entropy] [--save-interval N] [--seed N] [--mode M]
 * [--boundary B] [--format …] [--json] [-q]` — runs fish-school cases (built-in, or a config file such as the
 * seed's case*.txt), streams the files, prints the seed's eight-stage report and a summary. Exit codes: 0 ok,
 * 1 runtime failure, 2 usage or config error. A failed run leaves no partial files.
 */
import path from "node:path";
import { version } from "../index.js";
import { scenarioStem } from "../io/config.js";
import { UsageError, loadConfigFile, exitCodeOf, parseSets, withSets, checkRun, unknownCase, numberArg } from "./run-args.js";
import { SchoolOutputs, SCHOOL_FORMATS, type SchoolFormat } from "./school-outputs.js";
import { withFieldFile } from "./field-option.js";
import { RunFiles, failRun, describeFiles, failureMessage } from "./run-files.js";
import { Progress } from "./progress.js";
import { SCHOOL_CASES, CASE_DEFAULTS, resolveSchool, type SchoolOptions, type SchoolCase } from "../models/school/options.js";
import { simulate, type SchoolSummary } from "../models/school/index.js";

export const SCHOOL_HELP = `samudra school — 3-D Couzin zone model of fish schools with entropy diagnostics (WASM)

Usage:
  samudra school [case] [options]          a built-in case (default case1)
  samudra school --config FILE [options]   a config file (the seed's key = value .txt, .yaml/.yml or .json)
  samudra school --all [options]           the four seed cases case1 … case4

Cases: ${SCHOOL_CASES.join(", ")}
  case1…case4 are dewi-kadita's configs in legacy mode (its update rule, metrics and numpy random stream:
  the first ~100 steps equal the seed's NumPy run); couzin_* are Couzin et al. 2002 sets in open space
  (exact turns at 40°/s, α = 270°, wrapped-Gaussian noise): a sustained mill, a swarm, a parallel group.

Options:
  -o, --output-dir DIR     where files go (default ./outputs; the seed ignores output_dir too)
  --no-entropy             skip the seven entropies and OSI (P and M are still computed)
  --save-interval N        save every N-th step (default 1, as the seed)
  --seed N                 random seed (default: the case's)
  --mode M                 legacy | couzin2002 (default: legacy for case1–4)
  --boundary B             periodic | open | reflect (couzin2002 only)
  --set KEY=VALUE          override a config key (snake_case as in the files, or camelCase), typed as in a
                           .txt config; repeatable; e.g. --set n_steps=200 --set noise=0.1
  --format LIST            any of ${SCHOOL_FORMATS.join(",")} (default: all; save_csv/netcdf/png/gif: false drop them)
  --json                   print the summaries as JSON instead of the report
  -q, --quiet              print only errors

Examples:
  samudra school case3                              # dynamic parallel, 1500 steps, files in ./outputs
  samudra school couzin_torus --format nc,png       # a sustained mill
  samudra school --config case1_swarm.txt --seed 7 --no-entropy

Files: netcdf/<stem>.nc, csv/<stem>_{order_parameters,final_state,entropy_timeseries,entropy_summary}.csv,
figs/<stem>_summary.{png,svg}, gifs/<stem>_animation.gif, <stem>_summary.json and logs/<stem>.log.`;

export interface SchoolArgs {
  positionals: string[]; all: boolean; json: boolean; quiet: boolean; config?: string; outputDir?: string; format?: string;
  noEntropy: boolean; saveInterval?: string; seed?: string; mode?: string; boundary?: string;
  /** `--set key=value` overrides, in order. */
  set?: string[];
}

/**
 * A config without a `case` key takes the case whose scenario name it carries (the seed's case2_torus.txt says
 * "Case 2 - Torus" → case2), so the run records the right `case`; otherwise case1's defaults fill missing keys.
 */
function withCase(o: SchoolOptions): SchoolOptions {
  if (o.case !== undefined || typeof o.scenarioName !== "string") return o;
  const stem = scenarioStem(o.scenarioName);
  const c = SCHOOL_CASES.find((k) => scenarioStem(CASE_DEFAULTS[k].scenarioName ?? "") === stem);
  return c ? { ...o, case: c } : o;
}

function intArg(name: string, v: string | undefined, min: number): number | undefined {
  if (v === undefined) return undefined;
  const n = numberArg(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got "${v}"`);
  return n;
}

export function runSchool(a: SchoolArgs): number {
  const log = (m: string) => { if (!a.quiet && !a.json) console.log(m); };
  const warn = (m: string) => { console.error(`samudra school: warning: ${m}`); };
  const runs: Array<{ options: SchoolOptions; raw: Record<string, unknown>; source: string }> = [];
  const over: SchoolOptions = {};
  let formats = new Set<SchoolFormat>(SCHOOL_FORMATS);
  try {
    if (a.positionals.length > 1) throw new UsageError(`expected at most one case, got ${a.positionals.join(" ")}`);
    if (a.config && (a.all || a.positionals.length)) throw new UsageError("give a case, --all or --config, not several");
    const si = intArg("save-interval", a.saveInterval, 1), seed = intArg("seed", a.seed, 0);
    if (si !== undefined) over.saveInterval = si;
    if (seed !== undefined) over.seed = seed;
    if (a.mode !== undefined) { if (a.mode !== "legacy" && a.mode !== "couzin2002") throw new UsageError(`--mode must be legacy or couzin2002, got "${a.mode}"`); over.mode = a.mode; }
    if (a.boundary !== undefined) { if (!["periodic", "open", "reflect"].includes(a.boundary)) throw new UsageError(`--boundary must be periodic, open or reflect, got "${a.boundary}"`); over.boundary = a.boundary as SchoolOptions["boundary"]; }
    if (a.noEntropy) over.computeEntropy = false;
    if (a.format !== undefined) {
      const f = a.format.split(",").map((s) => s.trim()).filter(Boolean);
      const bad = f.find((x) => !(SCHOOL_FORMATS as string[]).includes(x));
      if (bad !== undefined || f.length === 0) throw new UsageError(`--format takes a comma-separated list of ${SCHOOL_FORMATS.join(", ")}; got "${a.format}"`);
      formats = new Set(f as SchoolFormat[]);
    }
    const sets = parseSets(a.set, "school");
    if (a.config) {
      const { options, raw } = loadConfigFile(a.config, "school", warn);
      runs.push({ options: withCase(options as SchoolOptions), raw, source: a.config });
    } else {
      for (const c of a.all ? ["case1", "case2", "case3", "case4"] : [a.positionals[0] ?? "case1"]) {
        if (!SCHOOL_CASES.includes(c as SchoolCase)) throw new UsageError(unknownCase(c, SCHOOL_CASES));
        runs.push({ options: { case: c as SchoolCase }, raw: {}, source: `built-in case ${c}` });
      }
    }
    // initial_field from --set is relative to the current directory, from a config file to that file's directory
    const fieldBase = (source: string) => (sets.raw.initial_field !== undefined || !a.config ? process.cwd() : path.dirname(source));
    runs.splice(0, runs.length, ...runs.map((r) => withFieldFile(withSets(r, sets), "school", fieldBase(r.source))));
    // every run's options are checked before the first starts: a usage error never leaves a partial set of runs
    for (const run of runs) { const { outputDir: _o, ...cfg } = run.options; checkRun(run.source, () => resolveSchool("samudra school", { ...cfg, ...over })); }
  } catch (e) {
    console.error(`samudra school: ${(e as Error).message}${e instanceof UsageError ? "\nRun `samudra school --help` for usage." : ""}`);
    return exitCodeOf(e);
  }

  const summaries: SchoolSummary[] = [];
  const outDir = a.outputDir ?? "outputs";
  for (const run of runs) {
    const { outputDir: _ignored, ...cfg } = run.options;
    const o: SchoolOptions = { ...cfg, ...over };
    const fmts = new Set(formats);
    if (a.format === undefined) {
      if (run.raw.save_csv === false) fmts.delete("csv");
      if (run.raw.save_netcdf === false) fmts.delete("nc");
      if (run.raw.save_png === false) fmts.delete("png");
      if (run.raw.save_gif === false) fmts.delete("gif");
    }
    let out: SchoolOutputs | null = null, files: RunFiles | null = null, stem = "school";
    const t0 = performance.now();
    const logLines = [`samudra ${version} — school run log`, `started ${new Date().toISOString()}`, `config: ${run.source}`];
    try {
      log(`samudra ${version} — school: ${run.source}`);
      log("[1/8] options");
      const r = resolveSchool("samudra school", o);
      stem = scenarioStem(r.scenarioName) + (r.legacy ? "" : "_couzin2002");
      logLines.push("PARAMETERS", ...Object.entries(r).map(([k, v]) => `  ${k} = ${v}`), `  density = ${r.nFish / r.boxSize ** 3}`);
      log(`      ${r.scenarioName}: N = ${r.nFish}, L = ${r.boxSize}, r = ${r.rRepulsion}/${r.rOrientation}/${r.rAttraction}, ${r.nSteps} steps × dt ${r.dt}, mode ${r.mode}, seed ${r.seed}`);
      if (r.legacy && r.rAttraction > r.boxSize / 2) log(`      note: r_a = ${r.rAttraction} > L/2 = ${r.boxSize / 2} (the seed's config; minimum-image distances truncate the attraction zone)`);
      log("[2/8] system and solver");
      files = new RunFiles(outDir, stem, warn);
      const sink = (out = new SchoolOutputs(outDir, stem, r, fmts));
      const frames = Math.floor(r.nSteps / r.saveInterval) + 1;
      const progress = new Progress(`school ${r.case}`, a.quiet || a.json, frames);
      log(`[3/8] simulating${r.computeEntropy ? "  [4/8] metrics per frame" : ""}`);
      const sum = simulate(o, (f) => {
        sink.add(f);
        progress.update((f.index + 1) / frames, `t = ${f.t.toFixed(1)}  P = ${f.metrics.polarization.toFixed(3)}`);
      });
      progress.done();
      const failed = sum.status !== "ok";
      if (failed && sum.frames === 0) throw new Error(`${r.case}: ${sum.message}`);
      log(`[5/8] CSV  [6/8] NetCDF  [7/8] figures`);
      sink.finish(sum);
      const total = (performance.now() - t0) / 1000;
      log(`[8/8] summary`);
      log(`      state (second-half means): ${sum.state}; the seed's classifier on the final frame: ${sum.finalState}`);
      log(`      P final ${sum.final.polarization.toFixed(4)}, mean ${sum.mean.polarization.toFixed(4)} ± ${sum.std.polarization.toFixed(4)}; M final ${sum.final.rotation.toFixed(4)}, mean ${sum.mean.rotation.toFixed(4)} ± ${sum.std.rotation.toFixed(4)}`);
      if (sum.options.computeEntropy) log(`      OI ${sum.mean.orderIndex.toFixed(4)}, OSI final ${sum.final.oceanicSchoolingIndex.toFixed(4)}, mean ${sum.mean.oceanicSchoolingIndex.toFixed(4)}`);
      log(`      simulation ${sum.seconds.simulation.toFixed(2)} s, metrics ${sum.seconds.metrics.toFixed(2)} s, total ${total.toFixed(2)} s`);
      logLines.push("RESULTS", `  status = ${sum.status}`, `  message = ${sum.message}`, `  t reached = ${sum.tReached}`,
        ...(["final", "mean", "std", "min", "max"] as const).map((k) => `  ${k}: ${Object.entries(sum[k]).map(([m, v]) => `${m}=${v}`).join(", ")}`),
        `  state = ${sum.state}; final-frame class = ${sum.finalState}; frames = ${sum.frames}`,
        "TIMING (s)", `  simulation = ${sum.seconds.simulation}`, `  metrics = ${sum.seconds.metrics}`, ...Object.entries(sink.timing).map(([k, v]) => `  ${k} = ${v / 1000}`), `  total = ${total}`,
        `${failed ? "ENDED EARLY" : "completed"} ${new Date().toISOString()}`);
      const published = files.complete(path.join(outDir, "logs", `${stem}.log`), logLines, failed ? { cmd: "school", what: r.case, message: sum.message, kept: `${sum.frames} frames` } : null);
      if (!published) return 1;
      for (const f of describeFiles(published)) log(`      wrote ${f}`);
      summaries.push(sum);
    } catch (e) {
      (out as SchoolOutputs | null)?.abort();
      const msg = failureMessage(e).replace(/^(school\.simulate|samudra school): /, "");
      logLines.push(`FAILED: ${msg}`);
      const logFile = failRun(files, path.join(outDir, "logs"), stem, logLines);
      console.error(`samudra school: ${msg}${logFile ? `\n  (log: ${logFile}; no other file was changed)` : ""}`);
      return exitCodeOf(e);
    }
  }
  if (a.json && !a.quiet) console.log(JSON.stringify(summaries.map((s) => ({ samudra: version, case: s.options.case, mode: s.options.mode, scenario: s.options.scenarioName, frames: s.frames, state: s.state, finalState: s.finalState, final: s.final, mean: s.mean, std: s.std, seconds: s.seconds })), null, 2));
  return 0;
}
