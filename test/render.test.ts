// The figure layer (src/render): ticks, number formats, the outline font, SVG contents of each figure kind
// (tick labels, axis labels with units, colorbar ends, legends), PNG sizes from inches × dpi, the GIF writer,
// and a golden-image comparison with a tolerance (UPDATE_GOLDEN=1 rewrites test/fixtures/render-golden.png).
import { it, expect } from "vitest";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { decode } from "fast-png";
import { niceTicks, logTicks, formatTicks, formatValue } from "../src/render/axes.js";
import { textWidth, textPolygons } from "../src/render/font.js";
import { heatmapFigure, lineFigure } from "../src/render/figures.js";
import { sceneToSvg } from "../src/render/scene.js";
import { Canvas, sceneToPng } from "../src/render/canvas.js";
import { LineAnimation } from "../src/render/animation.js";

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
const pngSize = (b: Uint8Array) => { const d = new DataView(b.buffer, b.byteOffset); return [d.getUint32(16), d.getUint32(20)]; };

function soliton(nx = 128, nt = 60): Float32Array {
  const v = new Float32Array(nx * nt);
  for (let i = 0; i < nt; i++) for (let j = 0; j < nx; j++) { const x = -25 + (50 * j) / (nx - 1), t = (10 * i) / (nt - 1); v[i * nx + j] = 4 / Math.cosh(2 * (x - t)) ** 2; }
  return v;
}
const heat = (dpi = 100) => heatmapFigure({ title: "single soliton", subtitle: "β = 0.5", values: soliton(), rows: 60, cols: 128, x: { lo: -25, hi: 25, label: "x (1)" }, y: { lo: 0, hi: 10, label: "t (1)" }, colormap: "inferno", vmin: 0, vmax: 4.02, cbLabel: "|ψ|²", dpi });

it("ticks at round numbers; log ticks at decades; labels with a true minus and just enough decimals", () => {
  expect(niceTicks(-25, 25)).toEqual([-20, -10, 0, 10, 20]);
  expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  expect(niceTicks(0, 7.3, 6)).toEqual([0, 2, 4, 6]);
  expect(logTicks(1e-15, 2e-9)).toEqual([1e-15, 1e-14, 1e-13, 1e-12, 1e-11, 1e-10, 1e-9].map((v) => Number(v)));
  expect(formatTicks([-20, -10, 0, 10, 20])).toEqual(["−20", "−10", "0", "10", "20"]);
  expect(formatTicks([0, 0.25, 0.5])).toEqual(["0.00", "0.25", "0.50"]);
  expect(formatTicks([1e-12, 1e-10], true)).toEqual(["10⁻¹²", "10⁻¹⁰"]);
  expect(formatTicks([0, 2e-5, 4e-5])).toEqual(["0", "2×10⁻⁵", "4×10⁻⁵"]);
  expect(formatValue(4.0213)).toBe("4.02");
  expect(formatValue(-0.5)).toBe("−0.5");
});

it("outline font: widths scale with size, glyphs become closed polygons, unknown characters draw as '?'", () => {
  expect(textWidth("x", 20)).toBeCloseTo(2 * textWidth("x", 10), 10);
  expect(textWidth("ψ", 10)).toBeGreaterThan(3);
  const polys = textPolygons("8", 0, 0, 20);
  expect(polys.length).toBe(3);                    // the outer contour and two counters
  expect(textPolygons("\u4e00", 0, 0, 20).length).toBe(textPolygons("?", 0, 0, 20).length);
});

it("heatmap figure: SVG has x ticks −20…20 for L = 50, axis labels with units, the colorbar label and its min/max", () => {
  const t = texts(sceneToSvg(heat()));
  for (const s of ["−20", "−10", "0", "10", "20", "x (1)", "t (1)", "|ψ|²", "4.02", "single soliton", "β = 0.5"]) expect(t, s).toContain(s);
  expect(t.filter((s) => s === "0").length).toBeGreaterThanOrEqual(3);   // x = 0, t = 0 and the colorbar minimum
});

