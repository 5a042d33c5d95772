// couzin-scan.ts — the couzin2002 neighbour scan of one focal fish over its slot ranges. Zone sums are accumulated in
// two lanes (a range's candidates lo, lo+2, … in lane 0 and lo+1, lo+3, … in lane 1) and combined at the end
// (pairs.ts couzinCombine); the scalar build (couzinOne, candidate by candidate) follows the same lane assignment, so
// both builds add the same numbers in the same order. Zones by squared distance; coincident fish (d² < 10⁻²⁴)
// skipped. SIMD build: pass 1 queues each lane's candidates that may lie within r_a (a conservative f32 filter, eight
// candidates per block), the drain zips the two lane queues into pairs and redoes every test and all arithmetic
// exactly in f64 (one square root and division per two candidates); see docs/school.md, "Performance at scale".
import { School } from "./state";
import { minImageBox, minImageBox2 } from "../neighbors/grid";

export let R0x: f64 = 0, R0y: f64 = 0, R0z: f64 = 0, R1x: f64 = 0, R1y: f64 = 0, R1z: f64 = 0;
export let O0x: f64 = 0, O0y: f64 = 0, O0z: f64 = 0, O1x: f64 = 0, O1y: f64 = 0, O1z: f64 = 0;
export let A0x: f64 = 0, A0y: f64 = 0, A0z: f64 = 0, A1x: f64 = 0, A1y: f64 = 0, A1z: f64 = 0;
export let cnR: i32 = 0, cnO: i32 = 0, cnA: i32 = 0;
let ra2_: f64 = 0, rr2_: f64 = 0, ro2_: f64 = 0, L_: f64 = 0, H_: f64 = 0, thr_: f64 = 0, blind_: bool = false;

/** The step's constants (call once per step). */
export function couzinSetup(s: School): void {
  ra2_ = s.ra * s.ra; rr2_ = s.rr * s.rr; ro2_ = s.ro * s.ro; L_ = s.L; H_ = 0.5 * s.L;
  thr_ = s.blindThreshold; blind_ = s.blindThreshold > -2;
  if (ASC_FEATURE_SIMD) {
    store<f64>(PQ, Infinity, 64 * 32); store<f64>(PQ, 0.0, 64 * 32 + 8); store<f64>(PQ, 0.0, 64 * 32 + 16);
    v128.store(CST, f64x2.splat(1.0), C_ONE); v128.store(CST, f64x2.splat(1e-24), C_TINY); v128.store(CST, f64x2.splat(ra2_), C_RA2);
    v128.store(CST, f64x2.splat(max(rr2_, ro2_)), C_NEAR2); v128.store(CST, f64x2.splat(rr2_), C_RR2); v128.store(CST, f64x2.splat(ro2_), C_RO2);
    v128.store(CST, f64x2.splat(thr_), C_THR); v128.store(CST, f64x2.splat(L_), C_L); v128.store(CST, f64x2.splat(H_), C_H); v128.store(CST, f64x2.splat(-H_), C_MH);
    v128.store(CST, i32x4(0, 48, 96, 144), C_STEP); v128.store(CST, i32x4.splat(24), C_STEP + 16);
  }
}

/** One candidate into lane `lane` (scalar form of the SIMD lane math). */
// @ts-ignore: decorator
@inline function couzinOne(lane: i32, wrap: bool, dx: f64, dy: f64, dz: f64, ux_: f64, uy_: f64, uz_: f64, cx: f64, cy: f64, cz: f64): void {
  if (wrap) { dx = minImageBox(dx, L_, H_); dy = minImageBox(dy, L_, H_); dz = minImageBox(dz, L_, H_); }
  const d2 = dx * dx + dy * dy + dz * dz;
  if (!(d2 < ra2_) || !(d2 >= 1e-24)) return;
  const dist = Math.sqrt(d2);
  if (blind_ && !(cx * dx + cy * dy + cz * dz > thr_ * dist)) return;
  const inv = 1.0 / dist;
  const x = dx * inv, y = dy * inv, z = dz * inv;
  if (d2 < rr2_) { if (lane) { R1x += x; R1y += y; R1z += z; } else { R0x += x; R0y += y; R0z += z; } cnR++; }
  else if (d2 < ro2_) { if (lane) { O1x += ux_; O1y += uy_; O1z += uz_; } else { O0x += ux_; O0y += uy_; O0z += uz_; } cnO++; }
  else { if (lane) { A1x += x; A1y += y; A1z += z; } else { A0x += x; A0y += y; A0z += z; } cnA++; }
}

