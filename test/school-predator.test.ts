// The school's predator (SchoolOptions.predator, SchoolRun.setPredator): a fish within the radius of the predator
// (minimum image in a periodic box) takes the direction straight away from it as its desired direction, then turns
// by at most maxTurn (exact rotation, couzin2002). Oracles: that rotation computed here in JS from the state
// before the step (noise 0), the run without a predator (a predator that reaches no fish changes no bit), and
// the distances growing. Deterministic for the same predator path; bad input names the fix.
import { it, expect, beforeAll } from "vitest";
import { init, school } from "../src/index.js";

beforeAll(async () => { await init(); });
const base = { case: "couzin_parallel", nFish: 60, noise: 0, nSteps: 10 } as const;

function rotateToward(c: number[], d: number[], maxTurn: number): number[] {
  const dot = Math.max(-1, Math.min(1, c[0] * d[0] + c[1] * d[1] + c[2] * d[2])), ang = Math.acos(dot);
  if (ang <= maxTurn) return d;
  const w = [d[0] - dot * c[0], d[1] - dot * c[1], d[2] - dot * c[2]], m = Math.hypot(...w);
  const co = Math.cos(maxTurn), sn = Math.sin(maxTurn) / m;
  return [0, 1, 2].map((k) => co * c[k] + sn * w[k]);
}

it("a fish within the radius turns straight away from the predator by min(maxTurn, angle); the others follow the zones", () => {
  const run = school.create(base);
  run.advance(5);
  const P = run.positions.slice(), V = run.velocities.slice(), n = run.options.nFish;
  const c = [0, 1, 2].map((k) => { let s = 0; for (let i = 0; i < n; i++) s += P[3 * i + k]; return s / n; });
  const dist = Array.from({ length: n }, (_, i) => Math.hypot(P[3 * i] - c[0], P[3 * i + 1] - c[1], P[3 * i + 2] - c[2])).sort((a, b) => a - b);
  const radius = dist[n >> 1];   // half the school inside
  run.setPredator({ position: [c[0], c[1], c[2]], radius });
  // the same state without the predator, for the fish outside the radius
  const ref = school.create(base);
  ref.advance(5);
  run.advance(1); ref.advance(1);
  let inside = 0, outside = 0;
  for (let i = 0; i < n; i++) {
    const r = [0, 1, 2].map((k) => P[3 * i + k] - c[k]), d = Math.hypot(...r);
    const v1 = [0, 1, 2].map((k) => run.velocities[3 * i + k]);
    if (d < radius) {
      inside++;
      const cur = [0, 1, 2].map((k) => V[3 * i + k] / Math.hypot(V[3 * i], V[3 * i + 1], V[3 * i + 2]));
      const want = rotateToward(cur, r.map((x) => x / d), run.options.maxTurn).map((x) => x * run.options.speed);
      for (let k = 0; k < 3; k++) expect(v1[k]).toBeCloseTo(want[k], 12);
    } else {
      outside++;
      for (let k = 0; k < 3; k++) expect(v1[k]).toBe(ref.velocities[3 * i + k]);
    }
  }
  expect(inside).toBeGreaterThan(0);
  expect(outside).toBeGreaterThan(0);
  run.dispose(); ref.dispose();
});

it("a predator that reaches no fish changes no bit; removing it restores the plain model; the same path gives the same bits", () => {
  const plain = school.create(base), far = school.create({ ...base, predator: { position: [1e6, 0, 0], radius: 1 } });
  plain.advance(50); far.advance(50);
  expect(Buffer.from(far.positions.buffer, far.positions.byteOffset, far.positions.byteLength).equals(Buffer.from(plain.positions.buffer, plain.positions.byteOffset, plain.positions.byteLength))).toBe(true);
  plain.dispose(); far.dispose();
  const path = (r: ReturnType<typeof school.create>) => {
    for (let k = 0; k < 30; k++) { r.setPredator(k < 20 ? { position: [k * 0.3, 1, 0], radius: 3 } : null); r.advance(2); }
    return Array.from(r.positions);
  };
  const a = school.create({ ...base, noise: 0.1 }), b = school.create({ ...base, noise: 0.1 }), c = school.create({ ...base, noise: 0.1 });
  expect(path(a)).toEqual(path(b));
  c.advance(60);
  expect(Array.from(c.positions)).not.toEqual(Array.from(a.positions));
  a.dispose(); b.dispose(); c.dispose();
});

it("the school keeps away: after 60 steps with a predator at its centre, no fish is within half the radius", () => {
  const run = school.create({ ...base, nSteps: 100, noise: 0.05 });
  run.advance(20);
  const n = run.options.nFish, P = run.positions;
  const c = [0, 1, 2].map((k) => { let s = 0; for (let i = 0; i < n; i++) s += P[3 * i + k]; return s / n; }) as [number, number, number];
  const dmin = () => { let m = Infinity; for (let i = 0; i < n; i++) m = Math.min(m, Math.hypot(run.positions[3 * i] - c[0], run.positions[3 * i + 1] - c[1], run.positions[3 * i + 2] - c[2])); return m; };
  run.setPredator({ position: c, radius: 4 });
  run.advance(60);
  expect(dmin()).toBeGreaterThan(2);
  run.dispose();
});

it("periodic box: the minimum image counts (a fish across the face flees through it), legacy mode too", () => {
  const L = 25;
  const positions = [0.5, 12, 12, 10, 12, 12], velocities = [0, 1, 0, 0, 1, 0];
  const run = school.create({ case: "case1", nFish: 2, noise: 0, maxTurn: 3.2, initialField: { positions, velocities }, predator: { position: [L - 0.5, 12, 12], radius: 2 } });
  run.advance(1);
  // fish 0 is 1.0 from the predator across x = 0 / L: it flees in +x (full turn allowed), speed 1
  expect(run.velocities[0]).toBeCloseTo(1, 12);
  expect(run.velocities[1]).toBeCloseTo(0, 12);
  run.dispose();
});

it("bad predators name the option and the fix", () => {
  expect(() => school.create({ ...base, predator: { position: [0, 0], radius: 1 } as never })).toThrow(/predator.position must have 3 numbers \[x, y, z\], got 2/);
  expect(() => school.create({ ...base, predator: { position: [0, 0, 0], radius: 0 } })).toThrow(/predator.radius must be a number > 0/);
  expect(() => school.create({ ...base, predator: { position: [0, NaN, 0], radius: 1 } })).toThrow(/predator.position\[1\] must be a finite number/);
  expect(() => school.create({ ...base, predator: { positon: [0, 0, 0], radius: 1 } as never })).toThrow(/unknown key "positon" — did you mean "position"/);
  expect(() => school.create({ ...base, predatr: null } as never)).toThrow(/unknown option "predatr" — did you mean "predator"/);
  const run = school.create(base);
  expect(() => run.setPredator({ position: [0, 0, 0] } as never)).toThrow(/SchoolRun.setPredator: predator.radius must be a number > 0/);
  run.dispose();
  expect(() => run.setPredator(null)).toThrow(/setPredator/);
});
