// dense.ts — continuous output over the last accepted step [t_old, t], as scipy builds it.
// DOP853 (7th order; Hairer's dop853.f, scipy Dop853DenseOutput): three extra stages K_13..K_15, then
//   F0 = Δy, F1 = h f_old − Δy, F2 = 2Δy − h (f_new + f_old), F_{3+k} = h Σ_j D_kj K_j,
//   y(t_old + x h) = y_old + (((((((F6 x + F5)(1−x) + F4) x + F3)(1−x) + F2) x + F1)(1−x) + F0) x
// RK45 (4th order; Shampine 1986, scipy RkDenseOutput): Q = Kᵀ P,
//   y(t_old + x h) = y_old + h Σ_k Q_k x^{k+1}
// The extra DOP853 stages cost 3 RHS evaluations, spent only when dense output is asked for.

import { Rk, rhs } from "./rk";
import { Tableau, METHOD_DOP853 } from "./tableau";
import { combine } from "./vec";

/** Non-zero entries of one row of the dense-output matrix D (static scratch for combine). */
const DIDX: usize = memory.data(32 * 4);
const DVAL: usize = memory.data(32 * 8, 8);

// @ts-ignore: decorator
@inline function row(r: Rk, s: i32): usize { return r.K + <usize>s * <usize>r.rs; }
// @ts-ignore: decorator
@inline function frow(r: Rk, k: i32): usize { return r.F + ((<usize>k * <usize>r.N) << 3); }

/** Computes the dense coefficients of the last step (idempotent until the next step). */
export function odeDensePrepare(p: usize): void {
  const r = changetype<Rk>(p);
  if (r.denseValid || r.t == r.tOld) return;
  const tab = changetype<Tableau>(r.tab);
  const N = r.N;
  if (tab.method == METHOD_DOP853) {
    const h = r.hPrev;
    for (let s = tab.nStages + 1; s < tab.nExt; s++) {
      const a0 = load<i32>(tab.aPtr + (<usize>s << 2)), a1 = load<i32>(tab.aPtr + (<usize>(s + 1) << 2));
      combine(r.ytmp, tab.aIdx + (<usize>a0 << 2), tab.aVal + (<usize>a0 << 3), a1 - a0, r.K, r.rs, N, r.yOld, h);
      rhs(r, r.tOld + load<f64>(tab.C + (<usize>s << 3)) * h, r.ytmp, row(r, s));
    }
    const fOld = r.K, fNew = row(r, tab.nStages);
    const F0 = frow(r, 0), F1 = frow(r, 1), F2 = frow(r, 2);
    for (let i = 0; i < N; i++) {
      const o = <usize>i << 3;
      const dlt = load<f64>(r.y + o) - load<f64>(r.yOld + o);
      const fo = load<f64>(fOld + o);
      store<f64>(F0 + o, dlt);
      store<f64>(F1 + o, h * fo - dlt);
      store<f64>(F2 + o, 2.0 * dlt - h * (load<f64>(fNew + o) + fo));
    }
    // F[3+k] = h · Σ_j D[k][j] K_j  (D is 4 × 16, dense)
    // (the streaming combination over the non-zero D[k][j], then the factor h)
    for (let k = 0; k < 4; k++) {
      const Fk = frow(r, 3 + k);
      const dk = tab.dense + ((<usize>k * <usize>tab.nExt) << 3);
      let cnt = 0;
      for (let j = 0; j < tab.nExt; j++) {
        const d = load<f64>(dk + (<usize>j << 3));
        if (d != 0.0) {
          store<i32>(DIDX + (<usize>cnt << 2), j);
          store<f64>(DVAL + (<usize>cnt << 3), d);
          cnt++;
        }
      }
      if (cnt == 0) { memory.fill(Fk, 0, <usize>N << 3); continue; }
      combine(Fk, DIDX, DVAL, cnt, r.K, r.rs, N);
      for (let i = 0; i < N; i++) {
        const o = <usize>i << 3;
        store<f64>(Fk + o, h * load<f64>(Fk + o));
      }
    }
  } else {
    // Q[k] = Σ_j K_j P[j][k]  (P is 7 × 4)
    const S1 = tab.nStages + 1;
    for (let k = 0; k < tab.nDense; k++) {
      const Fk = frow(r, k);
      for (let i = 0; i < N; i++) {
        const o = <usize>i << 3;
        let acc = 0.0;
        for (let j = 0; j < S1; j++) acc += load<f64>(row(r, j) + o) * load<f64>(tab.dense + ((<usize>(j * tab.nDense + k)) << 3));
        store<f64>(Fk + o, acc);
      }
    }
  }
  r.denseValid = 1;
}

/** out = y(t) from the last step's interpolant (call odeDensePrepare first). */
export function odeDenseEval(p: usize, t: f64, out: usize): void {
  const r = changetype<Rk>(p);
  const N = r.N;
  if (r.t == r.tOld) { memory.copy(out, r.y, <usize>N << 3); return; }
  const tab = changetype<Tableau>(r.tab);
  const h = r.t - r.tOld;
  const x = (t - r.tOld) / h;
  if (tab.method == METHOD_DOP853) {
    const omx = 1.0 - x;
    for (let i = 0; i < N; i++) {
      const o = <usize>i << 3;
      let y = 0.0;
      for (let k = 6; k >= 0; k--) {
        y += load<f64>(frow(r, k) + o);
        y *= ((6 - k) & 1) == 0 ? x : omx;
      }
      store<f64>(out + o, y + load<f64>(r.yOld + o));
    }
  } else {
    const p1 = x, p2 = p1 * x, p3 = p2 * x, p4 = p3 * x;
    for (let i = 0; i < N; i++) {
      const o = <usize>i << 3;
      const s = ((load<f64>(frow(r, 0) + o) * p1 + load<f64>(frow(r, 1) + o) * p2) + load<f64>(frow(r, 2) + o) * p3) + load<f64>(frow(r, 3) + o) * p4;
      store<f64>(out + o, h * s + load<f64>(r.yOld + o));
    }
  }
}
