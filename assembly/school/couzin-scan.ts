// couzin-scan.ts — the couzin2002 neighbour scan of one focal fish over its slot ranges. Zone sums are accumulated in
// two lanes (a range's candidates lo, lo+2, … in lane 0 and lo+1, lo+3, … in lane 1) with masks instead of branches
// and combined at the end (pairs.ts couzinCombine); the scalar build follows the same lane assignment, so both builds
// add the same numbers in the same order. Zones by squared distance; coincident fish (d² < 10⁻²⁴) skipped. The SIMD
// accumulators stay in registers across all of the fish's ranges (one call per fish); a range of odd length ends
// with its last candidate alone in lane 0 (lane 1 masked: the scalar build's arithmetic on lane 0).
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

// ---- SIMD: two queues of candidates within r_a (entries of 32 bytes: dx, dy | dz, slot as i32) and the lane accumulators
// QCAP entries per lane; a range is queued in chunks of ≤ CH pairs, and the queues are drained (zipped to the end,
// the shorter one padded) before a chunk could overflow them: draining early splits no lane and reorders nothing
const QCAP: i32 = 256, CH: i32 = 64;
const Q0: usize = memory.data(QCAP * 32, 16), Q1: usize = memory.data(QCAP * 32, 16);
let n0: i32 = 0, n1: i32 = 0;
// the lane accumulators between drains (v128 × 12: Rx Ry Rz Ox Oy Oz Ax Ay Az, counts R O A), the focal heading
// splatted (× 3) and the range's shifted focal position splatted (× 3), in memory: the scalar build has no v128
// globals (and loads keep V8 from re-splatting them in the loop)
const ACC: usize = memory.data(18 * 16, 16);

