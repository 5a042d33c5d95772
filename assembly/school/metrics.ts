// metrics.ts — order parameters and the seven entropies + OSI of one frame (specs/schooling.md §3–§4).
// legacy = 1: dewi-kadita's definitions (arithmetic centroid of wrapped coordinates, |r̂ × v̂| per fish,
// sin θ-weighted 12 × 24 heading grid, z in [0, L], np.cov with ddof 1, eigenvalues clamped at 1e-10).
// legacy = 0: the corrected ones — circular-mean centroid and minimum-image offsets in a periodic box, signed
// angular momentum about the mean axis on [−1, 1], equal-area heading cells (12 bands uniform in cos θ × 24),
// depth relative to the school's centroid on [−L/2, L/2]; cohesion, kNN and velocity-correlation as legacy.
// Nearest-neighbour distances come from the cell-grid kNN (periodic when box > 0).
import { gridBuild } from "../neighbors/grid";
import { gridKnn } from "../neighbors/knn";
import { binOf, countsEntropy } from "./histogram";
import { ld, st } from "./state";
import { eigenvalues3 } from "./eigen3";

const HIST: usize = memory.data(288 * 8);
const E20: usize = memory.data(21 * 8);    // np.linspace(0, 1, 21)
const C20: usize = memory.data(20 * 4);

/** np.histogram's bin rule for 20 bins on [0, 1], given the estimate k = trunc(20x) (x outside [0, 1] dropped). */
// @ts-ignore: decorator
@inline function bin20(x: f64, k: i32): void {
  if (!(x >= 0.0 && x <= 1.0)) return;
  if (k > 19) k = 19;
  if (x < ld(E20, k)) k--;
  else if (k != 19 && x >= ld(E20, k + 1)) k++;
  const a = C20 + (<usize>k << 2);
  store<i32>(a, load<i32>(a) + 1);
}
const EV: usize = memory.data(3 * 8);
const W = [0.18, 0.28, 0.08, 0.08, 0.10, 0.18, 0.10];

/** |(x, y, z)|, or 1 below 1e-10 (the seed's guard before normalising). */
// @ts-ignore: decorator
@inline function safeNorm(x: f64, y: f64, z: f64): f64 { const m = Math.sqrt(x * x + y * y + z * z); return m < 1e-10 ? 1.0 : m; }

function clearHist(B: i32): void { memory.fill(HIST, 0, <usize>B << 3); }
// @ts-ignore: decorator
@inline function bump(k: i32): void { if (k >= 0) st(HIST, k, ld(HIST, k) + 1); }

/** Bytes of work space schoolMetrics needs for n fish. */
export function schoolMetricsWorkBytes(n: i32): i32 { return 8 * (6 * n) + 8 * 5 * n + 4 * 5 * n + 64; }

/**
 * Writes 12 values to out: P, M, spread, order index, H_coh, H_pol, H_depth, H_ang, H_NN, H_vel, H_shape,
 * OSI. `box` > 0: periodic cube; 0: open space (positions used as they are). `work` from schoolMetricsWorkBytes.
 * `orderOnly`: P, M, spread and the order index only (the entropies and OSI are written as NaN).
 */
