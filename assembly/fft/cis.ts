// cis.ts — exact-as-possible roots of unity for FFT twiddles and Bluestein chirps.
//
// cisTurn(j, N) sets COS = cos(2πj/N), SIN = sin(2πj/N). The angle is reduced in integers first
// (quadrant q = ⌊4j/N⌋, then reflected to an angle ≤ π/4), so special values are exact
// (w^{N/4} = -i, w^{N/2} = -1) and the error stays ≤ 1 ulp for every N < 2^32, whereas
// cos(2π·j/N) evaluated directly loses accuracy as the argument grows. For N not a power of two
// the reduced angle is also carried in double-double (cisAccurate), leaving only musl's cos/sin
// error. Uses AssemblyScript's NativeMath (a musl port), never a host Math import, so every engine
// gets the same bits.

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
  } else if ((N & (N - 1)) != 0) {
    // N not a power of two: r/N is inexact, so take the angle in double-double (see cisAccurate)
    if ((r << 1) <= N) { cisAccurate(r, N); c = AC; s = AS; }
    else { cisAccurate(N - r, N); c = AS; s = AC; }
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

// π/2 = HALF_PI + HALF_PI_LO (HALF_PI_LO = 6.123e-17), and Veltkamp's splitter 2^27 + 1
const HALF_PI_LO: f64 = 6.123233995736766e-17;
const SPLIT: f64 = 134217729.0;
let AC: f64 = 1.0;
let AS: f64 = 0.0;

// @ts-ignore: decorator
@inline function hiPart(a: f64): f64 { const t = SPLIT * a; return t - (t - a); }

/** Error of the rounded product p = fl(a·b): a·b − p exactly (Dekker's TwoProduct, no FMA). */
// @ts-ignore: decorator
@inline function prodErr(a: f64, b: f64, p: f64): f64 {
  const ah = hiPart(a), al = a - ah, bh = hiPart(b), bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/**
 * AC = cos θ, AS = sin θ for θ = (π/2)·r/N ≤ π/4 (0 < 2r ≤ N), with θ carried in double-double:
 * q = r/N = qh + ql (ql from the exact residual r − qh·N), θ = π/2·q = th + tl, then
 * cos θ ≈ cos th − tl·sin th, sin θ ≈ sin th + tl·cos th (|tl| ≤ ulp(th)/2, so the dropped terms are
 * below 2^-106). The rounded r/N and π/2 alone cost up to ~1.5 ulp in θ; this leaves only the
 * error of NativeMath's cos/sin (< 1 ulp). Used for every N that is not a power of two (Bluestein
 * chirps, twiddles of 3/5/generic passes); power-of-two N keep the single-rounding path above, so
 * the radix-2^k transforms round exactly as before.
 */
function cisAccurate(r: u64, N: u64): void {
  const fr = <f64>r, fN = <f64>N;                     // exact: r, N < 2^53
  const qh = fr / fN;
  const ph = qh * fN;
  const ql = ((fr - ph) - prodErr(qh, fN, ph)) / fN;    // fr − ph is exact (Sterbenz)
  const th0 = HALF_PI * qh;
  const tl0 = prodErr(HALF_PI, qh, th0) + (HALF_PI * ql + HALF_PI_LO * qh);
  const th = th0 + tl0;
  const tl = tl0 - (th - th0);
  const c = Math.cos(th), s = Math.sin(th);
  AC = c - tl * s;
  AS = s + tl * c;
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