it("PNG size is inches × dpi (10 × 6.5 in): 1000 px wide at dpi 100, 1500 at dpi 150", () => {
  expect(pngSize(sceneToPng(heat(100)))).toEqual([1000, 650]);
  expect(pngSize(sceneToPng(heat(150)))).toEqual([1500, 975]);
});

it("line figure: a legend when there are several lines, decade labels on a log axis", () => {
  const tt = Array.from({ length: 100 }, (_, i) => i / 10);
  const svg = sceneToSvg(lineFigure({ title: "drift", x: { lo: 0, hi: 10, label: "t" }, y: { lo: 1e-14, hi: 1e-8, label: "|ΔQ| / |Q(0)|", log: true }, series: [{ x: tt, y: tt.map((t) => 1e-13 * (1 + t)), label: "mass M" }, { x: tt, y: tt.map((t) => 1e-10 * (1 + t)), label: "Hamiltonian H" }] }));
  const t = texts(svg);
  for (const s of ["mass M", "Hamiltonian H", "10⁻¹⁴", "10⁻⁸", "|ΔQ| / |Q(0)|", "t"]) expect(t, s).toContain(s);
  const one = texts(sceneToSvg(lineFigure({ title: "one", x: { lo: 0, hi: 1, label: "t" }, y: { lo: 0, hi: 1, label: "y" }, series: [{ x: [0, 1], y: [0, 1], label: "only" }] })));
  expect(one).not.toContain("only");
});

it("line animation: GIF89a with one frame per call, the time stamp and the legend drawn in each frame", () => {
  const a = new LineAnimation({ title: "anim", x: { lo: -1, hi: 1, label: "x" }, y: { lo: -1, hi: 1, label: "ψ" }, labels: ["|ψ|", "Re ψ"], delay: 40, dpi: 50 });
  const x = [-1, 0, 1];
  a.frame(x, [[0, 1, 0], [0, -1, 0]], 0);
  const first = a.lastFrame.data.slice();
  a.frame(x, [[0, 1, 0], [0, -1, 0]], 2.5);
  expect(a.frameCount).toBe(2);
  let diff = 0;
  for (let i = 0; i < first.length; i++) diff += first[i] !== a.lastFrame.data[i] ? 1 : 0;
  expect(diff).toBeGreaterThan(10);                // only the stamp differs
  expect(diff).toBeLessThan(first.length / 50);
  const gif = a.finish();
  expect(String.fromCharCode(...gif.subarray(0, 6))).toBe("GIF89a");
  expect([gif[6] | (gif[7] << 8), gif[8] | (gif[9] << 8)]).toEqual([320, 180]);
});

it("rasteriser: a filled square has exact coverage, anti-aliased half-pixel edges", () => {
  const c = new Canvas(10, 10, "#ffffff");
  c.fillRect(2, 2, 4.5, 3, "#000000");
  expect(c.data[(3 * 10 + 3) * 3]).toBe(0);
  expect(Math.abs(c.data[(3 * 10 + 6) * 3] - 127)).toBeLessThanOrEqual(2);
  expect(c.data[(3 * 10 + 7) * 3]).toBe(255);
});

it("golden image: the heatmap figure at dpi 60 matches test/fixtures/render-golden.png within tolerance", () => {
  const png = sceneToPng(heat(60)), file = path.join(__dirname, "fixtures", "render-golden.png");
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, png);
  const a = decode(png), b = decode(new Uint8Array(readFileSync(file)));
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let bad = 0, sum = 0;
  for (let i = 0; i < a.data.length; i++) { const d = Math.abs(a.data[i] - b.data[i]); sum += d; if (d > 48) bad++; }
  expect(sum / a.data.length, "mean absolute difference per channel").toBeLessThan(1.5);
  expect(bad / a.data.length, "fraction of channels off by > 48").toBeLessThan(0.002);
});

