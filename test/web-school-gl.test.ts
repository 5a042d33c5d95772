// SchoolGLView (src/web/school-gl*.ts) in headless Chromium (WebGL2 on SwiftShader, CHROMIUM_ARGS as they are): the
// pixels are checked against an oracle camera written here from the documented convention (school-gl-camera.ts
// header: eye E = T + D(cos e cos a, cos e sin a, sin e), D = zoom R / sin(min(fovY, fovX)/2), look-at with z up,
// stroke from p − 0.06 R v/|v| to p) — no matrices shared with the code under test. The depth colours are checked
// against d3-scale-chromatic's viridis, and the 2-D fallback (getContext("webgl2") patched to null) against the
// WebGL image. The page is test/web-gl/ with the view bundled by esbuild (test/web-gl/serve.mjs).
import { it, expect, beforeAll, afterAll } from "vitest";
import type { Browser, Page } from "playwright-core";
import { interpolateViridis } from "d3-scale-chromatic";
import { chromiumExecutable, CHROMIUM_ARGS } from "./helpers/runtimes.js";
import { viridisLut } from "../src/web/school-gl-colormap.js";
// @ts-expect-error: a plain .mjs helper shared with the benchmark
import { startServer } from "./web-gl/serve.mjs";

import { W, H, BG, sub, dot, cross, unit, add, oracle, at, diff, inked, inkedNear, segDist, BOX_EDGES, THREE, stroke, type V3, type Frame } from "./web-gl/oracle.js";
interface Cam { target: V3; radius: number; azimuth: number; elevation: number; zoom: number; fovY: number; eye: V3 }
interface Shot { w: number; h: number; px: Buffer; camera: Cam; rect: { left: number; top: number; width: number; height: number } }