export function schoolMetrics(pos: usize, vel: usize, n: i32, box: f64, L: f64, legacy: i32, orderOnly: i32, grid: usize, work: usize, out: usize): void {
  const uv = work, ru = work + <usize>(24 * n), kd = work + <usize>(48 * n), ki = kd + <usize>(40 * n);
  const per = box > 0;
  // unit headings, polarization
  let sx = 0.0, sy = 0.0, sz = 0.0;
  for (let i = 0; i < n; i++) {
    const x = ld(vel, 3 * i), y = ld(vel, 3 * i + 1), z = ld(vel, 3 * i + 2), m = safeNorm(x, y, z);
    const a = x / m, b = y / m, c = z / m;
    st(uv, 3 * i, a); st(uv, 3 * i + 1, b); st(uv, 3 * i + 2, c);
    sx += a; sy += b; sz += c;
  }
  const fn = <f64>n;
  sx /= fn; sy /= fn; sz /= fn;
  const P = Math.sqrt(sx * sx + sy * sy + sz * sz);
  // centroid and offsets r_i (stored in ru before normalising)
  let cx = 0.0, cy = 0.0, cz = 0.0;
  if (legacy || !per) {
    for (let i = 0; i < n; i++) { cx += ld(pos, 3 * i); cy += ld(pos, 3 * i + 1); cz += ld(pos, 3 * i + 2); }
    cx /= fn; cy /= fn; cz /= fn;
  } else {
    cx = circularMean(pos, n, 0, box); cy = circularMean(pos, n, 1, box); cz = circularMean(pos, n, 2, box);
  }
  let ss = 0.0;
  for (let i = 0; i < n; i++) {
    let x = ld(pos, 3 * i) - cx, y = ld(pos, 3 * i + 1) - cy, z = ld(pos, 3 * i + 2) - cz;
    if (!legacy && per) { x -= box * Math.round(x / box); y -= box * Math.round(y / box); z -= box * Math.round(z / box); }
    st(ru, 3 * i, x); st(ru, 3 * i + 1, y); st(ru, 3 * i + 2, z);
    ss += x * x + y * y + z * z;
  }
  const spread = Math.sqrt(ss / fn);
  // shape entropy from the offsets (np.cov re-centres; ddof 1)
  let hs = 0.5;
  if (n >= 4 && !orderOnly) {
    let mx = 0.0, my = 0.0, mz = 0.0;
    for (let i = 0; i < n; i++) { mx += ld(ru, 3 * i); my += ld(ru, 3 * i + 1); mz += ld(ru, 3 * i + 2); }
    mx /= fn; my /= fn; mz /= fn;
    let cxx = 0.0, cxy = 0.0, cxz = 0.0, cyy = 0.0, cyz = 0.0, czz = 0.0;
    for (let i = 0; i < n; i++) {
      const x = ld(ru, 3 * i) - mx, y = ld(ru, 3 * i + 1) - my, z = ld(ru, 3 * i + 2) - mz;
      cxx += x * x; cxy += x * y; cxz += x * z; cyy += y * y; cyz += y * z; czz += z * z;
    }
    const f = 1.0 / (fn - 1);
    eigenvalues3(cxx * f, cxy * f, cxz * f, cyy * f, cyz * f, czz * f, EV);
    let e0 = max(ld(EV, 0), 1e-10), e1 = max(ld(EV, 1), 1e-10), e2 = max(ld(EV, 2), 1e-10);
    const t = e0 + e1 + e2;
    e0 /= t; e1 /= t; e2 /= t;
    hs = -(e0 * Math.log(e0) + e1 * Math.log(e1) + e2 * Math.log(e2)) / Math.log(3.0);
  }
  // depth (before ru is normalised: corrected depth uses the offset z)
  clearHist(15);
  for (let i = 0; i < n && !orderOnly; i++) {
    if (legacy) bump(binOf(ld(pos, 3 * i + 2), 0, L, 15));
    else bump(binOf(ld(ru, 3 * i + 2), -0.5 * L, 0.5 * L, 15));
  }
  const hd = countsEntropy(HIST, 15, Math.log(15.0));
  // rotation: r̂ × v̂
  let mxs = 0.0, mys = 0.0, mzs = 0.0;
  for (let i = 0; i < n; i++) {
    const x = ld(ru, 3 * i), y = ld(ru, 3 * i + 1), z = ld(ru, 3 * i + 2), m = safeNorm(x, y, z);
    const a = x / m, b = y / m, c = z / m;
    const u = ld(uv, 3 * i), v = ld(uv, 3 * i + 1), w = ld(uv, 3 * i + 2);
    const px = b * w - c * v, py = c * u - a * w, pz = a * v - b * u;
    st(ru, 3 * i, px); st(ru, 3 * i + 1, py); st(ru, 3 * i + 2, pz);   // ru now holds r̂ × v̂
    mxs += px; mys += py; mzs += pz;
  }
  mxs /= fn; mys /= fn; mzs /= fn;
  const M = Math.sqrt(mxs * mxs + mys * mys + mzs * mzs);
  if (orderOnly) {
    st(out, 0, P); st(out, 1, M); st(out, 2, spread); st(out, 3, max(P, M));
    for (let q = 4; q < 12; q++) st(out, q, NaN);
    return;
  }
  // angular-momentum entropy
  let ha = 0.5;
  if (n >= 3) {
    clearHist(20);
    if (legacy) {
      for (let i = 0; i < n; i++) {
        const x = ld(ru, 3 * i), y = ld(ru, 3 * i + 1), z = ld(ru, 3 * i + 2);
        bump(binOf(Math.sqrt(x * x + y * y + z * z), 0, 1, 20));
      }
    } else {
      let ex = mxs, ey = mys, ez = mzs;
      if (M < 1e-10) { ex = 0; ey = 0; ez = 1; } else { ex /= M; ey /= M; ez /= M; }
      for (let i = 0; i < n; i++) bump(binOf(ld(ru, 3 * i) * ex + ld(ru, 3 * i + 1) * ey + ld(ru, 3 * i + 2) * ez, -1, 1, 20));
    }
    ha = countsEntropy(HIST, 20, Math.log(20.0));
  }
  // heading entropy
  clearHist(288);
  for (let i = 0; i < n; i++) {
    const a = ld(uv, 3 * i), b = ld(uv, 3 * i + 1), c = ld(uv, 3 * i + 2);
    const ph = Math.atan2(b, a) + Math.PI;
    const jp = binOf(ph, 0, 2 * Math.PI, 24);
    const it = legacy ? binOf(Math.acos(c < -1 ? -1 : (c > 1 ? 1 : c)), 0, Math.PI, 12) : binOf(c, -1, 1, 12);
    if (jp >= 0 && it >= 0) bump(it * 24 + jp);
  }
  if (legacy) {
    for (let t = 0; t < 12; t++) {
      const e0 = <f64>t * (Math.PI / 12) + 0, e1 = t == 11 ? Math.PI : <f64>(t + 1) * (Math.PI / 12) + 0;
      const w = Math.sin((e0 + e1) / 2);
      for (let q = 0; q < 24; q++) st(HIST, t * 24 + q, ld(HIST, t * 24 + q) * w);
    }
  }
  const hp = countsEntropy(HIST, 288, Math.log(288.0));
  // velocity correlation over all pairs i < j: c = v̂_i·v̂_j, x = (c + 1)/2 binned as np.histogram(…, 20, (0, 1))
  let hv = 0.5;
  if (n >= 2) {
    const ux = kd, uy = kd + <usize>(8 * n), uz = kd + <usize>(16 * n);   // SoA copy (kd is free until the kNN)
    for (let i = 0; i < n; i++) { st(ux, i, ld(uv, 3 * i)); st(uy, i, ld(uv, 3 * i + 1)); st(uz, i, ld(uv, 3 * i + 2)); }
    for (let k = 0; k <= 20; k++) st(E20, k, k == 20 ? 1.0 : <f64>k * (1.0 / 20.0) + 0.0);
    memory.fill(C20, 0, 20 * 4);
    for (let i = 0; i < n; i++) {
      const a = ld(ux, i), b = ld(uy, i), c = ld(uz, i);
      let j = i + 1;
      if (ASC_FEATURE_SIMD) {
        const va = f64x2.splat(a), vb = f64x2.splat(b), vc = f64x2.splat(c), one = f64x2.splat(1.0), two = f64x2.splat(2.0), twenty = f64x2.splat(20.0);
        for (; j + 1 < n; j += 2) {
          const o = <usize>j << 3;
          const d = f64x2.add(f64x2.add(f64x2.mul(va, v128.load(ux + o)), f64x2.mul(vb, v128.load(uy + o))), f64x2.mul(vc, v128.load(uz + o)));
          const x = f64x2.div(f64x2.add(d, one), two);
          const k = i32x4.trunc_sat_f64x2_s_zero(f64x2.mul(x, twenty));
          bin20(f64x2.extract_lane(x, 0), i32x4.extract_lane(k, 0));
          bin20(f64x2.extract_lane(x, 1), i32x4.extract_lane(k, 1));
        }
      }
      for (; j < n; j++) {
        const x = (a * ld(ux, j) + b * ld(uy, j) + c * ld(uz, j) + 1.0) / 2.0;
        bin20(x, <i32>(x * 20.0));
      }
    }
    for (let k = 0; k < 20; k++) st(HIST, k, <f64>load<i32>(C20 + (<usize>k << 2)));
    hv = countsEntropy(HIST, 20, Math.log(20.0));
  }
  // nearest neighbours (periodic kNN as the seed's cKDTree(boxsize = L))
  let hc = 0.5, hk = 0.5;
  const cells = max(1, <i32>Math.cbrt(<f64>n));          // about one fish per cell (fastest kNN)
  // the grid refuses non-finite positions and extents beyond ±1e308: no neighbour distances then
  if (n >= 2 && gridBuild(grid, pos, n, box, per ? box / <f64>cells : extentCell(pos, n), 0) < 0) { hc = NaN; hk = NaN; }
  else if (n >= 2) {
    const k = min(5, n - 1);
    gridKnn(grid, k, false, ki, kd);
    clearHist(25);
    for (let i = 0; i < n; i++) bump(binOf(ld(kd, i * k), 0, L / 2, 25));
    hc = countsEntropy(HIST, 25, Math.log(25.0));
    if (n >= 6) {
      clearHist(20);
      for (let i = 0; i < n; i++) {
        let m = 0.0;
        for (let q = 0; q < 5; q++) m += ld(kd, i * 5 + q);
        m /= 5.0;
        let v = 0.0;
        for (let q = 0; q < 5; q++) { const d = ld(kd, i * 5 + q) - m; v += d * d; }
        const sd = Math.sqrt(v / 5.0);
        bump(binOf(sd / (m + 1e-10), 0, 2, 20));
      }
      hk = countsEntropy(HIST, 20, Math.log(20.0));
    }
  }
  const osi = W[0] * hc + W[1] * hp + W[2] * hd + W[3] * ha + W[4] * hk + W[5] * hv + W[6] * hs;
  st(out, 0, P); st(out, 1, M); st(out, 2, spread); st(out, 3, max(P, M));
  st(out, 4, hc); st(out, 5, hp); st(out, 6, hd); st(out, 7, ha); st(out, 8, hk); st(out, 9, hv); st(out, 10, hs); st(out, 11, osi);
}

/** Circular mean of one coordinate in [0, L): L·atan2(⟨sin⟩, ⟨cos⟩)/2π wrapped into [0, L). */
function circularMean(pos: usize, n: i32, axis: i32, L: f64): f64 {
  let s = 0.0, c = 0.0;
  const k = 2 * Math.PI / L;
  for (let i = 0; i < n; i++) { const a = ld(pos, 3 * i + axis) * k; s += Math.sin(a); c += Math.cos(a); }
  let m = Math.atan2(s, c) / k;
  if (m < 0) m += L;
  return m;
}

/** A cell edge for open-space kNN: about one point per cell over the bounding box. */
function extentCell(pos: usize, n: i32): f64 {
  let v = 1.0;
  for (let a = 0; a < 3; a++) {
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < n; i++) { const x = ld(pos, 3 * i + a); lo = min(lo, x); hi = max(hi, x); }
    v *= max(hi - lo, 1e-9);
  }
  return Math.cbrt(v / <f64>n);
}
