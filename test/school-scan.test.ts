// The couzin2002 SIMD scan (assembly/school/couzin-scan.ts) against the scalar build's candidate-by-candidate scan,
// bit for bit, on states built to hit its edges: neighbours within 10⁻¹² of r_a (inside and outside) around focal
// fish at coordinates from 10 to 10⁹ (pass 1's f32 filter must keep every candidate within r_a, whatever its
// threshold's slack), a lattice near 10¹⁶ with d² a hair below r_a² (beyond the f32 filter: the exact f64 pass 1),
// coincident fish
// (skipped in both builds), and a dense cluster whose lane queues are drained mid-scan.
import { it, expect, afterAll } from "vitest";
import { init, school } from "../src/index.js";
import { kernel } from "../src/wasm/load.js";

/** The SIMD scan's counters (couzin-scan.ts couzinScanStats): [scans through the f32 filter, early queue drains]. */
function scanStats(): [number, number] {
  const k = kernel() as unknown as { couzinScanStats: (which: number) => number };
  return [k.couzinScanStats(0), k.couzinScanStats(1)];
}

/** LCG uniforms in [0, 1). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return (s + 0.5) / 2 ** 32; };
}

/** Groups of fish around centres c: one at c, the others at distance r·(1 ± 10⁻¹²) (r ∈ {r_a, r_o, r_r}) or
 * coincident with it, and a few random ones in the group's cube; unit headings at random. */
function edgeState(centres: number[], perGroup: number, ra: number, ro: number, rr: number, seed: number) {
  const u = lcg(seed), pos: number[] = [], vel: number[] = [];
  const dir = () => { for (;;) { const x = 2 * u() - 1, y = 2 * u() - 1, z = 2 * u() - 1, m = Math.hypot(x, y, z); if (m > 0.1 && m < 1) return [x / m, y / m, z / m]; } };
  for (const c of centres) {
    for (let k = 0; k < perGroup; k++) {
      let p = [c, c, c];
      if (k > 0) {
        const kind = k % 8, d = dir();
        const r = kind < 3 ? ra * (1 - 1e-12) : kind < 5 ? ra * (1 + 1e-12) : kind === 5 ? (u() < 0.5 ? ro : rr) * (1 - 1e-12) : kind === 6 ? 0 : ra * 1.5 * u();
        p = [c + r * d[0], c + r * d[1], c + r * d[2]];
      }
      pos.push(...p); vel.push(...dir());
    }
  }
  return { positions: new Float64Array(pos), velocities: new Float64Array(vel) };
}

/** (2m + 1)³ fish at c + h·(i, j, k), |i|, |j|, |k| ≤ m, unit headings at random. */
function lattice(c: number, h: number, m: number, seed: number) {
  const u = lcg(seed), pos: number[] = [], vel: number[] = [];
  for (let i = -m; i <= m; i++) for (let j = -m; j <= m; j++) for (let k = -m; k <= m; k++) {
    pos.push(c + h * i, c + h * j, c + h * k);
    const a = 2 * Math.PI * u(), z = 2 * u() - 1, r = Math.sqrt(1 - z * z);
    vel.push(r * Math.cos(a), r * Math.sin(a), z);
  }
  return { positions: new Float64Array(pos), velocities: new Float64Array(vel) };
}

/** Positions wrapped into [0, L)³. */
function wrapped(f: { positions: Float64Array; velocities: Float64Array }, L: number) {
  return { ...f, positions: f.positions.map((x) => { const y = x - L * Math.floor(x / L); return y >= L ? 0 : y; }) };
}

/** [name, options, steps, the SIMD path it must take: "f32" filter, "f64" pass 1, "drain" mid-scan, or "" (any)]. */
type Case = [string, school.SchoolOptions, number, string?];
const base = { case: "couzin_swarm" as const, mode: "couzin2002" as const, rRepulsion: 1, rOrientation: 2.5, rAttraction: 6, noise: 0.05, blindAngle: 30 };
const CASES: Case[] = [
  ...[10, 1e4, 1e6, 1e9].map((c, k): Case => [`r_a ± 10⁻¹² around centres near ${c} (f32 filter)`, { ...base, nFish: 2 * 160, boxSize: 20, initialField: edgeState([c, c + 20], 160, 6, 2.5, 1, 1 + k) }, 3, "f32"]),
  // spacing 2 = the f64 spacing at 10¹⁶: many pairs at d² = 32 exactly, just inside r_a² = 32(1 + 2·10⁻¹²)
  ["a lattice at 10¹⁶ with d² = r_a² − 10⁻¹⁰ (exact f64 pass 1)", { ...base, rAttraction: Math.sqrt(32) * (1 + 1e-12), nFish: 343, boxSize: 20, initialField: lattice(1e16, 2, 3, 8) }, 2, "f64"],
  ["dense cluster with coincident fish (queues drained mid-scan)", { ...base, nFish: 2500, boxSize: 20, initialField: edgeState([50], 2500, 6, 2.5, 1, 6) }, 2, "drain"],
  ["periodic box, r_a ± 10⁻¹² across the faces", { ...base, boundary: "periodic", nFish: 8 * 60, boxSize: 40, initialField: wrapped(edgeState([0.5, 39.5, 20, 3, 37, 10, 30, 25], 60, 6, 2.5, 1, 7), 40) }, 3],
];

/** Positions and velocities after `steps` of every case, and how many fish turned in the first step. */
async function runAll(simd: boolean) {
  await init({ simd });
  const out: { state: Float64Array[]; turned: number; stats: [number, number] }[] = [];
  for (const [, o, steps] of CASES) {
    const s0 = scanStats();
    const r = school.create(o);
    const v0 = r.velocities.slice();
    r.advance(1);
    const v1 = r.velocities, speed = o.speed ?? 3;
    let turned = 0;
    for (let i = 0; i < v0.length; i += 3) {
      const m0 = Math.hypot(v0[i], v0[i + 1], v0[i + 2]), c = (v0[i] * v1[i] + v0[i + 1] * v1[i + 1] + v0[i + 2] * v1[i + 2]) / (m0 * speed);
      if (c < 1 - 1e-9) turned++;
    }
    r.advance(steps - 1);
    const s1 = scanStats();
    out.push({ state: [r.positions.slice(), r.velocities.slice()], turned, stats: [s1[0] - s0[0], s1[1] - s0[1]] });
    r.dispose();
  }
  return out;
}

afterAll(async () => { await init(); });

it("SIMD scan = scalar scan bit for bit at the r_a boundary, at large coordinates, for coincident and dense fish", async () => {
  const scalar = await runAll(false), simd = await runAll(true);
  for (let k = 0; k < CASES.length; k++) {
    const [name] = CASES[k];
    expect(simd[k].turned, name).toBeGreaterThan(0);
    // the case exercised the path it names (the scalar build counts nothing)
    const [f32, early] = simd[k].stats, path = CASES[k][3];
    if (path === "f32") expect(f32, name).toBeGreaterThan(0);
    if (path === "f64") expect(f32, name).toBe(0);
    if (path === "drain") expect(early, name).toBeGreaterThan(0);
    expect(scalar[k].stats, name).toEqual([0, 0]);
    for (let j = 0; j < 2; j++) {
      const a = simd[k].state[j], b = scalar[k].state[j];
      expect(a.every(Number.isFinite), name).toBe(true);
      expect(a.every((v, i) => Object.is(v, b[i])), name).toBe(true);
    }
  }
}, 60_000);
