/**
 * Oracles for FFT tests: a naive O(n²) DFT with exactly reduced angles (2π·(jk mod n)/n) and
 * Neumaier-compensated sums, so its own error is ~ε‖x‖ — well below the FFT bound being tested.
 */

function neumaier() {
  let s = 0, c = 0;
  return {
    add(v: number) {
      const t = s + v;
      c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
      s = t;
    },
    get value() { return s + c; },
  };
}

/** Bin k of the DFT of interleaved complex x (sign −1 forward, +1 inverse without 1/n). */
export function dftBin(x: Float64Array, k: number, sign = -1): [number, number] {
  const n = x.length / 2;
  const re = neumaier(), im = neumaier();
  for (let j = 0; j < n; j++) {
    const a = (sign * 2 * Math.PI * ((j * k) % n)) / n;
    const c = Math.cos(a), s = Math.sin(a);
    const xr = x[2 * j], xi = x[2 * j + 1];
    re.add(xr * c); re.add(-xi * s);
    im.add(xr * s); im.add(xi * c);
  }
  return [re.value, im.value];
}

/** Full naive DFT (complex interleaved). */
export function dft(x: Float64Array, sign = -1): Float64Array {
  const n = x.length / 2;
  const out = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    const [r, i] = dftBin(x, k, sign);
    out[2 * k] = r; out[2 * k + 1] = i;
  }
  return out;
}

/** Euclidean norm. */
export function norm(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}

/** Seeded uniform [-1, 1) values (mulberry32), so failures reproduce. */
export function randomArray(len: number, seed: number): Float64Array {
  let a = seed >>> 0;
  const out = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return out;
}

export const EPS = 2 ** -52;

/** The FFT accuracy bound used throughout: c·log2(n)·ε relative to ‖x‖ (with log2 n ≥ 1). */
export function fftBound(n: number, c = 2): number {
  return c * Math.max(1, Math.log2(n)) * EPS;
}
