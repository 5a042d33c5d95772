/**
 * `ensemble.run(spec, { executor, concurrency, signal, onProgress })`: the members of a sweep (pure functions of
 * (spec, member index), member.ts) run serially, on a worker-thread pool (piscina; each thread init()s once) or as
 * BullMQ jobs on Redis (bullmq.ts), and are reduced by index (result.ts) — so the three executors give the same
 * bits. Before anything runs, the spec is validated and the first and last members' options are checked by their
 * model (a typo in `base` fails the sweep at once; a bad option of one member in the middle fails that member alone).
 * Cancellation: the AbortSignal stops the sweep between members (and inside a member's run); `run` then rejects
 * with an AbortError.
 */
import os from "node:os";
import { setMaxListeners } from "node:events";
import { init, runtimeInfo, nlse, kleinGordon, school } from "../index.js";
import { normalizeSpec, SpecError, type SweepSpec, type NormalSpec } from "./spec.js";
import { memberCount, memberOptions, zoneRadii } from "./grid.js";
import { runMember, type MemberResult } from "./member.js";
import { reduce, type EnsembleResult } from "./result.js";
import { workerFile } from "./worker-file.js";

/** Progress of a sweep: members finished (from this run or found finished in Redis), the total, failures. */
export interface EnsembleProgress {
  /** Members finished so far. */
  done: number;
  /** Members in the sweep. */
  total: number;
  /** Members finished with status "failed" so far. */
  failed: number;
  /** Members that were already finished (bullmq resume) when this run started. */
  resumed: number;
}

/** Options of `ensemble.run`. */
export interface RunOptions {
  /** Where members run: "threads" (default), "serial" or "bullmq". */
  executor?: "serial" | "threads" | "bullmq";
  /** threads: pool size (default os.availableParallelism()); bullmq: ignored (workers set their own). */
  concurrency?: number;
  /** Stops the sweep; `run` rejects with an AbortError (bullmq: the jobs stay in Redis, a re-run resumes). */
  signal?: AbortSignal;
  /** Called after every finished member. */
  onProgress?: (p: EnsembleProgress) => void;
  /** bullmq: the Redis URL (redis://host:port). */
  redis?: string;
  /** bullmq: members per job (default 1, or ⌈members / 10⁴⌉ for larger sweeps; chains are always one per job). */
  chunk?: number;
  /** bullmq: attempts per job for transient failures (default 3, exponential backoff from 1 s). */
  attempts?: number;
  /** bullmq: queue name (default "samudra-ensemble"; workers must listen on the same). */
  queue?: string;
  /** bullmq: also run `localWorkers` worker processes' worth of processing in this process (default 0). */
  localWorkers?: number;
}

function abortError(): Error {
  const e = new Error("ensemble: the sweep was aborted (the AbortSignal fired)");
  e.name = "AbortError";
  return e;
}

/**
 * Checks the options of the first and last member with their model (creates and disposes a run); throws a
 * SpecError naming the member and the model's message.
 *
 * @example
 * checkSpec(normalizeSpec({ model: "kg", base: { velocty: 0.2 } }));   // SpecError: member 0 …: unknown option "velocty" — did you mean "velocity"?
 */
export function checkSpec(spec: NormalSpec): void {
  const n = memberCount(spec);
  for (const m of n > 1 ? [0, n - 1] : [0]) {
    const o = memberOptions(spec, m);
    if (spec.chain) o[spec.chain.over] = spec.chain.values[0];
    try {
      if (spec.model === "kg") kleinGordon.create(o as kleinGordon.KgOptions).dispose();
      else if (spec.model === "nlse") nlse.create(o as nlse.NlseOptions).dispose();
      else school.create(zoneRadii(o, school.CASE_DEFAULTS[(o.case ?? "case1") as school.SchoolCase]?.rRepulsion ?? 1) as school.SchoolOptions).dispose();
    } catch (e) {
      throw new SpecError(`member ${m} (options ${JSON.stringify(o)}): ${(e as Error).message}`);
    }
  }
}

function tracker(total: number, onProgress: RunOptions["onProgress"], resumed = 0) {
  let done = resumed, failed = 0;
  return (r: MemberResult | null) => {
    if (r) { done++; if (r.status === "failed") failed++; }
    onProgress?.({ done, total, failed, resumed });
  };
}

async function serial(spec: NormalSpec, o: RunOptions): Promise<MemberResult[]> {
  const n = memberCount(spec), out: MemberResult[] = [], tick = tracker(n, o.onProgress);
  for (let m = 0; m < n; m++) {
    if (o.signal?.aborted) throw abortError();
    const r = runMember(spec, m, o.signal);
    if (o.signal?.aborted) throw abortError();
    out.push(r);
    tick(r);
    if (m % 8 === 7) await new Promise((res) => setImmediate(res));   // let timers and signals through
  }
  return out;
}

