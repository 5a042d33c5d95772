// <samudra-sim> in headless Chromium against the library in Node (`npm run bench:web`). Per case, BENCH_PAIRS (5)
// pairs measured back to back, so load on this shared machine hits both sides of a pair alike:
//   * simulation: `await el.advance(k)` in the page — the worker steps k frames (and computes the per-frame
//     diagnostics, heatmap rows and NetCDF record the element keeps) — against the same k frames of
//     nlse/kleinGordon/school.create(...).step()/advance() in this Node process (bare stepping, nothing recorded).
//     Runs are deterministic, so both take the same model steps; steps/s = steps / time; ratio = browser / Node time
//     per pair; medians and ranges over the pairs.
//   * the same worker code in Node: the element's session (src/web/session-*.ts, bundled here for Node with esbuild)
//     stepped the same k frames with the same per-frame bookkeeping, then one view() as the worker's reply takes —
//     so "browser / Node session" compares the engines on the same work, and "browser / bare Node" adds what the
//     element does besides stepping.
//   * display, once per case: 3 s of play at the default speed ("max" for the school sizes): animation frames per second that the
//     page keeps (requestAnimationFrame callbacks) and view updates per second (frame events).
// Chromium: $CHROMIUM_PATH, else the one test/global-setup.ts unpacked into node_modules/.cache/ (run a browser
// test once). WebGL goes through a SwiftShader GPU process (no GPU here): the school's 3-D view is software-rendered.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PAIRS = Number(process.env.BENCH_PAIRS ?? 5);
const samudra = await import(path.join(root, "dist/index.js"));
await samudra.init();
const { chromium } = await import("playwright-core");
const esbuild = await import("esbuild");
// the element's worker-side sessions, bundled for Node (they import only the public face)
const sessionsFile = path.join(os.tmpdir(), `samudra-web-sessions-${process.pid}.mjs`);
await esbuild.build({
  stdin: { contents: 'export { NlseSession, KgSession } from "./src/web/session-field.ts"; export { SchoolSession } from "./src/web/session-school.ts"; export { init } from "./src/index.ts";', resolveDir: root, loader: "ts" },
  bundle: true, format: "esm", platform: "node", outfile: sessionsFile, logLevel: "warning",
  define: { __SAMUDRA_VERSION__: JSON.stringify("bench") },
  banner: { js: 'import { createRequire as __samudraRequire } from "node:module"; const require = __samudraRequire(import.meta.url);' },
});
const sessions = await import(sessionsFile);
await sessions.init();
/** k frames of the element's session in Node (options as the worker's baseOptions builds them; heatCols 256). */
function sessionNode(c, k) {
  const base = { ...c.options, case: c.preset, ...(c.model === "school" ? { computeEntropy: false } : {}) };
  const S = c.model === "nlse" ? sessions.NlseSession : c.model === "kg" ? sessions.KgSession : sessions.SchoolSession;
  const s = c.model === "school" ? new S(base) : new S(base, 256);
  s.load(); s.view();
  const t0 = performance.now();
  s.advance(k, Infinity); s.view();
  const ms = performance.now() - t0;
  s.dispose();
  return ms;
}

function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const cache = path.join(root, "node_modules/.cache");
  const dir = existsSync(cache) && readdirSync(cache).find((d) => /^samudra-chromium-[\d.]+$/.test(d));
  if (dir && existsSync(path.join(cache, dir, "chromium"))) return path.join(cache, dir, "chromium");
  throw new Error("no Chromium: set CHROMIUM_PATH, or run a browser test once (test/global-setup.ts unpacks @sparticuz/chromium)");
}

const SPREAD = { boundary: "periodic", rRepulsion: 0.5, rOrientation: 1.5, rAttraction: 3 };
const CASES = [
  { name: "nlse two_soliton (N = 512, dop853)", model: "nlse", preset: "two_soliton", options: {}, frames: 99,
    node(k) { const r = samudra.nlse.create({ case: "two_soliton" }); r.step(); const t0 = performance.now(); for (let i = 0; i < k; i++) r.step(); const ms = performance.now() - t0; const s = r.steps; r.dispose(); return { ms, steps: s.accepted + s.rejected }; } },
  { name: "kg case4 (nx = 1024, verlet)", model: "kg", preset: "case4", options: {}, frames: 200,
    node(k) { const r = samudra.kleinGordon.create({ case: "case4" }); r.step(); const t0 = performance.now(); for (let i = 0; i < k; i++) r.step(); const ms = performance.now() - t0; const s = r.summary().steps; r.dispose(); return { ms, steps: s }; } },
  { name: "school couzin_torus (N = 100)", model: "school", preset: "couzin_torus", options: {}, frames: 600, speed: "max",
    node(k) { return schoolNode({ case: "couzin_torus" }, k); } },
  { name: "school N = 1000 (periodic box 28)", model: "school", preset: "couzin_parallel", options: { nFish: 1000, boxSize: 28, ...SPREAD }, frames: 100, speed: "max",
    node(k) { return schoolNode({ case: "couzin_parallel", nFish: 1000, boxSize: 28, ...SPREAD }, k); } },
  { name: "school N = 10^4 (periodic box 60)", model: "school", preset: "couzin_parallel", options: { nFish: 10000, boxSize: 60, ...SPREAD }, frames: 20, speed: "max",
    node(k) { return schoolNode({ case: "couzin_parallel", nFish: 10000, boxSize: 60, ...SPREAD }, k); } },
];