let server: { base: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({ executablePath: chromiumExecutable().path, headless: true, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(noWebGL2 = false): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  if (noWebGL2) {
    await page.addInitScript(() => {
      const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, o?: unknown) {
        return type === "webgl2" ? null : (get as (t: string, o?: unknown) => RenderingContext | null).call(this, type, o);
      } as typeof get;
    });
  }
  await page.goto(`${server.base}/test/web-gl/index.html`);
  await page.waitForFunction(() => document.title === "ready", undefined, { timeout: 20_000 });
  return { page, errors };
}

async function draw(page: Page, frame: Frame, view = { azimuth: 35, elevation: 20, zoom: 1 }, options: Record<string, unknown> = {}, dpr = 1): Promise<Shot & { fallback: boolean; id: number }> {
  const r = await page.evaluate(([f, v, w, h, o, d]) => {
    const win = window as unknown as { mk(w: number, h: number, o: unknown, d: number): { id: number; fallback: boolean }; draw(id: number, f: unknown, v: unknown): { rgba: string } };
    const { id, fallback } = win.mk(w, h, o, d);
    return { ...win.draw(id, f, v), fallback, id };
  }, [frame, view, W, H, options, dpr] as const);
  return { ...(r as unknown as Shot & { fallback: boolean; id: number }), px: Buffer.from(r.rgba, "base64") };
}

it("gets a WebGL2 context in headless Chromium (fallback === false) and reports the renderer", async () => {
  const { page, errors } = await open();
  const info = await page.evaluate(() => (window as unknown as { glInfo(): string | null }).glInfo());
  const s = await draw(page, THREE);
  console.log(`WebGL2 renderer: ${info}`);
  expect(info).toMatch(/\S/);
  expect(s.fallback).toBe(false);
  expect(s.w).toBe(W);
  // antialias "auto" leaves MSAA off on this software renderer; true forces it on
  const forced = await draw(page, THREE, undefined, { antialias: true });
  const attrs = await page.evaluate((ids) => ids.map((i) => (window as unknown as { attributes(i: number): WebGLContextAttributes }).attributes(i).antialias),
    [s.id, forced.id]);
  expect(attrs).toEqual([!/swiftshader|llvmpipe|software/i.test(String(info)), true]);
  expect(errors).toEqual([]);
  await page.close();
});

it.each([["antialias auto (off on SwiftShader)", {}], ["antialias on (4x MSAA)", { antialias: true }]])("draws each fish as a stroke from its projected tail to its projected head, the periodic box's 12 edges, and nothing else — %s", async (_, options) => {
  const { page, errors } = await open();
  const s = await draw(page, THREE, undefined, options);
  const o = oracle([5, 5, 5], (Math.sqrt(3) / 2) * 10);
  for (let i = 0; i < 3; i++) expect(Math.abs(s.camera.eye[i] - o.E[i])).toBeLessThan(1e-9 * o.D);
  const strokes = [0, 1, 2].map((i) => stroke(o, THREE, i));
  const edges = BOX_EDGES.map(([a, b]) => [o.project(a.map((x) => 10 * x) as V3), o.project(b.map((x) => 10 * x) as V3)] as const);
  strokes.forEach(({ head, tail }, i) => {
    const len = Math.hypot(head[0] - tail[0], head[1] - tail[1]);
    expect(len).toBeGreaterThan(3);     // a visible stroke, not a dot
    for (const t of [0, 0.25, 0.5, 0.75, 1]) expect(inkedNear(s, tail[0] + t * (head[0] - tail[0]), tail[1] + t * (head[1] - tail[1]))).toBe(true);
    expect(inked(s, head[0], head[1])).toBe(true);
    // 4 px behind the tail (beyond the wedge's 0.6 px extension) is background unless another stroke or an edge is there
    const bx = tail[0] - (4 * (head[0] - tail[0])) / len, by = tail[1] - (4 * (head[1] - tail[1])) / len;
    const other = strokes.some((k, j) => j !== i && segDist(bx, by, k.tail, k.head) < 4) || edges.some(([a, b]) => segDist(bx, by, a, b) < 2);
    if (!other) expect(inked(s, bx, by)).toBe(false);
  });
  for (const [a, b] of edges) {
    for (const t of [0.2, 0.4, 0.6, 0.8]) {
      const x = a[0] + t * (b[0] - a[0]), y = a[1] + t * (b[1] - a[1]);
      if (strokes.some((k) => segDist(x, y, k.tail, k.head) < 6)) continue;
      expect(inkedNear(s, x, y)).toBe(true);
    }
  }
  // every drawn pixel lies on a stroke or on an edge; the rest is the background exactly
  let drawn = 0;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    if (!inked(s, x, y, 0)) continue;
    drawn++;
    const cx = x + 0.5, cy = y + 0.5;
    const near = strokes.some((k) => segDist(cx, cy, k.tail, k.head) < 3.5) || edges.some(([a, b]) => segDist(cx, cy, a, b) < 1.5);
    if (!near) throw new Error(`pixel (${x}, ${y}) = ${at(s, x, y)} is drawn but lies on no stroke and no box edge`);
  }
  expect(drawn).toBeGreaterThan(300);
  expect(at(s, 0, 0)).toEqual(BG);
  expect(errors).toEqual([]);
  await page.close();
});

it("open space: no box, the camera looks at the centroid framed by 1.5 × the rms spread, and the predator is a red ring", async () => {
  const { page, errors } = await open();
  const fr: Frame = { ...THREE, periodic: false, predator: [5, 4.5, 5.2] };
  const s = await draw(page, fr);
  const P = [0, 1, 2].map((i) => [fr.positions[3 * i], fr.positions[3 * i + 1], fr.positions[3 * i + 2]] as V3);
  const c: V3 = [0, 1, 2].map((a) => (P[0][a] + P[1][a] + P[2][a]) / 3) as V3;
  const R = Math.max(1.5 * Math.sqrt(P.reduce((m, p) => m + dot(sub(p, c), sub(p, c)), 0) / 3), 0.5);
  const o = oracle(c, R);
  for (let a = 0; a < 3; a++) expect(Math.abs(s.camera.target[a] - c[a])).toBeLessThan(1e-12);
  expect(Math.abs(s.camera.radius - R)).toBeLessThan(1e-12 * R);
  const strokes = [0, 1, 2].map((i) => stroke(o, fr, i));
  const m = o.project(fr.predator!), red: V3 = [255, 59, 48];
  for (const { head, tail } of strokes) for (const t of [0, 0.5, 1]) expect(inkedNear(s, tail[0] + t * (head[0] - tail[0]), tail[1] + t * (head[1] - tail[1]))).toBe(true);
  // the marker: red at its centre and on its ring (radius 8 px × 0.84), background between
  expect(diff(at(s, m[0], m[1]), red)).toBeLessThan(30);
  for (const [dx, dy] of [[6.8, 0], [-6.8, 0], [0, 6.8], [0, -6.8]]) expect(diff(at(s, m[0] + dx, m[1] + dy), red)).toBeLessThan(60);
  let stray = 0;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const cx = x + 0.5, cy = y + 0.5;
    if (inked(s, x, y, 0) && !strokes.some((k) => segDist(cx, cy, k.tail, k.head) < 3.5) && Math.hypot(cx - m[0], cy - m[1]) > 9) stray++;
  }
  expect(stray).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});

