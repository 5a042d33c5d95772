// <samudra-sim> in headless Chromium (playwright-core), one browser for the file, pages served from 127.0.0.1:
// dist/ and examples/ as files, /t/page.html?... as a generated page with one element. The oracle for the state is
// the library itself, run in this Node process from dist/index.js: the same options stepped the same frames must
// give the same bits as the element's worker.
import { it, expect, beforeAll, afterAll } from "vitest";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { root, chromiumExecutable, CHROMIUM_ARGS } from "./helpers/runtimes.js";
import { elementPage, startRepoServer, openPage } from "./helpers/web-pages.js";

let srv: { base: string; close(): Promise<void> };
let base = "";
let browser: Browser;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let samudra: any;

beforeAll(async () => {
  const dist = path.join(root, "dist/web/index.js");
  if (!existsSync(dist)) throw new Error("dist/web/index.js is missing: run `node scripts/build.mjs` first");
  samudra = await import(path.join(root, "dist/index.js"));
  await samudra.init();
  srv = await startRepoServer({ "/t/page.html": (u) => elementPage(JSON.parse(u.searchParams.get("a") ?? "{}"), Number(u.searchParams.get("spacer") ?? 0)) });
  base = srv.base;
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({ executablePath: chromiumExecutable().path, headless: true, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

const open = (url: string) => openPage(browser, url);

const pageOf = (attrs: Record<string, string>) => `${base}/t/page.html?a=${encodeURIComponent(JSON.stringify(attrs))}`;

async function waitState(page: Page, states: string[]): Promise<void> {
  await page.waitForFunction((s) => s.includes((document.getElementById("sim") as unknown as { runState: string }).runState), states, { timeout: 30_000 });
}

/** Samples of the element's main canvas (the school view or the heatmap) as a string. */
function canvasPixels(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.getElementById("sim")!;
    const c = el.shadowRoot!.querySelector("canvas.school, canvas.heatmap") as HTMLCanvasElement;
    const copy = document.createElement("canvas");
    copy.width = c.width; copy.height = c.height;
    const ctx = copy.getContext("2d")!;
    ctx.drawImage(c, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let h = 0, colours = new Set<number>();
    for (let i = 0; i < d.length; i += 4 * 13) { h = (h * 31 + d[i] + 7 * d[i + 1] + 13 * d[i + 2]) >>> 0; colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]); }
    return `${colours.size}:${h}`;
  });
}

/** The element's state() with arrays as base64 of their bytes. */
function stateOf(page: Page): Promise<Record<string, string | number>> {
  return page.evaluate(async () => {
    const el = document.getElementById("sim") as unknown as { state(): Promise<Record<string, unknown>> };
    const s = await el.state(), out: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(s)) {
      if (v instanceof Float64Array) { let b = ""; for (const x of new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) b += String.fromCharCode(x); out[k] = btoa(b); }
      else out[k] = v as number;
    }
    return out;
  });
}
const b64 = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");

for (const [model, preset] of [["nlse", "two_soliton"], ["kg", "case4"], ["school", "couzin_torus"]] as const) {
  it(`${model}: the element loads without console errors, plays, and its canvas changes`, async () => {
    const { page, errors } = await open(pageOf({ model, preset, autoplay: "", controls: "full" }));
    try {
      await waitState(page, ["playing"]);
      await page.waitForFunction(() => (document.getElementById("sim") as unknown as { frame: number }).frame >= 3, undefined, { timeout: 30_000 });
      const a = await canvasPixels(page);
      await page.waitForFunction((f) => (document.getElementById("sim") as unknown as { frame: number }).frame >= f + 5,
        await page.evaluate(() => (document.getElementById("sim") as unknown as { frame: number }).frame), { timeout: 30_000 });
      await page.waitForTimeout(100);   // the next animation frame draws the reply
      const b = await canvasPixels(page);
      expect(Number(a.split(":")[0])).toBeGreaterThan(3);
      expect(b).not.toBe(a);
      expect(errors).toEqual([]);
    } finally { await page.close(); }
  });
}

