import { gridCreate, gridFree } from "../neighbors/grid";
import { markBytes } from "./pairs";

// state.ts — one fish school in WASM memory: interleaved positions and velocities (x, y, z per fish, so the
// JS side can hand out zero-copy views), the double buffer for the synchronous velocity update, unit
// headings, the cell grid and the parameters of the update rule.

export const MODE_LEGACY: i32 = 0;    // dewi-kadita's NumPy path
export const MODE_COUZIN: i32 = 1;    // Couzin et al. 2002
export const BOUNDARY_PERIODIC: i32 = 0;
export const BOUNDARY_OPEN: i32 = 1;
export const BOUNDARY_REFLECT: i32 = 2;

@unmanaged
export class School {
  n: i32 = 0;
  mode: i32 = 0;
  boundary: i32 = 0;
  L: f64 = 0;
  speed: f64 = 0;
  rr: f64 = 0; ro: f64 = 0; ra: f64 = 0;
  maxTurn: f64 = 0;       // radians per step
  noise: f64 = 0;
  blindThreshold: f64 = 0; // neighbour visible iff cos(heading, offset) > this; −2 disables the test
  wo: f64 = 1;            // orientation weight (legacy)
  dt: f64 = 0;
  seed: u64 = 0;
  step: i64 = 0;          // steps taken
  pos: usize = 0;         // f64[3n]
  vel: usize = 0;         // f64[3n]
  nvel: usize = 0;        // f64[3n] new velocities
  uvel: usize = 0;        // f64[3n] unit headings of the current velocities
  bits: usize = 0;        // markBytes(n): three-level bitmap of candidates (legacy grid scans: index order)
  list: usize = 0;        // i32[n] the slots of the marked candidates in ascending fish index
  slotOf: usize = 0;      // i32[n] grid slot of a marked candidate (by fish index)
  pslot: usize = 0;       // f64[3n] legacy grid scans: positions as x | y | z in grid-slot order (couzin2002, SIMD:
                          // their f32 copies, couzin-scan.ts couzinCopies)
  uslot: usize = 0;       // f64[3n] unit headings as u | v | w in grid-slot (or index) order
  soa: usize = 0;         // f64[3n] positions as x[0..n) | y[0..n) | z[0..n) (index order)
  grid: usize = 0;
  predOn: i32 = 0;        // 1: a predator at (predX, predY, predZ); fish within predR of it flee (samudra's addition)
  predX: f64 = 0; predY: f64 = 0; predZ: f64 = 0;
  predR: f64 = 0;
  noiseBuf: usize = 0;    // f64[3n] legacy: the step's Gaussian draws, taken in fish-index order before the scan
                          // (couzin2002, SIMD: positions in scan order as xyz triples, couzinCopies)
}

/** A school of n fish; n ≤ 1 398 101 (the couzin2002 scan packs 24·slot into 25 bits; the JS API allows ≤ 10⁶). */
export function schoolCreate(n: i32, mode: i32, boundary: i32): usize {
  if (n < 0 || n > 1398101) throw new Error("schoolCreate: n must be 0 … 1 398 101 (couzin-scan.ts packs 24·slot into 25 bits)");
  const s = changetype<School>(heap.alloc(offsetof<School>()));
  memory.fill(changetype<usize>(s), 0, offsetof<School>());
  s.n = n; s.mode = mode; s.boundary = boundary; s.wo = 1;
  const b = <usize>n * 24;
  s.pos = heap.alloc(b); s.vel = heap.alloc(b); s.nvel = heap.alloc(b); s.uvel = heap.alloc(b);
  s.bits = heap.alloc(markBytes(n));
  memory.fill(s.bits, 0, markBytes(n));
  s.soa = heap.alloc(b);
  s.list = heap.alloc(<usize>max(n, 1) << 2);
  s.uslot = heap.alloc(b);
  s.slotOf = heap.alloc(<usize>max(n, 1) << 2);
  s.pslot = heap.alloc(b);
  memory.fill(s.pos, 0, b); memory.fill(s.vel, 0, b);
  s.noiseBuf = heap.alloc(b);
  s.grid = gridCreate();
  return changetype<usize>(s);
}

export function schoolSetParams(p: usize, L: f64, speed: f64, rr: f64, ro: f64, ra: f64, maxTurn: f64, noise: f64,
  blindAngleDeg: f64, wo: f64, dt: f64, seed: f64): void {
  const s = changetype<School>(p);
  s.L = L; s.speed = speed; s.rr = rr; s.ro = ro; s.ra = ra; s.maxTurn = maxTurn; s.noise = noise;
  s.blindThreshold = blindAngleDeg > 0 ? -Math.cos(blindAngleDeg * (Math.PI / 180.0)) : -2.0;
  s.wo = wo; s.dt = dt; s.seed = <u64>seed;
}

/** Places the predator (on = 1) at (x, y, z) with flight radius r, or removes it (on = 0). */
export function schoolSetPredator(p: usize, on: i32, x: f64, y: f64, z: f64, r: f64): void {
  const s = changetype<School>(p);
  s.predOn = on; s.predX = x; s.predY = y; s.predZ = z; s.predR = r;
}

export function schoolPositions(p: usize): usize { return changetype<School>(p).pos; }
export function schoolVelocities(p: usize): usize { return changetype<School>(p).vel; }
export function schoolStepCount(p: usize): f64 { return <f64>changetype<School>(p).step; }

export function schoolFree(p: usize): void {
  const s = changetype<School>(p);
  heap.free(s.pos); heap.free(s.vel); heap.free(s.nvel); heap.free(s.uvel); heap.free(s.bits); heap.free(s.soa); heap.free(s.list); heap.free(s.uslot); heap.free(s.noiseBuf);
  heap.free(s.slotOf); heap.free(s.pslot);
  gridFree(s.grid);
  heap.free(p);
}

// @ts-ignore: decorator
@inline export function ld(p: usize, i: i32): f64 { return load<f64>(p + (<usize>i << 3)); }
// @ts-ignore: decorator
@inline export function st(p: usize, i: i32, v: f64): void { store<f64>(p + (<usize>i << 3), v); }

/** Python's float modulo as numpy's np.mod: the result takes the sign of L (L > 0 here). */
// @ts-ignore: decorator
@inline export function pyMod(a: f64, L: f64): f64 {
  let r = a % L;
  if (r != 0) { if (r < 0) r += L; } else r = 0.0;
  return r;
}