it("open space: the camera follows a moving school with a lag (0.3 s time constant), and snaps to a school that jumps far", async () => {
  const { page, errors } = await open();
  const r = await page.evaluate(async (f) => {
    const w = window as unknown as { mk(w: number, h: number): { id: number }; draw(id: number, f: unknown): unknown; views: Map<number, { view: { update(f: unknown): void; render(): void; camera: Cam; settling: boolean } }> };
    const { id } = w.mk(320, 240), view = w.views.get(id)!.view;
    const shifted = (dx: number) => ({ ...f, positions: Float64Array.from(f.positions, (x: number, i: number) => (i % 3 === 0 ? x + dx : x)), velocities: Float64Array.from(f.velocities) });
    const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));
    w.draw(id, f);
    const x0 = view.camera.target[0];
    view.update(shifted(1));
    await sleep(60);
    view.render();
    const first = view.camera.target[0] - x0, settlingThen = view.settling;
    for (let k = 0; k < 25; k++) { await sleep(100); view.render(); }
    const settled = view.camera.target[0] - x0, settlingNow = view.settling;
    view.update(shifted(1000));
    view.render();
    return { first, settled, settlingThen, settlingNow, jumped: view.camera.target[0] - x0 };
  }, { ...THREE, periodic: false });
  expect(r.first).toBeGreaterThan(0.1);            // ≥ 60 ms at τ = 0.3 s: at least 1 − e^(−0.2) = 0.18 of the way
  expect(r.first).toBeLessThan(0.82);              // one render moves at most 1 − e^(−0.5/0.3) of the way
  expect(r.settled).toBeGreaterThan(0.999);
  expect(r.settled).toBeLessThan(1 + 1e-9);
  expect(r.jumped).toBeCloseTo(1000, 9);
  expect([r.settlingThen, r.settlingNow]).toEqual([true, false]);
  expect(errors).toEqual([]);
  await page.close();
});

it("colours by distance from the eye through viridis: near yellow, far purple, each within 3 table steps of the oracle", async () => {
  const { page, errors } = await open();
  const T: V3 = [5, 5, 5], o = oracle(T, (Math.sqrt(3) / 2) * 10);
  const back = sub(o.E, T).map((x) => x / o.D) as V3;       // unit vector towards the eye
  const P = [[0.55, -2.5], [0, 0], [-0.55, 2.5]].map(([k, side]) => add(add(T, back, k * o.R), o.r, side));
  const fr: Frame = { positions: P.flat(), velocities: [...o.u, ...o.u, ...o.u], n: 3, boxSize: 10, periodic: true };
  const s = await draw(page, fr);
  const d3 = Array.from({ length: 256 }, (_, i) => { const h = interpolateViridis(i / 255); return [1, 3, 5].map((k) => parseInt(h.slice(k, k + 2), 16)) as V3; });
  const seen = P.map((p) => {
    const [x, y] = o.project(p), c = at(s, x, y);
    let best = 0;
    for (let i = 1; i < 256; i++) if (diff(d3[i], c) < diff(d3[best], c)) best = i;
    return { want: o.colourIndex(p), got: best, err: diff(d3[best], c) };
  });
  console.log("depth colours (viridis index: oracle, drawn):", seen.map((q) => `${q.want.toFixed(1)} ${q.got}`).join("; "));
  for (const q of seen) { expect(Math.abs(q.got - q.want)).toBeLessThanOrEqual(3); expect(q.err).toBeLessThanOrEqual(9); }
  expect(seen[0].got).toBeGreaterThan(seen[1].got + 40);
  expect(seen[1].got).toBeGreaterThan(seen[2].got + 40);
  expect(errors).toEqual([]);
  await page.close();
});