// ---- SIMD: two queues of candidates (i32 entries: 24·slot | range << 25, n ≤ 10⁶) and the lane accumulators. Pass 1
// queues a superset of the candidates within r_a (a conservative f32 test, or the exact f64 one); the drain recomputes every
// queued offset in f64 exactly as couzinOne does (x_j − (p + s), the same operations) and masks those that fail.
// The queues are drained (zipped to the end, the shorter one padded) before a block could overflow them: draining
// early splits no lane and reorders nothing.
const QCAP: i32 = 1024, OFF_MASK: i32 = (1 << 25) - 1, PAD: i32 = 64 << 25;
const Q0: usize = memory.data(QCAP * 4 + 16, 16), Q1: usize = memory.data(QCAP * 4 + 16, 16);   // + padding, whole-v128 stores
// per range: the shifted focal position as f32x4 splats (x, y, z)
const P32T: usize = memory.data(64 * 48, 16);
// left-packing shuffles: for a 4-bit mask, the bytes of the selected i32 lanes first
const LUT: usize = memory.data<u8>([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 5, 6, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0, 0, 0, 0, 0, 8, 9, 10, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 8, 9, 10, 11, 0, 0, 0, 0, 0, 0, 0, 0, 4, 5, 6, 7, 8, 9, 10, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 0, 0, 0, 12, 13, 14, 15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 12, 13, 14, 15, 0, 0, 0, 0, 0, 0, 0, 0, 4, 5, 6, 7, 12, 13, 14, 15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15, 0, 0, 0, 0, 8, 9, 10, 11, 12, 13, 14, 15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 0, 0, 0, 0, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], 16);
// per range q (< 64): the shifted focal position p + s (f64 x, y, z, 0); entry 64 (padding): x = +∞, so d² = ∞
const PQ: usize = memory.data(65 * 32, 16);
let n0: i32 = 0, n1: i32 = 0, xs_: usize = 0, ys_: usize = 0, zs_: usize = 0, aos_: usize = 0, wrap_: bool = false;
// the lane accumulators between drains (v128 × 12: Rx Ry Rz Ox Oy Oz Ax Ay Az, counts R O A) and the focal heading
// splatted (× 3), in memory: the scalar build has no v128 globals
const ACC: usize = memory.data(15 * 16, 16);
// splatted constants (v128 loads in the loops: V8 would otherwise rebuild splats and constants in every iteration):
// 1, 10⁻²⁴, r_a², max(r_r², r_o²), r_r², r_o², blind threshold, L, L/2, −L/2, f32 threshold (f32x4), entry offsets
// of a block's even candidates (i32x4: 0, 48, 96, 144) and +24 (i32x4)
const CST: usize = memory.data(13 * 16, 16);
const C_ONE = 0, C_TINY = 16, C_RA2 = 32, C_NEAR2 = 48, C_RR2 = 64, C_RO2 = 80, C_THR = 96, C_L = 112, C_H = 128, C_MH = 144, C_T32 = 160,
  C_STEP = 176;
// pass 1's f32 filter: slot-order coordinates as f32 (X32 | Y32 | Z32) and the threshold on the f32 d²
let f32_: bool = false, X32: usize = 0, Y32: usize = 0, Z32: usize = 0;

// test hooks (couzinScanStats; the SIMD build only counts): focal scans whose pass 1 ran the f32 filter, and queue
// drains before a scan's end
let statF32: i32 = 0, statEarly: i32 = 0;

/** Counters for tests: which = 0 → focal scans that used the f32 filter, 1 → queue drains before a scan's end.
 *  @example couzinScanStats(1)   // > 0 after a step of a dense cluster (test/school-scan.test.ts) */
export function couzinScanStats(which: i32): i32 { return which == 0 ? statF32 : statEarly; }

