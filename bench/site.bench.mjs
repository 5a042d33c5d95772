// `npm run bench:site`: the playground's first load in headless Chromium on this machine — bytes (raw and gzip, from
// site-dist/size.json, written by scripts/build-site.mjs) and time to first frame: from navigation start until the
// page's <samudra-sim> has loaded its run and drawn frame 0 (element info set, state "paused"), in a fresh browser
// context each time (empty cache), served from 127.0.0.1 by scripts/serve-site.mjs. 5 loads per page, pages
// alternating; prints median and range. Needs `npm run site` first.
import { spawn } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
if (!existsSync(path.join(root, "site-dist/size.json"))) { console.error("bench:site: run `npm run site` first"); process.exit(2); }
const exe = process.env.CHROMIUM_PATH ?? path.join(root, "node_modules/.cache/samudra-chromium-143.0.4/chromium");
if (!existsSync(exe)) { console.error(`bench:site: no Chromium at ${exe}; run the tests once (they unpack it) or set CHROMIUM_PATH`); process.exit(2); }
const srv = spawn(process.execPath, [path.join(root, "scripts/serve-site.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
const base = await new Promise((r) => srv.stdout.on("data", (d) => { const m = /http:\S+\//.exec(String(d)); if (m) r(m[0]); }));
const browser = await chromium.launch({ executablePath: exe, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
const pages = ["nlse.html", "kg.html", "school.html"], times = Object.fromEntries(pages.map((p) => [p, []]));
for (let rep = 0; rep < 5; rep++) {
  for (const p of pages) {
    const ctx = await browser.newContext({ locale: "en-US" });
    const page = await ctx.newPage();
    await page.goto(base + p);
    const ms = await page.waitForFunction(() => { const el = document.querySelector("#sim-main"); return el?.info && el.runState === "paused" ? performance.now() : 0; }, undefined, { polling: "raf", timeout: 60_000 });
    times[p].push(await ms.jsonValue());
    await ctx.close();
  }
}
await browser.close(); srv.kill();
const size = JSON.parse(readFileSync(path.join(root, "site-dist/size.json"), "utf8"));
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
console.log("| page | first load kB (gzip) | time to first frame, ms: median (range) |\n|---|---:|---:|");
for (const p of pages) console.log(`| ${p} | ${size[p].kB} (${size[p].kBgzip}) | ${med(times[p]).toFixed(0)} (${Math.min(...times[p]).toFixed(0)}–${Math.max(...times[p]).toFixed(0)}) |`);
console.log(`| index.html | ${size["index.html"].kB} (${size["index.html"].kBgzip}) | — |`);
