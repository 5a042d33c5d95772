// Fish-school benchmark: ms per synchronous step (no metrics, nothing saved) of samudra's WASM update vs
//   C ref   bench/ref/couzin_ref.c — an allocation-free serial loop of the seed's kernel (all pairs), gcc -O2
//           -march=native, separate process (the "allocation-free compiled loop" of schooling.md §7)
//   JS ref  the same loop in plain JS (Float64Array, no allocation), same process (N ≤ 1000)
// Configs: the seed's case1 (N = 150) and case4 (N = 250) as shipped; N = 1000 and 10⁴ with case1's radii,
// turn, noise and blind angle at case1's density (L = (N/0.0096)^⅓); couzin2002 rows use the same boxes
// (periodic), and N = 10⁴ with r_a = 6 (≈ 9 fish within r_a instead of ≈ 136). Last column: ms per frame of
// all 12 metrics (legacy definitions).
// Then the scaling section (issue 21): µs per fish per step, legacy and couzin2002, at N = 10³, 10⁴, 10⁵ with case1's
// radii at case1's density — wall-clock median (range) and process CPU time median (steadier on a shared machine) —
// the growth 10⁵ / 10³ against the target ≤ 1.3×, and couzin2002 steps/s at N = 10⁴ against the target ≥ 60.
// Run: npm run bench:school   (SCHOOL_BENCH=scale: the scaling section only)
import os from "node:os";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { init, school } from "../dist/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
await init();
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]; };

const tmp = mkdtempSync(path.join(os.tmpdir(), "samudra-school-bench-"));
const exe = path.join(tmp, "couzin_ref");
let haveC = true;
try { execFileSync("gcc", ["-O2", "-march=native", "-o", exe, path.join(root, "bench/ref/couzin_ref.c"), "-lm"]); } catch { haveC = false; }

/** The seed's kernel in plain JS (all pairs, allocation-free); returns ms per step (median). */
function jsRef(o, steps) {
  const n = o.nFish, L = o.boxSize, x = new Float64Array(3 * n), v = new Float64Array(3 * n), nv = new Float64Array(3 * n);
  let s = 7;
  const u = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return (s + 0.5) / 2 ** 32; };
  const g = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  for (let i = 0; i < 3 * n; i++) { x[i] = u() * L; v[i] = g(); }
  const thr = -Math.cos((o.blindAngle * Math.PI) / 180), t = [];
  for (let st = 0; st < steps; st++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const vn = Math.sqrt(v[3 * i] ** 2 + v[3 * i + 1] ** 2 + v[3 * i + 2] ** 2) || 1, cx = v[3 * i] / vn, cy = v[3 * i + 1] / vn, cz = v[3 * i + 2] / vn;
      let rx = 0, ry = 0, rz = 0, ox = 0, oy = 0, oz = 0, ax = 0, ay = 0, az = 0, nr = 0, no = 0, na = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        let dx = x[3 * j] - x[3 * i], dy = x[3 * j + 1] - x[3 * i + 1], dz = x[3 * j + 2] - x[3 * i + 2];
        dx -= L * Math.round(dx / L); dy -= L * Math.round(dy / L); dz -= L * Math.round(dz / L);
        const d = Math.sqrt(dx * dx + dy * dy + dz * dz);
        if (d < 1e-10 || !((cx * dx + cy * dy + cz * dz) / d > thr)) continue;
        const ux = dx / d, uy = dy / d, uz = dz / d;
        if (d < o.rRepulsion) { rx -= ux; ry -= uy; rz -= uz; nr++; }
        else if (d < o.rOrientation) { const m = Math.sqrt(v[3 * j] ** 2 + v[3 * j + 1] ** 2 + v[3 * j + 2] ** 2); ox += v[3 * j] / m; oy += v[3 * j + 1] / m; oz += v[3 * j + 2] / m; no++; }
        else if (d < o.rAttraction) { ax += ux; ay += uy; az += uz; na++; }
      }
      let tx = cx, ty = cy, tz = cz;
      if (nr) { const m = Math.hypot(rx, ry, rz); if (m > 1e-10) { tx = rx / m; ty = ry / m; tz = rz / m; } }
      else if (no || na) { const qx = ox + ax, qy = oy + ay, qz = oz + az, m = Math.hypot(qx, qy, qz); if (m > 1e-10) { tx = qx / m; ty = qy / m; tz = qz / m; } }
      const ang = Math.acos(Math.max(-1, Math.min(1, cx * tx + cy * ty + cz * tz)));
      let px = cx, py = cy, pz = cz;
      if (ang >= 1e-10) {
        if (ang <= o.maxTurn) { px = tx; py = ty; pz = tz; }
        else { const w = o.maxTurn / ang; px = cx * (1 - w) + tx * w; py = cy * (1 - w) + ty * w; pz = cz * (1 - w) + tz * w; const m = Math.hypot(px, py, pz); px /= m; py /= m; pz /= m; }
      }
      px += o.noise * g(); py += o.noise * g(); pz += o.noise * g();
      const m = Math.hypot(px, py, pz);
      nv[3 * i] = (px / m) * o.speed; nv[3 * i + 1] = (py / m) * o.speed; nv[3 * i + 2] = (pz / m) * o.speed;
    }
    for (let q = 0; q < 3 * n; q++) { v[q] = nv[q]; let p = (x[q] + v[q] * o.dt) % L; if (p < 0) p += L; x[q] = p; }
    t.push(performance.now() - t0);
  }
  return median(t);
}