function schoolNode(o, k) {
  const r = samudra.school.create(o), per = r.options.saveInterval;
  const t0 = performance.now();
  for (let i = 0; i < k; i++) r.advance(per);
  const ms = performance.now() - t0;
  r.dispose();
  return { ms, steps: k * per };
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (url.pathname === "/bench.html") {
    const a = JSON.parse(url.searchParams.get("a"));
    const attrs = Object.entries(a).map(([k, v]) => `${k}='${typeof v === "string" ? v : JSON.stringify(v)}'`).join(" ");
    res.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><meta charset="utf-8"><body style="width:760px"><samudra-sim id="sim" ${attrs}></samudra-sim><script type="module" src="/dist/web/index.js"></script>`);
    return;
  }
  const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, "");
  const file = path.join(root, rel);
  if (!rel.startsWith("dist/") || !existsSync(file)) { res.writeHead(404).end(); return; }
  res.writeHead(200, { "content-type": file.endsWith(".js") ? "text/javascript" : "application/octet-stream" }).end(await readFile(file));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: chromiumPath(), headless: true,
  args: ["--no-sandbox", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist"],
});
const version = browser.version();

/** One page per case: PAIRS pairs of (Node: k frames bare; browser: reset, then advance(k)), then 3 s of play. */
async function measure(c) {
  const page = await browser.newPage({ viewport: { width: 800, height: 1000 }, locale: "en-US" });
  try {
    const attrs = { model: c.model, preset: c.preset, controls: "minimal", ...(Object.keys(c.options).length ? { options: c.options } : {}), ...(c.speed ? { speed: c.speed } : {}) };
    await page.goto(`${base}/bench.html?a=${encodeURIComponent(JSON.stringify(attrs))}`);
    await page.waitForFunction(() => document.getElementById("sim").runState === "paused", undefined, { timeout: 60_000 });
    const pairs = [];
    for (let i = 0; i < PAIRS; i++) {
      const n = c.node(c.frames);
      const sessMs = sessionNode(c, c.frames);
      const webMs = await page.evaluate(async (k) => { const el = document.getElementById("sim"); await el.reset(); const t0 = performance.now(); await el.advance(k); return performance.now() - t0; }, c.frames);
      pairs.push({ steps: n.steps, nodeMs: n.ms, sessMs, webMs });
    }
    const disp = await page.evaluate(async () => {
      const el = document.getElementById("sim");
      await el.reset();
      let raf = 0, updates = 0, on = true;
      const loop = () => { raf++; if (on) requestAnimationFrame(loop); };
      el.addEventListener("frame", () => updates++);
      await el.play();
      requestAnimationFrame(loop);
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, 3000));
      on = false;
      const dt = (performance.now() - t0) / 1000;
      await el.pause();
      return { fps: raf / dt, ups: updates / dt };
    });
    return { pairs, ...disp };
  } finally { await page.close(); }
}

const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]; };
const fmt = (a, d = 0) => `${med(a).toFixed(d)} (${Math.min(...a).toFixed(d)}–${Math.max(...a).toFixed(d)})`;
console.log(`web bench: ${PAIRS} Node/browser pairs per case; Node ${process.version}, Chromium ${version} headless (SwiftShader WebGL), ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}`);
const rows = [];
for (const c of CASES) {
  const m = await measure(c);
  const steps = m.pairs[0].steps;
  const r = { steps, nodeSps: m.pairs.map((p) => p.steps / (p.nodeMs / 1000)), sessSps: m.pairs.map((p) => p.steps / (p.sessMs / 1000)), webSps: m.pairs.map((p) => p.steps / (p.webMs / 1000)),
    ratio: m.pairs.map((p) => p.webMs / p.nodeMs), ratioSess: m.pairs.map((p) => p.webMs / p.sessMs), fps: m.fps, ups: m.ups };
  rows.push({ c, r });
  console.log(`${c.name}: ${c.frames} frames = ${steps} steps | steps/s Node bare ${fmt(r.nodeSps)}, Node session ${fmt(r.sessSps)}, browser ${fmt(r.webSps)} | browser/Node-session time ${fmt(r.ratioSess, 2)}×, browser/bare ${fmt(r.ratio, 2)}× | display ${r.fps.toFixed(0)} fps, ${r.ups.toFixed(1)} view updates/s`);
}
console.log("\n| case | steps/s Node, bare | steps/s Node, element's session | steps/s browser | browser / Node session | browser / bare Node | display fps | view updates/s |\n|---|---|---|---|---|---|---|---|");
for (const { c, r } of rows) console.log(`| ${c.name} | ${fmt(r.nodeSps)} | ${fmt(r.sessSps)} | ${fmt(r.webSps)} | ${fmt(r.ratioSess, 2)}× | ${fmt(r.ratio, 2)}× | ${r.fps.toFixed(0)} | ${r.ups.toFixed(1)} |`);
await browser.close();
server.close();
(await import("node:fs")).rmSync(sessionsFile, { force: true });