it("pickWorld inverts the projection on the plane through the target facing the camera (within one pixel), also at devicePixelRatio 2", async () => {
  const { page, errors } = await open();
  for (const [view, dpr] of [[{ azimuth: 35, elevation: 20, zoom: 1 }, 1], [{ azimuth: -120, elevation: -40, zoom: 0.7 }, 1], [{ azimuth: 80, elevation: 10, zoom: 1.3 }, 2]] as const) {
    const s = await draw(page, THREE, view, {}, dpr);
    expect([s.w, s.h]).toEqual([W * dpr, H * dpr]);
    const o = oracle([5, 5, 5], (Math.sqrt(3) / 2) * 10, view.azimuth, view.elevation, view.zoom);
    const id = s.id;
    for (const [a, b] of [[0, 0], [3, -2], [-6, 4.5], [7.5, 5]]) {
      const P = add(add([5, 5, 5], o.r, a), o.u, b), [x, y] = o.project(P);
      const got = await page.evaluate(([i, cx, cy]) => (window as unknown as { pick(i: number, x: number, y: number): V3 }).pick(i, cx, cy), [id, s.rect.left + x, s.rect.top + y] as const);
      expect(Math.hypot(...sub(got, P))).toBeLessThan(o.pixelWorld);
      expect(Math.abs(dot(sub(got, [5, 5, 5]), o.f))).toBeLessThan(1e-9);
    }
  }
  expect(errors).toEqual([]);
  await page.close();
});

it("reuses its buffers: 3 fish, then 5000, then the 3 again draw the first image bit for bit; bad frames throw naming the field", async () => {
  const { page, errors } = await open();
  const big: Frame = { positions: [], velocities: [], n: 5000, boxSize: 10, periodic: true };
  for (let i = 0; i < 5000; i++) {
    big.positions.push((i * 7.31) % 10, (i * 3.77) % 10, (i * 1.93) % 10);
    big.velocities.push(Math.cos(i), Math.sin(i), 0.3);
  }
  const r = await page.evaluate(([a, b]) => {
    const win = window as unknown as { mk(w: number, h: number): { id: number }; draw(id: number, f: unknown): { rgba: string }; views: Map<number, { view: { update(f: unknown): void } }> };
    const { id } = win.mk(320, 240);
    const first = win.draw(id, a).rgba, busy = win.draw(id, b).rgba, again = win.draw(id, a).rgba;
    const v = win.views.get(id)!.view, ok = { positions: new Float64Array(3), velocities: new Float64Array(3), n: 1, boxSize: 1, periodic: true };
    const msg = (f: unknown) => { try { v.update(f); return "no error"; } catch (e) { return String(e); } };
    return {
      same: first === again, differs: first !== busy,
      errors: [msg({ ...ok, n: 1.5 }), msg({ ...ok, n: 2 }), msg({ ...ok, velocities: new Float64Array(1) }), msg({ ...ok, boxSize: 0 }), msg({ ...ok, predator: [1, 2] })],
      options: [{ backgrond: "#ffffff" }, { antialias: "yes" }, { boxColour: "grey" }].map((o) => {
        try { new (window as unknown as { SchoolGLView: new (c: HTMLCanvasElement, o: unknown) => unknown }).SchoolGLView(document.createElement("canvas"), o); return "no error"; } catch (e) { return String(e); }
      }),
    };
  }, [THREE, big] as const);
  expect(r.same).toBe(true);
  expect(r.differs).toBe(true);
  expect(r.errors[0]).toMatch(/frame\.n must be a non-negative integer, got 1\.5/);
  expect(r.errors[1]).toMatch(/frame\.positions must hold 3n = 6 numbers, got 3/);
  expect(r.errors[2]).toMatch(/frame\.velocities must hold 3n = 3 numbers, got 1/);
  expect(r.errors[3]).toMatch(/frame\.boxSize must be a finite number > 0, got 0/);
  expect(r.errors[4]).toMatch(/frame\.predator must be \[x, y, z\]/);
  expect(r.options[0]).toMatch(/unknown option "backgrond" — did you mean "background"\?/);
  expect(r.options[1]).toMatch(/antialias must be true, false or "auto", got "yes"/);
  expect(r.options[2]).toMatch(/boxColour must be a colour "#rrggbb", got "grey"/);
  expect(errors).toEqual([]);
  await page.close();
});