function samudraStep(o, steps) {
  const r = school.create(o);
  r.advance(3);
  const t = [];
  for (let s = 0; s < steps; s++) { const t0 = performance.now(); r.advance(1); t.push(performance.now() - t0); }
  const m = [];
  for (let s = 0; s < Math.min(steps, 30); s++) { const t0 = performance.now(); r.metricsArray(true); m.push(performance.now() - t0); }
  r.dispose();
  return { step: median(t), metrics: median(m) };
}

const C1 = { rRepulsion: 2, rOrientation: 3, rAttraction: 15, maxTurn: 0.4, noise: 0.2, blindAngle: 30, speed: 1, dt: 0.1 };
const rows = [
  ["case1 (as shipped)", { case: "case1" }, 150],
  ["case4 (as shipped)", { case: "case4" }, 250],
  ["case1 radii, N = 1000", { case: "case1", nFish: 1000, boxSize: Math.cbrt(1000 / 0.0096) }, 1000],
  ["case1 radii, N = 10⁴", { case: "case1", nFish: 10000, boxSize: Math.cbrt(10000 / 0.0096) }, 10000],
  ["r = 1/3/6 (≈ 9 in r_a), N = 10⁴", { case: "case1", nFish: 10000, boxSize: Math.cbrt(10000 / 0.0096), rRepulsion: 1, rOrientation: 3, rAttraction: 6 }, 10000],
];
console.log(`\nFish-school benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${os.cpus()[0]?.model ?? "?"}, ${os.cpus().length} cores`);
console.log("ms per step (median), no metrics; C ref = the seed's kernel as an allocation-free C loop (gcc -O2 -march=native, separate process)\n");
console.log("| config | N | L | samudra legacy | samudra couzin2002 (periodic) | C ref | JS ref | vs C ref | steps/s | metrics ms/frame |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const [name, o, n] of process.env.SCHOOL_BENCH === "scale" ? [] : rows) {
  const steps = n >= 10000 ? 15 : n >= 1000 ? 40 : 200;
  const leg = samudraStep(o, steps);
  const r = school.create(o); const ro = r.options; r.dispose();
  let cz = NaN;
  if (ro.rAttraction <= ro.boxSize / 2) cz = samudraStep({ ...o, mode: "couzin2002", boundary: "periodic", turnRate: ro.maxTurn / ro.dt, fieldOfPerception: 360 - 2 * ro.blindAngle, blindAngle: undefined, maxTurn: undefined }, steps).step;
  let c = NaN;
  if (haveC) c = JSON.parse(execFileSync(exe, [n, ro.boxSize, ro.rRepulsion, ro.rOrientation, ro.rAttraction, ro.maxTurn, ro.noise, ro.blindAngle, ro.orientationWeight, ro.speed, ro.dt, n >= 10000 ? 5 : steps].map(String), { encoding: "utf8" })).msPerStep;
  const js = n <= 1000 ? jsRef(ro, Math.min(steps, 60)) : NaN;
  const f = (v, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : "–");
  console.log(`| ${name} | ${n} | ${ro.boxSize.toFixed(1)} | ${f(leg.step)} | ${f(cz)} | ${f(c)} | ${f(js)} | ${Number.isFinite(c) ? (c / leg.step).toFixed(1) + "×" : "–"} | ${(1000 / leg.step).toFixed(0)} | ${f(leg.metrics)} |`);
}
rmSync(tmp, { recursive: true, force: true });

