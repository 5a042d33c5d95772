// index.ts — the one export surface of the samudra WASM module. Kernels only: pointers, lengths,
// strides. Built twice from this source: `simd` (--enable simd, f64x2 kernels) and `scalar`.

/** 1 in the SIMD build, 0 in the scalar build (lets the loader report what it instantiated). */
export const SIMD: i32 = ASC_FEATURE_SIMD ? 1 : 0;

/** Raw allocation for callers that keep arrays in WASM memory (zero-copy). 16-byte aligned. */
export function alloc(bytes: usize): usize {
  const p = heap.alloc(bytes);
  memory.fill(p, 0, bytes);
  return p;
}
export function free(ptr: usize): void { heap.free(ptr); }

/** Debug aid: raises a WASM abort with a message (tests the abort → JS Error path). */
export function abortForTest(code: i32): void {
  assert(code != 42, "abortForTest: code 42 requested");
}

export * from "./fft/index";
export * from "./ode/index";
export { sampenCounts } from "./analysis/sampen";
export * from "./analysis/math";
export { mtSeed, mtNext, mtDouble, mtGauss, mtGaussFill } from "./random/mt19937";
export * from "./spectral/index";
export * from "./neighbors/index";
export * from "./school/index";
