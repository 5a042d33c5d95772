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

/** How long the producer keeps retrying an unreachable Redis: before the first contact, and during a sweep. */
const FIRST_CONTACT_MS = 20_000, UNREACHABLE_MS = 600_000;

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
 * Members per job: 1 for chains; else `chunk`, by default 1 up to MAX_JOBS members and ⌈n / MAX_JOBS⌉ beyond (a
 * grid of 10⁶ members becomes 10⁴ jobs of 100: Redis holds the jobs, and the per-job overhead is paid per chunk).
 *
 * @example
 * chunkSize(normalizeSpec({ model: "kg", grid: { velocity: { from: 0.1, to: 0.3, num: 50000 } } }));   // 5
 */
export function chunkSize(spec: NormalSpec, chunk?: number): number {
  if (spec.chain) return 1;
  return chunk ?? Math.max(1, Math.ceil(memberCount(spec) / MAX_JOBS));
}

/** Jobs per sweep above which members are grouped by default (see chunkSize). */
export const MAX_JOBS = 10_000;

/**
 * The members of each job, [first, last]: chains and chunk 1 → one member per job.
 *
 * @example
 * jobChunks(normalizeSpec({ model: "kg", grid: { velocity: [0.1, 0.2, 0.3] } }), 2);   // [[0, 1], [2, 2]]
 */
export function jobChunks(spec: NormalSpec, chunk?: number): Array<[number, number]> {
  const n = memberCount(spec), size = chunkSize(spec, chunk), out: Array<[number, number]> = [];
  for (let a = 0; a < n; a += size) out.push([a, Math.min(n, a + size) - 1]);
  return out;
}

/** `p`, or a rejection after `ms` (commands wait while ioredis reconnects: maxRetriesPerRequest is null). */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let t: ReturnType<typeof setTimeout>;
  return Promise.race([p, new Promise<never>((_, rej) => { t = setTimeout(() => rej(new Error(`no answer from Redis within ${ms / 1000} s (${what})`)), ms); })]).finally(() => clearTimeout(t));
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
  const size = chunkSize(spec, o.chunk), chunks = jobChunks(spec, size), n = memberCount(spec);
  const queue = new Queue(queueName, { connection });
  const flow = new FlowProducer({ connection });
  queue.on("error", () => {}); flow.on("error", () => {});   // reconnects are retried below
  const local = Array.from({ length: o.localWorkers ?? 0 }, () => startWorker({ redis: o.redis!, queue: queueName, concurrency: 1 }));
  const chunkOf = new Map(chunks.map(([a, b]) => [jobId(hash, a, b), [a, b] as const]));
  let resumed = -1, lastDone = -1, lastOk = Date.now(), reached = false, lastError = "";
  try {
    for (;;) {
      if (o.signal?.aborted) { const e = new Error("ensemble: the sweep was aborted (the AbortSignal fired); its jobs stay in Redis and a re-run resumes them"); e.name = "AbortError"; throw e; }
      try {
        const job = await within(Job.fromId(queue, parentId), 5000, "looking up the sweep");
        if (!job) {
          await within(flow.add({
            name: "reduce", queueName, data: { hash, members: n }, opts: { jobId: parentId, removeOnComplete: false, removeOnFail: false },
            children: chunks.map(([a, b]) => ({
              name: "member", queueName, data: { spec, first: a, last: b },
              opts: { jobId: jobId(hash, a, b), attempts: o.attempts ?? 3, backoff: { type: "exponential", delay: 1000 }, removeOnComplete: false, removeOnFail: false, ignoreDependencyOnFailure: true },
            })),
          }), 30_000, "adding the sweep's jobs");
          if (resumed < 0) resumed = 0;
          continue;
        }
        const state = await within(job.getState(), 5000, "the sweep's state");
        lastOk = Date.now(); reached = true;
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
        const c = await within(job.getDependenciesCount(), 5000, "counting finished members");
        const doneJobs = (c.processed ?? 0) + (c.ignored ?? 0) + (c.failed ?? 0);
        const done = Math.min(n, doneJobs === chunks.length ? n : doneJobs * size);
        if (resumed < 0) resumed = done;
        if (done !== lastDone) { lastDone = done; o.onProgress?.({ done, total: n, failed: 0, resumed }); }
      } catch (e) {
        const msg = (e as Error).message;
        if ((e as Error).name === "AbortError" || msg.startsWith("ensemble:")) throw e;
        if (/Redis version/i.test(msg)) throw new Error(`ensemble: ${msg}; upgrade Redis (samudra is tested with Redis 7.0)`);
        // Redis unreachable or restarting: wait and ask again (a restarted, empty Redis gets the flow again) —
        // for up to UNREACHABLE_MS once it was reached, FIRST_CONTACT_MS before
        lastError = msg;
        const limit = reached ? UNREACHABLE_MS : FIRST_CONTACT_MS;
        if (Date.now() - lastOk > limit) throw new Error(`ensemble: cannot reach Redis at ${o.redis} for ${limit / 1000} s (${lastError}); check the URL and that redis-server runs${reached ? "; the jobs stay in Redis and a re-run resumes them" : ""}`);
      }
      await sleep(200, o.signal);
    }
  } finally {
    await Promise.allSettled(local.map((w) => w.close()));
    // a clean close, or (Redis unreachable) a forced disconnect: no reconnecting socket may keep the process alive
    const closed = await Promise.allSettled([within(flow.close(), 5000, "closing"), within(queue.close(), 5000, "closing")]);
    if (closed.some((c) => c.status === "rejected")) await Promise.allSettled([within(flow.disconnect(), 2000, "disconnecting"), within(queue.disconnect(), 2000, "disconnecting")]);
  }
}