/**
 * The scan's copies of the coordinates xs/ys/zs (n each, in scan order) for the SIMD build: as xyz triples at aos
 * (24n bytes; the drain's gathers) and as f32 at f32s (x | y | z, 12n bytes; pass 1's filter), and the filter's
 * threshold: with u = 2⁻²⁴ and M = max |coordinate|, each f32 difference is within δ = u(2M + L) + 2u·|d| of the f64
 * one, so every candidate with d < r_a has f32 d² ≤ (r_a + √3·δ)²(1 + u)³ < T = (r_a + 2δ')²(1 + 10⁻⁵) with
 * δ' = 4u(2M + L + r_a) — the filter drops only candidates that fail the exact test. Off (exact f64 pass 1) when
 * M > 10¹⁵ (the f32 squares could overflow). Call after couzinSetup, once per step.
 * @example couzinCopies(g.xs, g.ys, g.zs, n, s.noiseBuf, s.pslot)   // update.ts: the grid's slot-order coordinates
 */
export function couzinCopies(xs: usize, ys: usize, zs: usize, n: i32, aos: usize, f32s: usize): void {
  if (!ASC_FEATURE_SIMD) return;
  aos_ = aos; X32 = f32s; Y32 = f32s + (<usize>n << 2); Z32 = f32s + (<usize>n << 3);
  let M: f64 = 0;
  for (let t = 0; t < n; t++) {
    const o = <usize>t << 3, x = load<f64>(xs + o), y = load<f64>(ys + o), z = load<f64>(zs + o), a = aos + <usize>(t * 24);
    store<f64>(a, x); store<f64>(a, y, 8); store<f64>(a, z, 16);
    store<f32>(X32 + (<usize>t << 2), <f32>x); store<f32>(Y32 + (<usize>t << 2), <f32>y); store<f32>(Z32 + (<usize>t << 2), <f32>z);
    M = max(M, max(Math.abs(x), max(Math.abs(y), Math.abs(z))));
  }
  const ra = Math.sqrt(ra2_), d = 4 * 5.9604644775390625e-8 * (2 * M + L_ + ra), R = ra + 2 * d;
  f32_ = M <= 1e15 && n >= 8;   // (n ≥ 8: a masked block's reads stay within the 24n bytes allocated)
  v128.store(CST, f32x4.splat(<f32>(R * R * (1 + 1e-5))), C_T32);
}

function acc0(cx: f64, cy: f64, cz: f64): void {
  const z = v128.splat<i64>(0);   // (stores, not memory.fill: V8 calls out of the module for that)
  for (let o: usize = 0; o < 12 * 16; o += 16) v128.store(ACC + o, z);
  v128.store(ACC, f64x2.splat(cx), 12 * 16); v128.store(ACC, f64x2.splat(cy), 13 * 16); v128.store(ACC, f64x2.splat(cz), 14 * 16);
}

function accOut(): void {
  const Rx = v128.load(ACC), Ry = v128.load(ACC, 16), Rz = v128.load(ACC, 32), Ox = v128.load(ACC, 48), Oy = v128.load(ACC, 64), Oz = v128.load(ACC, 80);
  const Ax = v128.load(ACC, 96), Ay = v128.load(ACC, 112), Az = v128.load(ACC, 128), CR = v128.load(ACC, 144), CO = v128.load(ACC, 160), CA = v128.load(ACC, 176);
  R0x = f64x2.extract_lane(Rx, 0); R1x = f64x2.extract_lane(Rx, 1); R0y = f64x2.extract_lane(Ry, 0); R1y = f64x2.extract_lane(Ry, 1); R0z = f64x2.extract_lane(Rz, 0); R1z = f64x2.extract_lane(Rz, 1);
  O0x = f64x2.extract_lane(Ox, 0); O1x = f64x2.extract_lane(Ox, 1); O0y = f64x2.extract_lane(Oy, 0); O1y = f64x2.extract_lane(Oy, 1); O0z = f64x2.extract_lane(Oz, 0); O1z = f64x2.extract_lane(Oz, 1);
  A0x = f64x2.extract_lane(Ax, 0); A1x = f64x2.extract_lane(Ax, 1); A0y = f64x2.extract_lane(Ay, 0); A1y = f64x2.extract_lane(Ay, 1); A0z = f64x2.extract_lane(Az, 0); A1z = f64x2.extract_lane(Az, 1);
  cnR = <i32>(i64x2.extract_lane(CR, 0) + i64x2.extract_lane(CR, 1));
  cnO = <i32>(i64x2.extract_lane(CO, 0) + i64x2.extract_lane(CO, 1));
  cnA = <i32>(i64x2.extract_lane(CA, 0) + i64x2.extract_lane(CA, 1));
}

