// fft-gen-exact.mjs — exact constants for the FFT generators (gen-fft-odd.mjs, gen-fft-mixed.mjs via fft-mixed-dft.mjs):
// 256-bit fixed-point arithmetic in BigInt — π by Machin's formula π = 16·atan(1/5) − 4·atan(1/239), cos/sin of 2πj/r
// by their Taylor series — and one correctly rounded conversion to a double each, so the generated constants
// depend on nothing but this file.
export const F = 256n;
export const ONE = 1n << F;
function atanInv(x) {
  const xb = BigInt(x), x2 = xb * xb;
  let term = ONE / xb, sum = term, k = 1n, sign = -1n;
  for (;;) { term /= x2; const t = term / (2n * k + 1n); if (t === 0n) break; sum += sign * t; sign = -sign; k++; }
  return sum;
}
export const PI = 16n * atanInv(5) - 4n * atanInv(239);      // Machin
/** [cos θ, sin θ] in fixed point for θ = 2πj/r (Taylor series; |θ| ≤ π, 256 fraction bits). */
export function cisFixed(j, r) {
  const th = (2n * PI * BigInt(j)) / BigInt(r);
  let c = 0n, s = 0n, term = ONE;                     // term = θ^p / p!
  for (let p = 0n; term !== 0n; p++) {
    if (p % 4n === 0n) c += term; else if (p % 4n === 1n) s += term;
    else if (p % 4n === 2n) c -= term; else s -= term;
    term = ((term * th) >> F) / (p + 1n);
  }
  return [c, s];
}
/** Correctly rounded double of a fixed-point value (Number(BigInt) rounds to nearest; 2^-256 is exact). */
export const toDouble = (v) => Number(v) / 2 ** 256;