it("without WebGL2 the 2-D fallback draws the same fish, box and colours at the same pixels (within 2 px)", async () => {
  const fr: Frame = { positions: [], velocities: [], n: 40, boxSize: 10, periodic: true };
  for (let i = 0; i < 40; i++) {
    fr.positions.push(0.5 + ((i * 2.37) % 9), 0.5 + ((i * 5.11) % 9), 0.5 + ((i * 3.61) % 9));
    fr.velocities.push(Math.cos(1.3 * i), Math.sin(1.3 * i), Math.cos(0.7 * i));
  }
  const gl = await open(), fb = await open(true);
  const a = await draw(gl.page, fr), b = await draw(fb.page, fr);
  expect(a.fallback).toBe(false);
  expect(b.fallback).toBe(true);
  const strong = (s: Shot, x: number, y: number) => diff(at(s, x, y), BG) > 90;
  const within = (s: Shot, x: number, y: number, k: number) => {
    for (let dy = -k; dy <= k; dy++) for (let dx = -k; dx <= k; dx++) if (x + dx >= 0 && y + dy >= 0 && x + dx < W && y + dy < H && inked(s, x + dx, y + dy)) return true;
    return false;
  };
  let n = 0;
  for (const [p, q] of [[a, b], [b, a]] as const) for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    if (!strong(p, x, y)) continue;
    n++;
    if (!within(q, x, y, 2)) throw new Error(`pixel (${x}, ${y}) is drawn by the ${p === a ? "WebGL" : "2-D"} view but nothing within 2 px by the other`);
  }
  expect(n).toBeGreaterThan(1000);
  const o = oracle([5, 5, 5], (Math.sqrt(3) / 2) * 10);
  let compared = 0;
  const all = [...Array(40).keys()].map((i) => stroke(o, fr, i));
  for (let i = 0; i < 40; i++) {
    const { head, tail, p } = all[i], len = Math.hypot(head[0] - tail[0], head[1] - tail[1]);
    if (len < 4 || all.some((k, j) => j !== i && segDist(head[0], head[1], k.tail, k.head) < 6)) continue;     // end-on or overlapped
    compared++;
    // 1 px behind the head, inside the wedge in both drawers (antialiasing blends their edge pixels differently)
    const x = head[0] - (head[0] - tail[0]) / len, y = head[1] - (head[1] - tail[1]) / len;
    expect(inked(b, x, y)).toBe(true);
    expect(diff(at(a, x, y), at(b, x, y))).toBeLessThan(24);       // 64 depth bins vs continuous
    const lut = viridisLut(), k = 3 * Math.round(o.colourIndex(p));
    expect(diff(at(b, x, y), [lut[k], lut[k + 1], lut[k + 2]])).toBeLessThan(24);
  }
  expect(compared).toBeGreaterThan(20);
  // open space with a predator: both drawers put the red ring at the same projected point, and no box
  const open3: Frame = { ...THREE, periodic: false, predator: [5.5, 4, 5] };
  const ga = await draw(gl.page, open3), gb = await draw(fb.page, open3);
  const P = [0, 1, 2].map((i) => [open3.positions[3 * i], open3.positions[3 * i + 1], open3.positions[3 * i + 2]] as V3);
  const c: V3 = [0, 1, 2].map((k) => (P[0][k] + P[1][k] + P[2][k]) / 3) as V3;
  const om = oracle(c, Math.max(1.5 * Math.sqrt(P.reduce((m, p) => m + dot(sub(p, c), sub(p, c)), 0) / 3), 0.5)), m = om.project(open3.predator!);
  for (const sh of [ga, gb]) {
    expect(diff(at(sh, m[0], m[1]), [255, 59, 48])).toBeLessThan(30);
    expect(diff(at(sh, m[0] + 6.8, m[1]), [255, 59, 48])).toBeLessThan(60);
    expect(inked(sh, m[0] + 4.2, m[1])).toBe(false);                     // the gap between dot and ring
  }
  let strayB = 0;
  const strokesO = [0, 1, 2].map((i) => stroke(om, open3, i));
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    if (inked(gb, x, y, 0) && !strokesO.some((k) => segDist(x + 0.5, y + 0.5, k.tail, k.head) < 3.5) && Math.hypot(x + 0.5 - m[0], y + 0.5 - m[1]) > 9) strayB++;
  }
  expect(strayB).toBe(0);
  expect([...gl.errors, ...fb.errors]).toEqual([]);
  await gl.page.close();
  await fb.page.close();
});

