// The playground (site/, built into site-dist/ by scripts/build-site.mjs, which `npm test` runs first) in headless
// Chromium, served by scripts/serve-site.mjs on a random 127.0.0.1 port (stopped by pid):
//  - every page, and every preset of every model page (both faces of the seed cases), loads with no console error
//    and advances;
//  - URL round trip: three sliders changed through the UI, the copied link opened in a new page, the state after k
//    frames is bit-identical to the original page's;
//  - the downloaded YAML config, run with the CLI (`samudra <model> --config`), gives at the same frame the same
//    state as the page, bit for bit (NLSE and school);
//  - the live/restarts marks agree with what the element does; every input has a label; the controls work from
//    the keyboard; nothing overflows at 375 px.
import { it, expect, beforeAll, afterAll } from "vitest";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { root, chromiumExecutable, CHROMIUM_ARGS } from "./helpers/runtimes.js";
import { io } from "../src/index.js";

let server: ChildProcess, base = "", browser: Browser, dir = "";

beforeAll(async () => {
  if (!existsSync(path.join(root, "site-dist/index.html"))) throw new Error("site-dist/ is missing: `npm test` builds it (npm run site)");
  server = spawn(process.execPath, [path.join(root, "scripts/serve-site.mjs"), "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  base = await new Promise<string>((resolve, reject) => {
    server.stdout!.on("data", (d) => { const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(d)); if (m) resolve(m[0]); });
    server.on("exit", (c) => reject(new Error(`site:serve exited with ${c}`)));
  });
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({ executablePath: chromiumExecutable().path, headless: true, args: CHROMIUM_ARGS });
  dir = mkdtempSync(path.join(tmpdir(), "samudra-site-"));
});
afterAll(async () => {
  await browser?.close();
  if (server?.pid) process.kill(server.pid, "SIGTERM");
  rmSync(dir, { recursive: true, force: true });
});

/** A page with its console errors collected (a fixed locale: this machine's C.UTF-8 gives Chromium "en-US@posix", which Intl rejects). */
async function open(url: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 800 }, locale: "en-US" });
  const errors: string[] = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, errors };
}
/** Waits until the main element has loaded a run (info set) and is not busy. */
const ready = (page: Page) => page.waitForFunction(() => { const el = document.querySelector("#sim-main") as unknown as { info: unknown; runState: string } | null; return !!el?.info && (el.runState === "paused" || el.runState === "ended"); }, undefined, { timeout: 30_000 });
const frameOf = (page: Page) => page.evaluate(() => (document.querySelector("#sim-main") as unknown as { frame: number }).frame);
const advance = (page: Page, k: number) => page.evaluate((n) => (document.querySelector("#sim-main") as unknown as { advance(n: number): Promise<void> }).advance(n), k);
const stateOf = (page: Page) => page.evaluate(async () => {
  const s = await (document.querySelector("#sim-main") as unknown as { state(): Promise<Record<string, unknown>> }).state();
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) out[k] = ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v;
  return out;
});
/** Sets a slider through the UI: the value, then the change event the page listens to. */
const slide = (page: Page, key: string, value: string) => page.evaluate(([k, v]) => {
  const input = document.getElementById(`opt-${k}`) as HTMLInputElement;
  input.value = v;
  input.dispatchEvent(new Event("input")); input.dispatchEvent(new Event("change"));
}, [key, value] as const);

it("index.html loads with no console error and shows a loaded thumbnail for every preset", async () => {
  const { page, errors } = await open(`${base}index.html`);
  await page.waitForFunction(() => document.querySelectorAll("ul.thumbs img").length > 0);
  const imgs = await page.$$eval("ul.thumbs img", (els) => els.map((e) => (e as HTMLImageElement).src));
  expect(imgs.length).toBe(9 + 11 + 7);
  // the thumbnails are lazy: decode each one here (a missing or broken PNG rejects)
  const widths = await page.evaluate((srcs) => Promise.all(srcs.map((s) => { const i = new Image(); i.src = s; return i.decode().then(() => i.naturalWidth); })), imgs);
  expect(widths).toEqual(imgs.map(() => 192));
  // the API reference (TypeDoc) is published with the site and linked from every page
  await page.click('a[href="api/index.html"]');
  await page.waitForURL(/api\/index\.html$/);
  const modules = await (await page.request.get(`${base}api/modules.html`)).text();
  for (const m of ["web", "server", "ensemble"]) expect(modules).toContain(`modules/${m}.html`);
  expect(errors).toEqual([]);
  await page.close();
});

