// pairs.ts — the neighbour scan of one focal fish: for candidates j (two at a time in the SIMD build) the
// minimum-image offset, distance, unit offset and blind-cone test are computed lane-wise; the zone sums are
// then accumulated one candidate at a time in candidate order, so the SIMD and scalar builds add the same
// numbers in the same order (bit-identical), and legacy sums follow the seed's neighbour-index order.
//   Minimum image: d − L·s with s = +1 if d > L/2, −1 if d < −L/2, else 0 — for |d| < L the same numbers as
//   numpy's d − L·round(d/L) (ties at exactly ±L/2 round to even, i.e. 0, in both), without a division.
//   legacy: coincident fish (dist < 1e-10) keep a zero unit offset and count (numpy path); couzin: skipped.
import { School, MODE_LEGACY } from "./state";
import { minImageBox, minImageBox2 } from "../neighbors/grid";
import { R0x, R0y, R0z, R1x, R1y, R1z, O0x, O0y, O0z, O1x, O1y, O1z, A0x, A0y, A0z, A1x, A1y, A1z, cnR, cnO, cnA } from "./couzin-scan";

// zone sums of the focal fish (read by update.ts)
export let rx: f64 = 0, ry: f64 = 0, rz: f64 = 0, nr: i32 = 0;
export let ox: f64 = 0, oy: f64 = 0, oz: f64 = 0, no: i32 = 0;
export let ax: f64 = 0, ay: f64 = 0, az: f64 = 0, na: i32 = 0;

export function resetSums(): void {
  rx = 0; ry = 0; rz = 0; nr = 0; ox = 0; oy = 0; oz = 0; no = 0; ax = 0; ay = 0; az = 0; na = 0;
}

// per-scan constants
let L_: f64 = 0, H_: f64 = 0, per_: bool = false, legacy_: bool = false;
let ra_: f64 = 0, ra2hi_: f64 = 0, rr_: f64 = 0, ro_: f64 = 0, thr_: f64 = 0, blind_: bool = false;
let us_: usize = 0, vs_: usize = 0, ws_: usize = 0;   // unit headings u | v | w in the scan's numbering (slot or index)

export function scanSetup(s: School): void {
  L_ = s.L; H_ = 0.5 * s.L; per_ = s.boundary == 0; legacy_ = s.mode == MODE_LEGACY;
  ra_ = s.ra; ra2hi_ = s.ra * s.ra * (1 + 1e-12); rr_ = s.rr; ro_ = s.ro; thr_ = s.blindThreshold; blind_ = s.blindThreshold > -2;
  us_ = s.uslot; vs_ = us_ + (<usize>s.n << 3); ws_ = vs_ + (<usize>s.n << 3);
  markSetup(s.bits, s.slotOf, s.n);
}

// @ts-ignore: decorator
@inline function image(d: f64): f64 { return per_ ? minImageBox(d, L_, H_) : d; }

/** Adds neighbour j (unit offset u, distance dist; heading at j of us_/vs_/ws_) to the zone sums. */
// @ts-ignore: decorator
@inline function addToZone(j: i32, dist: f64, ux: f64, uy: f64, uz: f64): void {
  if (dist < rr_) { rx += ux; ry += uy; rz += uz; nr++; }
  else if (dist < ro_) {
    const o = <usize>j << 3;
    ox += load<f64>(us_ + o); oy += load<f64>(vs_ + o); oz += load<f64>(ws_ + o); no++;
  } else { ax += ux; ay += uy; az += uz; na++; }
}

/** One candidate, scalar: the same operations as one SIMD lane. */
// @ts-ignore: decorator
@inline function one(j: i32, dx: f64, dy: f64, dz: f64, cx: f64, cy: f64, cz: f64): void {
  dx = image(dx); dy = image(dy); dz = image(dz);
  const d2 = dx * dx + dy * dy + dz * dz;
  if (d2 > ra2hi_) return;
  const dist = Math.sqrt(d2);
  if (!(dist < ra_)) return;
  const small = dist < 1e-10;
  if (small && !legacy_) return;
  const dn = select<f64>(1.0, dist, small);
  const ux = dx / dn, uy = dy / dn, uz = dz / dn;
  if (blind_ && !(cx * ux + cy * uy + cz * uz > thr_)) return;
  addToZone(j, dist, ux, uy, uz);
}

