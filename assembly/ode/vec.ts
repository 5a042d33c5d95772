// vec.ts — the stage combinations of an explicit RK step, over N doubles (complex states are just
// 2n doubles: the coefficients are real). f64x2 in the SIMD build; the scalar twin performs the same
// IEEE operations per element, so both builds agree bit for bit.

/** Below this many doubles per state, combinations run element by element (the per-row setup of the
 *  streaming form costs more than the arithmetic for small systems such as Lorenz). */
const SMALL_N: i32 = 16;

/**
 * dst = Σ_k val[k]·K[idx[k]] (k in order; cnt ≥ 1; rows of K are N doubles apart), or, when y ≠ 0,
 * dst = y + (Σ_k val[k]·K[idx[k]])·h — scipy's `y + np.dot(K.T, a) * h` with the sum in k order.
 */
// @ts-ignore: decorator
@inline export function combine(dst: usize, idx: usize, val: usize, cnt: i32, K: usize, N: i32, y: usize = 0, h: f64 = 0): void {
  if (N < SMALL_N) combineSmall(dst, idx, val, cnt, K, N, y, h);
  else combineLarge(dst, idx, val, cnt, K, N, y, h);
}

// @ts-ignore: decorator
@inline function combineSmall(dst: usize, idx: usize, val: usize, cnt: i32, K: usize, N: i32, y: usize, h: f64): void {
  const rowBytes = <usize>N << 3;
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

function combineLarge(dst: usize, idx: usize, val: usize, cnt: i32, K: usize, N: i32, y: usize, h: f64): void {
  const rowBytes = <usize>N << 3;
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
