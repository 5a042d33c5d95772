/**
 * The `bullmq` executor (producer side): one FlowProducer flow per sweep — a parent job "reduce" (id
 * "sweep-<specHash>") whose children are "member" jobs of `chunk` consecutive members (ids hashed from spec and
 * members, wire.ts), each with `attempts` and exponential backoff, `ignoreDependencyOnFailure` so a child that
 * fails all its attempts does not block the reduction. Workers (`startWorker`, `samudra worker`, any machine that
 * reaches the Redis) run them in BullMQ's sandbox (processor.ts). The producer polls the parent job:
 *   absent → adds the flow (first run, or Redis lost its data: the sweep starts again);
 *   waiting for children → reports progress (children processed);
 *   completed → decodes the parent's return value: every member's compact result.
 * Re-running a sweep whose parent exists resumes it: finished children are not recomputed. Connection errors
 * (Redis restarting) are retried; the AbortSignal stops waiting and leaves the jobs in Redis.
 */
import type { NormalSpec } from "./spec.js";
import type { RunOptions } from "./run.js";
import { memberCount } from "./grid.js";
import { specHash, jobId, decodeResult, type WireResult } from "./wire.js";
import type { MemberResult } from "./member.js";
import { startWorker } from "./worker.js";

/** Default queue of samudra sweeps; workers listen on it. */
export const QUEUE = "samudra-ensemble";

/**
 * ioredis options from a redis:// URL (BullMQ needs maxRetriesPerRequest: null).
 *
 * @example
 * redisOptions("redis://:pw@10.0.0.5:6380/2");   // { host: "10.0.0.5", port: 6380, db: 2, password: "pw", … }
 */
export function redisOptions(url: string): Record<string, unknown> {
  let u: URL;
  try { u = new URL(url); } catch { throw new RangeError(`redis must be a URL such as redis://127.0.0.1:6379, got ${JSON.stringify(url)}`); }
  if (u.protocol !== "redis:" && u.protocol !== "rediss:") throw new RangeError(`redis must be a redis:// or rediss:// URL, got ${JSON.stringify(url)}`);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  return {
    host: u.hostname || "127.0.0.1", port: u.port ? Number(u.port) : 6379, db,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}), ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === "rediss:" ? { tls: {} } : {}),
    maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(200 * times, 2000),
  };
}

/**
 * The members of each job, [first, last]: chains and chunk 1 → one member per job.
 *
 * @example
 * jobChunks(normalizeSpec({ model: "kg", grid: { velocity: [0.1, 0.2, 0.3] } }), 2);   // [[0, 1], [2, 2]]
 */
export function jobChunks(spec: NormalSpec, chunk = 1): Array<[number, number]> {
  const n = memberCount(spec), size = spec.chain ? 1 : chunk, out: Array<[number, number]> = [];
  for (let a = 0; a < n; a += size) out.push([a, Math.min(n, a + size) - 1]);
  return out;
}

const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((res) => {
  const t = setTimeout(done, ms);
  function done() { clearTimeout(t); signal?.removeEventListener("abort", done); res(); }
  signal?.addEventListener("abort", done, { once: true });
});

/**
 * Runs a sweep through BullMQ and returns every member's result (see the module header).
 *
 * @example
 * const results = await runBullmq(spec, { redis: "redis://127.0.0.1:6379" });
 */
export async function runBullmq(spec: NormalSpec, o: RunOptions): Promise<MemberResult[]> {
  const { FlowProducer, Queue, Job } = await import("bullmq");
  const connection = redisOptions(o.redis!);
  const queueName = o.queue ?? QUEUE, hash = specHash(spec), parentId = `sweep-${hash}`;
  const chunks = jobChunks(spec, o.chunk ?? 1), n = memberCount(spec);
  const queue = new Queue(queueName, { connection });
  const flow = new FlowProducer({ connection });
  queue.on("error", () => {}); flow.on("error", () => {});   // reconnects are retried below
  const local = Array.from({ length: o.localWorkers ?? 0 }, () => startWorker({ redis: o.redis!, queue: queueName, concurrency: 1 }));
  const chunkOf = new Map(chunks.map(([a, b]) => [jobId(hash, a, b), [a, b] as const]));
  let resumed = -1, lastDone = -1;
  try {
    for (;;) {
      if (o.signal?.aborted) { const e = new Error("ensemble: the sweep was aborted (the AbortSignal fired); its jobs stay in Redis and a re-run resumes them"); e.name = "AbortError"; throw e; }
      try {
        const job = await Job.fromId(queue, parentId);
        if (!job) {
          await flow.add({
            name: "reduce", queueName, data: { hash, members: n }, opts: { jobId: parentId, removeOnComplete: false, removeOnFail: false },
            children: chunks.map(([a, b]) => ({
              name: "member", queueName, data: { spec, first: a, last: b },
              opts: { jobId: jobId(hash, a, b), attempts: o.attempts ?? 3, backoff: { type: "exponential", delay: 1000 }, removeOnComplete: false, removeOnFail: false, ignoreDependencyOnFailure: true },
            })),
          });
          if (resumed < 0) resumed = 0;
          continue;
        }
        const state = await job.getState();
        if (state === "completed") {
          if (resumed < 0) resumed = n;   // finished before this run looked: every member is resumed
          const rv = (typeof job.returnvalue === "string" ? JSON.parse(job.returnvalue) : job.returnvalue) as { results: WireResult[]; failures: Record<string, string> };
          const out = rv.results.map(decodeResult);
          for (const [key, reason] of Object.entries(rv.failures ?? {})) {
            const c = chunkOf.get(key.split(":").pop()!);
            if (c) for (let m = c[0]; m <= c[1]; m++) out.push({ index: m, status: "failed", message: `the job failed after all its attempts: ${reason}`, summary: Object.fromEntries(spec.keep.summary.map((k) => [k, new Float64Array(spec.chain ? 2 * spec.chain.values.length - 1 : 1).fill(NaN)])), series: {}, time: new Float64Array(0) });
          }
          o.onProgress?.({ done: n, total: n, failed: out.filter((r) => r.status === "failed").length, resumed: Math.max(0, resumed) });
          return out;
        }
        if (state === "failed") throw new Error(`ensemble: the sweep's reduce job failed: ${job.failedReason}`);
        const c = await job.getDependenciesCount();
        const doneJobs = (c.processed ?? 0) + (c.ignored ?? 0) + (c.failed ?? 0);
        const done = Math.min(n, doneJobs === chunks.length ? n : doneJobs * (o.chunk && !spec.chain ? o.chunk : 1));
        if (resumed < 0) resumed = done;
        if (done !== lastDone) { lastDone = done; o.onProgress?.({ done, total: n, failed: 0, resumed }); }
      } catch (e) {
        if ((e as Error).name === "AbortError" || (e as Error).message.startsWith("ensemble:")) throw e;
        // Redis unreachable or restarting: wait and ask again (a restarted, empty Redis gets the flow again)
      }
      await sleep(200, o.signal);
    }
  } finally {
    await Promise.allSettled(local.map((w) => w.close()));
    await Promise.allSettled([flow.close(), queue.close()]);
  }
}