/** Two f64 values, lane 0 from a and lane 1 from b. */
// @ts-ignore: decorator
@inline function gather(a: usize, b: usize): v128 { return v128.load64_lane(b, v128.load64_splat(a), 1); }

/** A pair with a candidate in the repulsion or orientation zone: every zone's sums (couzinOne's branches as masks);
 * returns the attraction mask. */
// @ts-ignore: decorator
@inline function pairZones(d2: v128, ok: v128, x: v128, y: v128, z: v128, e0: i32, e1: i32, us: usize, vs: usize, ws: usize): v128 {
  const rep = v128.and(ok, f64x2.lt(d2, v128.load(CST, C_RR2)));
  const ori = v128.andnot(v128.and(ok, f64x2.lt(d2, v128.load(CST, C_RO2))), rep);
  const a = <usize>((e0 & OFF_MASK) / 3), b = <usize>((e1 & OFF_MASK) / 3);   // 8·slot
  v128.store(ACC, f64x2.add(v128.load(ACC), v128.and(x, rep)));
  v128.store(ACC, f64x2.add(v128.load(ACC, 16), v128.and(y, rep)), 16);
  v128.store(ACC, f64x2.add(v128.load(ACC, 32), v128.and(z, rep)), 32);
  v128.store(ACC, f64x2.add(v128.load(ACC, 48), v128.and(gather(us + a, us + b), ori)), 48);
  v128.store(ACC, f64x2.add(v128.load(ACC, 64), v128.and(gather(vs + a, vs + b), ori)), 64);
  v128.store(ACC, f64x2.add(v128.load(ACC, 80), v128.and(gather(ws + a, ws + b), ori)), 80);
  v128.store(ACC, i64x2.sub(v128.load(ACC, 144), rep), 144); v128.store(ACC, i64x2.sub(v128.load(ACC, 160), ori), 160);
  return v128.andnot(v128.andnot(ok, rep), ori);
}

/** Zips the queues into the lane sums, lane 0 from queue 0 and lane 1 from queue 1: the shorter queue is first padded
 * to the longer one's length (and one pair more), so the longer queue's rest runs in its own lane with the other
 * masked; both queues end empty. The offsets, the tests (d² ∈ [10⁻²⁴, r_a²), blind cone) and the arithmetic are
 * couzinOne's, lane by lane. Software-pipelined: an iteration takes the square root and the division of pair k
 * (whose offsets the previous iteration computed) first, then the offsets of pair k + 1, then pair k's sums, so
 * the divider works while the next pair's loads run. Pairs whose accepted candidates all lie in the attraction
 * zone (the common case) add to the attraction sums only; the other zones' sums stay in memory (adding the +0 of a
 * masked lane changes no sum: they start at +0 and never become −0). */
