// SchoolGLView benchmark (src/web/school-gl.ts) in headless Chromium: frames per second of update() + render() for
// real school states — school.create({ case: "couzin_torus", nFish: N }) run in the page from dist/index.js, a few
// frames one step apart, cycled — at N = 1000 and 10⁴, for the WebGL2 path and the 2-D canvas fallback
// (getContext("webgl2") patched to return null). Canvas 800 × 600 CSS px at devicePixelRatio 1.
// Two loops, each measured for ≥ 3 s and repeated 3 times (median and range printed):
//   raf   one update() + render() per requestAnimationFrame callback: the frames the page really shows (the
//         headless compositor's display rate caps it, 60/s);
//   sync  a tight loop of update() + render() + a 1-pixel readback (gl.readPixels / getImageData), which waits for
//         the frame to be drawn: the uncapped rate.
// Also: ms per update() alone (the f64 → f32 copy). WebGL2 here is ANGLE on SwiftShader, a CPU rasteriser (the
// suite's CHROMIUM_ARGS include --disable-gpu); a real GPU is faster. The rasteriser's threads share the machine's
// cores with everything else running, so the load average is printed with the results.
// Run: npm run build && npm run bench:web-school-gl
import os from "node:os";
import path from "node:path";
import { existsSync, readdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { chromium } from "playwright-core";
import { startServer, root } from "../test/web-gl/serve.mjs";

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];   // test/helpers/runtimes.ts CHROMIUM_ARGS
const SECONDS = 3, REPEATS = 3, SIZES = [1000, 10000];

function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const cache = path.join(root, "node_modules/.cache");
  const dirs = existsSync(cache) ? readdirSync(cache).filter((d) => /^samudra-chromium-[\d.]+$/.test(d)).sort() : [];
  for (const d of dirs.reverse()) if (existsSync(path.join(cache, d, "chromium"))) return path.join(cache, d, "chromium");
  for (const n of ["chromium", "chromium-browser", "google-chrome"]) {
    try { return execFileSync("which", [n], { encoding: "utf8" }).trim(); } catch { /* next */ }
  }
  throw new Error("no headless Chromium: run the browser tests once (npx vitest run test/web-school-gl.test.ts unpacks the one @sparticuz/chromium ships), or set CHROMIUM_PATH");
}
if (!existsSync(path.join(root, "dist/index.js"))) throw new Error("dist/index.js is missing: run `npm run build` first");

const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const fmt = (a, d = 1) => `${median(a).toFixed(d)} (${Math.min(...a).toFixed(d)}–${Math.max(...a).toFixed(d)})`;

/** In the page: a view, K real frames of couzin_torus at N fish, and the two timed loops. */
async function setup(page, n) {
  return page.evaluate(async (n) => {
    const { init, school } = await import("/dist/index.js");
    await init();
    const run = school.create({ case: "couzin_torus", nFish: n });
    const K = n > 5000 ? 4 : 8, frames = [];
    for (let k = 0; k < K; k++) {
      run.advance(1);
      frames.push({ positions: run.positions.slice(), velocities: run.velocities.slice(), n, boxSize: run.options.boxSize, periodic: run.options.boundary === "periodic" });
    }
    run.dispose();
    const { id, fallback } = window.mk(800, 600);
    const { view, canvas } = window.views.get(id);
    const gl = fallback ? null : canvas.getContext("webgl2"), ctx = fallback ? canvas.getContext("2d") : null, px = new Uint8Array(4);
    const sync = () => { if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px); else ctx.getImageData(0, 0, 1, 1); };
    let i = 0;
    const one = () => { view.update(frames[i++ % K]); view.render(); };
    window.bench = {
      fallback,
      raf: (seconds) => new Promise((resolve) => {
        let count = 0, t0 = 0;
        const tick = (t) => {
          if (!t0) t0 = t; else count++;
          one();
          if (t - t0 < seconds * 1000) requestAnimationFrame(tick); else { sync(); resolve(count / ((t - t0) / 1000)); }
        };
        requestAnimationFrame(tick);
      }),
      sync: (seconds) => {
        one(); sync();
        const t0 = performance.now();
        let count = 0, t = t0;
        while (t - t0 < seconds * 1000) { one(); sync(); count++; t = performance.now(); }
        return count / ((t - t0) / 1000);
      },
      update: () => {
        const t0 = performance.now();
        for (let k = 0; k < 200; k++) view.update(frames[k % K]);
        return (performance.now() - t0) / 200;
      },
    };
    return { fallback, K };
  }, n);
}

const exe = findChromium(), server = await startServer(), load0 = os.loadavg()[0];
const browser = await chromium.launch({ executablePath: exe, headless: true, args: ARGS });
const version = browser.version();
const rows = [];
try {
  for (const fallback of [false, true]) {
    for (const n of SIZES) {
      const page = await browser.newPage({ viewport: { width: 820, height: 640 } });
      if (fallback) {
        await page.addInitScript(() => {
          const get = HTMLCanvasElement.prototype.getContext;
          HTMLCanvasElement.prototype.getContext = function (type, o) { return type === "webgl2" ? null : get.call(this, type, o); };
        });
      }
      await page.goto(`${server.base}/test/web-gl/index.html`);
      await page.waitForFunction(() => document.title === "ready");
      const info = await setup(page, n);
      if (info.fallback !== fallback) throw new Error(`expected fallback = ${fallback}, got ${info.fallback}`);
      const raf = [], sync = [], upd = [];
      for (let r = 0; r < REPEATS; r++) {
        raf.push(await page.evaluate((s) => window.bench.raf(s), SECONDS));
        sync.push(await page.evaluate((s) => window.bench.sync(s), SECONDS));
        upd.push(await page.evaluate(() => window.bench.update()));
      }
      const row = { path: fallback ? "2-D fallback" : "WebGL2", n, raf, sync, upd };
      rows.push(row);
      console.log(`${row.path.padEnd(12)} N = ${String(n).padStart(5)}  raf ${fmt(raf)} fps   sync ${fmt(sync)} fps   update() ${fmt(upd, 3)} ms`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`\nheadless Chromium ${version} (${path.basename(path.dirname(exe))}), WebGL2 = ANGLE/SwiftShader (CPU), canvas 800 × 600 px;`
  + ` ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)};`
  + ` median (range) of ${REPEATS} runs of ≥ ${SECONDS} s each; 1-min load average ${load0.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end`);
const gl10k = rows.find((r) => r.path === "WebGL2" && r.n === 10000);
console.log(`target ≥ 30 fps at N = 10⁴ (WebGL2, raf): ${median(gl10k.raf) >= 30 ? "met" : "NOT met"} (${median(gl10k.raf).toFixed(1)} fps)`);
