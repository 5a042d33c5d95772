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

/**
 * A cached view that re-makes itself after memory growth (a view on a detached buffer has
 * length 0; the check reads `length`, which V8 inlines, not `byteLength`/`byteOffset`, which cost 12–18 ns each on
 * a view of WASM memory — 100 ns of a small transform's call). `view` is the last view handed out, so callers can recognise it without a
 * `.buffer` lookup.
 */
export class LiveView {
  view: Float64Array | null = null;
  constructor(readonly ptr: number, readonly length: number) {}
  get(): Float64Array {
    const v = this.view;
    if (v !== null && v.length !== 0) return v;
    return (this.view = new Float64Array(memoryBuffer(), this.ptr, this.length));
  }
  /** Byte offset of `a` if it lives in WASM memory, else -1. */
  static pointerOf(a: Float64Array, own: LiveView): number {
    if (a === own.view && a.length !== 0) return own.ptr;
    return a.buffer === memoryBuffer() ? a.byteOffset : -1;
  }
}