it("determinism: advance(k) then state() equals the same run stepped k frames in Node, bit for bit (nlse, kg, school, school legacy)", async () => {
  const cases = [
    { attrs: { model: "nlse", preset: "modulation_instability", seed: "7" }, k: 6,
      node: () => { const r = samudra.nlse.create({ case: "modulation_instability", seed: 7 }); for (let i = 0; i < 7; i++) r.step(); const o = { t: r.times[6], psi: b64(r.state()) }; r.dispose(); return o; } },
    { attrs: { model: "kg", preset: "case4" }, k: 12,
      node: () => { const r = samudra.kleinGordon.create({ case: "case4" }); for (let i = 0; i < 13; i++) r.step(); const s = r.state(); r.dispose(); return { t: s.t, phi: b64(s.phi), phiT: b64(s.phiT) }; } },
    { attrs: { model: "school", preset: "couzin_torus", seed: "3" }, k: 40,
      node: () => { const r = samudra.school.create({ case: "couzin_torus", seed: 3 }); r.advance(40); const o = { t: r.time, positions: b64(r.positions), velocities: b64(r.velocities) }; r.dispose(); return o; } },
    { attrs: { model: "school", preset: "case1", legacy: "", seed: "5" }, k: 25,
      node: () => { const r = samudra.school.create({ case: "case1", legacy: true, seed: 5 }); r.advance(25); const o = { t: r.time, positions: b64(r.positions), velocities: b64(r.velocities) }; r.dispose(); return o; } },
  ];
  for (const c of cases) {
    const { page, errors } = await open(pageOf(c.attrs));
    try {
      await waitState(page, ["paused"]);
      await page.evaluate((k) => (document.getElementById("sim") as unknown as { advance(k: number): Promise<void> }).advance(k), c.k);
      const s = await stateOf(page);
      const want = c.node();
      expect(s.frame).toBe(c.attrs.model === "school" ? c.k : c.k + 1);
      for (const [k, v] of Object.entries(want)) expect(s[k], `${c.attrs.model} ${c.attrs.preset} ${k}`).toBe(v);
      expect(errors).toEqual([]);
    } finally { await page.close(); }
  }
});

it("play holds while the element is off screen and goes on when it is scrolled into view", async () => {
  const { page, errors } = await open(`${pageOf({ model: "school", preset: "couzin_torus", autoplay: "" })}&spacer=3000`);
  try {
    await waitState(page, ["playing"]);
    const frame = () => page.evaluate(() => (document.getElementById("sim") as unknown as { frame: number }).frame);
    const f0 = await frame();
    await page.waitForTimeout(600);
    expect(await frame()).toBe(f0);
    await page.evaluate(() => document.getElementById("sim")!.scrollIntoView());
    await page.waitForFunction((f) => (document.getElementById("sim") as unknown as { frame: number }).frame >= f + 5, f0, { timeout: 30_000 });
    expect(errors).toEqual([]);
  } finally { await page.close(); }
});

it("school: the pointer over the 3-D view is a predator the fish flee (the run departs from Node's run without one)", async () => {
  const { page, errors } = await open(pageOf({ model: "school", preset: "couzin_swarm" }));
  try {
    await waitState(page, ["paused"]);
    const box = (await page.locator("samudra-sim canvas.school").boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2, { steps: 2 });
    await page.waitForTimeout(300);   // the predator is sent on the next animation frame
    await page.evaluate(() => (document.getElementById("sim") as unknown as { advance(k: number): Promise<void> }).advance(10));
    const s = await stateOf(page);
    const free = samudra.school.create({ case: "couzin_swarm" });
    free.advance(10);
    expect(s.frame).toBe(10);
    expect(s.positions).not.toBe(b64(free.positions));
    free.dispose();
    expect(errors).toEqual([]);
  } finally { await page.close(); }
});

it("the example pages (examples/web-nlse, web-kg, web-school, web-embed-parent) load and run without errors", async () => {
  for (const name of ["web-nlse", "web-kg", "web-school"]) {
    const { page, errors } = await open(`${base}/examples/${name}.html`);
    try {
      await page.waitForFunction(() => (document.querySelector("samudra-sim") as unknown as { frame: number } | null)?.frame! >= 3, undefined, { timeout: 30_000 });
      expect(errors, name).toEqual([]);
    } finally { await page.close(); }
  }
  const { page, errors } = await open(`${base}/examples/web-embed-parent.html`);
  try {
    await page.waitForFunction(() => document.getElementById("readout")!.textContent!.startsWith("state: paused"), undefined, { timeout: 30_000 });
    await page.click("#play");
    await page.waitForFunction(() => /^frame \d+, t = /.test(document.getElementById("readout")!.textContent!), undefined, { timeout: 30_000 });
    expect(errors).toEqual([]);
  } finally { await page.close(); }
});