function drain(us: usize, vs: usize, ws: usize): void {
  const N0 = n0, N1 = n1, m = min(N0, N1), r = max(N0, N1);
  const Q = N0 < N1 ? Q0 : Q1;
  for (let k = m; k < r; k++) store<i32>(Q + (<usize>k << 2), PAD);
  store<i32>(Q0 + (<usize>r << 2), PAD); store<i32>(Q1 + (<usize>r << 2), PAD);   // read ahead by the last iteration
  const aos = aos_, wrap = wrap_, blind = blind_;
  let ax_ = v128.load(ACC, 96), ay_ = v128.load(ACC, 112), az_ = v128.load(ACC, 128), ca = v128.load(ACC, 176);
  // pair 0's offsets: x_j − (p + s) lane by lane ([dx, dy] of each candidate, then regrouped by coordinate)
  let e0 = load<i32>(Q0), e1 = load<i32>(Q1);
  let A = aos + <usize>(e0 & OFF_MASK), B = aos + <usize>(e1 & OFF_MASK), PA = PQ + (<usize>(e0 >>> 25) << 5), PB = PQ + (<usize>(e1 >>> 25) << 5);
  let da = f64x2.sub(v128.load(A), v128.load(PA)), db = f64x2.sub(v128.load(B), v128.load(PB));
  let dx = v128.shuffle<f64>(da, db, 0, 2), dy = v128.shuffle<f64>(da, db, 1, 3), dz = f64x2.sub(gather(A + 16, B + 16), gather(PA + 16, PB + 16));
  if (wrap) {
    const vL = v128.load(CST, C_L), vH = v128.load(CST, C_H), vmH = v128.load(CST, C_MH);
    dx = minImageBox2(dx, vL, vH, vmH); dy = minImageBox2(dy, vL, vH, vmH); dz = minImageBox2(dz, vL, vH, vmH);
  }
  let d2 = f64x2.add(f64x2.add(f64x2.mul(dx, dx), f64x2.mul(dy, dy)), f64x2.mul(dz, dz));
  for (let k = 0; k < r; k++) {
    const dist = f64x2.sqrt(d2), inv = f64x2.div(v128.load(CST, C_ONE), dist);
    // pair k + 1's offsets
    const f0 = load<i32>(Q0 + (<usize>k << 2), 4), f1 = load<i32>(Q1 + (<usize>k << 2), 4);
    A = aos + <usize>(f0 & OFF_MASK); B = aos + <usize>(f1 & OFF_MASK); PA = PQ + (<usize>(f0 >>> 25) << 5); PB = PQ + (<usize>(f1 >>> 25) << 5);
    da = f64x2.sub(v128.load(A), v128.load(PA)); db = f64x2.sub(v128.load(B), v128.load(PB));
    let nx = v128.shuffle<f64>(da, db, 0, 2), ny = v128.shuffle<f64>(da, db, 1, 3), nz = f64x2.sub(gather(A + 16, B + 16), gather(PA + 16, PB + 16));
    if (wrap) {
      const vL = v128.load(CST, C_L), vH = v128.load(CST, C_H), vmH = v128.load(CST, C_MH);
      nx = minImageBox2(nx, vL, vH, vmH); ny = minImageBox2(ny, vL, vH, vmH); nz = minImageBox2(nz, vL, vH, vmH);
    }
    // pair k: the tests and the unit offsets, as in couzinOne, and the sums
    let ok = v128.and(f64x2.lt(d2, v128.load(CST, C_RA2)), f64x2.ge(d2, v128.load(CST, C_TINY)));
    if (blind) ok = v128.and(ok, f64x2.gt(f64x2.add(f64x2.add(f64x2.mul(v128.load(ACC, 192), dx), f64x2.mul(v128.load(ACC, 208), dy)),
      f64x2.mul(v128.load(ACC, 224), dz)), f64x2.mul(v128.load(CST, C_THR), dist)));
    const x = f64x2.mul(dx, inv), y = f64x2.mul(dy, inv), z = f64x2.mul(dz, inv);
    let att = ok;
    if (i64x2.bitmask(v128.and(ok, f64x2.lt(d2, v128.load(CST, C_NEAR2))))) att = pairZones(d2, ok, x, y, z, e0, e1, us, vs, ws);
    ax_ = f64x2.add(ax_, v128.and(x, att)); ay_ = f64x2.add(ay_, v128.and(y, att)); az_ = f64x2.add(az_, v128.and(z, att));
    ca = i64x2.sub(ca, att);
    dx = nx; dy = ny; dz = nz; e0 = f0; e1 = f1;
    d2 = f64x2.add(f64x2.add(f64x2.mul(nx, nx), f64x2.mul(ny, ny)), f64x2.mul(nz, nz));
  }
  v128.store(ACC, ax_, 96); v128.store(ACC, ay_, 112); v128.store(ACC, az_, 128); v128.store(ACC, ca, 176);
  n0 = 0; n1 = 0;
}

/** Pass 1 of range q = [t0, t1) in f64 (exact test; minimum image on every difference when wrap_), two candidates
 * at a time, queue lengths in n0/n1: scans of a whole periodic box, and coordinates too large for the f32 filter. */