for (const model of ["nlse", "kg", "school"] as const) {
  it(`${model}.html: every preset (both faces of the seed cases) loads with no console error and advances`, async () => {
    const { page, errors } = await open(`${base}${model}.html`);
    await ready(page);
    const buttons = await page.$$eval("button.preset", (bs) => bs.map((b) => ({ p: (b as HTMLElement).dataset.preset!, l: (b as HTMLElement).dataset.legacy! })));
    expect(buttons.length).toBe({ nlse: 13, kg: 15, school: 11 }[model]);
    for (const b of buttons) {
      await page.click(`button.preset[data-preset="${b.p}"][data-legacy="${b.l}"]`);
      await page.waitForFunction(([p, l]) => { const el = document.querySelector("#sim-main") as unknown as { info: { caseName: string; legacy: boolean } | null; runState: string };
        return el.info?.caseName === p && String(el.info.legacy) === l && el.runState === "paused"; }, [b.p, b.l] as const, { timeout: 30_000 });
      const f0 = await frameOf(page);
      await advance(page, 2);
      expect(await frameOf(page), `${b.p} legacy=${b.l}`).toBe(f0 + 2);
      expect(new URL(page.url()).hash).toMatch(/^#s=/);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
}

it("URL round trip: three sliders changed, the copied link opened in a new page, the same bits after k frames", async () => {
  const { page, errors } = await open(`${base}nlse.html`);
  await ready(page);
  await page.click('button.preset[data-preset="two_soliton"][data-legacy="false"]');
  await ready(page);
  await slide(page, "gamma", "1.35"); await ready(page);
  await slide(page, "beta", "0.65"); await ready(page);
  await slide(page, "numPoints", "256"); await ready(page);   // restarts: the run is now the fresh run of these options
  await page.click("#copy-link");
  const link = await page.$eval("#share-out", (t) => (t as HTMLTextAreaElement).value);
  expect(link).toContain("nlse.html#s=");
  const { page: other, errors: e2 } = await open(link);
  await ready(other);
  const opts = await other.evaluate(() => (window as unknown as { __site: { state(): { options: Record<string, unknown> } } }).__site.state().options);
  expect(opts).toEqual({ gamma: 1.35, beta: 0.65, numPoints: 256 });
  await advance(page, 7); await advance(other, 7);
  const a = await stateOf(page), b = await stateOf(other);
  expect(b.frame).toBe(a.frame);
  expect((a.psi as number[]).length).toBe(512);
  expect(b.psi).toEqual(a.psi);   // toEqual on numbers compares with Object.is: bit for bit (−0 and NaN included)
  await other.reload(); await ready(other);   // reloading keeps the state
  expect(await other.evaluate(() => (window as unknown as { __site: { state(): { options: Record<string, unknown> } } }).__site.state().options)).toEqual(opts);
  expect([...errors, ...e2]).toEqual([]);
  await page.close(); await other.close();
}, 120_000);

it("the page's YAML config, run with the CLI, reaches the page's state bit for bit (NLSE and school)", async () => {
  // live changes first, a restarting one last: the page's run is then the run of these options from its start
  for (const [model, sets] of [["nlse", [["gamma", "1.2"], ["tFinal", "2"], ["nSnapshots", "20"]]], ["school", [["noise", "0.15"], ["nFish", "60"]]]] as const) {
    const { page, errors } = await open(`${base}${model}.html`);
    await ready(page);
    for (const [k, v] of sets) { await slide(page, k, v); await ready(page); }
    await advance(page, 9);
    const s = await stateOf(page);
    const yaml = await page.evaluate(() => (window as unknown as { __site: { yamlText(): string } }).__site.yamlText());
    const cfg = path.join(dir, `${model}.yaml`);
    writeFileSync(cfg, model === "school" ? yaml + "n_steps: 100\nsave_interval: 1\n" : yaml);
    const r = spawnSync(process.execPath, [path.join(root, "dist/cli.js"), model, "--config", cfg, "-o", path.join(dir, model), "-q", "--format", "nc"], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const ncDir = model === "school" ? path.join(dir, model, "netcdf") : path.join(dir, model);
    const nc = io.readNetCDF(new Uint8Array(readFileSync(path.join(ncDir, readdirSync(ncDir).find((f) => f.endsWith(".nc"))!))));
    const t = nc.read(model === "school" ? "time" : "t") as Float64Array;
    const rec = t.indexOf(s.t as number);
    expect(rec, `t = ${s.t} among the CLI's ${t.length} records`).toBeGreaterThanOrEqual(model === "school" ? 9 : 8);
    if (model === "nlse") {
      const N = (s.psi as number[]).length / 2, re = nc.read("psi_real") as Float64Array, im = nc.read("psi_imag") as Float64Array;
      expect(Array.from({ length: N }, (_, j) => re[rec * N + j])).toEqual((s.psi as number[]).filter((_, i) => i % 2 === 0));
      expect(Array.from({ length: N }, (_, j) => im[rec * N + j])).toEqual((s.psi as number[]).filter((_, i) => i % 2 === 1));
    } else {
      const P = nc.read("positions") as Float64Array, n3 = (s.positions as number[]).length;
      expect(Array.from(P.subarray(rec * n3, (rec + 1) * n3))).toEqual(s.positions);
    }
    expect(errors).toEqual([]);
    await page.close();
  }
}, 120_000);

it("live/restarts marks agree with the element; every input is labelled; keyboard operable; no overflow at 375 px", async () => {
  for (const model of ["nlse", "kg", "school"] as const) {
    const { page, errors } = await open(`${base}${model}.html`, 375);
    await ready(page);
    const unlabelled = await page.$$eval("input, select, textarea", (els) => els.filter((e) => !(e as HTMLInputElement).labels?.length && !e.getAttribute("aria-label")).map((e) => e.id));
    expect(unlabelled).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // the marks: set each slider to another in-range value through the element and compare with its answer
    const sliders = await page.evaluate(() => (window as unknown as { __site: { sliders: { key: string; min?: number; max?: number; choices?: string[] }[] } }).__site.sliders);
    for (const sl of sliders.filter((x) => x.key !== "seed")) {
      const value = sl.choices ? sl.choices[1] : ((sl.min! + sl.max!) / 2);
      const expected = await page.evaluate((k) => { const s = (window as unknown as { __site: { isLive(s: unknown): boolean; sliders: { key: string }[] } }).__site; return s.isLive(s.sliders.find((x) => x.key === k)); }, sl.key);
      const applied = await page.evaluate(([k, v]) => (document.querySelector("#sim-main") as unknown as { set(o: Record<string, unknown>): Promise<string> }).set({ [k]: v }), [sl.key, value] as const);
      expect(applied, `${model} ${sl.key}`).toBe(expected ? "continue" : "restart");
      await page.click("#reset"); await ready(page);
    }
    // keyboard: Tab to the play button, Enter plays, Enter again pauses
    await page.focus("#step");
    await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("play");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => (document.querySelector("#sim-main") as unknown as { runState: string }).runState === "playing");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => (document.querySelector("#sim-main") as unknown as { runState: string }).runState !== "playing");
    expect(errors).toEqual([]);
    await page.close();
  }
}, 180_000);

it("legacy vs corrected: the split view runs the seed's algorithm and samudra's side by side from the same preset, with the sentence", async () => {
  const { page, errors } = await open(`${base}nlse.html`);
  await ready(page);
  await page.click('button.preset[data-preset="single_soliton"][data-legacy="false"]');
  await ready(page);
  await page.click("#split");
  await page.waitForFunction(() => { const t = document.querySelector("#sim-twin") as unknown as { info: { legacy: boolean } | null; runState: string } | null;
    const m = document.querySelector("#sim-main") as unknown as { info: { legacy: boolean } | null; runState: string };
    return !!t?.info && t.info.legacy === false && m.info?.legacy === true && t.runState === "paused" && m.runState === "paused"; }, undefined, { timeout: 30_000 });
  expect(await page.$eval("#diff", (d) => d.textContent)).toMatch(/momentum has the wrong sign/);
  await page.click("#step");
  await page.waitForFunction(() => (document.querySelector("#sim-twin") as unknown as { frame: number }).frame === 2 && (document.querySelector("#sim-main") as unknown as { frame: number }).frame === 2);
  const [legacy, corrected] = await page.evaluate(async () => Promise.all(["#sim-main", "#sim-twin"].map(async (id) => Array.from((await (document.querySelector(id) as unknown as { state(): Promise<{ psi: Float64Array }> }).state()).psi.slice(0, 8)))));
  expect(legacy).not.toEqual(corrected);   // two different algorithms from the same initial data
  expect(errors).toEqual([]);
  await page.close();
}, 90_000);

it("the copied embed code is an iframe of embed.html that loads the same run (and its element answers the bridge)", async () => {
  const { page, errors } = await open(`${base}school.html`);
  await ready(page);
  await slide(page, "nFish", "40"); await ready(page);
  await page.selectOption("#embed-level", "none");
  await page.click("#copy-embed");
  const code = await page.$eval("#share-out", (t) => (t as HTMLTextAreaElement).value);
  expect(code).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html\?controls=none#s=/);
  const host = await browser.newPage({ locale: "en-US" });
  const hostErrors: string[] = [];
  host.on("pageerror", (e) => hostErrors.push(String(e)));
  await host.goto(`${base}index.html`);
  await host.evaluate((html) => { document.body.innerHTML = html; }, code);
  const frame = await (await host.waitForSelector("iframe")).contentFrame();
  await frame!.waitForFunction(() => { const el = document.querySelector("samudra-sim") as unknown as { info: { options: { nFish: number } } | null; controls: string } | null; return el?.info?.options.nFish === 40 && el.controls === "none"; }, undefined, { timeout: 30_000 });
  expect([...errors, ...hostErrors]).toEqual([]);
  await page.close(); await host.close();
}, 90_000);