it("PNG through an installed native zlib (useDeflate) decodes to the same pixels as the portable encoder", async () => {
  const { useDeflate, encodePng } = await import("../src/render/png-encode.js");
  const { deflateSync } = await import("node:zlib");
  const c = new Canvas(37, 23, "#ffffff");
  c.fillRect(3, 4, 20.5, 9, "#1f77b4"); c.text("x = 1", 5, 20, 9, "#222222");
  const portable = encodePng(c.width, c.height, c.data);
  useDeflate((b) => deflateSync(b));
  try {
    const nat = encodePng(c.width, c.height, c.data);
    expect(Array.from(decode(nat).data)).toEqual(Array.from(decode(portable).data));
    expect(pngSize(nat)).toEqual([37, 23]);
  } finally { useDeflate(null); }
});

it("SVG embeds a field at its grid resolution (the viewer scales it), not a second full-size copy of the PNG's pixels", () => {
  const svg = sceneToSvg(heat(150));
  const b64 = [...svg.matchAll(/href="data:image\/png;base64,([^"]+)"/g)].map((m) => Buffer.from(m[1], "base64"));
  const sizes = b64.map((b) => pngSize(new Uint8Array(b.buffer, b.byteOffset, b.length)));
  expect(sizes).toContainEqual([128, 60]);                 // the 128 × 60 field, stretched over a ~1200 px panel
  expect(svg).toMatch(/clip-path="url\(#c1\)"/);
});