function pass1F64(q: i32, t0: i32, t1: i32, us: usize, vs: usize, ws: usize): void {
  const vL = f64x2.splat(L_), vH = f64x2.splat(H_), vmH = f64x2.splat(-H_), vra2 = f64x2.splat(ra2_);
  const vpx = v128.load64_splat(PQ + (<usize>q << 5)), vpy = v128.load64_splat(PQ + (<usize>q << 5) + 8), vpz = v128.load64_splat(PQ + (<usize>q << 5) + 16);
  const tag = q << 25;
  for (let t = t0; t < t1; t += 2) {
    const o = <usize>t << 3;
    const pair = t + 1 < t1;
    let X: v128, Y: v128, Z: v128;
    if (pair) { X = v128.load(xs_ + o); Y = v128.load(ys_ + o); Z = v128.load(zs_ + o); }
    else { X = v128.load64_splat(xs_ + o); Y = v128.load64_splat(ys_ + o); Z = v128.load64_splat(zs_ + o); }
    let dx = f64x2.sub(X, vpx), dy = f64x2.sub(Y, vpy), dz = f64x2.sub(Z, vpz);
    if (wrap_) { dx = minImageBox2(dx, vL, vH, vmH); dy = minImageBox2(dy, vL, vH, vmH); dz = minImageBox2(dz, vL, vH, vmH); }
    const m = i64x2.bitmask(f64x2.lt(f64x2.add(f64x2.add(f64x2.mul(dx, dx), f64x2.mul(dy, dy)), f64x2.mul(dz, dz)), vra2)) & (pair ? 3 : 1);
    store<i32>(Q0 + (<usize>n0 << 2), (t * 24) | tag); n0 += m & 1;
    store<i32>(Q1 + (<usize>n1 << 2), (t * 24 + 24) | tag); n1 += m >> 1;
    if (n0 == QCAP || n1 == QCAP) { statEarly++; drain(us, vs, ws); }
  }
}

/**
 * Candidates in the `nr` slot ranges [lo, hi) at `ranges` (i32 triples: lo, hi, the address of the range's image
 * shift, an f64 triple that moves the focal fish p) of xs/ys/zs, with their unit headings in us/vs/ws (same slot
 * order). `wrap`: minimum image on every difference (scans of a whole periodic box).
 * @example scanCouzin(RANGES, nRanges, g.xs, g.ys, g.zs, us, vs, ws, px, py, pz, cx, cy, cz, false)   // then couzinCombine()
 */
