// <samudra-sim> controls and embedding in headless Chromium (one browser for the file; pages from a 127.0.0.1
// server): options changed through the full controls, the postMessage bridge driven from a parent page, the error
// overlay, the predator, the NetCDF export and PNG snapshot, and the main thread free of long tasks while playing.
// Oracles: the same runs in this Node process from dist/index.js (bit for bit), and the NetCDF bytes Node writes.
import { it, expect, beforeAll, afterAll } from "vitest";
import { existsSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { root, chromiumExecutable, CHROMIUM_ARGS } from "./helpers/runtimes.js";
import { elementPage, startRepoServer, openPage } from "./helpers/web-pages.js";

let srv: { base: string; close(): Promise<void> };
let base = "";
let browser: Browser;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let samudra: any;

const PARENT = `<!doctype html><meta charset="utf-8"><script>
window.__msgs = [];
addEventListener("message", (e) => { if (e.data && e.data.source === "samudra-sim") window.__msgs.push(e.data); });
window.send = (m) => document.getElementById("f").contentWindow.postMessage(m, "*");
</script><iframe id="f" style="width:760px;height:700px" src="/examples/web-embed.html?model=nlse&preset=single_soliton&id=e1"></iframe>`;

beforeAll(async () => {
  if (!existsSync(path.join(root, "dist/web/index.js"))) throw new Error("dist/web/index.js is missing: run `node scripts/build.mjs` first");
  samudra = await import(path.join(root, "dist/index.js"));
  await samudra.init();
  srv = await startRepoServer({ "/t/page.html": (u) => elementPage(JSON.parse(u.searchParams.get("a") ?? "{}")), "/t/parent.html": () => PARENT });
  base = srv.base;
  const { chromium } = await import("playwright-core");
  // WebGL through a (software, SwiftShader) GPU process as in a browser with a GPU: with --disable-gpu the compositor
  // reads every WebGL frame back on the main thread ("GPU stall due to ReadPixels"), a long task of its own
  const args = [...CHROMIUM_ARGS.filter((a) => a !== "--disable-gpu"), "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist"];
  browser = await chromium.launch({ executablePath: chromiumExecutable().path, headless: true, args });
});

afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

const open = (url: string) => openPage(browser, url);
const pageOf = (attrs: Record<string, string>) => `${base}/t/page.html?a=${encodeURIComponent(JSON.stringify(attrs))}`;
const waitState = (page: Page, s: string) => page.waitForFunction((st) => (document.getElementById("sim") as unknown as { runState: string }).runState === st, s, { timeout: 30_000 });
const b64 = (a: Float64Array | Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");
/** SHA-256 of a NetCDF file with its creation timestamps (history, created: fixed-width ISO strings) blanked. */
function ncHash(bytes: Uint8Array | string): string {
  const buf = typeof bytes === "string" ? Buffer.from(bytes, "base64") : Buffer.from(bytes);
  const text = buf.toString("latin1").replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, "YYYY-MM-DDTHH:MM:SS.sssZ");
  return createHash("sha256").update(Buffer.from(text, "latin1")).digest("hex");
}

/** Runs `expr` on the element (as `el`) in the page; typed arrays and Blobs come back as base64. */
function onEl(page: Page, body: string): Promise<Record<string, unknown>> {
  return page.evaluate(async (src) => {
    const el = document.getElementById("sim");
    const enc = (u: Uint8Array) => { let s = ""; for (const x of u) s += String.fromCharCode(x); return btoa(s); };
    const r = await (new Function("el", `return (async () => { ${src} })()`))(el);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r ?? {})) {
      if (v instanceof Float64Array) out[k] = enc(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
      else if (v instanceof Blob) out[k] = enc(new Uint8Array(await v.arrayBuffer()));
      else out[k] = v;
    }
    return out;
  }, body);
}