it("survives a lost WebGL context: render() is a no-op while lost, and after the restore it draws the same image again", async () => {
  const { page, errors } = await open();
  const r = await page.evaluate(async (f) => {
    const w = window as unknown as { mk(w: number, h: number): { id: number }; draw(id: number, f: unknown): { rgba: string }; pixels(id: number): { rgba: string }; views: Map<number, { view: { render(): void }; canvas: HTMLCanvasElement }> };
    const { id } = w.mk(320, 240), { view, canvas } = w.views.get(id)!;
    const before = w.draw(id, f).rgba;
    const ext = canvas.getContext("webgl2")!.getExtension("WEBGL_lose_context")!;
    const lost = new Promise((res) => canvas.addEventListener("webglcontextlost", res, { once: true }));
    ext.loseContext();
    await lost;
    await new Promise((res) => setTimeout(res, 50));     // Chrome refuses restoreContext() inside the lost event's task
    view.render();
    const restored = new Promise((res) => canvas.addEventListener("webglcontextrestored", res, { once: true }));
    ext.restoreContext();
    await restored;
    view.render();
    return { same: w.pixels(id).rgba === before };
  }, THREE);
  expect(r.same).toBe(true);
  expect(errors).toEqual([]);
  await page.close();
});

it("attachOrbit: a drag turns the camera 0.3° per px and redraws, the wheel zooms; the detach function removes both", async () => {
  const { page, errors } = await open();
  const s = await draw(page, THREE);
  const id = s.id;
  const camera = () => page.evaluate((i) => { const v = (window as unknown as { views: Map<number, { view: { camera: Cam & { zoom: number } } }> }).views.get(i)!.view.camera; return { az: v.azimuth, el: v.elevation, zoom: v.zoom }; }, id);
  await page.evaluate((i) => {
    const w = window as unknown as { views: Map<number, { view: { attachOrbit(t: HTMLElement): () => void }; canvas: HTMLCanvasElement }>; detach: () => void };
    const { view, canvas } = w.views.get(i)!;
    w.detach = view.attachOrbit(canvas);
  }, id);
  const x0 = s.rect.left + 100, y0 = s.rect.top + 100;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move(x0 + 40, y0 - 20, { steps: 4 });
  await page.mouse.up();
  const c1 = await camera();
  expect(c1.az).toBeCloseTo(35 - 0.3 * 40, 9);
  expect(c1.el).toBeCloseTo(20 - 0.3 * 20, 9);
  await page.mouse.wheel(0, 200);
  await page.waitForTimeout(100);
  const c2 = await camera();
  expect(c2.zoom).toBeCloseTo(Math.exp(0.0015 * 200), 6);
  // the scheduled render drew the turned view: the projected box corner (0, 0, 0) of the new camera is inked
  const px = await page.evaluate((i) => (window as unknown as { pixels(i: number): { rgba: string } }).pixels(i).rgba, id);
  const o = oracle([5, 5, 5], (Math.sqrt(3) / 2) * 10, c2.az, c2.el, c2.zoom), [cx, cy] = o.project([0, 0, 0]);
  expect(inkedNear({ px: Buffer.from(px, "base64") }, cx, cy)).toBe(true);
  await page.evaluate(() => (window as unknown as { detach: () => void }).detach());
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move(x0 + 50, y0, { steps: 2 });
  await page.mouse.up();
  await page.mouse.wheel(0, 300);
  expect(await camera()).toEqual(c2);
  expect(errors).toEqual([]);
  await page.close();
});

it("the built-in viridis table matches d3-scale-chromatic's interpolateViridis within 3/255", () => {
  const lut = viridisLut();
  let worst = 0;
  for (let i = 0; i < 256; i++) {
    const h = interpolateViridis(i / 255);
    for (let c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(lut[3 * i + c] - parseInt(h.slice(1 + 2 * c, 3 + 2 * c), 16)));
  }
  expect(worst).toBeLessThanOrEqual(3);
});
