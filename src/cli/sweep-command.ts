/**
 * `samudra sweep SPEC [-o DIR] [--executor serial|threads|bullmq] [--concurrency N] [--redis URL] [--chunk N]` —
 * runs a sweep spec (docs/ensembles.md) and writes one output set (output-set.ts: staged, published together):
 * <stem>.nc (ensemble.toNetCDF), <stem>.csv (one row per member), <stem>_summary.png/.svg (the scan or phase
 * plot) and <stem>.log. Progress with ETA on a terminal. With --executor bullmq, re-running the same spec against
 * the same Redis resumes: finished members are not recomputed. Exit codes: 0 ok, 1 the sweep failed or some members
 * failed (their messages are in the log, the CSV and the NetCDF attributes; the files are written), 2 usage or spec.
 */
import { readFileSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import os from "node:os";
import { version, render } from "../index.js";
import { parseSpec, SpecError } from "../ensemble/spec.js";
import { run } from "../ensemble/run.js";
import { toNetCDF, toCSV } from "../ensemble/files.js";
import { summaryFigure } from "../ensemble/figure.js";
import { memberCount } from "../ensemble/grid.js";
import { RunFiles, failRun, describeFiles, failureMessage } from "./run-files.js";
import { writeAtomic } from "./file-sink.js";
import { OutputDirError } from "./output-set.js";
import { Progress } from "./progress.js";
import { UsageError, numberArg } from "./run-args.js";
import type { FlagSpecs } from "./flags.js";

/** Flags of `samudra sweep`. */
export const SWEEP_FLAGS: FlagSpecs = {
  help: { type: "boolean", short: "h" }, version: { type: "boolean", short: "v" }, quiet: { type: "boolean", short: "q" }, json: { type: "boolean" },
  "output-dir": { type: "string", short: "o", value: "DIR" }, executor: { type: "string", value: "NAME" }, concurrency: { type: "string", value: "N" },
  redis: { type: "string", value: "URL" }, chunk: { type: "string", value: "N" }, queue: { type: "string", value: "NAME" },
};

/** The text of `samudra sweep --help`. */
export const SWEEP_HELP = `samudra sweep — run a family of model runs (grid × replicates, or hysteresis chains) and reduce them into one NetCDF

Usage:
  samudra sweep SPEC.yaml [options]

The spec (YAML or JSON; docs/ensembles.md; examples in configs/sweeps/):
  model: kg                                   # kg | nlse | school
  base: { case: kink_antikink, method: yoshida4 }
  grid: { velocity: { from: 0.18, to: 0.30, num: 121 } }   # or [a, b, …] or { from, to, step }; several keys: product
  replicates: 1                               # school, nlse: seeds from (spec seed, member index)
  chain: null                                 # school: { over: rOrientation, path: up-down }
  keep: [summary]                             # or names, and series { name: phiCenter, every: 4 }

Options:
  -o, --output-dir DIR   where files go (default ./outputs)
  --executor NAME        threads (default: a worker-thread pool), serial, or bullmq (jobs on Redis, run by
                         \`samudra worker\` processes on any machine that reaches the Redis)
  --concurrency N        threads: pool size (default: the available cores, ${os.availableParallelism()} here)
  --redis URL            bullmq: the Redis, e.g. redis://10.0.0.5:6379
  --chunk N              bullmq: members per job (default 1; above 10^4 members: members/10^4; a chain: 1)
  --queue NAME           bullmq: queue name (default samudra-ensemble; the workers' --queue)
  --json                 print the per-member summary as JSON
  -q, --quiet            print only errors

Files (in the output dir): <name>.nc (the grid axes as coordinate variables, the spec as attributes), <name>.csv
(one row per member), <name>_summary.png and .svg (the scan / phase plot), <name>.log. They appear together when the
sweep ends. With bullmq, running the same spec again against the same Redis resumes: finished members are kept.
Exit codes: 0 ok, 1 the sweep failed or some members failed (listed; the files are still written), 2 usage or spec.`;

/** Arguments of `samudra sweep` after flag parsing. */
export interface SweepArgs { positionals: string[]; values: Record<string, string | boolean | string[] | undefined> }

function intFlag(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = numberArg(v);
  if (!(Number.isInteger(n) && n >= 1)) throw new UsageError(`--${name} must be an integer ≥ 1, got "${v}"`);
  return n;
}

/**
 * Runs `samudra sweep`; returns the exit code.
 *
 * @example
 * await runSweep({ positionals: ["configs/sweeps/kg_kink_antikink.yaml"], values: { executor: "threads" } });
 */
export async function runSweep(a: SweepArgs): Promise<number> {
  const str = (k: string) => a.values[k] as string | undefined;
  const quiet = a.values.quiet === true;
  let spec, executor: "serial" | "threads" | "bullmq", concurrency: number | undefined, chunk: number | undefined;
  try {
    if (a.positionals.length !== 1) throw new UsageError(a.positionals.length ? `expected one spec file, got ${a.positionals.join(" ")}` : "give the spec file: samudra sweep SPEC.yaml");
    const file = a.positionals[0];
    if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`spec file not found: ${file}`);
    spec = parseSpec(readFileSync(file, "utf8"), file);
    executor = (str("executor") ?? "threads") as typeof executor;
    if (!["serial", "threads", "bullmq"].includes(executor)) throw new UsageError(`--executor must be serial, threads or bullmq; got "${executor}"`);
    concurrency = intFlag(str("concurrency"), "concurrency");
    chunk = intFlag(str("chunk"), "chunk");
    if (executor === "bullmq" && !str("redis")) throw new UsageError("--executor bullmq needs --redis URL (e.g. --redis redis://127.0.0.1:6379), the Redis your `samudra worker` processes use");
    if (executor !== "bullmq" && (str("redis") || chunk || str("queue"))) throw new UsageError("--redis, --chunk and --queue are options of --executor bullmq");
  } catch (e) {
    console.error(`samudra sweep: ${(e as Error).message}${e instanceof UsageError ? "\nRun `samudra sweep --help` for usage." : ""}`);
    return e instanceof UsageError || e instanceof SpecError ? 2 : 1;
  }
  const outDir = str("output-dir") ?? "outputs", stem = spec.name, n = memberCount(spec);
  const log: string[] = [`samudra ${version} — sweep log`, `started ${new Date().toISOString()}`, `spec: ${a.positionals[0]}`, `executor: ${executor}${concurrency ? `, concurrency ${concurrency}` : ""}${executor === "bullmq" ? `, redis ${str("redis")}` : ""}`, `members: ${n}`, "SPEC", `  ${JSON.stringify(spec)}`];
  let files: RunFiles | null = null;
  try {
    files = new RunFiles(outDir, stem, (m) => console.error(`samudra sweep: warning: ${m}`));
    const progress = new Progress(`sweep ${stem}`, quiet || a.values.json === true, 0);
    const t0 = Date.now();
    let resumedNote = "";
    const res = await run(spec, {
      executor, ...(concurrency ? { concurrency } : {}), ...(executor === "bullmq" ? { redis: str("redis"), ...(chunk ? { chunk } : {}), ...(str("queue") ? { queue: str("queue") } : {}) } : {}),
      onProgress: (p) => {
        if (p.resumed) resumedNote = `${p.resumed} already finished in Redis`;
        const rate = (p.done - p.resumed) / Math.max(1e-3, (Date.now() - t0) / 1000);
        progress.update(p.total ? p.done / p.total : 1, `${p.done}/${p.total} members  ${rate.toPrecision(3)} members/s${p.failed ? `  ${p.failed} failed` : ""}${resumedNote ? `  (${resumedNote})` : ""}`);
      },
    });
    progress.done();
    const seconds = (Date.now() - t0) / 1000;
    writeAtomic(path.join(outDir, `${stem}.nc`), toNetCDF(res));
    writeAtomic(path.join(outDir, `${stem}.csv`), toCSV(res));
    const scene = summaryFigure(res);
    if (scene) {
      writeAtomic(path.join(outDir, `${stem}_summary.png`), render.sceneToPng(scene));
      writeAtomic(path.join(outDir, `${stem}_summary.svg`), render.sceneToSvg(scene));
    }
    const failed = res.messages.filter((m) => m.status !== "ok");
    log.push("RESULT", `  members = ${n}, failed = ${failed.filter((m) => m.status === "failed").length}, ended early = ${failed.filter((m) => m.status === "early").length}`,
      `  wall time = ${seconds.toFixed(2)} s (${(n / seconds).toPrecision(3)} members/s)${resumedNote ? `; ${resumedNote}` : ""}`,
      ...res.messages.map((m) => `  member ${m.member} (${m.status}): ${m.message}`), `completed ${new Date().toISOString()}`);
    writeAtomic(path.join(outDir, `${stem}.log`), log.join("\n") + "\n");
    const published = files.publish(false);
    if (a.values.json === true) console.log(toCSVJson(res));
    else if (!quiet) console.log(`samudra sweep ${stem}: ${n} members (${spec.model}) in ${seconds.toFixed(1)} s with ${executor}${resumedNote ? ` (${resumedNote})` : ""}\nfiles written:${describeFiles(published).map((w) => `\n  ${w}`).join("")}`);
    if (failed.length) {
      console.error(`samudra sweep: ${failed.length} of ${n} members did not complete:\n${failed.slice(0, 20).map((m) => `  member ${m.member} (${m.status}): ${m.message}`).join("\n")}${failed.length > 20 ? `\n  … (all in ${stem}.log)` : ""}`);
      return 1;
    }
    return 0;
  } catch (e) {
    const msg = failureMessage(e);
    log.push(`FAILED: ${msg}`);
    const logFile = e instanceof OutputDirError ? null : failRun(files, outDir, stem, log);
    console.error(`samudra sweep: ${msg}${logFile ? `\n  (log: ${logFile}; no other file was changed)` : ""}`);
    return e instanceof OutputDirError || e instanceof SpecError ? 2 : 1;
  }
}

function toCSVJson(res: Awaited<ReturnType<typeof run>>): string {
  const arr = (x: Float64Array) => Array.from(x, (v) => (Number.isFinite(v) ? v : null));
  return JSON.stringify({ samudra: version, name: res.spec.name, model: res.spec.model, members: res.members, dims: res.dims, shape: res.shape, coords: res.coords,
    summary: Object.fromEntries(Object.entries(res.summary).map(([k, v]) => [k, arr(v)])), status: Array.from(res.status), messages: res.messages }, null, 2);
}