it("options changed through the full controls change the run: N (restarts, equals Node) and γ (live, continues)", async () => {
  const { page, errors } = await open(pageOf({ model: "nlse", preset: "single_soliton", controls: "full" }));
  try {
    await waitState(page, "paused");
    const badges = await page.locator("samudra-sim .full em").allTextContents();
    expect(badges).toContain("live");
    expect(badges).toContain("restarts");
    await page.locator("samudra-sim input[data-option=numPoints]").fill("256");
    await page.locator("samudra-sim input[data-option=numPoints]").dispatchEvent("change");
    await page.waitForFunction(() => (document.getElementById("sim") as unknown as { info: { options: { N: number } } }).info?.options.N === 256, undefined, { timeout: 30_000 });
    const s = await onEl(page, "await el.advance(3); return await el.state();");
    const r = samudra.nlse.create({ case: "single_soliton", numPoints: 256 });
    for (let i = 0; i < 4; i++) r.step();
    expect(s.psi).toBe(b64(r.state()));
    // γ = −1 (defocusing) applies live: the run continues from its state, and departs from the focusing run
    await page.locator("samudra-sim input[data-option=gamma]").fill("-1");
    await page.locator("samudra-sim input[data-option=gamma]").dispatchEvent("change");
    await page.waitForFunction(() => (document.getElementById("sim") as unknown as { info: { options: { gamma: number } } }).info?.options.gamma === -1, undefined, { timeout: 30_000 });
    const s2 = await onEl(page, "await el.advance(3); return await el.state();");
    for (let i = 0; i < 3; i++) r.step();
    expect(s2.frame).toBe(7);
    expect(s2.psi).not.toBe(b64(r.state()));
    r.dispose();
    expect(errors).toEqual([]);
  } finally { await page.close(); }
});

it("postMessage bridge: playSim, pauseSim, updateParam, resetSim from a parent page; frame and error messages out", async () => {
  const { page, errors } = await open(`${base}/t/parent.html`);
  try {
    const msgs = () => page.evaluate(() => (window as unknown as { __msgs: Array<Record<string, unknown>> }).__msgs);
    await page.waitForFunction(() => (window as unknown as { __msgs: Array<{ type: string; state?: string }> }).__msgs.some((m) => m.type === "statechange" && m.state === "paused"), undefined, { timeout: 30_000 });
    await page.evaluate(() => (window as unknown as { send(m: unknown): void }).send({ type: "playSim" }));
    await page.waitForFunction(() => (window as unknown as { __msgs: Array<{ type: string; frame?: number }> }).__msgs.some((m) => m.type === "frame" && (m.frame ?? 0) >= 4), undefined, { timeout: 30_000 });
    const frame = (await msgs()).find((m) => m.type === "frame" && (m.frame as number) >= 4)!;
    expect(frame).toMatchObject({ source: "samudra-sim", id: "e1", model: "nlse" });
    expect(Object.keys(frame.diagnostics as object)).toEqual(["mass drift", "H drift", "error"]);
    await page.evaluate(() => (window as unknown as { send(m: unknown): void }).send({ type: "pauseSim" }));
    await page.waitForFunction(() => (window as unknown as { __msgs: Array<{ type: string; state?: string }> }).__msgs.filter((m) => m.type === "statechange" && m.state === "paused").length >= 2, undefined, { timeout: 30_000 });
    const inner = page.frameLocator("#f").locator("samudra-sim");
    const stopped = await inner.evaluate((el) => (el as unknown as { frame: number }).frame);
    await page.waitForTimeout(400);
    expect(await inner.evaluate((el) => (el as unknown as { frame: number }).frame)).toBe(stopped);
    await page.evaluate(() => (window as unknown as { send(m: unknown): void }).send({ type: "updateParam", key: "gamma", value: 0.5 }));
    await inner.evaluate((el) => new Promise<void>((res) => { const t = setInterval(() => { if ((el as unknown as { info: { options: { gamma: number } } }).info.options.gamma === 0.5) { clearInterval(t); res(); } }, 20); }));
    await page.evaluate(() => (window as unknown as { send(m: unknown): void }).send({ type: "updateParam", options: { numPoints: 3 } }));
    await page.waitForFunction(() => (window as unknown as { __msgs: Array<{ type: string }> }).__msgs.some((m) => m.type === "error"), undefined, { timeout: 30_000 });
    expect(String((await msgs()).find((m) => m.type === "error")!.message)).toMatch(/numPoints/);
    await page.evaluate(() => { (window as unknown as { __msgs: unknown[] }).__msgs.length = 0; (window as unknown as { send(m: unknown): void }).send({ type: "resetSim" }); });
    await page.waitForFunction(() => (window as unknown as { __msgs: Array<{ type: string; frame?: number }> }).__msgs.some((m) => m.type === "frame" && m.frame === 1), undefined, { timeout: 30_000 });
    expect(await inner.evaluate((el) => (el as unknown as { t: number }).t)).toBe(0);
    expect(errors).toEqual([]);
  } finally { await page.close(); }
});

