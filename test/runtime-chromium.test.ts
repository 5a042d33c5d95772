// Headless Chromium driven by npm playwright-core: a page served from 127.0.0.1 imports dist/index.js as an ES
// module and runs the smoke test; the result must match Node bit for bit. The browser ($CHROMIUM_PATH if set)
// comes with `npm install`: the Chromium binary inside the devDependency @sparticuz/chromium, unpacked once by
// test/global-setup.ts; else a system `chromium`. Without one these tests FAIL with the reason (never skipped).
import { it, expect, beforeAll, afterAll } from "vitest";
import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import type { AddressInfo, Socket } from "node:net";
import { root, nodeReference, chromiumExecutable, CHROMIUM_ARGS } from "./helpers/runtimes.js";

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm" };
let server: Server;
const sockets = new Set<Socket>();
let base = "";

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, "");
    const allowed = rel.startsWith("dist/") || rel.startsWith("test/runtime/") || rel.startsWith("examples/");
    const file = path.join(root, rel);
    if (!allowed || !existsSync(file)) { res.writeHead(404).end("not found"); return; }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    res.end(await readFile(file));
  });
  server.on("connection", (s) => { sockets.add(s); s.on("close", () => sockets.delete(s)); });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  server.unref();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => server.close(() => r()));
});

it("Chromium: a page importing dist/index.js computes the smoke FFTs, ODE and analysis with SIMD, bit-identical to Node", async () => {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: chromiumExecutable().path, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${base}/test/runtime/page.html`);
    await page.waitForFunction(() => document.title === "done", undefined, { timeout: 30_000 });
    const result = await page.evaluate(() => (window as unknown as { __samudra: unknown }).__samudra);
    expect(errors).toEqual([]);
    expect(result).toMatchObject({ ok: true, simd: true, source: "inline" });
    expect((result as { hashes: unknown }).hashes).toEqual((await nodeReference()).hashes);
  } finally {
    await browser.close();
  }
});

it("Chromium: examples/browser-school.html animates a Couzin mill on a canvas and switches cases without errors", async () => {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: chromiumExecutable().path, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${base}/examples/browser-school.html`);
    await page.waitForFunction(() => Number(document.body.dataset.frames ?? 0) >= 30, undefined, { timeout: 30_000 });
    expect(await page.textContent("#status")).toMatch(/^Couzin 2002 - Torus: t = [\d.]+, P = 0\.\d\d, M = 0\.\d\d$/);
    // something was drawn: the canvas is not a single colour
    const colours = await page.evaluate(() => {
      const c = document.getElementById("view") as HTMLCanvasElement, d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < d.length; i += 4 * 97) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(3);
    await page.click("button[data-case=case3]");
    await page.waitForFunction(() => document.getElementById("status")!.textContent!.startsWith("Case 3"), undefined, { timeout: 10_000 });
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
}, 60_000);