async function threads(spec: NormalSpec, o: RunOptions): Promise<MemberResult[]> {
  const { Piscina } = await import("piscina");
  const n = memberCount(spec), tick = tracker(n, o.onProgress);
  const size = o.concurrency ?? os.availableParallelism();
  const pool = new Piscina({ filename: workerFile("thread.js"), minThreads: size, maxThreads: size, idleTimeout: 1000 });
  const ac = new AbortController();
  setMaxListeners(0, ac.signal);   // piscina listens once per queued task
  const stop = () => ac.abort();
  o.signal?.addEventListener("abort", stop, { once: true });
  try {
    if (o.signal?.aborted) throw abortError();
    const out = await Promise.all(Array.from({ length: n }, (_, m) => (pool.run({ spec, index: m }, { signal: ac.signal }) as Promise<MemberResult>).then((r) => { tick(r); return r; })));
    return out;
  } catch (e) {
    if (o.signal?.aborted) throw abortError();
    throw e;
  } finally {
    o.signal?.removeEventListener("abort", stop);
    ac.abort();
    await pool.destroy();
  }
}

/**
 * Runs a sweep and returns the reduced result. Instantiates the WASM if no `init()` has run yet (the threads and
 * BullMQ sandboxes initialise their own).
 *
 * @example
 * await init();
 * const res = await ensemble.run({ model: "kg", base: { case: "kink_antikink", nx: 512, xMin: -40, xMax: 40, dt: 0.02, tFinal: 200, nFrames: 800, method: "yoshida4" },
 *                                  grid: { velocity: { from: 0.18, to: 0.3, num: 25 } } }, { executor: "threads" });
 * res.summary.outcome;   // bounces before escape per velocity, 0 = capture
 */
export async function run(spec: SweepSpec | NormalSpec, options: RunOptions = {}): Promise<EnsembleResult> {
  const s = isNormal(spec) ? spec : normalizeSpec(spec);
  const o = checkRunOptions(options);
  // the built samudra/ensemble carries its own copy of the library: instantiate its WASM once if nobody has
  if (runtimeInfo() === null) await init();
  checkSpec(s);
  let results: MemberResult[];
  if (o.executor === "serial") results = await serial(s, o);
  else if (o.executor === "threads") results = await threads(s, o);
  else {
    const { runBullmq } = await import("./bullmq.js");
    results = await runBullmq(s, o);
  }
  return reduce(s, results);
}

/**
 * True for a spec that normalizeSpec produced (it has `axes`).
 *
 * @example
 * isNormal(normalizeSpec({ model: "kg" }));   // true
 */
export function isNormal(s: unknown): s is NormalSpec {
  return s !== null && typeof s === "object" && Array.isArray((s as NormalSpec).axes) && typeof (s as NormalSpec).keep === "object";
}

const RUN_KEYS = ["executor", "concurrency", "signal", "onProgress", "redis", "chunk", "attempts", "queue", "localWorkers"];

function checkRunOptions(o: RunOptions): RunOptions {
  if (o === null || typeof o !== "object") throw new TypeError(`ensemble.run: options must be an object like { executor: "threads" }, got ${String(o)}`);
  for (const k of Object.keys(o)) if (!RUN_KEYS.includes(k)) throw new RangeError(`ensemble.run: unknown option "${k}" (options: ${RUN_KEYS.join(", ")})`);
  const executor = o.executor ?? "threads";
  if (!["serial", "threads", "bullmq"].includes(executor)) throw new RangeError(`ensemble.run: executor must be "serial", "threads" or "bullmq", got ${JSON.stringify(o.executor)}`);
  for (const k of ["concurrency", "chunk", "attempts"] as const) {
    const v = o[k];
    if (v !== undefined && !(Number.isInteger(v) && v >= 1)) throw new RangeError(`ensemble.run: ${k} must be an integer ≥ 1, got ${JSON.stringify(v)}`);
  }
  if (o.localWorkers !== undefined && !(Number.isInteger(o.localWorkers) && o.localWorkers >= 0)) throw new RangeError(`ensemble.run: localWorkers must be an integer ≥ 0, got ${JSON.stringify(o.localWorkers)}`);
  if (executor === "bullmq" && typeof o.redis !== "string") throw new RangeError(`ensemble.run: the bullmq executor needs redis: "redis://host:port" (the Redis its workers use), got ${JSON.stringify(o.redis)}`);
  if (o.signal !== undefined && (o.signal === null || typeof o.signal.aborted !== "boolean")) throw new TypeError("ensemble.run: signal must be an AbortSignal");
  if (o.onProgress !== undefined && typeof o.onProgress !== "function") throw new TypeError("ensemble.run: onProgress must be a function ({ done, total, failed, resumed }) => void");
  return { ...o, executor };
}
