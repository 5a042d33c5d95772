// School figures (src/render/school-*.ts): the summary's axes (tick and axis labels with units, depth colorbar
// ends), PNG sizes, and the animation: the box drawn in a periodic frame (box-edge grey at the projected corners) and
// a periodic school drawn in one piece (case3, 300–1500 steps: projected bounding box under half the frame).
import { it, expect, beforeAll } from "vitest";
import { init, school } from "../src/index.js";
import { summaryFigure } from "../src/render/school-figures.js";
import { SchoolAnimation } from "../src/render/school-animation.js";
import { viewPositions, circularCentre } from "../src/render/school-view.js";
import { sceneToSvg } from "../src/render/scene.js";
import { sceneToPng } from "../src/render/canvas.js";

beforeAll(async () => { await init(); });

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
const pngSize = (b: Uint8Array) => { const d = new DataView(b.buffer, b.byteOffset); return [d.getUint32(16), d.getUint32(20)]; };

/** 60 fish in a blob around the corner (0, 0, 0) of a periodic box of side 20: stored wrapped, so at both ends of each axis. */
function cornerBlob(L = 20, n = 60): { pos: Float64Array; vel: Float64Array } {
  const pos = new Float64Array(3 * n), vel = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) for (let a = 0; a < 3; a++) {
    const off = 2.5 * Math.sin(1.7 * i + 2.1 * a + 0.3 * i * a);
    pos[3 * i + a] = (off + L) % L; vel[3 * i + a] = a === 0 ? 1 : 0.1;
  }
  return { pos, vel };
}

function summaryInput(metrics: boolean) {
  const n = 151, t = Float64Array.from({ length: n }, (_, i) => i), ser = (f: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => f(i));
  const keys = ["polarization", "rotation", "orderIndex", "oceanicSchoolingIndex", "schoolCohesionEntropy", "polarizationEntropy", "depthStratificationEntropy", "angularMomentumEntropy", "nearestNeighborEntropy", "velocityCorrelationEntropy", "schoolShapeEntropy", "spread"];
  const series = Object.fromEntries(keys.map((k, j) => [k, ser((i) => (k === "spread" ? 6 + 4 * Math.sin(i / 10) : 0.5 + 0.4 * Math.sin(i / 20 + j)))]));
  const mean = Object.fromEntries(keys.map((k) => [k, 0.5])), final = Object.fromEntries(keys.map((k, j) => [k, (j + 1) / 13]));
  const { pos, vel } = cornerBlob();
  return { title: "Case 3 (legacy): Highly Parallel", subtitle: "N = 60, L = 20", t, series, mean, final, positions: pos, velocities: vel, boxSize: 20, boundary: "periodic" as const, metrics };
}

it("summary: tick labels 0…150 on t, axis labels with units, depth colorbar 0 to L, panel titles, entropy bars", () => {
  const t = texts(sceneToSvg(summaryFigure(summaryInput(true))));
  for (const s of ["0", "50", "100", "150", "time t (dimensionless)", "order parameter (dimensionless)", "OSI (dimensionless)", "spread (dimensionless)",
    "depth z (dimensionless)", "20", "polarization P", "rotation M", "Order parameters", "Final entropies", "COH", "SHP", "x", "y", "z", "Case 3 (legacy): Highly Parallel"]) expect(t, s).toContain(s);
  expect(t.some((s) => s.startsWith("mean P, 2nd half = 0.500"))).toBe(true);
});

it("summary PNG is 15 × 9 in at the dpi (1500 × 900 at 100; 15 × 5 in without metrics)", () => {
  expect(pngSize(sceneToPng(summaryFigure({ ...summaryInput(true), dpi: 100 })))).toEqual([1500, 900]);
  expect(pngSize(sceneToPng(summaryFigure({ ...summaryInput(false), dpi: 80 })))).toEqual([1200, 400]);
  expect(texts(sceneToSvg(summaryFigure(summaryInput(false))))).not.toContain("Final entropies");
});

it("periodic view: a school across a corner is unwrapped about its circular-mean centre into one piece", () => {
  const { pos } = cornerBlob();
  const c = circularCentre(pos, 20, 0);
  expect(c.R).toBeGreaterThan(0.5);
  const v = viewPositions(pos, 20, "periodic");
  for (let a = 0; a < 3; a++) {
    let lo = Infinity, hi = -Infinity;
    for (let i = a; i < v.length; i += 3) { lo = Math.min(lo, v[i]); hi = Math.max(hi, v[i]); }
    expect(hi - lo, `axis ${a}`).toBeLessThan(6);             // 5 wide, not 20
  }
  expect(viewPositions(pos, 20, "reflect")).toEqual(pos);
});

it("animation: the box is drawn (edge grey at the projected corners), t/P/M caption changes per frame, GIF size", () => {
  const { pos, vel } = cornerBlob();
  const a = new SchoolAnimation({ boxSize: 20, frames: 3, delay: 50, title: "blob", boundary: "periodic", dpi: 80 });
  a.frame(pos, vel, "t = 0.0     P = 0.900     M = 0.100");
  const first = a.lastFrame.data.slice();
  a.frame(pos, vel, "t = 0.1     P = 0.910     M = 0.100");
  const c = a.lastView!.corners, img = a.lastFrame;
  expect(c.length).toBe(16);
  let grey = 0;
  for (let i = 0; i < 8; i++) {
    const q = (Math.round(c[2 * i + 1]) * img.width + Math.round(c[2 * i])) * 3, [r, g, b] = img.data.subarray(q, q + 3);
    if (Math.abs(r - g) < 12 && Math.abs(g - b) < 12 && r < 200 && r > 90) grey++;
  }
  expect(grey).toBeGreaterThanOrEqual(6);
  const [x0, y0, x1, y1] = a.lastView!.bbox;
  expect(x1 - x0).toBeLessThan(img.width / 2); expect(y1 - y0).toBeLessThan(img.height / 2);
  let diff = 0;
  for (let i = 0; i < first.length; i++) diff += first[i] !== img.data[i] ? 1 : 0;
  expect(diff).toBeGreaterThan(10);   // the camera moved and the caption changed
  const gif = a.finish();
  expect(String.fromCharCode(...gif.subarray(0, 6))).toBe("GIF89a");
  expect([gif[6] | (gif[7] << 8), gif[8] | (gif[9] << 8)]).toEqual([512, 480]);
});

it("case3 (periodic, the school crosses faces) after 300–1500 steps: the animation draws it in one piece", () => {
  const a = new SchoolAnimation({ boxSize: 28, frames: 31, delay: 50, boundary: "periodic", dpi: 60 });
  let wide = 0, crossing = 0;
  school.simulate({ case: "case3", nSteps: 1500, computeEntropy: false }, (f) => {
    if (f.index % 50) return;
    a.frame(f.positions, f.velocities, `t = ${f.t}`);
    if (f.index < 300) return;                              // after the school has formed
    const [x0, y0, x1, y1] = a.lastView!.bbox;
    if (x1 - x0 >= a.width / 2 || y1 - y0 >= a.height / 2) wide++;
    for (let ax = 0; ax < 3; ax++) {                        // stored (wrapped) positions spanning > L/2: split across a face
      let lo = Infinity, hi = -Infinity;
      for (let i = ax; i < f.positions.length; i += 3) { lo = Math.min(lo, f.positions[i]); hi = Math.max(hi, f.positions[i]); }
      if (hi - lo > 14) { crossing++; break; }
    }
  });
  expect(a.frameCount).toBe(31);
  expect(crossing, "frames where the stored school is split by a face").toBeGreaterThan(0);
  expect(wide).toBe(0);
});
