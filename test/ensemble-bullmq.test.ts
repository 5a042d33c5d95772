// The bullmq executor against a private redis-server (test/helpers/redis.ts: random 127.0.0.1 port, persistence off,
// stopped by pid) with `samudra worker` processes (the built dist/cli.js): serial = bullmq bit for bit for each
// model; fault injection — a worker SIGKILLed mid-sweep, a member whose options throw, Redis restarted mid-sweep;
// resume — a producer stopped halfway and run again computes only the missing members.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Queue, QueueEvents } from "bullmq";
import { init } from "../src/index.js";
import { run, normalizeSpec, memberCount, jobId, specHash, type EnsembleResult, type SweepSpec } from "../src/ensemble/index.js";
import { redisOptions, jobChunks, QUEUE } from "../src/ensemble/bullmq.js";
import { startRedis, type RedisServer } from "./helpers/redis.js";
import { SMALL, sameBits } from "./helpers/ensemble.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
let redis: RedisServer;
const workers = new Set<ChildProcess>();

/** A `samudra worker` process (1 job at a time, 1.5 s locks so a killed worker's job moves on quickly). */
function startWorkerProcess(): ChildProcess {
  const p = spawn(process.execPath, [path.join(root, "dist/cli.js"), "worker", "--redis", redis.url, "--concurrency", "1", "--lock-ms", "1500", "-q"], { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  p.stderr!.on("data", (d) => { err += d; });
  p.on("exit", () => { workers.delete(p); if (err.trim()) console.error(`worker ${p.pid}: ${err.trim().slice(-500)}`); });
  workers.add(p);
  return p;
}

async function kill(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return;
  const gone = new Promise((r) => p.once("exit", r));
  process.kill(p.pid!, "SIGKILL");
  await gone;
}

async function stopWorkers(): Promise<void> { await Promise.all([...workers].map(kill)); }

beforeAll(async () => { await init(); redis = await startRedis(); });
afterAll(async () => { await stopWorkers(); await redis?.stop(); });

const KG24: SweepSpec = { model: "kg", base: { case: "kink_antikink", method: "yoshida4", nx: 256, xMin: -40, xMax: 40, dt: 0.04, tFinal: 120, nFrames: 240 }, grid: { velocity: { from: 0.2, to: 0.3, num: 24 } } };

describe("serial = bullmq, bit for bit (2 worker processes)", () => {
  beforeAll(() => { startWorkerProcess(); startWorkerProcess(); });
  afterAll(stopWorkers);
  for (const name of Object.keys(SMALL)) {
    it(name, async () => {
      const a = await run(SMALL[name], { executor: "serial" });
      const b = await run(SMALL[name], { executor: "bullmq", redis: redis.url });
      sameBits(a, b);
    });
  }

  it("chunks of members per job give the same bits; the job ids are content hashes of (spec, members)", async () => {
    const spec = { ...SMALL.kg, name: "chunked" };
    const a = await run(spec, { executor: "serial" });
    sameBits(a, await run(spec, { executor: "bullmq", redis: redis.url, chunk: 3 }));
    const s = normalizeSpec(spec), q = new Queue(QUEUE, { connection: redisOptions(redis.url) });
    try {
      for (const [f, l] of jobChunks(s, 3)) expect(await q.getJobState(jobId(specHash(s), f, l))).toBe("completed");
      expect(await q.getJobState(`sweep-${specHash(s)}`)).toBe("completed");
    } finally { await q.close(); }
  });

  it("a member whose options throw fails alone, with the model's message; the others equal serial", async () => {
    const spec: SweepSpec = { ...SMALL.kg, name: "one_bad", grid: undefined, list: [{ velocity: 0.3 }, { velocity: 0.25, nx: 7 }, { velocity: 0.2 }] };
    const a = await run(spec, { executor: "serial" });
    const b = await run(spec, { executor: "bullmq", redis: redis.url });
    sameBits(a, b);
    expect(Array.from(b.status)).toEqual([0, 2, 0]);
    expect(b.messages[0].message).toMatch(/nx must be an even integer ≥ 8, got 7/);
    expect(Number.isFinite(b.summary.energyDrift[0]) && Number.isFinite(b.summary.energyDrift[2])).toBe(true);
  });
});

/** Completed-job ids of the ensemble queue, and a listener that records every completion from now on. */
async function completedIds(): Promise<Set<string>> {
  const q = new Queue(QUEUE, { connection: redisOptions(redis.url) });
  try { return new Set((await q.getCompleted(0, -1)).map((j) => String(j.id))); } finally { await q.close(); }
}

describe("fault injection and resume", () => {
  afterAll(stopWorkers);

  it("a worker SIGKILLed mid-sweep: the sweep completes, every member once, identical to serial", async () => {
    const spec = { ...KG24, name: "sigkill" };
    const serial = await run(spec, { executor: "serial" });
    const victim = startWorkerProcess();
    startWorkerProcess();
    let killed = false;
    const res = await run(spec, { executor: "bullmq", redis: redis.url, onProgress: (p) => { if (!killed && p.done >= 3) { killed = true; void kill(victim); } } });
    expect(killed).toBe(true);
    expect(victim.signalCode).toBe("SIGKILL");
    expect(res.members).toBe(24);
    sameBits(serial, res);
    await stopWorkers();
  });

  it("resume: a producer stopped partway, run again, computes only the missing members", async () => {
    const spec = { ...KG24, name: "resume", base: { ...KG24.base, nx: 512, tFinal: 200, nFrames: 400 } }, s = normalizeSpec(spec), n = memberCount(s);
    const ids = new Set(jobChunks(s).map(([a, b]) => jobId(specHash(s), a, b)));
    const w = startWorkerProcess();
    const ac = new AbortController();
    // the worker is killed and the producer stopped as soon as a few members are done: nothing runs in between
    await expect(run(spec, { executor: "bullmq", redis: redis.url, signal: ac.signal, onProgress: (p) => { if (p.done >= 4 && !ac.signal.aborted) { process.kill(w.pid!, "SIGKILL"); ac.abort(); } } })).rejects.toMatchObject({ name: "AbortError" });
    await stopWorkers();
    const before = new Set([...(await completedIds())].filter((id) => ids.has(id)));
    expect(before.size).toBeGreaterThanOrEqual(4);
    expect(before.size).toBeLessThan(n);
    const events = new QueueEvents(QUEUE, { connection: redisOptions(redis.url) });
    const second: string[] = [];
    events.on("completed", ({ jobId: id }) => { if (ids.has(id)) second.push(id); });
    await events.waitUntilReady();
    startWorkerProcess();
    let resumed = -1;
    const res = await run(spec, { executor: "bullmq", redis: redis.url, onProgress: (p) => { if (resumed < 0) resumed = p.resumed; } });
    await events.close();
    expect(resumed).toBe(before.size);
    expect(second.every((id) => !before.has(id))).toBe(true);
    expect(before.size + new Set(second).size).toBe(n);
    sameBits(await run(spec, { executor: "serial" }), res);
    await stopWorkers();
  });

  it("Redis restarted (empty) mid-sweep: the sweep starts again and completes, identical to serial", async () => {
    const spec = { ...KG24, name: "restart" };
    startWorkerProcess(); startWorkerProcess();
    let restarted: Promise<void> | null = null;
    const res: EnsembleResult = await run(spec, { executor: "bullmq", redis: redis.url, onProgress: (p) => { if (!restarted && p.done >= 4) restarted = redis.restart(); } });
    expect(restarted).not.toBeNull();
    await restarted;
    sameBits(await run(spec, { executor: "serial" }), res);
  });
});