it("a run that stops (step budget, or a blow-up to non-finite values) shows its message over the views with a reset button that reloads it", async () => {
  for (const [opts, why] of [[{ maxSteps: 3 }, /maxSteps/], [{ method: "etdrk4", dt: 0.2, amplitude: 10 }, /non-finite/]] as const) {
    const { page } = await open(pageOf({ model: "nlse", preset: "single_soliton", options: JSON.stringify(opts) }));
    try {
      await waitState(page, "paused");
      await page.evaluate(() => void (document.getElementById("sim") as unknown as { advance(n: number): Promise<void> }).advance(5));
      await waitState(page, "error");
      expect(await page.locator("samudra-sim .overlay p").textContent()).toMatch(why);
      await page.locator("samudra-sim .overlay-reset").click();
      await waitState(page, "paused");
      expect(await page.locator("samudra-sim .overlay").count()).toBe(0);
      expect(await page.evaluate(() => (document.getElementById("sim") as unknown as { frame: number }).frame)).toBe(1);
    } finally { await page.close(); }
  }
});

it("a bump continues from the current field plus a soliton (equal to Node's initialField run); a drag on the field plot adds one", async () => {
  const { page, errors } = await open(pageOf({ model: "nlse", preset: "single_soliton" }));
  try {
    await waitState(page, "paused");
    // the bumped field, computed in the page with the element's formula (so the engine's Math is the worker's)
    const got = await onEl(page, `await el.advance(3);
      const s = await el.state(), psi = s.psi.slice(), N = psi.length / 2, L = 50, x0 = 5, A = 1.5, v = 1, beta = 0.5, eta = A * Math.sqrt(1 / (2 * beta));
      for (let j = 0; j < N; j++) { let d = -L / 2 + (j * L) / N - x0; d -= L * Math.round(d / L); const a = A / Math.cosh(eta * d), ph = (v * d) / (2 * beta); psi[2 * j] += a * Math.cos(ph); psi[2 * j + 1] += a * Math.sin(ph); }
      await el.bump(x0, A, v); const after = await el.state(); await el.advance(4);
      return { t3: s.t, bumped: psi, after: after.psi, fAfter: after.frame, ...(await el.state()) };`);
    expect(got.fAfter).toBe(4);
    const bumped = new Float64Array(Buffer.from(got.bumped as string, "base64").buffer.slice(0));
    const ref = samudra.nlse.create({ case: "single_soliton" });
    for (let i = 0; i < 4; i++) ref.step();
    const t3 = ref.times[3];
    expect(got.t3).toBe(t3);
    const r = samudra.nlse.create({ case: "single_soliton", initialField: bumped, tStart: t3, tFinal: 20 - t3, nSnapshots: 97 });
    r.step();
    expect(got.after).toBe(b64(r.state()));   // snapshot 0 of the continued run: ψ through the FFT round trip
    for (let i = 0; i < 4; i++) r.step();
    expect(got.frame).toBe(8);
    expect(got.t).toBe(r.times[4]);
    expect(got.psi).toBe(b64(r.state()));
    r.dispose(); ref.dispose();
    // through the UI: press on the plot at x ≈ −19 (no field there), drag right, release — the mass grows by the new
    // soliton's, the frame stays
    const before = await onEl(page, "return await el.state();");
    const box = (await page.locator("samudra-sim .field .u-over").boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.12, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3, { steps: 4 });
    await page.mouse.up();
    await page.waitForFunction((f) => { const el = document.getElementById("sim") as unknown as { info: { tStart: number }; t: number }; return el.info.tStart === el.t && el.t === f; }, got.t as number, { timeout: 30_000 });
    const after = await onEl(page, "return await el.state();");
    const mass = (b: string) => { const a = new Float64Array(Buffer.from(b, "base64").buffer.slice(0)); let m = 0; for (const v of a) m += v * v; return m; };
    expect(after.frame).toBe(before.frame);
    expect(mass(after.psi as string)).toBeGreaterThan(mass(before.psi as string) * 1.05);
    expect(errors).toEqual([]);
  } finally { await page.close(); }
});