it("public render functions reject bad arguments with an error that names the argument and the value (no silent wrong figure)", async () => {
  const render = await import("../src/render.js");
  const v = new Float64Array(6).map((_, i) => i);
  // heatmap: rows × cols, the colour range, cell sizes
  expect(() => render.heatmap(v, { rows: 2, cols: 4 })).toThrow(/values has 6 entries, rows × cols = 8/);
  expect(() => render.heatmap(v, { rows: 1.5, cols: 4 })).toThrow(/rows must be a positive integer, got 1.5/);
  expect(() => render.heatmap(v, { rows: 2, cols: 3, vmin: 2, vmax: 1 })).toThrow(/vmin \(2\) must be below vmax \(1\)/);
  expect(() => render.heatmap(v, { rows: 2, cols: 3, vmin: 1, vmax: 1 })).toThrow(/vmin \(1\) must be below vmax \(1\)/);
  expect(() => render.heatmap(v, { rows: 2, cols: 3, vmax: NaN })).toThrow(/vmax must be a finite number, got NaN/);
  expect(() => render.heatmap(v, { rows: 2, cols: 3, scaleX: 0 })).toThrow(/scaleX must be a positive integer/);
  expect(() => render.heatmap(v, { rows: 2, cols: 3, colormap: "jet" })).toThrow(/unknown colormap "jet"/);
  // NaN entries draw as the lowest colour (documented), and a computed range ignores them
  const a = decode(render.heatmap([NaN, 0, 1, 2], { rows: 2, cols: 2, scaleX: 1, scaleY: 1 })).data, lo = render.colormap("inferno");
  expect(Array.from(a.subarray(0, 3))).toEqual(Array.from(lo.subarray(0, 3)));
  expect(Array.from(a.subarray(9, 12))).toEqual(Array.from(lo.subarray(765, 768)));
  // heatmapFigure: the field's length, the colour range, the size, overlay colours
  const fig = { title: "t", values: v, rows: 2, cols: 3, x: { lo: 0, hi: 1, label: "x" }, y: { lo: 0, hi: 1, label: "y" }, colormap: "viridis", vmin: 0, vmax: 5, cbLabel: "u" };
  expect(() => render.heatmapFigure({ ...fig, rows: 3 })).toThrow(/values has 6 entries but rows × cols = 3 × 3 = 9/);
  expect(() => render.heatmapFigure({ ...fig, vmin: 5, vmax: 0 })).toThrow(/vmin \(5\) and vmax \(0\) must be finite with vmin < vmax/);
  expect(() => render.heatmapFigure({ ...fig, vmax: NaN })).toThrow(/vmax \(NaN\)/);
  expect(() => render.heatmapFigure({ ...fig, dpi: 0 })).toThrow(/dpi must be a finite number > 0 \(pixels per inch\), got 0/);
  expect(() => render.heatmapFigure({ ...fig, overlays: [{ xy: [0, 0, 1, 1], colour: "red", label: "k" }] })).toThrow(/overlays\[0\]\.colour must be "#rrggbb", got "red"/);
  expect(render.sceneToSvg(render.heatmapFigure(fig))).toMatch(/^<svg/);
  // lineFigure: a log axis needs 0 < lo < hi
  expect(() => render.lineFigure({ title: "t", x: { lo: 0, hi: 1, label: "t" }, y: { lo: 0, hi: 1, label: "y", log: true }, series: [] })).toThrow(/log y axis needs 0 < lo < hi, got lo = 0, hi = 1/);
  // LineAnimation (gif.ts): ranges, curve lengths, finish without frames; an infinite value breaks the line (no hang)
  expect(() => new render.LineAnimation({ xmin: 1, xmax: 1, ymin: -1, ymax: 1 })).toThrow(/xmin \(1\) and xmax \(1\) must be finite with xmin < xmax/);
  expect(() => new render.LineAnimation({ xmin: 0, xmax: 1, ymin: -1, ymax: 1, width: 10.5 })).toThrow(/width must be a positive integer \(pixels\), got 10.5/);
  const anim = new render.LineAnimation({ xmin: 0, xmax: 1, ymin: -1, ymax: 1, width: 64, height: 32 });
  expect(() => anim.finish()).toThrow(/no frames were added/);
  expect(() => anim.frame([0, 0.5, 1], [[0, 1]])).toThrow(/curves\[0\] has 2 values but x has 3/);
  anim.frame([0, 0.5, 1], [[0, Infinity, 0]]);
  expect(anim.frameCount).toBe(1);
  expect(String.fromCharCode(...anim.finish().subarray(0, 6))).toBe("GIF89a");
  // lineChart, Scene
  expect(() => render.lineChart([], [])).toThrow(/x must be non-empty/);
  expect(() => new render.Scene(0, 10)).toThrow(/width must be a finite number of pixels > 0, got 0/);
  // school: box size, matching positions/velocities, the series the summary draws
  expect(() => new render.SchoolAnimation({ boxSize: 0, frames: 2, delay: 50 })).toThrow(/boxSize must be a finite number > 0.*got 0/);
  expect(() => new render.SchoolAnimation({ boxSize: 10, frames: NaN, delay: 50 })).toThrow(/frames must be a finite number ≥ 0.*got NaN/);
  const sa = new render.SchoolAnimation({ boxSize: 10, frames: 2, delay: 50, dpi: 20 });
  expect(() => sa.frame([1, 2, 3], [1, 0], "t = 0")).toThrow(/positions \(3 values\) and velocities \(2\) must have the same length/);
  expect(() => render.schoolSummaryFigure({ title: "s", t: [0, 1], series: { polarization: [0, 1] }, mean: {}, final: {}, positions: [1, 2, 3], velocities: [1, 0, 0], boxSize: 10, metrics: false }))
    .toThrow(/series has no rotation/);
});

it("fieldFigure (the CLI's heatmaps) still draws an overflowed field: a non-finite vmin/vmax falls back to the finite range of the values", async () => {
  const { fieldFigure } = await import("../src/render/plots.js");
  const f = { title: "blow-up", rows: [[0, 1, 2], [3, Infinity, 5]], cols: 3, x: { lo: 0, hi: 1, label: "x" }, y: { lo: 0, hi: 1, label: "t" }, colormap: "inferno", cbLabel: "|ψ|²" };
  const t = texts(sceneToSvg(fieldFigure({ ...f, vmin: 0, vmax: Infinity })));
  expect(t).toContain("5");                                 // the colorbar's top: the largest finite value
  expect(() => fieldFigure({ ...f, vmin: -Infinity, vmax: NaN })).not.toThrow();
});