// ---- scaling: per-fish cost from 10³ to 10⁵ fish at constant density
const cpuMs = (t0) => { const d = process.cpuUsage(t0); return (d.user + d.system) / 1000; };
const scaleOpts = (mode, n) => ({ case: "case1", nFish: n, boxSize: Math.cbrt(n / 0.0096), ...(mode === "legacy" ? {} : { mode: "couzin2002", boundary: "periodic" }) });
function perFish(mode, n) {
  const r = school.create(scaleOpts(mode, n));
  r.advance(2);
  const steps = n >= 100000 ? 7 : n >= 10000 ? 31 : 201, wall = [], cpu = [];
  for (let k = 0; k < steps; k++) {
    const c0 = process.cpuUsage(), t0 = performance.now();
    r.advance(1);
    wall.push(performance.now() - t0); cpu.push(cpuMs(c0));
  }
  r.dispose();
  const us = (v) => (1000 * v) / n;
  return { wall: us(median(wall)), lo: us(Math.min(...wall)), hi: us(Math.max(...wall)), cpu: us(median(cpu)), msWall: median(wall) };
}
console.log("\nScaling at case1's density (L = (N/0.0096)^⅓), case1's radii: µs per fish per step, wall median (range) / CPU median\n");
console.log("| mode | N = 10³ | N = 10⁴ | N = 10⁵ | growth 10⁵/10³ (wall / CPU) | target |");
console.log("|---|---:|---:|---:|---:|---:|");
let couzin1e4 = { wall: NaN, cpu: NaN };
for (const mode of ["legacy", "couzin2002"]) {
  const res = [1000, 10000, 100000].map((n) => perFish(mode, n));
  if (mode === "couzin2002") couzin1e4 = { wall: res[1].msWall, cpu: res[1].cpu * 10 };
  const cell = (x) => `${x.wall.toFixed(2)} (${x.lo.toFixed(2)}–${x.hi.toFixed(2)}) / ${x.cpu.toFixed(2)}`;
  const gw = res[2].wall / res[0].wall, gc = res[2].cpu / res[0].cpu;
  console.log(`| ${mode} | ${res.map(cell).join(" | ")} | ${gw.toFixed(2)}× / ${gc.toFixed(2)}× | ≤ 1.3× ${Math.max(gw, gc) <= 1.3 ? "met" : "NOT met"} |`);
}
const sps = 1000 / couzin1e4.wall, spsCpu = 1000 / couzin1e4.cpu;
console.log(`\ncouzin2002, N = 10⁴, case1's radii: ${sps.toFixed(1)} steps/s wall (median ${couzin1e4.wall.toFixed(1)} ms/step), ${spsCpu.toFixed(1)} steps/s of CPU time; target ≥ 60: ${Math.max(sps, spsCpu) >= 60 ? "met" : "NOT met"}`);
