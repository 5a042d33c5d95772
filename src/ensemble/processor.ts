/**
 * BullMQ's sandboxed processor for samudra sweeps (built to dist/ensemble/processor.js; a Worker started by
 * `startWorker` / `samudra worker` runs it in worker threads). Each sandbox instantiates the WASM once. Jobs:
 *   "member" { spec, first, last } → { results: [WireResult…] } for members first … last (runMember: a member's
 *            own failure is a result with status "failed", not a thrown error, so it fails alone);
 *   "reduce" (the sweep's parent) → { results, failures }: every child's results, and the failure reason of any
 *            child that failed all its attempts (ignoreDependencyOnFailure keeps the parent going).
 */
import { init } from "../index.js";
import { runMember } from "./member.js";
import { encodeResult, type WireResult } from "./wire.js";
import type { NormalSpec } from "./spec.js";

await init();

interface SandboxJob {
  name: string;
  data: { spec: NormalSpec; first: number; last: number };
  getChildrenValues(): Promise<Record<string, { results: WireResult[] }>>;
  getIgnoredChildrenFailures(): Promise<Record<string, string>>;
}

/**
 * Processes one job of the ensemble queue.
 *
 * @example
 * // new Worker("samudra-ensemble", workerFile("processor.js"), { useWorkerThreads: true, connection })
 */
export default async function processor(job: SandboxJob): Promise<unknown> {
  if (job.name === "reduce") {
    const values = await job.getChildrenValues();
    const failures = await job.getIgnoredChildrenFailures();
    const results = Object.values(values).flatMap((v) => v.results);
    return { results, failures };
  }
  if (job.name !== "member") throw new Error(`samudra ensemble processor: unknown job name "${job.name}"`);
  const { spec, first, last } = job.data;
  const results: WireResult[] = [];
  for (let m = first; m <= last; m++) results.push(encodeResult(runMember(spec, m)));
  return { results };
}