/**
 * Candidates j in [t0, t1) of the coordinate arrays xs/ys/zs, numbered as us_/vs_/ws_ (legacy scan of every fish,
 * index order); the focal fish i (at p, heading c) is skipped.
 */
export function scanSlots(i: i32, t0: i32, t1: i32, xs: usize, ys: usize, zs: usize,
  px: f64, py: f64, pz: f64, cx: f64, cy: f64, cz: f64): void {
  let t = t0;
  if (ASC_FEATURE_SIMD) {
    const vpx = f64x2.splat(px), vpy = f64x2.splat(py), vpz = f64x2.splat(pz), vcx = f64x2.splat(cx), vcy = f64x2.splat(cy), vcz = f64x2.splat(cz);
    for (; t + 1 < t1; t += 2) {
      const o = <usize>t << 3;
      lanes(i, t, t + 1, v128.load(xs + o), v128.load(ys + o), v128.load(zs + o), vpx, vpy, vpz, vcx, vcy, vcz);
    }
  }
  for (; t < t1; t++) {
    if (t == i) continue;
    const o = <usize>t << 3;
    one(t, load<f64>(xs + o) - px, load<f64>(ys + o) - py, load<f64>(zs + o) - pz, cx, cy, cz);
  }
}

/** Candidates j = list[0..m) (slots of xs/ys/zs and us_/vs_/ws_, in ascending fish index: see takeMarked); the
 * focal fish (slot i) is skipped. */
export function scanList(i: i32, list: usize, m: i32, xs: usize, ys: usize, zs: usize, px: f64, py: f64, pz: f64, cx: f64, cy: f64, cz: f64): void {
  let q = 0;
  if (ASC_FEATURE_SIMD) {
    const vpx = f64x2.splat(px), vpy = f64x2.splat(py), vpz = f64x2.splat(pz), vcx = f64x2.splat(cx), vcy = f64x2.splat(cy), vcz = f64x2.splat(cz);
    for (; q + 1 < m; q += 2) {
      const j0 = load<i32>(list + (<usize>q << 2)), j1 = load<i32>(list + (<usize>q << 2), 4);
      const o0 = <usize>j0 << 3, o1 = <usize>j1 << 3;
      lanes(i, j0, j1, f64x2.replace_lane(f64x2.splat(load<f64>(xs + o0)), 1, load<f64>(xs + o1)),
        f64x2.replace_lane(f64x2.splat(load<f64>(ys + o0)), 1, load<f64>(ys + o1)),
        f64x2.replace_lane(f64x2.splat(load<f64>(zs + o0)), 1, load<f64>(zs + o1)), vpx, vpy, vpz, vcx, vcy, vcz);
    }
  }
  for (; q < m; q++) {
    const j = load<i32>(list + (<usize>q << 2));
    if (j == i) continue;
    const o = <usize>j << 3;
    one(j, load<f64>(xs + o) - px, load<f64>(ys + o) - py, load<f64>(zs + o) - pz, cx, cy, cz);
  }
}