it("exportNetCDF() gives the bytes Node's io writers give for the same frames; snapshot() is a PNG; the predator equals SchoolRun.setPredator", async () => {
  {
    const { page, errors } = await open(pageOf({ model: "nlse", preset: "single_soliton" }));
    try {
      await waitState(page, "paused");
      const got = await onEl(page, "await el.advance(5); return { nc: await el.exportNetCDF(), png: await el.snapshot() };");
      const run = samudra.nlse.create({ case: "single_soliton" }), nc = new samudra.io.NlseNetCDF(run.options, run.x);
      for (let i = 0; i < 6; i++) nc.add(run.step());
      expect(ncHash(got.nc as string)).toBe(ncHash(nc.bytesSoFar()));
      expect(samudra.io.readNetCDF(Buffer.from(got.nc as string, "base64")).numrecs).toBe(6);
      run.dispose();
      expect(Buffer.from(got.png as string, "base64").subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
      expect(errors).toEqual([]);
    } finally { await page.close(); }
  }
  {
    const { page, errors } = await open(pageOf({ model: "school", preset: "couzin_torus" }));
    try {
      await waitState(page, "paused");
      const got = await onEl(page, "await el.advance(5); await el.setPredator([12, 10, 10], 4); await el.advance(10); return { ...(await el.state()), nc: await el.exportNetCDF() };");
      const run = samudra.school.create({ case: "couzin_torus", computeEntropy: false }), nc = new samudra.io.SchoolNetCDF(run.options);
      const rec = () => { const m = run.metricsArray(run.options.legacy, true); nc.add({ t: run.time, positions: run.positions, velocities: run.velocities, metrics: Object.fromEntries(samudra.school.METRIC_KEYS.map((k: string, i: number) => [k, m[i]])) }); };
      rec();
      for (let f = 0; f < 5; f++) { run.advance(1); rec(); }
      run.setPredator({ position: [12, 10, 10], radius: 4 });
      for (let f = 0; f < 10; f++) { run.advance(1); rec(); }
      expect(got.positions).toBe(b64(run.positions));
      expect(got.velocities).toBe(b64(run.velocities));
      expect(ncHash(got.nc as string)).toBe(ncHash(nc.bytesSoFar()));
      const free = samudra.school.create({ case: "couzin_torus" });
      free.advance(15);
      expect(got.positions).not.toBe(b64(free.positions));   // the predator changed the run
      free.dispose(); run.dispose();
      expect(errors).toEqual([]);
    } finally { await page.close(); }
  }
});

it("while each model plays, the main thread has no long task over 50 ms (the worker computes)", async () => {
  for (const attrs of [{ model: "nlse", preset: "two_soliton" }, { model: "kg", preset: "case4" }, { model: "school", preset: "couzin_parallel", options: JSON.stringify({ nFish: 10000, boxSize: 60, boundary: "periodic", rRepulsion: 0.5, rOrientation: 1.5, rAttraction: 3 }) }]) {
    const { page, errors } = await open(pageOf({ ...attrs, controls: "full" }));
    try {
      await waitState(page, "paused");
      // two windows of 2.5 s: this shared 2-core machine can pre-empt the page once; a main thread that runs the
      // model (or draws too much) has long tasks in both
      const watch = () => page.evaluate(async () => {
        const el = document.getElementById("sim") as unknown as { play(): Promise<void>; pause(): Promise<void>; frame: number };
        const seen: number[] = [];
        const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) seen.push(e.duration); });
        obs.observe({ type: "longtask" });
        await el.play();
        const f0 = el.frame;
        await new Promise((r) => setTimeout(r, 2500));
        await el.pause();
        obs.disconnect();
        return { seen, frames: el.frame - f0 };
      });
      let long = await watch();
      if (long.seen.length > 0) long = await watch();
      expect(long.frames, `${attrs.model} advanced while playing`).toBeGreaterThan(2);
      expect(long.seen, `${attrs.model}: long tasks (ms)`).toEqual([]);
      expect(errors).toEqual([]);
    } finally { await page.close(); }
  }
});
