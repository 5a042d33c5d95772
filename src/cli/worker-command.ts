/**
 * `samudra worker --redis URL [--concurrency N] [--queue NAME]` — a BullMQ worker for `samudra sweep --executor
 * bullmq`: start one on every machine that can reach the Redis; it runs sweep members until stopped (Ctrl-C,
 * SIGTERM). A worker that is killed mid-job loses nothing: after the job's lock expires (10 s) another worker
 * takes the job over. Exit codes: 2 usage, 130/143 when stopped by a signal.
 */
import os from "node:os";
import { startWorker } from "../ensemble/worker.js";
import { UsageError, numberArg } from "./run-args.js";
import type { FlagSpecs } from "./flags.js";

/** Flags of `samudra worker`. */
export const WORKER_FLAGS: FlagSpecs = {
  help: { type: "boolean", short: "h" }, version: { type: "boolean", short: "v" }, quiet: { type: "boolean", short: "q" },
  redis: { type: "string", value: "URL" }, concurrency: { type: "string", value: "N" }, queue: { type: "string", value: "NAME" },
  "lock-ms": { type: "string", value: "MS" },
};

/** The text of `samudra worker --help`. */
export const WORKER_HELP = `samudra worker — run sweep members from a Redis queue (BullMQ), for \`samudra sweep --executor bullmq\`

Usage:
  samudra worker --redis redis://HOST:PORT [--concurrency N] [--queue NAME]

Start one worker per machine (each runs N members at a time, default its available cores: ${os.availableParallelism()} here), then
run \`samudra sweep SPEC --executor bullmq --redis redis://HOST:PORT\` anywhere. Workers keep running until Ctrl-C or
SIGTERM; a worker that dies mid-job loses nothing (another takes the job after its lock expires).

Options:
  --redis URL           the Redis (≥ 6.2) the sweeps use
  --concurrency N       members at once (default: the available cores)
  --queue NAME          queue name (default samudra-ensemble)
  --lock-ms MS          job lock time in ms (default 10000): how soon a dead worker's job moves on
  -q, --quiet           no per-job lines`;

/**
 * Runs `samudra worker` until the process is stopped; returns an exit code only for usage errors.
 *
 * @example
 * await runWorker({ values: { redis: "redis://127.0.0.1:6379", concurrency: "2" } });
 */
export async function runWorker(a: { positionals: string[]; values: Record<string, string | boolean | string[] | undefined> }): Promise<number> {
  const str = (k: string) => a.values[k] as string | undefined;
  let concurrency: number | undefined, lock: number | undefined;
  try {
    if (a.positionals.length) throw new UsageError(`unexpected argument "${a.positionals[0]}"`);
    if (!str("redis")) throw new UsageError("give the Redis: --redis redis://HOST:PORT");
    for (const [k, set] of [["concurrency", (n: number) => (concurrency = n)], ["lock-ms", (n: number) => (lock = n)]] as const) {
      const v = str(k);
      if (v === undefined) continue;
      const n = numberArg(v);
      if (!(Number.isInteger(n) && n >= 1)) throw new UsageError(`--${k} must be an integer ≥ 1, got "${v}"`);
      set(n);
    }
    if (!/^rediss?:\/\//.test(str("redis")!)) throw new UsageError(`--redis must be a redis:// URL, got "${str("redis")}"`);
  } catch (e) {
    console.error(`samudra worker: ${(e as Error).message}\nRun \`samudra worker --help\` for usage.`);
    return 2;
  }
  const quiet = a.values.quiet === true;
  if (!quiet) console.error(`samudra worker: connecting to ${str("redis")} …`);
  const w = startWorker({
    redis: str("redis")!, ...(concurrency ? { concurrency } : {}), ...(str("queue") ? { queue: str("queue") } : {}),
    ...(lock ? { lockDuration: lock, stalledInterval: Math.max(1000, Math.floor(lock / 2)) } : {}),
    onJob: (j) => { if (!quiet || !j.ok) console.error(`samudra worker: job ${j.id} (${j.name}) ${j.ok ? "done" : `failed: ${j.error}`}`); },
  });
  await w.ready;
  if (!quiet) console.error(`samudra worker: pid ${process.pid}, waiting for sweep jobs on ${str("redis")} (queue ${str("queue") ?? "samudra-ensemble"}, ${concurrency ?? os.availableParallelism()} at a time)`);
  return new Promise<number>(() => {});   // runs until the process is stopped (entry.ts handles SIGINT/SIGTERM)
}