/** Two candidates j0, j1 (coordinates X, Y, Z) in SIMD lanes; zone sums added lane 0 then lane 1. */
// @ts-ignore: decorator
@inline function lanes(i: i32, j0: i32, j1: i32, X: v128, Y: v128, Z: v128, vpx: v128, vpy: v128, vpz: v128, vcx: v128, vcy: v128, vcz: v128): void {
  const vL = f64x2.splat(L_), vH = f64x2.splat(H_), vmH = f64x2.splat(-H_);
  let dx = f64x2.sub(X, vpx), dy = f64x2.sub(Y, vpy), dz = f64x2.sub(Z, vpz);
  if (per_) {
    dx = minImageBox2(dx, vL, vH, vmH); dy = minImageBox2(dy, vL, vH, vmH); dz = minImageBox2(dz, vL, vH, vmH);
  }
  const d2 = f64x2.add(f64x2.add(f64x2.mul(dx, dx), f64x2.mul(dy, dy)), f64x2.mul(dz, dz));
  if (!v128.any_true(f64x2.le(d2, f64x2.splat(ra2hi_)))) return;    // both surely beyond r_a: no square roots
  const dist = f64x2.sqrt(d2);
  let ok = f64x2.lt(dist, f64x2.splat(ra_));
  if (!v128.any_true(ok)) return;
  const small = f64x2.lt(dist, f64x2.splat(1e-10));
  if (!legacy_) ok = v128.andnot(ok, small);
  const dn = v128.bitselect(f64x2.splat(1.0), dist, small);
  const ux = f64x2.div(dx, dn), uy = f64x2.div(dy, dn), uz = f64x2.div(dz, dn);
  if (blind_) ok = v128.and(ok, f64x2.gt(f64x2.add(f64x2.add(f64x2.mul(vcx, ux), f64x2.mul(vcy, uy)), f64x2.mul(vcz, uz)), f64x2.splat(thr_)));
  const m = i64x2.bitmask(ok);
  if ((m & 1) && j0 != i) addToZone(j0, f64x2.extract_lane(dist, 0), f64x2.extract_lane(ux, 0), f64x2.extract_lane(uy, 0), f64x2.extract_lane(uz, 0));
  if ((m & 2) && j1 != i) addToZone(j1, f64x2.extract_lane(dist, 1), f64x2.extract_lane(ux, 1), f64x2.extract_lane(uy, 1), f64x2.extract_lane(uz, 1));
}

// legacy ordering for grid scans: candidates that may be within r_a are marked in a three-level bitmap over fish
// indices (u64 words; level 0: one bit per fish; level 1: one bit per nonzero level-0 word; level 2: one bit per
// nonzero level-1 word) and read back in ascending index (the seed's summation order) by descending only into
// nonzero words: O(marked + n/2¹⁸) per focal fish, so neither a scan of the whole index span (O(n/64)) nor a sort
// (O(m log m), mispredicted branches) of a large school's candidates, whose indices lie all over 0…n. Marking is
// branch-free: a pass over the slots lists those within reach (conditional increment), then all three levels are set.
// Each marked fish's grid slot is kept in SLOT[j] (written when marked, so still in cache when read back): the scan
// then reads coordinates and headings from slot-order copies, near one another in memory, not from index order.
let B0: usize = 0, B1: usize = 0, B2: usize = 0, SLOT: usize = 0;
let lo2: i32 = 0x7fffffff, hi2: i32 = -1;
const CAND_CAP: i32 = 1024;
const CAND: usize = memory.data(CAND_CAP * 4 + 16, 16);   // slots within reach, before marking

/** Bytes of the bitmap for n fish: 8 · (⌈n/64⌉ + ⌈n/4096⌉ + ⌈n/2¹⁸⌉) (zeroed; takeMarked leaves it zero). */
export function markBytes(n: i32): usize { const w0 = (n + 63) >> 6, w1 = (w0 + 63) >> 6; return <usize>(w0 + w1 + ((w1 + 63) >> 6)) << 3; }

/** Points the marking at the bitmap `bits` (markBytes(n)) and the slot table `slotOf` (i32[n]) of n fish. */
export function markSetup(bits: usize, slotOf: usize, n: i32): void {
  const w0 = (n + 63) >> 6, w1 = (w0 + 63) >> 6;
  B0 = bits; SLOT = slotOf; B1 = bits + (<usize>w0 << 3); B2 = B1 + (<usize>w1 << 3);
  lo2 = 0x7fffffff; hi2 = -1;
}