function acc0(cx: f64, cy: f64, cz: f64): void {
  memory.fill(ACC, 0, 12 * 16);
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

/** Zips the queues into the lane sums, lane 0 from queue 0 and lane 1 from queue 1: the shorter queue is first padded
 * to the longer one's length with entries that fail the range test (dx = ∞), so the longer queue's rest runs in its
 * own lane with the other masked; both queues end empty. The range test and the coincidence test (d² ∈ [10⁻²⁴, r_a²))
 * and the arithmetic are couzinOne's, lane by lane. Pairs whose accepted candidates all lie in the attraction zone
 * (the common case) add to the attraction sums only; the other zones' sums stay in memory (adding the +0 of a masked
 * lane changes no sum: they start at +0 and never become −0). */
function drain(us: usize, vs: usize, ws: usize): void {
  const N0 = n0, N1 = n1, m = min(N0, N1), r = max(N0, N1);
  const Q = N0 < N1 ? Q0 : Q1;
  for (let k = m; k < r; k++) {
    const e = Q + (<usize>k << 5);
    store<f64>(e, Infinity); store<f64>(e, 0.0, 8); store<f64>(e, 0.0, 16); store<i64>(e, 0, 24);
  }
  const vra2 = f64x2.splat(ra2_), tiny = f64x2.splat(1e-24), vnear2 = f64x2.splat(max(rr2_, ro2_));
  let ax_ = v128.load(ACC, 96), ay_ = v128.load(ACC, 112), az_ = v128.load(ACC, 128), ca = v128.load(ACC, 176);
  for (let k = 0; k < r; k++) {
    const e0 = Q0 + (<usize>k << 5), e1 = Q1 + (<usize>k << 5);
    const p0 = v128.load(e0), p1 = v128.load(e1), q0 = v128.load(e0, 16), q1 = v128.load(e1, 16);
    const dx = v128.shuffle<f64>(p0, p1, 0, 2), dy = v128.shuffle<f64>(p0, p1, 1, 3), dz = v128.shuffle<f64>(q0, q1, 0, 2);
    const d2 = f64x2.add(f64x2.add(f64x2.mul(dx, dx), f64x2.mul(dy, dy)), f64x2.mul(dz, dz));
    let ok = v128.and(f64x2.lt(d2, vra2), f64x2.ge(d2, tiny));
    const dist = f64x2.sqrt(d2);
    if (blind_) ok = v128.and(ok, f64x2.gt(f64x2.add(f64x2.add(f64x2.mul(v128.load(ACC, 192), dx), f64x2.mul(v128.load(ACC, 208), dy)),
      f64x2.mul(v128.load(ACC, 224), dz)), f64x2.mul(f64x2.splat(thr_), dist)));
    const inv = f64x2.div(f64x2.splat(1.0), dist);
    const x = f64x2.mul(dx, inv), y = f64x2.mul(dy, inv), z = f64x2.mul(dz, inv);
    if (!i64x2.bitmask(v128.and(ok, f64x2.lt(d2, vnear2)))) {
      ax_ = f64x2.add(ax_, v128.and(x, ok)); ay_ = f64x2.add(ay_, v128.and(y, ok)); az_ = f64x2.add(az_, v128.and(z, ok));
      ca = i64x2.sub(ca, ok);
      continue;
    }
    const rep = v128.and(ok, f64x2.lt(d2, f64x2.splat(rr2_)));
    const ori = v128.andnot(v128.and(ok, f64x2.lt(d2, f64x2.splat(ro2_))), rep);
    const att = v128.andnot(v128.andnot(ok, rep), ori);
    const a = <usize>load<i32>(e0, 24) << 3, b = <usize>load<i32>(e1, 24) << 3;
    v128.store(ACC, f64x2.add(v128.load(ACC), v128.and(x, rep)));
    v128.store(ACC, f64x2.add(v128.load(ACC, 16), v128.and(y, rep)), 16);
    v128.store(ACC, f64x2.add(v128.load(ACC, 32), v128.and(z, rep)), 32);
    v128.store(ACC, f64x2.add(v128.load(ACC, 48), v128.and(v128.load64_lane(us + b, v128.load64_splat(us + a), 1), ori)), 48);
    v128.store(ACC, f64x2.add(v128.load(ACC, 64), v128.and(v128.load64_lane(vs + b, v128.load64_splat(vs + a), 1), ori)), 64);
    v128.store(ACC, f64x2.add(v128.load(ACC, 80), v128.and(v128.load64_lane(ws + b, v128.load64_splat(ws + a), 1), ori)), 80);
    ax_ = f64x2.add(ax_, v128.and(x, att)); ay_ = f64x2.add(ay_, v128.and(y, att)); az_ = f64x2.add(az_, v128.and(z, att));
    v128.store(ACC, i64x2.sub(v128.load(ACC, 144), rep), 144); v128.store(ACC, i64x2.sub(v128.load(ACC, 160), ori), 160);
    ca = i64x2.sub(ca, att);
  }
  v128.store(ACC, ax_, 96); v128.store(ACC, ay_, 112); v128.store(ACC, az_, 128); v128.store(ACC, ca, 176);
  n0 = 0; n1 = 0;
}

/** Pass 1 of one range [t0, t1) with the minimum image on every difference (scans of a whole periodic box), queue
 * lengths in n0/n1; the range's shifted focal position is splatted at ACC + 240. */
function pass1Wrap(t0: i32, t1: i32, xs: usize, ys: usize, zs: usize, us: usize, vs: usize, ws: usize): void {
  const vL = f64x2.splat(L_), vH = f64x2.splat(H_), vmH = f64x2.splat(-H_), vra2 = f64x2.splat(ra2_);
  for (let t = t0; t < t1; t += 2) {
    const o = <usize>t << 3;
    const pair = t + 1 < t1;
    let X: v128, Y: v128, Z: v128;
    if (pair) { X = v128.load(xs + o); Y = v128.load(ys + o); Z = v128.load(zs + o); }
    else { X = v128.load64_splat(xs + o); Y = v128.load64_splat(ys + o); Z = v128.load64_splat(zs + o); }
    const dx = minImageBox2(f64x2.sub(X, v128.load(ACC, 240)), vL, vH, vmH), dy = minImageBox2(f64x2.sub(Y, v128.load(ACC, 256)), vL, vH, vmH);
    const dz = minImageBox2(f64x2.sub(Z, v128.load(ACC, 272)), vL, vH, vmH);
    const m = i64x2.bitmask(f64x2.lt(f64x2.add(f64x2.add(f64x2.mul(dx, dx), f64x2.mul(dy, dy)), f64x2.mul(dz, dz)), vra2)) & (pair ? 3 : 1);
    const e0 = Q0 + (<usize>n0 << 5), e1 = Q1 + (<usize>n1 << 5);
    v128.store(e0, v128.shuffle<f64>(dx, dy, 0, 2)); v128.store64_lane(e0 + 16, dz, 0); store<i32>(e0, t, 24);
    v128.store(e1, v128.shuffle<f64>(dx, dy, 1, 3)); v128.store64_lane(e1 + 16, dz, 1); store<i32>(e1, t + 1, 24);
    n0 += m & 1; n1 += m >> 1;
    if (n0 == QCAP || n1 == QCAP) drain(us, vs, ws);
  }
}

/**
 * Candidates in the `nr` slot ranges [lo, hi) at `ranges` (i32 pairs) of xs/ys/zs, with their unit headings in
 * us/vs/ws (same slot order); range q's image shift (f64 triple at shifts + 24q) moves the focal fish p. `wrap`:
 * minimum image on every difference (scans of a whole periodic box).
 */
export function scanCouzin(ranges: usize, shifts: usize, nr: i32, xs: usize, ys: usize, zs: usize, us: usize, vs: usize, ws: usize,
  px: f64, py: f64, pz: f64, cx: f64, cy: f64, cz: f64, wrap: bool): void {
  R0x = 0; R0y = 0; R0z = 0; R1x = 0; R1y = 0; R1z = 0; O0x = 0; O0y = 0; O0z = 0; O1x = 0; O1y = 0; O1z = 0;
  A0x = 0; A0y = 0; A0z = 0; A1x = 0; A1y = 0; A1z = 0; cnR = 0; cnO = 0; cnA = 0;
  if (ASC_FEATURE_SIMD) {
    // pass 1 (branch-free): the offsets of the candidates within r_a go to their lane's queue (dx, dy, dz, slot);
    // pass 2 (drain): the queues are zipped, lane 0 from queue 0 and lane 1 from queue 1, so every square root and
    // division serves two accepted candidates, and each lane still adds its candidates in scan order. The
    // coincidence test (d² ≥ 10⁻²⁴: the focal fish itself) is left to the drain.
    const vra2 = f64x2.splat(ra2_);
    n0 = 0; n1 = 0;
    acc0(cx, cy, cz);
    let c0 = 0, c1 = 0;   // the queue lengths in locals (wasm globals are memory accesses)
    for (let q = 0; q < nr; q++) {
      const t0 = load<i32>(ranges + (<usize>q << 3)), t1 = load<i32>(ranges + (<usize>q << 3), 4), sh = shifts + <usize>(q * 24);
      v128.store(ACC, f64x2.splat(px + load<f64>(sh)), 240); v128.store(ACC, f64x2.splat(py + load<f64>(sh, 8)), 256);
      v128.store(ACC, f64x2.splat(pz + load<f64>(sh, 16)), 272);
      if (wrap) { n0 = c0; n1 = c1; pass1Wrap(t0, t1, xs, ys, zs, us, vs, ws); c0 = n0; c1 = n1; continue; }
      let t = t0;
      while (t + 1 < t1) {
        if (max(c0, c1) > QCAP - CH) { n0 = c0; n1 = c1; drain(us, vs, ws); c0 = 0; c1 = 0; }
        const te = min(t1, t + 2 * CH);
        for (; t + 1 < te; t += 2) {
          const o = <usize>t << 3;
          const dx = f64x2.sub(v128.load(xs + o), v128.load(ACC, 240)), dy = f64x2.sub(v128.load(ys + o), v128.load(ACC, 256));
          const dz = f64x2.sub(v128.load(zs + o), v128.load(ACC, 272));
          const m = i64x2.bitmask(f64x2.lt(f64x2.add(f64x2.add(f64x2.mul(dx, dx), f64x2.mul(dy, dy)), f64x2.mul(dz, dz)), vra2));
          // entries: [dx, dy], dz and the slot of lane 0 to queue 0 and of lane 1 to queue 1
          const e0 = Q0 + (<usize>c0 << 5), e1 = Q1 + (<usize>c1 << 5);
          v128.store(e0, v128.shuffle<f64>(dx, dy, 0, 2)); v128.store64_lane(e0 + 16, dz, 0); store<i32>(e0, t, 24);
          v128.store(e1, v128.shuffle<f64>(dx, dy, 1, 3)); v128.store64_lane(e1 + 16, dz, 1); store<i32>(e1, t + 1, 24);
          c0 += m & 1; c1 += m >> 1;
        }
      }
      if (t < t1) {   // a range of odd length: its last candidate alone, in lane 0
        if (c0 == QCAP) { n0 = c0; n1 = c1; drain(us, vs, ws); c0 = 0; c1 = 0; }
        const o = <usize>t << 3;
        const dx = load<f64>(xs + o) - load<f64>(ACC, 240), dy = load<f64>(ys + o) - load<f64>(ACC, 256), dz = load<f64>(zs + o) - load<f64>(ACC, 272);
        const e0 = Q0 + (<usize>c0 << 5);
        store<f64>(e0, dx); store<f64>(e0, dy, 8); store<f64>(e0, dz, 16); store<i32>(e0, t, 24);
        c0 += <i32>(dx * dx + dy * dy + dz * dz < ra2_);
      }
    }
    n0 = c0; n1 = c1;
    drain(us, vs, ws);
    accOut();
    return;
  }
  for (let q = 0; q < nr; q++) {
    const t0 = load<i32>(ranges + (<usize>q << 3)), t1 = load<i32>(ranges + (<usize>q << 3), 4), sh = shifts + <usize>(q * 24);
    const qx = px + load<f64>(sh), qy = py + load<f64>(sh, 8), qz = pz + load<f64>(sh, 16);
    for (let t = t0; t < t1; t++) {
      const o = <usize>t << 3;
      couzinOne((t - t0) & 1, wrap, load<f64>(xs + o) - qx, load<f64>(ys + o) - qy, load<f64>(zs + o) - qz, load<f64>(us + o), load<f64>(vs + o), load<f64>(ws + o), cx, cy, cz);
    }
  }
}
