/**
 * numpy-style one-call transforms that allocate their result. Plans are cached per length (up to
 * 8, least recently used first out) and dropped on init(); for repeated transforms of one size,
 * a plan with caller-owned buffers is faster and allocation-free.
 */
import { onReset, kernel } from "../wasm/load.js";
import { describe, checkNumberEntries } from "../validate.js";
import { FFTPlan } from "./complex-plan.js";
import { RealFFTPlan } from "./real-plan.js";

const CACHE_MAX = 8;
const cache = new Map<string, FFTPlan | RealFFTPlan>();
onReset(() => cache.clear());

function cached<T extends FFTPlan | RealFFTPlan>(key: string, make: () => T): T {
  let p = cache.get(key) as T | undefined;
  if (p !== undefined && !p.disposed) {
    cache.delete(key);
    cache.set(key, p);
    return p;
  }
  p = make();
  cache.set(key, p);
  if (cache.size > CACHE_MAX) {
    const [oldKey, old] = cache.entries().next().value as [string, FFTPlan | RealFFTPlan];
    cache.delete(oldKey);
    old.dispose();
  }
  return p;
}

/**
 * x as a Float64Array. Entries of plain arrays must be numbers (Float64Array.from turns "a" into NaN). A view
 * on WASM memory is copied: creating the plan may grow memory, which detaches it.
 */
function toF64(where: string, name: string, x: unknown): Float64Array {
  if (x instanceof Float64Array) return x.buffer === kernel().memory.buffer ? x.slice() : x;
  if (Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView))) {
    checkNumberEntries(where, name, x as ArrayLike<unknown>);
    return Float64Array.from(x as ArrayLike<number>);
  }
  throw new TypeError(`${where}: ${name} must be a Float64Array or an array of numbers, got ${describe(x)}`);
}

function complexLength(where: string, x: Float64Array): number {
  if (x.length === 0 || x.length % 2 !== 0) {
    throw new RangeError(`${where}: x must hold interleaved complex values [re, im, …] (even length ≥ 2), got length ${x.length}`);
  }
  return x.length / 2;
}

/**
 * Forward complex FFT of interleaved `x` (length 2n), returned as a new Float64Array (numpy `fft.fft`).
 *
 * @example
 * fft.fft([1, 0, 2, 0, 3, 0, 4, 0]);   // => Float64Array [10, 0, -2, 2, -2, 0, -2, -2]
 */
export function fft(x: Float64Array | ArrayLike<number>): Float64Array {
  const a = toF64("fft.fft(x)", "x", x);
  const n = complexLength("fft.fft(x)", a);
  return cached(`c${n}`, () => new FFTPlan(n)).forward(new Float64Array(2 * n), a);
}

/**
 * Inverse complex FFT (with 1/n) of interleaved `X`, as a new Float64Array (numpy `fft.ifft`).
 *
 * @example
 * fft.ifft(fft.fft([1, 0, 2, 0]));   // => Float64Array [1, 0, 2, 0]
 */
export function ifft(X: Float64Array | ArrayLike<number>): Float64Array {
  const a = toF64("fft.ifft(X)", "X", X);
  const n = complexLength("fft.ifft(X)", a);
  return cached(`c${n}`, () => new FFTPlan(n)).inverse(new Float64Array(2 * n), a);
}

/**
 * FFT of n real samples: ⌊n/2⌋+1 complex bins, interleaved (numpy `fft.rfft`).
 *
 * @example
 * fft.rfft([1, 2, 3, 4]);   // => Float64Array [10, 0, -2, 2, -2, 0]
 */
export function rfft(x: Float64Array | ArrayLike<number>): Float64Array {
  const a = toF64("fft.rfft(x)", "x", x);
  if (a.length === 0) throw new RangeError("fft.rfft(x): x must hold at least one sample, got length 0");
  const p = cached(`r${a.length}`, () => new RealFFTPlan(a.length));
  return p.forward(new Float64Array(2 * p.bins), a);
}

/**
 * Inverse of {@link rfft}: n real samples from ⌊n/2⌋+1 bins (numpy `fft.irfft`). `n` defaults to
 * 2·(bins − 1); bins beyond ⌊n/2⌋+1 are ignored and missing ones are taken as zero, as numpy does.
 *
 * @example
 * fft.irfft(fft.rfft([1, 2, 3, 4]));      // => Float64Array [1, 2, 3, 4]
 * fft.irfft(fft.rfft([1, 2, 3]), 3);      // odd lengths need n
 */
export function irfft(X: Float64Array | ArrayLike<number>, n?: number): Float64Array {
  const a = toF64("fft.irfft(X, n)", "X", X);
  if (a.length < 2 || a.length % 2 !== 0) {
    throw new RangeError(`fft.irfft(X, n): X must hold interleaved complex bins (even length ≥ 2), got length ${a.length}`);
  }
  const bins = a.length / 2;
  const len = n ?? 2 * (bins - 1);
  if (!Number.isInteger(len) || len < 1) {
    throw new RangeError(`fft.irfft(X, n): n must be a positive integer, got ${describe(n ?? len)}; pass n explicitly (e.g. the original signal length)`);
  }
  const p = cached(`r${len}`, () => new RealFFTPlan(len));
  let spec = a;
  if (bins !== p.bins) {
    spec = new Float64Array(2 * p.bins);
    spec.set(a.subarray(0, Math.min(a.length, spec.length)));
  }
  return p.inverse(new Float64Array(len), spec);
}
