/**
 * Elementary functions evaluated inside WASM (AssemblyScript's musl-derived Math), so analysis results are
 * bit-identical on every engine (host Math.log/exp/atan2 differ between V8 versions), and helpers that run
 * whole array reductions in WASM (one call, one copy in).
 */
import { kernel } from "../wasm/load.js";
import { memoryBuffer } from "../wasm/memory.js";

export const log = (x: number): number => kernel().mathLog(x);
export const log1p = (x: number): number => kernel().mathLog1p(x);
export const exp = (x: number): number => kernel().mathExp(x);
export const pow = (x: number, y: number): number => kernel().mathPow(x, y);
export const atan2 = (y: number, x: number): number => kernel().mathAtan2(y, x);
export const sin = (x: number): number => kernel().mathSin(x);
export const cos = (x: number): number => kernel().mathCos(x);
export const hypot = (x: number, y: number): number => kernel().mathHypot(x, y);

/**
 * `a` itself, or a copy of it when it is a view on WASM memory (e.g. the `psi` of an nlse.simulate
 * snapshot): any later allocation may grow memory and detach such a view, after which it reads as empty.
 */
export function offWasm<T extends ArrayLike<number>>(a: T): T {
  if (ArrayBuffer.isView(a) && (a as unknown as Float64Array).buffer === kernel().memory.buffer) {
    return (a as unknown as Float64Array).slice() as unknown as T;
  }
  return a;
}

/** Copies `a` into temporary WASM memory, runs f(ptr), frees. */
export function withArray<T>(a: ArrayLike<number>, extraBytes: number, f: (ptr: number) => T): T {
  const k = kernel();
  a = offWasm(a);   // before alloc, which may detach a view on memory
  const ptr = k.alloc(8 * a.length + extraBytes);
  try {
    new Float64Array(memoryBuffer(), ptr, a.length).set(a);
    return f(ptr);
  } finally {
    k.free(ptr);
  }
}

/** Σ p ln p over p > threshold. */
export function sumPLogP(p: ArrayLike<number>, threshold: number): number {
  return withArray(p, 0, (ptr) => kernel().sumPLogP(ptr, p.length, threshold));
}

/** Σ p^a over p > threshold. */
export function sumPow(p: ArrayLike<number>, a: number, threshold: number): number {
  return withArray(p, 0, (ptr) => kernel().sumPow(ptr, p.length, a, threshold));
}
