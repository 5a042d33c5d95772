// Ensemble executors: members per second for a 200-member φ⁴ kink–antikink velocity scan run serially, on a
// worker-thread pool (piscina, 2 threads) and as BullMQ jobs done by 2 local `samudra worker` processes (1 job at a
// time each) on a private redis-server (random 127.0.0.1 port, persistence off, stopped by pid); and the per-job
// overhead of bullmq and threads, from 200 trivial members (a 16-point grid, one step) minus the serial time.
// Each figure: 3 repetitions (executors in turn within each), median and range; every repetition of bullmq uses a new sweep name, so nothing is
// resumed from Redis. Wall times include starting the pool (threads) and adding the flow (bullmq); the worker
// processes are started once, before the first repetition.
// Run: npm run bench:ensemble   (needs the built package: node scripts/build.mjs; and redis-server on PATH)
import os from "node:os";
import net from "node:net";
import path from "node:path";
import { spawn, execFileSync } from "node:child_process";
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { run } from "../dist/ensemble/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const REPS = Number(process.env.BENCH_REPS ?? 3);
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]; };

const SCAN = { model: "kg", base: { case: "kink_antikink", method: "yoshida4", nx: 512, xMin: -40, xMax: 40, dt: 0.02, tFinal: 100, nFrames: 400 }, grid: { velocity: { from: 0.18, to: 0.3, num: 200 } } };
const TRIVIAL = { model: "kg", base: { case: "kink_antikink", method: "verlet", nx: 16, xMin: -40, xMax: 40, dt: 0.01, tFinal: 0.01, nFrames: 1 }, grid: { velocity: { from: 0.18, to: 0.3, num: 200 } } };

async function freePort() {
  return new Promise((res) => { const s = net.createServer(); s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => res(p)); }); });
}
async function waitRedis(port) {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise((res) => { const s = net.connect(port, "127.0.0.1"); s.on("error", () => res(false)); s.on("connect", () => s.write("PING\r\n")); s.on("data", (d) => { s.destroy(); res(String(d).startsWith("+PONG")); }); });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("redis-server did not start");
}

const port = await freePort();
const redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning"], { stdio: "ignore" });
await waitRedis(port);
const url = `redis://127.0.0.1:${port}`;
const workers = [0, 1].map(() => spawn(process.execPath, [path.join(root, "dist/cli.js"), "worker", "--redis", url, "--concurrency", "1", "-q"], { stdio: "ignore" }));
const stop = () => { for (const p of [...workers, redis]) if (p.exitCode === null) p.kill("SIGKILL"); };
process.on("exit", stop);
await new Promise((r) => setTimeout(r, 1500));   // the workers connect and their sandboxes instantiate the WASM

let tag = 0;
async function time(spec, executor) {
  const t0 = performance.now();
  const res = await run({ ...spec, name: `bench_${process.pid}_${tag++}` }, executor === "bullmq" ? { executor, redis: url } : { executor, concurrency: 2 });
  const s = (performance.now() - t0) / 1000;
  if (res.messages.some((m) => m.status !== "ok")) throw new Error(`members failed: ${JSON.stringify(res.messages.slice(0, 3))}`);
  return s;
}

const rev = (() => { try { return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim(); } catch { return "?"; } })();
console.log(`\nEnsemble executors — ${new Date().toISOString().slice(0, 10)}, samudra ${rev}, Node ${process.versions.node}, ${os.cpus()[0]?.model ?? "?"}, ${os.availableParallelism()} cores; ${REPS} repetitions, median [range]\n`);
const load = () => os.loadavg().map((v) => v.toFixed(1)).join(" ");
console.log(`load average at the start: ${load()}`);
// control: what parallelism this machine gives right now — the same pure-JS loop once on this thread, then twice at
// once on two worker threads; ≈ 1 means two idle cores, ≈ 2 means one (the other is busy with someone else's work)
async function capacity() {
  const code = "let x = 0; for (let i = 0; i < 2e8; i++) x += Math.sqrt(i); require('node:worker_threads').parentPort?.postMessage(x);";
  const one = () => new Promise((r) => new Worker(code, { eval: true }).once("exit", r));
  let t0 = performance.now(); await one(); const t1 = performance.now() - t0;
  t0 = performance.now(); await Promise.all([one(), one()]); return (performance.now() - t0) / t1;
}
const caps = [await capacity()];
// the executors take turns within each repetition (serial, threads, bullmq, serial, …), so a change in the load of
// this shared machine hits all three alike
const out = {};
for (const [label, spec] of [["scan", SCAN], ["trivial", TRIVIAL]]) {
  out[label] = { serial: [], threads: [], bullmq: [] };
  for (let r = 0; r < REPS; r++) for (const ex of ["serial", "threads", "bullmq"]) out[label][ex].push(await time(spec, ex));
}
caps.push(await capacity());
console.log(`load average at the end: ${load()}`);
console.log(`parallel capacity (time of 2 concurrent pure-JS loops ÷ time of 1; 1.0 = two free cores): ${caps.map((c) => c.toFixed(2)).join(" at the start, ")} at the end\n`);
const n = 200, fmt = (a, f) => `${f(median(a)).toFixed(2)} [${Math.min(...a.map(f)).toFixed(2)}–${Math.max(...a.map(f)).toFixed(2)}]`;
console.log("200-member kink–antikink scan (nx 512, yoshida4, t ≤ 100, 400 frames per member)\n");
console.log("| executor | wall s | members/s | × serial |");
console.log("|---|---:|---:|---:|");
for (const ex of ["serial", "threads", "bullmq"]) {
  const t = out.scan[ex];
  console.log(`| ${ex}${ex === "threads" ? " (2 threads)" : ex === "bullmq" ? " (2 worker processes)" : ""} | ${fmt(t, (x) => x)} | ${fmt(t, (x) => n / x)} | ${(median(out.scan.serial) / median(t)).toFixed(2)} |`);
}
console.log("\nPer-job overhead: 200 trivial members (16-point grid, one step); overhead per member = (executor wall − serial wall)·workers / 200\n");
console.log("| executor | wall s | ms per member | overhead ms per job |");
console.log("|---|---:|---:|---:|");
const ser = median(out.trivial.serial);
for (const ex of ["serial", "threads", "bullmq"]) {
  const t = out.trivial[ex], w = ex === "serial" ? 1 : 2;
  console.log(`| ${ex} | ${fmt(t, (x) => x)} | ${((median(t) * 1000) / n).toFixed(3)} | ${ex === "serial" ? "—" : (((median(t) - ser) * 1000 * w) / n).toFixed(2)} |`);
}
stop();
process.exit(0);