export function scanCouzin(ranges: usize, nr: i32, xs: usize, ys: usize, zs: usize, us: usize, vs: usize, ws: usize,
  px: f64, py: f64, pz: f64, cx: f64, cy: f64, cz: f64, wrap: bool): void {
  R0x = 0; R0y = 0; R0z = 0; R1x = 0; R1y = 0; R1z = 0; O0x = 0; O0y = 0; O0z = 0; O1x = 0; O1y = 0; O1z = 0;
  A0x = 0; A0y = 0; A0z = 0; A1x = 0; A1y = 0; A1z = 0; cnR = 0; cnO = 0; cnA = 0;
  if (ASC_FEATURE_SIMD) {
    // pass 1 (branch-free): the candidates that may be within r_a go to their lane's queue (24·slot | range << 25);
    // pass 2 (drain): the queues are zipped, lane 0 from queue 0 and lane 1 from queue 1, so every square root and
    // division serves two candidates, and each lane still adds its candidates in scan order
    n0 = 0; n1 = 0; xs_ = xs; ys_ = ys; zs_ = zs; wrap_ = wrap;
    acc0(cx, cy, cz);
    const fast = f32_ && !wrap, x32 = X32, y32 = Y32, z32 = Z32;
    if (fast) statF32++;
    let c0 = 0, c1 = 0;   // the queue lengths in locals (wasm globals are memory accesses)
    // every range's shifted focal position (f64 for the drain, f32 splats for the filter); without the filter, pass 1
    // range by range in f64
    for (let q = 0; q < nr; q++) {
      const rq = ranges + <usize>(q * 12), sh = <usize>load<i32>(rq, 8);
      const qx = px + load<f64>(sh), qy = py + load<f64>(sh, 8), qz = pz + load<f64>(sh, 16);
      store<f64>(PQ + (<usize>q << 5), qx); store<f64>(PQ + (<usize>q << 5), qy, 8); store<f64>(PQ + (<usize>q << 5), qz, 16);
      const p32 = P32T + <usize>(q * 48);
      v128.store(p32, f32x4.splat(<f32>qx)); v128.store(p32, f32x4.splat(<f32>qy), 16); v128.store(p32, f32x4.splat(<f32>qz), 32);
      if (!fast) { n0 = c0; n1 = c1; pass1F64(q, load<i32>(rq), load<i32>(rq, 4), us, vs, ws); c0 = n0; c1 = n1; }
    }
    // the filter: blocks of eight candidates t … t + 7 of range q (t − t0 even) in one loop over all ranges (a block
    // ending its range moves on to the next range's first one without a branch); the even candidates (lane 0) and
    // the odd ones (lane 1) are each packed to the front of a v128 of entries (LUT) and stored whole at their
    // queue's end; a range's last block is masked (its reads past t1 stay inside the f32 copies' allocation)
    if (fast && nr > 0) {
      let q = 0, t = load<i32>(ranges), t1 = load<i32>(ranges, 4), e = t * 24;
      for (;;) {
        if (max(c0, c1) > QCAP - 4) { n0 = c0; n1 = c1; statEarly++; drain(us, vs, ws); c0 = 0; c1 = 0; }
        const o = <usize>t << 2, p32 = P32T + <usize>(q * 48);
        const pxv = v128.load(p32), pyv = v128.load(p32, 16), pzv = v128.load(p32, 32);
        const xa = f32x4.sub(v128.load(x32 + o), pxv), ya = f32x4.sub(v128.load(y32 + o), pyv), za = f32x4.sub(v128.load(z32 + o), pzv);
        const xb = f32x4.sub(v128.load(x32 + o, 16), pxv), yb = f32x4.sub(v128.load(y32 + o, 16), pyv), zb = f32x4.sub(v128.load(z32 + o, 16), pzv);
        const d2a = f32x4.add(f32x4.add(f32x4.mul(xa, xa), f32x4.mul(ya, ya)), f32x4.mul(za, za));
        const d2b = f32x4.add(f32x4.add(f32x4.mul(xb, xb), f32x4.mul(yb, yb)), f32x4.mul(zb, zb));
        const T = v128.load(CST, C_T32), rem = t1 - t;
        const me = i32x4.bitmask(f32x4.le(v128.shuffle<f32>(d2a, d2b, 0, 2, 4, 6), T)) & ((1 << min(4, (rem + 1) >> 1)) - 1);
        const mo = i32x4.bitmask(f32x4.le(v128.shuffle<f32>(d2a, d2b, 1, 3, 5, 7), T)) & ((1 << min(4, rem >> 1)) - 1);
        const base = i32x4.add(i32x4.splat(e), v128.load(CST, C_STEP));   // entries of t, t + 2, t + 4, t + 6
        v128.store(Q0 + (<usize>c0 << 2), i8x16.swizzle(base, v128.load(LUT + (<usize>me << 4))));
        v128.store(Q1 + (<usize>c1 << 2), i8x16.swizzle(i32x4.add(base, v128.load(CST, C_STEP + 16)), v128.load(LUT + (<usize>mo << 4))));
        c0 += popcnt(me); c1 += popcnt(mo);
        const next = <i32>(rem <= 8), qn = q + next;
        if (qn >= nr) break;
        const rn = ranges + <usize>(qn * 12), tn = load<i32>(rn);
        t = select<i32>(tn, t + 8, next); e = select<i32>((tn * 24) | (qn << 25), e + 192, next);
        t1 = load<i32>(rn, 4); q = qn;
      }
    }
    n0 = c0; n1 = c1;
    drain(us, vs, ws);
    accOut();
    return;
  }
  for (let q = 0; q < nr; q++) {
    const rq = ranges + <usize>(q * 12), t0 = load<i32>(rq), t1 = load<i32>(rq, 4), sh = <usize>load<i32>(rq, 8);
    const qx = px + load<f64>(sh), qy = py + load<f64>(sh, 8), qz = pz + load<f64>(sh, 16);
    for (let t = t0; t < t1; t++) {
      const o = <usize>t << 3;
      couzinOne((t - t0) & 1, wrap, load<f64>(xs + o) - qx, load<f64>(ys + o) - qy, load<f64>(zs + o) - qz, load<f64>(us + o), load<f64>(vs + o), load<f64>(ws + o), cx, cy, cz);
    }
  }
}
