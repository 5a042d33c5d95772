// vec.ts — the stage combinations of an explicit RK step, over N doubles (complex states are just
// 2n doubles: the coefficients are real). f64x2 in the SIMD build; the scalar twin performs the same
// IEEE operations per element, so both builds agree bit for bit.

/** Below this many doubles per state, combinations run element by element (the per-row setup of the
 *  streaming form costs more than the arithmetic for small systems such as Lorenz). */
const SMALL_N: i32 = 16;

/**
 * dst = Σ_k val[k]·K[idx[k]] (k in order; cnt ≥ 1; rows of K are rs bytes apart), or, when y ≠ 0,
 * dst = y + (Σ_k val[k]·K[idx[k]])·h — scipy's `y + np.dot(K.T, a) * h` with the sum in k order.
 */
// @ts-ignore: decorator
@inline export function combine(dst: usize, idx: usize, val: usize, cnt: i32, K: usize, rs: i32, N: i32, y: usize = 0, h: f64 = 0): void {
  if (N < SMALL_N) combineSmall(dst, idx, val, cnt, K, rs, N, y, h);
  else combineLarge(dst, idx, val, cnt, K, rs, N, y, h);
}

// @ts-ignore: decorator
@inline function combineSmall(dst: usize, idx: usize, val: usize, cnt: i32, K: usize, rs: i32, N: i32, y: usize, h: f64): void {
  const rowBytes = <usize>rs;
  const v0 = load<f64>(val), r0 = K + <usize>load<i32>(idx) * rowBytes;
  for (let i = 0; i < N; i++) {
    const o = <usize>i << 3;
    let acc = v0 * load<f64>(r0 + o);
    for (let k = 1; k < cnt; k++) {
      acc += load<f64>(val + (<usize>k << 3)) * load<f64>(K + <usize>load<i32>(idx + (<usize>k << 2)) * rowBytes + o);
    }
    store<f64>(dst + o, y != 0 ? load<f64>(y + o) + acc * h : acc);
  }
}

/** Row addresses and coefficients of one combination, resolved once per call (static scratch). */
const ROWS: usize = memory.data(32 * 4);
/** The same combination's coefficients pre-splatted as v128 (16-byte aligned static scratch). */
const COEF: usize = memory.data(32 * 16, 16);

