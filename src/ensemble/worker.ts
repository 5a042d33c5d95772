/**
 * A BullMQ worker for samudra sweeps: listens on the ensemble queue of a Redis and runs its jobs in BullMQ's
 * sandbox (processor.ts in worker threads: each thread instantiates the WASM once; a crash of a member cannot take
 * the worker down). `concurrency` jobs at a time (default: the available cores). A worker that dies mid-job (kill
 * -9, power loss) holds its job's lock for `lockDuration` ms; then BullMQ's stalled-job check (every
 * `stalledInterval` ms) hands the job to another worker.
 */
import os from "node:os";
import { workerFile } from "./worker-file.js";
import { redisOptions, QUEUE } from "./bullmq.js";

/** Options of `startWorker` (and `samudra worker`). */
export interface WorkerOptions {
  /** Redis URL, e.g. redis://10.0.0.5:6379. */
  redis: string;
  /** Jobs run at once (default os.availableParallelism()). */
  concurrency?: number;
  /** Queue name (default "samudra-ensemble"). */
  queue?: string;
  /** Lock time of a job in ms, renewed while it runs (default 10000); a dead worker's job moves on after it. */
  lockDuration?: number;
  /** How often stalled jobs are looked for, in ms (default 5000). */
  stalledInterval?: number;
  /** Called when a job completes or fails (for logs). */
  onJob?: (e: { id: string; name: string; ok: boolean; error?: string }) => void;
}

/** A running worker: `close()` finishes the jobs in hand and disconnects. */
export interface WorkerHandle {
  /** Stops taking jobs, waits for the running ones, disconnects. */
  close(): Promise<void>;
  /** Resolves when the worker is connected and waiting for jobs. */
  ready: Promise<void>;
}

/**
 * Starts a worker on this machine.
 *
 * @example
 * const w = startWorker({ redis: "redis://127.0.0.1:6379", concurrency: 2 });
 * // … sweeps run …
 * await w.close();
 */
export function startWorker(o: WorkerOptions): WorkerHandle {
  const connection = redisOptions(o.redis);
  const concurrency = o.concurrency ?? os.availableParallelism();
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) throw new RangeError(`startWorker: concurrency must be an integer ≥ 1, got ${concurrency}`);
  let worker: import("bullmq").Worker | null = null;
  const ready = (async () => {
    const { Worker } = await import("bullmq");
    worker = new Worker(o.queue ?? QUEUE, workerFile("processor.js"), {
      connection, concurrency, useWorkerThreads: true,
      lockDuration: o.lockDuration ?? 10_000, stalledInterval: o.stalledInterval ?? 5_000, maxStalledCount: 5,
    });
    worker.on("error", () => {});   // connection errors: ioredis reconnects
    worker.on("completed", (j) => o.onJob?.({ id: String(j.id), name: j.name, ok: true }));
    worker.on("failed", (j, err) => o.onJob?.({ id: String(j?.id), name: j?.name ?? "?", ok: false, error: err.message }));
    await worker.waitUntilReady();
  })();
  return {
    ready,
    async close() { await ready.catch(() => {}); await worker?.close(); },
  };
}
