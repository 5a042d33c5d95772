// The service as processes: `samudra serve` (dist/cli.js, Node via @hono/node-server, its command running in the
// CLI's worker thread) and the Deno / Bun entries in examples/server/. Each child is started on 127.0.0.1 and stopped
// by pid. NDJSON reaches the client while the run goes on; a bounded load (20 connections, 2000 requests, a mix of
// small runs and cached ones) has 0 errors, and the single-isolate Node runner's peak RSS stays under 128 MB
// (`samudra serve` runs two isolates — the CLI's signal thread and the command's — and its peak is only logged);
// SIGTERM/SIGINT stop it.
import { it, expect, describe, beforeAll, afterAll } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { root, npmBin } from "./helpers/runtimes.js";
import { loadTest, peakRssKiB, readFirstLines } from "./helpers/server-load.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
const freePort = () => new Promise<number>((r) => { const s = net.createServer().listen(0, "127.0.0.1", () => { const p = (s.address() as net.AddressInfo).port; s.close(() => r(p)); }); });

/** Starts a child and waits for its first stdout line matching `ready` (rejects on exit or after 60 s). */
function start(cmd: string, args: string[], ready: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray; out: () => string; err: () => string }> {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "", err = "";
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => { child.kill("SIGKILL"); reject(new Error(`${cmd} did not start: ${out} ${err}`)); }, 60_000);
    let done = false;
    const check = () => {   // the ready line may come on stdout or stderr (deno serve)
      const m = ready.exec(out) ?? ready.exec(err);
      if (m && !done) { done = true; clearTimeout(t); resolve({ child, match: m, out: () => out, err: () => err }); }
    };
    child.stdout!.on("data", (d) => { out += d; check(); });
    child.stderr!.on("data", (d) => { err += d; check(); });
    child.once("exit", (code) => { clearTimeout(t); reject(new Error(`${cmd} exited with ${code}: ${out} ${err}`)); });
  });
}
const exited = (c: ChildProcess) => new Promise<{ code: number | null; signal: string | null }>((r) => {
  if (c.exitCode !== null || c.signalCode !== null) r({ code: c.exitCode, signal: c.signalCode });
  else c.once("exit", (code, signal) => r({ code, signal }));
});

let node: any;
beforeAll(async () => { node = (await import(path.join(root, "dist/server/index.js"))).createApp(); });