/** Marks the c listed slots (fish order[t]) in the three levels, without branches. */
function markList(c: i32, order: usize): void {
  let lo = lo2, hi = hi2;
  for (let k = 0; k < c; k++) {
    const t = load<i32>(CAND + (<usize>k << 2)), j = load<i32>(order + (<usize>t << 2));
    store<i32>(SLOT + (<usize>j << 2), t);
    const w0 = j >> 6, w1 = j >> 12, w2 = j >> 18;
    const a0 = B0 + (<usize>w0 << 3), a1 = B1 + (<usize>w1 << 3), a2 = B2 + (<usize>w2 << 3);
    store<u64>(a0, load<u64>(a0) | (<u64>1 << <u64>(j & 63)));
    store<u64>(a1, load<u64>(a1) | (<u64>1 << <u64>(w0 & 63)));
    store<u64>(a2, load<u64>(a2) | (<u64>1 << <u64>(w1 & 63)));
    lo = min(lo, w2); hi = max(hi, w2);
  }
  lo2 = lo; hi2 = hi;
}

/** Marks the fish of slots [t0, t1) (grid order, focal position already shifted to the range's image) whose
 * squared distance may be below r_a² (see markSetup). */
export function markSlots(t0: i32, t1: i32, xs: usize, ys: usize, zs: usize, order: usize, px: f64, py: f64, pz: f64): void {
  let t = t0, c = 0;
  if (ASC_FEATURE_SIMD) {
    const vr = f64x2.splat(ra2hi_);
    const vpx = f64x2.splat(px), vpy = f64x2.splat(py), vpz = f64x2.splat(pz);
    for (; t + 1 < t1; t += 2) {
      const o = <usize>t << 3;
      let dx = f64x2.sub(v128.load(xs + o), vpx), dy = f64x2.sub(v128.load(ys + o), vpy), dz = f64x2.sub(v128.load(zs + o), vpz);
      const m = i64x2.bitmask(f64x2.le(f64x2.add(f64x2.add(f64x2.mul(dx, dx), f64x2.mul(dy, dy)), f64x2.mul(dz, dz)), vr));
      store<i32>(CAND + (<usize>c << 2), t); c += m & 1;
      store<i32>(CAND + (<usize>c << 2), t + 1); c += m >> 1;
      if (c >= CAND_CAP - 2) { markList(c, order); c = 0; }
    }
  }
  for (; t < t1; t++) {
    const o = <usize>t << 3;
    const dx = load<f64>(xs + o) - px, dy = load<f64>(ys + o) - py, dz = load<f64>(zs + o) - pz;
    store<i32>(CAND + (<usize>c << 2), t); c += <i32>(dx * dx + dy * dy + dz * dz <= ra2hi_);
    if (c >= CAND_CAP - 2) { markList(c, order); c = 0; }
  }
  markList(c, order);
}

/** The slots of the marked fish, in ascending fish index → list (returns the count), clearing the bitmap. */
export function takeMarked(list: usize): i32 {
  let k = 0;
  for (let w2 = lo2; w2 <= hi2; w2++) {
    const a2 = B2 + (<usize>w2 << 3);
    let m2 = load<u64>(a2);
    store<u64>(a2, 0);
    while (m2) {
      const w1 = (w2 << 6) + <i32>ctz(m2), a1 = B1 + (<usize>w1 << 3);
      m2 &= m2 - 1;
      let m1 = load<u64>(a1);
      store<u64>(a1, 0);
      while (m1) {
        const w0 = (w1 << 6) + <i32>ctz(m1), a0 = B0 + (<usize>w0 << 3);
        m1 &= m1 - 1;
        let m0 = load<u64>(a0);
        store<u64>(a0, 0);
        while (m0) { store<i32>(list + (<usize>k << 2), load<i32>(SLOT + (<usize>((w0 << 6) + <i32>ctz(m0)) << 2))); k++; m0 &= m0 - 1; }
      }
    }
  }
  lo2 = 0x7fffffff; hi2 = -1;
  return k;
}

// couzin2002: the two lane sums of couzin-scan.ts → the zone sums couzinHeading reads
/** Lane sums → the zone sums couzinHeading reads. */
export function couzinCombine(): void {
  rx = R0x + R1x; ry = R0y + R1y; rz = R0z + R1z; nr = cnR;
  ox = O0x + O1x; oy = O0y + O1y; oz = O0z + O1z; no = cnO;
  ax = A0x + A1x; ay = A0y + A1y; az = A0z + A1z; na = cnA;
}
