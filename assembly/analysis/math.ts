// math.ts — AssemblyScript's own (musl-derived) elementary functions, exported so that analysis code in
// TypeScript gets the same bits on every engine (host Math.log/exp/atan2 differ between V8 versions).

export function mathLog(x: f64): f64 { return Math.log(x); }
export function mathLog1p(x: f64): f64 { return Math.log1p(x); }
export function mathExp(x: f64): f64 { return Math.exp(x); }
export function mathPow(x: f64, y: f64): f64 { return Math.pow(x, y); }
export function mathAtan2(y: f64, x: f64): f64 { return Math.atan2(y, x); }
export function mathSin(x: f64): f64 { return Math.sin(x); }
export function mathCos(x: f64): f64 { return Math.cos(x); }
export function mathHypot(x: f64, y: f64): f64 { return Math.hypot(x, y); }

/** Σ_i p_i ln p_i over p_i > threshold (one pass in WASM). */
export function sumPLogP(p: usize, n: i32, threshold: f64): f64 {
  let s = 0.0;
  for (let i = 0; i < n; i++) {
    const v = load<f64>(p + (<usize>i << 3));
    if (v > threshold) s += v * Math.log(v);
  }
  return s;
}

/** Σ_i p_i^a over p_i > threshold. */
export function sumPow(p: usize, n: i32, a: f64, threshold: f64): f64 {
  let s = 0.0;
  for (let i = 0; i < n; i++) {
    const v = load<f64>(p + (<usize>i << 3));
    if (v > threshold) s += a == 2.0 ? v * v : Math.pow(v, a);
  }
  return s;
}

/** Direct Gaussian KDE sums: out[k] = Σ_i exp(−((p_k − x_i)/h)²/2). */
export function kdeDirect(x: usize, n: i32, p: usize, m: i32, h: f64, out: usize): void {
  const inv = 1.0 / h;
  for (let k = 0; k < m; k++) {
    const pk = load<f64>(p + (<usize>k << 3));
    let acc = 0.0;
    for (let i = 0; i < n; i++) {
      const u = (pk - load<f64>(x + (<usize>i << 3))) * inv;
      acc += Math.exp(-0.5 * u * u);
    }
    store<f64>(out + (<usize>k << 3), acc);
  }
}
