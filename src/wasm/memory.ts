/**
 * Views on WASM memory. Growing memory (creating a plan may grow it) detaches every earlier
 * ArrayBuffer. Reading `memory.buffer` is a host call (tens of ns), so the current buffer is cached
 * and re-read only when the cached one is detached (byteLength 0) — a cheap check per transform.
 */
import { kernel, currentGeneration } from "./load.js";

let cached: ArrayBuffer | null = null;
let cachedGen = -1;

/** The live ArrayBuffer of WASM memory. */
export function memoryBuffer(): ArrayBuffer {
  if (cached === null || cached.byteLength === 0 || cachedGen !== currentGeneration()) {
    cached = kernel().memory.buffer;
    cachedGen = currentGeneration();
  }
  return cached;
}

/** A Float64Array view of `length` doubles at byte offset `ptr`, valid until memory next grows. */
export function f64At(ptr: number, length: number): Float64Array {
  return new Float64Array(memoryBuffer(), ptr, length);
}

/** True when `a` is a view on the current WASM memory (so it can be passed by pointer). */
export function inWasm(a: ArrayBufferView): boolean {
  return a.buffer === memoryBuffer();
}

/** A cached view that re-makes itself after memory growth. */
export class LiveView {
  private view: Float64Array | null = null;
  constructor(readonly ptr: number, readonly length: number) {}
  get(): Float64Array {
    const v = this.view;
    if (v !== null && v.byteLength !== 0 && v.buffer === cached) return v;
    return (this.view = new Float64Array(memoryBuffer(), this.ptr, this.length));
  }
}
