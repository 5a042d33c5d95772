// Throughput and latency of the HTTP service (docs/server.md, "Speed"): requests/s and p50/p99 latency of a cached
// request and of small uncached runs of each model, in Node (`samudra serve`, a child process) and in workerd
// (miniflare, the examples/server/worker.js bundle as wrangler builds it), on loopback with autocannon. Each scenario
// is repeated REPS times (default 3), rotating the order; the table gives the median and the range.
// Usage: npm run build && npm run bench:server        (REPS=3 SECONDS=5 per scenario by default)
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, symlinkSync, copyFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import * as esbuild from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const REPS = Number(process.env.REPS ?? 3), SECONDS = Number(process.env.SECONDS ?? 5);
const json = { "content-type": "application/json" };
let serial = 0;
// every uncached request differs in a digit far below the physics (tFinal + k·1e-9, or the school's seed)
const SCENARIOS = {
  "cached (nlse JSON)": { connections: 10, req: () => ({ method: "GET", path: "/v1/nlse/runs?tFinal=0.5&nSnapshots=5&numPoints=64&method=strang" }) },
  "nlse run (64 points, strang, 500 steps)": { connections: 4, req: () => ({ method: "POST", path: "/v1/nlse/runs", headers: json, body: JSON.stringify({ method: "strang", numPoints: 64, tFinal: 0.5 + ++serial * 1e-9, nSnapshots: 5 }) }) },
  "kg run (sg_kink, 128 points, 200 steps)": { connections: 4, req: () => ({ method: "POST", path: "/v1/kg/runs", headers: json, body: JSON.stringify({ case: "sg_kink", nx: 128, tFinal: 1 + ++serial * 1e-9, nFrames: 5 }) }) },
  "school run (30 fish, 20 steps, entropies)": { connections: 4, req: () => ({ method: "POST", path: "/v1/school/runs", headers: json, body: JSON.stringify({ nFish: 30, nSteps: 20, saveInterval: 5, seed: ++serial }) }) },
};

// a fixed duration (autocannon's `amount` ends on its 1-second sampling tick, which would quantise req/s)
async function load(base, s, seconds = SECONDS) {
  const r = await autocannon({ url: base, connections: s.connections, duration: seconds, timeout: 60, requests: [{ setupRequest: (req) => ({ ...req, ...s.req() }) }] });
  if (r.errors || r.timeouts || r.non2xx) throw new Error(`${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx`);
  return { rps: r.requests.total / seconds, p50: r.latency.p50, p99: r.latency.p99 };
}

async function nodeServer() {
  const child = spawn(process.execPath, ["dist/cli.js", "serve", "--port", "0"], { cwd: root, stdio: ["ignore", "pipe", "ignore"] });
  const url = await new Promise((res, rej) => {
    let out = "";
    child.stdout.on("data", (d) => { out += d; const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out); if (m) res(m[1]); });
    child.once("exit", (c) => rej(new Error(`samudra serve exited with ${c}`)));
  });
  return { url, stop: () => { child.kill("SIGTERM"); } };
}

async function workerdServer(edgeCache = true) {
  const dir = mkdtempSync(path.join(tmpdir(), "samudra-bench-server-"));
  mkdirSync(path.join(dir, "node_modules"));
  symlinkSync(root, path.join(dir, "node_modules", "samudra"), "dir");
  // the example Worker, or the same app without the Cache API (to show what the Cache API write costs per miss)
  const entry = edgeCache ? path.join(root, "examples/server/worker.js") : path.join(dir, "entry.js");
  if (!edgeCache) writeFileSync(entry, 'import { createApp } from "samudra/server";\nexport default createApp({ budget: "paid", edgeCache: false });\n');
  await esbuild.build({
    entryPoints: [entry], outfile: path.join(dir, "out", "worker.js"),
    bundle: true, format: "esm", target: "es2022", platform: "neutral", logLevel: "warning", mainFields: ["module", "main"],
    nodePaths: [path.join(dir, "node_modules")], conditions: ["workerd", "worker", "browser"],
    plugins: [{ name: "wasm", setup(b) { b.onResolve({ filter: /\.wasm$/ }, (a) => ({ path: `./${path.basename(a.path)}`, external: true })); } }],
  });
  for (const f of ["simd.wasm", "scalar.wasm"]) copyFileSync(path.join(root, "dist", f), path.join(dir, "out", f));
  const { Miniflare } = await import("miniflare");
  const mf = new Miniflare({
    modules: true, scriptPath: path.join(dir, "out", "worker.js"), modulesRoot: path.join(dir, "out"),
    modulesRules: [{ type: "ESModule", include: ["**/*.js"] }, { type: "CompiledWasm", include: ["**/*.wasm"] }],
    host: "127.0.0.1", port: 0, compatibilityDate: "2025-01-01",
  });
  const url = String(await mf.ready).replace(/\/$/, "");
  return { url, stop: async () => { await mf.dispose(); rmSync(dir, { recursive: true, force: true }); } };
}

const results = {};   // runtime → scenario → [{ rps, p50, p99 }]
for (const [runtime, startServer] of [["node", nodeServer], ["workerd", () => workerdServer(true)], ["workerd, no Cache API", () => workerdServer(false)]]) {
  const srv = await startServer();
  // warm-up: instantiate the WASM and fill the cached entry
  for (const s of Object.values(SCENARIOS)) await load(srv.url, { ...s, connections: 2 }, 1);
  results[runtime] = {};
  const names = Object.keys(SCENARIOS);
  for (let rep = 0; rep < REPS; rep++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + rep) % names.length];
      (results[runtime][name] ??= []).push(await load(srv.url, SCENARIOS[name]));
    }
  }
  await srv.stop();
}

const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]; };
const fmt = (a, d = 0) => `${med(a).toFixed(d)} (${Math.min(...a).toFixed(d)}–${Math.max(...a).toFixed(d)})`;
console.log(`samudra server bench: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${REPS} repetitions; median (range)`);
console.log("| runtime | request | req/s | p50 ms | p99 ms |");
console.log("|---|---|---|---|---|");
for (const [runtime, byName] of Object.entries(results)) {
  for (const [name, rs] of Object.entries(byName)) {
    console.log(`| ${runtime} | ${name} | ${fmt(rs.map((r) => r.rps))} | ${fmt(rs.map((r) => r.p50))} | ${fmt(rs.map((r) => r.p99))} |`);
  }
}
