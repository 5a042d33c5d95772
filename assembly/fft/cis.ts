// cis.ts — exact-as-possible roots of unity for FFT twiddles and Bluestein chirps.
//
// cisTurn(j, N) sets COS = cos(2πj/N), SIN = sin(2πj/N). The angle is reduced in integers first
// (quadrant q = ⌊4j/N⌋, then reflected to an angle ≤ π/4), so special values are exact
// (w^{N/4} = -i, w^{N/2} = -1) and the error stays ≤ 1 ulp for every N < 2^32, whereas
// cos(2π·j/N) evaluated directly loses accuracy as the argument grows. Uses AssemblyScript's
// NativeMath (a musl port), never a host Math import, so every engine gets the same bits.

export let COS: f64 = 1.0;
export let SIN: f64 = 0.0;

const HALF_PI: f64 = 1.5707963267948966;

export function cisTurn(j: u64, N: u64): void {
  j = j % N;
  const q = (j << 2) / N;                  // quadrant 0..3
  const r = (j << 2) - q * N;              // remainder in [0, N): angle within quadrant = (π/2)·r/N
  let c: f64, s: f64;
  if (r == 0) {
    c = 1.0; s = 0.0;
  } else if ((r << 1) <= N) {
    const x = HALF_PI * (<f64>r / <f64>N);
    c = Math.cos(x); s = Math.sin(x);
  } else {
    const x = HALF_PI * (<f64>(N - r) / <f64>N);
    c = Math.sin(x); s = Math.cos(x);
  }
  if (q == 0) { COS = c; SIN = s; }
  else if (q == 1) { COS = -s; SIN = c; }
  else if (q == 2) { COS = -c; SIN = -s; }
  else { COS = s; SIN = -c; }
}

/**
 * Writes w = exp(-2πi·j/N) in the "pre-splatted" layout every complex kernel reads:
 * [wr, wr, -wi, wi] (32 bytes), so a SIMD multiply a·w is a·[wr,wr] + swap(a)·[-wi,wi]
 * (2 mul, 1 add, 1 shuffle) and the scalar build performs the same lane operations.
 */
// @ts-ignore: decorator
@inline export function storeTwiddle(ptr: usize, wr: f64, wi: f64): void {
  store<f64>(ptr, wr);
  store<f64>(ptr, wr, 8);
  store<f64>(ptr, -wi, 16);
  store<f64>(ptr, wi, 24);
}