function combineLarge(dst: usize, idx: usize, val: usize, cnt: i32, K: usize, rs: i32, N: i32, y: usize, h: f64): void {
  const rowBytes = <usize>rs;
  for (let k = 0; k < cnt; k++) {
    store<u32>(ROWS + (<usize>k << 2), <u32>(K + <usize>load<i32>(idx + (<usize>k << 2)) * rowBytes));
    if (ASC_FEATURE_SIMD) v128.store(COEF + (<usize>k << 4), f64x2.splat(load<f64>(val + (<usize>k << 3))));
  }
  const r0 = <usize>load<u32>(ROWS);
  const v0 = load<f64>(val);
  let i = 0;
  // element-outer: one accumulator per element (pair), rows streamed; same k order as the scalar path
  if (ASC_FEATURE_SIMD) {
    const vv0 = f64x2.splat(v0), hh = f64x2.splat(h);
    // blocks of 16 doubles: eight accumulators in registers, each row's coefficient and address
    // loaded once per block instead of once per element pair (same k order per element)
    for (; i + 15 < N; i += 16) {
      const o = <usize>i << 3;
      let c0 = f64x2.mul(vv0, v128.load(r0 + o)), c1 = f64x2.mul(vv0, v128.load(r0 + o, 16));
      let c2 = f64x2.mul(vv0, v128.load(r0 + o, 32)), c3 = f64x2.mul(vv0, v128.load(r0 + o, 48));
      let c4 = f64x2.mul(vv0, v128.load(r0 + o, 64)), c5 = f64x2.mul(vv0, v128.load(r0 + o, 80));
      let c6 = f64x2.mul(vv0, v128.load(r0 + o, 96)), c7 = f64x2.mul(vv0, v128.load(r0 + o, 112));
      for (let k = 1; k < cnt; k++) {
        const cf = v128.load(COEF + (<usize>k << 4));
        const rp = <usize>load<u32>(ROWS + (<usize>k << 2)) + o;
        c0 = f64x2.add(c0, f64x2.mul(cf, v128.load(rp))); c1 = f64x2.add(c1, f64x2.mul(cf, v128.load(rp, 16)));
        c2 = f64x2.add(c2, f64x2.mul(cf, v128.load(rp, 32))); c3 = f64x2.add(c3, f64x2.mul(cf, v128.load(rp, 48)));
        c4 = f64x2.add(c4, f64x2.mul(cf, v128.load(rp, 64))); c5 = f64x2.add(c5, f64x2.mul(cf, v128.load(rp, 80)));
        c6 = f64x2.add(c6, f64x2.mul(cf, v128.load(rp, 96))); c7 = f64x2.add(c7, f64x2.mul(cf, v128.load(rp, 112)));
      }
      if (y != 0) {
        const yp = y + o;
        c0 = f64x2.add(v128.load(yp), f64x2.mul(c0, hh)); c1 = f64x2.add(v128.load(yp, 16), f64x2.mul(c1, hh));
        c2 = f64x2.add(v128.load(yp, 32), f64x2.mul(c2, hh)); c3 = f64x2.add(v128.load(yp, 48), f64x2.mul(c3, hh));
        c4 = f64x2.add(v128.load(yp, 64), f64x2.mul(c4, hh)); c5 = f64x2.add(v128.load(yp, 80), f64x2.mul(c5, hh));
        c6 = f64x2.add(v128.load(yp, 96), f64x2.mul(c6, hh)); c7 = f64x2.add(v128.load(yp, 112), f64x2.mul(c7, hh));
      }
      const dp = dst + o;
      v128.store(dp, c0); v128.store(dp, c1, 16); v128.store(dp, c2, 32); v128.store(dp, c3, 48);
      v128.store(dp, c4, 64); v128.store(dp, c5, 80); v128.store(dp, c6, 96); v128.store(dp, c7, 112);
    }
    for (; i + 1 < N; i += 2) {
      const o = <usize>i << 3;
      let acc = f64x2.mul(vv0, v128.load(r0 + o));
      for (let k = 1; k < cnt; k++) {
        acc = f64x2.add(acc, f64x2.mul(v128.load(COEF + (<usize>k << 4)), v128.load(<usize>load<u32>(ROWS + (<usize>k << 2)) + o)));
      }
      v128.store(dst + o, y != 0 ? f64x2.add(v128.load(y + o), f64x2.mul(acc, hh)) : acc);
    }
  }
  for (; i < N; i++) {
    const o = <usize>i << 3;
    let acc = v0 * load<f64>(r0 + o);
    for (let k = 1; k < cnt; k++) acc += load<f64>(val + (<usize>k << 3)) * load<f64>(<usize>load<u32>(ROWS + (<usize>k << 2)) + o);
    store<f64>(dst + o, y != 0 ? load<f64>(y + o) + acc * h : acc);
  }
}

/** dst = y + acc·h (scipy: `y + np.dot(K.T, a) * h`). dst may alias acc. */
export function addScaled(dst: usize, y: usize, acc: usize, h: f64, N: i32): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const hh = f64x2.splat(h);
    for (; i + 1 < N; i += 2) {
      const o = <usize>i << 3;
      v128.store(dst + o, f64x2.add(v128.load(y + o), f64x2.mul(v128.load(acc + o), hh)));
    }
  }
  for (; i < N; i++) {
    const o = <usize>i << 3;
    store<f64>(dst + o, load<f64>(y + o) + load<f64>(acc + o) * h);
  }
}