describe("samudra serve (Node)", () => {
  let srv: Awaited<ReturnType<typeof start>>;
  let base = "";
  beforeAll(async () => {
    srv = await start(process.execPath, ["dist/cli.js", "serve", "--port", "0", "--host", "127.0.0.1"], /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    base = srv.match[1];
  });
  afterAll(() => { if (srv?.child.exitCode === null) srv.child.kill("SIGKILL"); });

  it("prints its URL and serves the same results as the app in-process", async () => {
    expect(srv.out()).toMatch(/budget paid \(20000 ms\)/);
    const body = JSON.stringify({ case: "breather", tFinal: 1, nSnapshots: 5, numPoints: 128, method: "yoshida6" });
    const a = await fetch(`${base}/v1/nlse/runs?format=csv`, { method: "POST", body });
    expect(a.status).toBe(200);
    expect(await a.text()).toBe(await (await node.request("/v1/nlse/runs?format=csv", { method: "POST", body })).text());
  });

  it("NDJSON: the first frames arrive while the run is still going", async () => {
    const o = { case: "sg_breather", method: "yoshida6", nx: 256, tFinal: 40, dt: 0.001, nFrames: 400 };   // ~1 s of stepping, ~4 MB of lines
    const res = await fetch(`${base}/v1/kg/runs`, { method: "POST", body: JSON.stringify(o), headers: { Accept: "application/x-ndjson" } });
    const { lines, rest } = await readFirstLines(res, 2);
    expect(lines.map((l) => l.type)).toEqual(["start", "frame"]);
    expect((await (await fetch(`${base}/v1/stats`)).json()).streaming).toBe(1);
    const all = [...lines, ...(await rest())];
    expect(all.at(-1)).toMatchObject({ type: "end", status: "ok", frames: 401 });
    expect(all.filter((l) => l.type === "frame").length).toBe(401);
  });

  it("load: 20 connections, 2000 requests (small runs and cached ones), 0 errors, peak RSS < 128 MB", async () => {
    const r = await loadTest(base, { connections: 20, amount: 2000 });
    // two isolates (the CLI's signal-handling main thread and the command's thread, whose young generation
    // src/cli/entry.ts keeps small for services): ~100 MiB at peak here
    const kib = peakRssKiB(srv.child.pid!);
    console.log(`samudra serve load: ${r.total} requests, ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms; peak RSS ${(kib / 1024).toFixed(1)} MiB`);
    expect(r.errors).toBe(0);
    expect(r.non2xx).toBe(0);
    expect(r.total).toBeGreaterThanOrEqual(2000);
    expect(kib).toBeLessThan(128 * 1024);
  }, 180_000);

  it("SIGTERM stops it (exit 143) and the port is closed", async () => {
    srv.child.kill("SIGTERM");
    const e = await exited(srv.child);
    expect(e.code).toBe(143);
    await expect(fetch(`${base}/v1/models`)).rejects.toThrow();
  });
});

it("Node runner (examples/server/node.mjs): 20 connections, 2000 requests, 0 errors, process peak RSS < 128 MB", async () => {
  const port = await freePort();
  const s = await start(process.execPath, ["examples/server/node.mjs", String(port)], /listening on (http:\/\/127\.0\.0\.1:\d+)/);
  try {
    const r = await loadTest(s.match[1], { connections: 20, amount: 2000 });
    const kib = peakRssKiB(s.child.pid!);
    console.log(`node runner load: ${r.total} requests, ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms; peak RSS ${(kib / 1024).toFixed(1)} MiB`);
    expect(r.errors).toBe(0);
    expect(r.non2xx).toBe(0);
    expect(r.total).toBeGreaterThanOrEqual(2000);
    expect(kib).toBeLessThan(128 * 1024);
  } finally {
    s.child.kill("SIGTERM");
    await exited(s.child);
  }
}, 180_000);

it("samudra serve: SIGINT stops it with 130; bad flags exit 2 naming the flag", async () => {
  const s = await start(process.execPath, ["dist/cli.js", "serve", "-p", "0", "-q"], /(http:\/\/127\.0\.0\.1:\d+)/);
  expect((await fetch(`${s.match[1]}/v1/models`)).status).toBe(200);
  s.child.kill("SIGINT");
  expect((await exited(s.child)).code).toBe(130);
  const help = spawn(process.execPath, ["dist/cli.js", "serve", "--help"], { cwd: root });
  let text = "";
  help.stdout.on("data", (d) => { text += d; });
  expect((await exited(help)).code).toBe(0);
  expect(text).toMatch(/Usage: samudra serve \[--port 8787\]/);
  for (const [args, msg] of [[["--port", "99999"], /--port must be an integer 0 … 65535, got "99999"/], [["--budget", "lots"], /--budget must be paid, free or a number/], [["--prot", "1"], /unknown option --prot/], [["extra"], /unexpected argument "extra"/]] as const) {
    const c = spawn(process.execPath, ["dist/cli.js", "serve", ...args], { cwd: root });
    let err = "";
    c.stderr.on("data", (d) => { err += d; });
    expect((await exited(c)).code).toBe(2);
    expect(err).toMatch(msg);
  }
});

describe.each([
  ["deno", () => [npmBin("deno", "deno"), ["serve", "--allow-read", "--allow-env", "--host", "127.0.0.1", "--port", "PORT", "examples/server/deno.ts"]]],
  ["bun", () => [npmBin("bun", "bun"), ["examples/server/bun.ts", "PORT"]]],
] as const)("%s entry", (name, cmd) => {
  it(`${name}: examples/server answers /v1/models and runs with the same JSON summaries as Node`, async () => {
    const port = await freePort();
    const [bin, args] = cmd() as [string, string[]];
    const s = await start(bin, args.map((a) => (a === "PORT" ? String(port) : a)), /(Listening|listening) on/);
    try {
      const base = `http://127.0.0.1:${port}`;
      const m = await (await fetch(`${base}/v1/models`)).json();
      expect(m.models.map((x: any) => x.name)).toEqual(["nlse", "kg", "school"]);
      for (const [model, o] of [["nlse", { tFinal: 0.5, nSnapshots: 3, numPoints: 64 }], ["kg", { case: "case1", tFinal: 1, nFrames: 2, nx: 128 }], ["school", { nFish: 20, nSteps: 10, saveInterval: 5 }]] as const) {
        const body = JSON.stringify(o);
        const strip = (x: any) => { if (x && typeof x === "object") { delete x.timing; delete x.seconds; for (const k of Object.keys(x)) strip(x[k]); } return x; };
        const got = await fetch(`${base}/v1/${model}/runs`, { method: "POST", body });
        expect(got.status).toBe(200);
        expect(strip(await got.json())).toEqual(strip(await (await node.request(`/v1/${model}/runs`, { method: "POST", body })).json()));
      }
    } finally {
      s.child.kill("SIGTERM");
      await exited(s.child);
    }
  });
});
