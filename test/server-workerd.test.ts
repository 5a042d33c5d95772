// The HTTP service in workerd (npm miniflare, what `wrangler dev` runs): examples/server/worker.js bundled as wrangler
// does — "samudra/server" through the package's `workerd` condition, the .wasm files as CompiledWasm modules — and
// compared with the same app in Node (dist/server/index.js): identical summary JSON (timings aside), identical NetCDF
// variables, NDJSON frames streamed before the run ends, the Cache API hit, and a bounded loopback load (≥ 20
// connections, ≥ 2000 requests, 0 errors) with the workerd process's peak RSS under 128 MB.
import { it, expect, beforeAll, afterAll } from "vitest";
import { mkdtempSync, mkdirSync, symlinkSync, copyFileSync, rmSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as esbuild from "esbuild";
import { root, npmBin } from "./helpers/runtimes.js";
import net from "node:net";
import { loadTest, peakRssKiB, readFirstLines, isolateMemory } from "./helpers/server-load.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
let dir = "";
let mf: any = null;
let base = "";
let inspectorPort = 0;
const freePort = () => new Promise<number>((r) => { const s = net.createServer().listen(0, "127.0.0.1", () => { const p = (s.address() as net.AddressInfo).port; s.close(() => r(p)); }); });
let node: any, lib: any;

const strip = (o: any): any => {
  if (o && typeof o === "object") { delete o.timing; delete o.seconds; for (const k of Object.keys(o)) strip(o[k]); }
  return o;
};
const CASES: Array<[string, Record<string, unknown>]> = [
  ["nlse", { case: "two_soliton", method: "yoshida4", tFinal: 1, nSnapshots: 6, numPoints: 256 }],
  ["nlse", { case: "modulation_instability", tFinal: 1, nSnapshots: 3, numPoints: 128, maxSteps: 20000 }],
  ["kg", { case: "sg_breather", tFinal: 2, nFrames: 4, nx: 256 }],
  ["kg", { case: "case2", legacy: true, tFinal: 1, nFrames: 2, nx: 128, maxSteps: 50000 }],
  ["school", { case: "case1", nFish: 30, nSteps: 20, saveInterval: 4 }],
  ["school", { case: "couzin_swarm", nFish: 25, nSteps: 15, saveInterval: 5, computeEntropy: false }],
];

beforeAll(async () => {
  npmBin("workerd", "miniflare");
  dir = mkdtempSync(path.join(tmpdir(), "samudra-server-workerd-"));
  mkdirSync(path.join(dir, "node_modules"));
  symlinkSync(root, path.join(dir, "node_modules", "samudra"), "dir");
  await esbuild.build({
    entryPoints: [path.join(root, "examples/server/worker.js")],
    outfile: path.join(dir, "out", "worker.js"),
    bundle: true, format: "esm", target: "es2022", platform: "neutral", logLevel: "warning",
    nodePaths: [path.join(dir, "node_modules")], mainFields: ["module", "main"],
    conditions: ["workerd", "worker", "browser"],
    plugins: [{
      name: "wasm-modules",
      setup(b) { b.onResolve({ filter: /\.wasm$/ }, (a) => ({ path: `./${path.basename(a.path)}`, external: true })); },
    }],
  });
  for (const f of ["simd.wasm", "scalar.wasm"]) copyFileSync(path.join(root, "dist", f), path.join(dir, "out", f));
  const { Miniflare } = await import("miniflare");
  inspectorPort = await freePort();
  mf = new Miniflare({
    inspectorPort,
    modules: true,
    scriptPath: path.join(dir, "out", "worker.js"),
    modulesRoot: path.join(dir, "out"),
    modulesRules: [{ type: "ESModule", include: ["**/*.js"] }, { type: "CompiledWasm", include: ["**/*.wasm"] }],
    host: "127.0.0.1", port: 0,
    compatibilityDate: "2025-01-01",
  });
  base = String(await mf.ready).replace(/\/$/, "");
  node = (await import(path.join(root, "dist/server/index.js"))).createApp();
  lib = await import(path.join(root, "dist/index.js"));
});

afterAll(async () => {
  if (mf) await mf.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it("the bundle imports the .wasm files as modules (no inline WASM bytes in the Worker)", () => {
  const js = readFileSync(path.join(dir, "out", "worker.js"), "utf8");
  expect(js).toMatch(/from "\.\/simd\.wasm"/);
  expect(js).not.toMatch(/SIMD_WASM_BASE64/);
  expect(readdirSync(path.join(dir, "out")).sort()).toEqual(["scalar.wasm", "simd.wasm", "worker.js"]);
});

it.each(CASES)("%s %j: workerd and Node give identical summary JSON and NetCDF variables", async (model, opts) => {
  const body = JSON.stringify(opts);
  const w = await fetch(`${base}/v1/${model}/runs`, { method: "POST", body });
  const text = await w.text();
  expect(w.status, text).toBe(200);
  const n = await node.request(`/v1/${model}/runs`, { method: "POST", body });
  expect(strip(JSON.parse(text))).toEqual(strip(await n.json()));
  const wn = await fetch(`${base}/v1/${model}/runs?format=netcdf`, { method: "POST", body });
  expect(wn.headers.get("content-type")).toBe("application/x-netcdf");
  const a = lib.io.readNetCDF(new Uint8Array(await wn.arrayBuffer()));
  const b = lib.io.readNetCDF(new Uint8Array(await (await node.request(`/v1/${model}/runs?format=netcdf`, { method: "POST", body })).arrayBuffer()));
  expect(a.vars.map((v: any) => v.name)).toEqual(b.vars.map((v: any) => v.name));
  for (const v of b.vars) expect(a.read(v.name), v.name).toEqual(b.read(v.name));
});

it("figures in workerd: the PNG and SVG bytes equal Node's", async () => {
  for (const [model, o] of [["nlse", CASES[0][1]], ["kg", CASES[2][1]], ["school", CASES[5][1]]] as const) {
    for (const format of ["png", "svg"]) {
      const body = JSON.stringify(o);
      const w = new Uint8Array(await (await fetch(`${base}/v1/${model}/runs?format=${format}`, { method: "POST", body })).arrayBuffer());
      const n = new Uint8Array(await (await node.request(`/v1/${model}/runs?format=${format}`, { method: "POST", body })).arrayBuffer());
      expect(w.length, `${model} ${format}`).toBeGreaterThan(1000);
      expect(w, `${model} ${format}`).toEqual(n);
    }
  }
});

it("FFT in workerd equals Node's bit for bit", async () => {
  const x = Array.from({ length: 40 }, (_, i) => Math.cos(i) * i);
  for (const kind of ["fft", "rfft"]) {
    const body = JSON.stringify({ x, kind });
    const w = await (await fetch(`${base}/v1/fft`, { method: "POST", body })).json();
    expect(w).toEqual(await (await node.request("/v1/fft", { method: "POST", body })).json());
  }
  expect(await (await fetch(`${base}/v1/fft?n=8`)).json()).toEqual(await (await node.request("/v1/fft?n=8")).json());
});

it("errors in workerd: 404, 405, 413, 422 (library message), over budget", async () => {
  expect((await fetch(`${base}/v1/nls/runs`, { method: "POST", body: "{}" })).status).toBe(404);
  expect((await fetch(`${base}/v1/kg/runs`, { method: "DELETE" })).status).toBe(405);
  expect((await fetch(`${base}/v1/kg/runs`, { method: "POST", body: "{ bad" })).status).toBe(400);
  expect((await fetch(`${base}/v1/kg/runs`, { method: "POST", body: JSON.stringify({ scenarioName: "x".repeat(70000) }) })).status).toBe(413);
  const e = await fetch(`${base}/v1/nlse/runs`, { method: "POST", body: '{"numPont": 64}' });
  expect(e.status).toBe(422);
  expect((await e.json()).error.message).toMatch(/did you mean "numPoints"/);
  const over = await fetch(`${base}/v1/school/runs`, { method: "POST", body: '{"nFish": 5000, "nSteps": 100000, "saveInterval": 1000}' });
  expect(over.status).toBe(422);
  expect((await over.json()).error.option).toBe("nSteps");
});

it("NDJSON in workerd: the first frames arrive while the run is still going, and the frames equal Node's", async () => {
  const o = { method: "strang", numPoints: 1024, tFinal: 30, dt: 1e-3, nSnapshots: 300 };
  const res = await fetch(`${base}/v1/nlse/runs?format=ndjson`, { method: "POST", body: JSON.stringify(o) });
  expect(res.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
  const { lines, rest } = await readFirstLines(res, 2);
  expect(lines[0].type).toBe("start");
  expect(lines[1]).toMatchObject({ type: "frame", index: 0 });
  // the run has not ended: the isolate reports the stream in progress
  const during = await (await fetch(`${base}/v1/stats`)).json();
  expect(during.streaming).toBe(1);
  const all = [...lines, ...(await rest())];
  expect(all.at(-1)).toMatchObject({ type: "end", status: "ok", frames: 300 });
  const ref = (await (await node.request("/v1/nlse/runs?format=ndjson", { method: "POST", body: JSON.stringify(o) })).text()).trim().split("\n").map((l: string) => JSON.parse(l));
  expect(all.filter((l) => l.type === "frame")).toEqual(ref.filter((l: any) => l.type === "frame"));
  expect((await (await fetch(`${base}/v1/stats`)).json()).streaming).toBe(0);
});

it("cache in workerd: the second identical request is a hit with the same bytes", async () => {
  const url = `${base}/v1/kg/runs?case=sg_kink&tFinal=1&nFrames=2&nx=64&format=csv`;
  const a = await fetch(url), ab = new Uint8Array(await a.arrayBuffer());
  const b = await fetch(url), bb = new Uint8Array(await b.arrayBuffer());
  expect(a.headers.get("x-samudra-cache")).toBe("miss");
  expect(b.headers.get("x-samudra-cache")).toBe("hit");
  expect(bb).toEqual(ab);
  expect((await fetch(url, { headers: { "If-None-Match": a.headers.get("etag")! } })).status).toBe(304);
});

it("load in workerd: 20 connections, 2000 requests (small runs and cached ones), 0 errors; the isolate stays under 128 MB", async () => {
  expect((await fetch(`${base}/v1/nlse/runs?tFinal=0.1&nSnapshots=2&numPoints=32`)).status).toBe(200);   // WASM instantiated
  const before = await isolateMemory(inspectorPort);
  expect(before.wasm).toBeGreaterThan(0);   // samudra's WASM memory is found
  const r = await loadTest(base, { connections: 20, amount: 2000 });
  expect(r.errors).toBe(0);
  expect(r.non2xx).toBe(0);
  expect(r.total).toBeGreaterThanOrEqual(2000);
  const after = await isolateMemory(inspectorPort);
  const pids = (await import("node:child_process")).execFileSync("pgrep", ["-P", String(process.pid), "workerd"], { encoding: "utf8" }).trim().split("\n").filter(Boolean);
  const kib = Math.max(...pids.map((p) => peakRssKiB(Number(p))));
  const mib = (b: number) => (b / 1048576).toFixed(1);
  console.log(`workerd load: ${r.total} requests, ${r.rps.toFixed(0)} req/s; user isolate after: JS heap ${mib(after.heap)} MiB + buffers ${mib(after.backing)} MiB + WASM ${mib(after.wasm)} MiB = ${mib(after.total)} MiB (before ${mib(before.total)}); workerd process (runtime, miniflare's services and cache store included) peak RSS ${(kib / 1024).toFixed(1)} MiB`);
  expect(after.total).toBeLessThan(128 * 1048576);
}, 180_000);
