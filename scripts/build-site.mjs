// `npm run site`: builds the playground (site/) into site-dist/ — a static site that works from any static host.
//   index.html (models, a thumbnail per preset), nlse.html, kg.html, school.html (one page per model), embed.html
//   (the iframe target), assets/ (esbuild ESM bundles with a shared chunk, the simulation worker, the CSS),
//   thumbs/ (PNG per preset, rendered here in Node from a short run of the preset with samudra itself), api/ (the
//   TypeDoc API reference of every entry, typedoc.json, published with the site).
// Needs dist/ (npm run build). Prints the first-load size of each page (raw and gzip).
import { mkdirSync, rmSync, writeFileSync, readFileSync, copyFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";
import * as esbuild from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const OUT = "site-dist";
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
if (!existsSync("dist/index.js")) { console.error("site: dist/index.js is missing; run `npm run build` first"); process.exit(2); }
rmSync(OUT, { recursive: true, force: true });
mkdirSync(`${OUT}/assets`, { recursive: true });
mkdirSync(`${OUT}/thumbs`, { recursive: true });

const define = { __SAMUDRA_VERSION__: JSON.stringify(pkg.version) };
const result = await esbuild.build({
  entryPoints: { page: "site/page.ts", index: "site/index-page.ts", embed: "site/embed.ts" },
  outdir: `${OUT}/assets`, bundle: true, splitting: true, format: "esm", target: "es2022", platform: "browser",
  minify: true, define, logLevel: "warning", metafile: true, chunkNames: "chunk-[hash]",
});
// the worker fetches the one WASM build it needs (site/wasm-fetch.ts) instead of inlining both as base64
const fetchWasm = { name: "wasm-fetch", setup(b) { b.onResolve({ filter: /^\.\/wasm\/inline\.js$/ }, () => ({ path: path.join(root, "site/wasm-fetch.ts") })); } };
await esbuild.build({ entryPoints: ["src/web/worker.ts"], outfile: `${OUT}/assets/worker.js`, bundle: true, format: "esm", target: "es2022", platform: "browser", minify: true, define, logLevel: "warning", plugins: [fetchWasm] });
for (const w of ["simd.wasm", "scalar.wasm"]) copyFileSync(`dist/${w}`, `${OUT}/assets/${w}`);
copyFileSync("site/style.css", `${OUT}/assets/style.css`);

// the API reference (TypeDoc, from the doc comments test/docs-coverage.test.ts keeps complete)
{
  const { execFileSync } = await import("node:child_process");
  const typedoc = "scripts/docs-tools/node_modules/typedoc/bin/typedoc";
  if (!existsSync(typedoc)) { console.error("site: TypeDoc is missing (the devDependency samudra-docs-tools): run `npm install`"); process.exit(2); }
  execFileSync(process.execPath, [typedoc, "--out", `${OUT}/api`, "--logLevel", "Error"], { stdio: "inherit" });
}

const MODELS = { nlse: "NLSE", kg: "Klein–Gordon", school: "Fish school" };
const nav = (cur) => `<header><a href="index.html"><strong>samudra</strong> playground</a><nav aria-label="models">${Object.entries(MODELS)
  .map(([m, t]) => `<a href="${m}.html"${m === cur ? ' aria-current="page"' : ""}>${t}</a>`).join("")}<a href="api/index.html">API reference</a></nav></header>`;
const head = (title) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="stylesheet" href="assets/style.css"></head>`;
const modelPage = (m) => `${head(`${MODELS[m]} — samudra playground`)}<body data-model="${m}">${nav(m)}<main>
<section class="intro"><h1 id="title"></h1><p class="eq" id="equation"></p><p id="explain"></p></section>
<section aria-labelledby="presets-h"><h2 id="presets-h">Presets</h2><div id="presets"></div></section>
<section class="run" aria-label="simulation">
 <div><div id="split-labels" hidden><span>legacy: the seed's algorithm</span><span>corrected: samudra</span></div>
  <div class="sims" id="sims"></div>
  <p id="diff" aria-live="polite"></p>
  <div class="buttons"><button id="play" type="button">▶ Play</button><button id="step" type="button">Step</button><button id="reset" type="button">↺ Reset</button>
   <button id="split" type="button" aria-pressed="false">Legacy vs corrected</button></div>
  <p id="status" role="status" aria-live="polite"></p></div>
 <aside><h2>Readouts</h2><dl id="readouts"></dl></aside>
</section>
<section aria-labelledby="opt-h"><h2 id="opt-h">Options</h2><div id="sliders"></div></section>
<section aria-labelledby="share-h"><h2 id="share-h">Share and download</h2><div class="buttons">
 <button id="copy-link" type="button">Copy link</button>
 <label for="embed-level">embed UI</label><select id="embed-level"><option>full</option><option selected>minimal</option><option>none</option></select>
 <button id="copy-embed" type="button">Copy embed code</button>
 <button id="dl-png" type="button">Download PNG</button><button id="dl-nc" type="button">Download NetCDF</button><button id="dl-yaml" type="button">Download config (YAML)</button></div>
 <label for="share-out">link or embed code</label><textarea id="share-out" readonly></textarea>
 <p>The YAML runs on the command line with <code>npx samudra ${m} --config ${m}.yaml</code>: same preset, options and seed, same numbers.
 A link or a config reproduces the run from its start with the current options; a change made while it ran (a “live” option, a bump, the predator) is history they do not replay.</p></section>
</main><script type="module" src="assets/page.js"></script></body></html>`;
writeFileSync(`${OUT}/index.html`, `${head("samudra playground")}<body>${nav("")}<main><h1>samudra playground</h1>
<p>Three models from published research codes, computed in your browser with samudra's f64 WebAssembly kernels — the same numbers as in Node.
Pick a preset; every page has the equation, sliders, live readouts and a link that reproduces the run.</p></main>
<script type="module" src="assets/index.js"></script></body></html>`);
for (const m of Object.keys(MODELS)) writeFileSync(`${OUT}/${m}.html`, modelPage(m));
writeFileSync(`${OUT}/embed.html`, `${head("samudra simulation")}<body class="embed"><script type="module" src="assets/embed.js"></script></body></html>`);

// thumbnails: a short run of every preset, drawn with samudra's own renderer
const samudra = await import(pathToFileURL(path.join(root, "dist/index.js")).href);
await samudra.init();
const { nlse, kleinGordon, school, render } = samudra;
const W = 192, H = 120;
function resample(rows, cols, get) {
  const v = new Float64Array(W * H);
  for (let i = 0; i < H; i++) for (let j = 0; j < W; j++) v[(H - 1 - i) * W + j] = get(Math.min(rows - 1, Math.floor((i * rows) / H)), Math.min(cols - 1, Math.floor((j * cols) / W)));
  return v;
}
const thumb = (name, values, colormap, vmin, vmax) => writeFileSync(`${OUT}/thumbs/${name}.png`, render.heatmap(values, { rows: H, cols: W, colormap, vmin, vmax, scaleX: 1, scaleY: 1 }));
for (const c of nlse.CASES) {
  const r = nlse.solve({ case: c }), N = r.x.length, T = r.psi.length;
  const a = (i, j) => Math.hypot(r.psi[i][2 * j], r.psi[i][2 * j + 1]);
  // colour over the data's own range; columns cropped to where |ψ| changes (a rogue wave on a 400-long line)
  let lo = Infinity, hi = 0;
  const span = new Float64Array(N);
  for (let j = 0; j < N; j++) { let cmin = Infinity, cmax = 0; for (let i = 0; i < T; i++) { const v = a(i, j); cmin = Math.min(cmin, v); cmax = Math.max(cmax, v); } span[j] = cmax - cmin; lo = Math.min(lo, cmin); hi = Math.max(hi, cmax); }
  const top = Math.max(...span);
  let j0 = span.findIndex((v) => v > 0.1 * top), j1 = N - 1 - [...span].reverse().findIndex((v) => v > 0.1 * top);
  const w = Math.max(j1 - j0 + 1, Math.ceil(N / 5)), mid = (j0 + j1) >> 1;
  j0 = Math.max(0, Math.min(N - w, mid - (w >> 1) - (w >> 3))); const cols = Math.min(N - j0, w + (w >> 2));
  thumb(`nlse-${c}`, resample(T, cols, (i, j) => a(i, j0 + j)), "inferno", lo, hi > lo ? hi : lo + 1);
}
for (const c of kleinGordon.KG_CASES) {
  const r = kleinGordon.solve({ case: c }), n = r.x.length;
  let m = 0; for (const p of r.phi) for (let j = 0; j < n; j++) m = Math.max(m, Math.abs(p[j]));
  thumb(`kg-${c}`, resample(r.phi.length, n, (i, j) => r.phi[i][j]), "rdbu", -(m || 1), m || 1);
}
for (const c of school.SCHOOL_CASES) {
  const run = school.create({ case: c });
  run.advance(Math.min(600, run.options.nSteps));
  const P = run.positions, n = run.options.nFish, img = new Float64Array(W * H);
  let cx = 0, cy = 0; for (let i = 0; i < n; i++) { cx += P[3 * i]; cy += P[3 * i + 1]; } cx /= n; cy /= n;
  const periodic = run.options.boundary === "periodic", L = run.options.boxSize;
  let span = periodic ? L : 0; if (!periodic) for (let i = 0; i < n; i++) span = Math.max(span, 2.4 * Math.abs(P[3 * i] - cx), 2.4 * Math.abs(P[3 * i + 1] - cy) * (W / H));
  for (let i = 0; i < n; i++) {
    const x = periodic ? P[3 * i] / L : 0.5 + (P[3 * i] - cx) / span, y = periodic ? P[3 * i + 1] / L : 0.5 + ((P[3 * i + 1] - cy) / span) * (W / H);
    const u = Math.floor(x * W), v = Math.floor((1 - y) * H);
    for (let a = -1; a <= 1; a++) for (let b = -1; b <= 1; b++) { const uu = u + a, vv = v + b; if (uu >= 0 && uu < W && vv >= 0 && vv < H) img[vv * W + uu] = Math.max(img[vv * W + uu], 1 - 0.3 * (Math.abs(a) + Math.abs(b))); }
  }
  run.dispose();
  thumb(`school-${c}`, img, "viridis", 0, 1);
}

// first-load size per page: the HTML, the CSS, the entry, the chunks it imports, the worker
const size = (f) => { const b = readFileSync(f); return { raw: b.length, gz: gzipSync(b).length }; };
const outputs = result.metafile.outputs;
const closure = (entry) => { const seen = new Set(); const walk = (f) => { if (seen.has(f)) return; seen.add(f); for (const i of outputs[f]?.imports ?? []) if (i.kind === "import-statement") walk(i.path); }; walk(entry); return [...seen]; };
const report = {};
for (const [page, entry] of [["index.html", "index"], ["nlse.html", "page"], ["kg.html", "page"], ["school.html", "page"], ["embed.html", "embed"]]) {
  const files = [`${OUT}/${page}`, `${OUT}/assets/style.css`, ...closure(`${OUT}/assets/${entry}.js`), ...(entry === "index" ? [] : [`${OUT}/assets/worker.js`, `${OUT}/assets/simd.wasm`])];
  const s = files.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gz: a.gz + b.gz }), { raw: 0, gz: 0 });
  report[page] = { kB: +(s.raw / 1024).toFixed(1), kBgzip: +(s.gz / 1024).toFixed(1) };
}
writeFileSync(`${OUT}/size.json`, JSON.stringify(report, null, 2));
const total = readdirSync(`${OUT}`, { recursive: true }).filter((f) => statSync(`${OUT}/${f}`).isFile()).length;
console.log(`site: ${total} files in ${OUT}/; first load (kB, gzip): ${Object.entries(report).map(([p, s]) => `${p} ${s.kBgzip}`).join(", ")}`);
