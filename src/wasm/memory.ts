/**
 * Views on WASM memory. Growing memory (any plan creation may grow it) detaches every earlier
 * ArrayBuffer, so views are re-made whenever `view.buffer !== memory.buffer`.
 */
import { kernel } from "./load.js";

/** A Float64Array view of `length` doubles at byte offset `ptr`, valid until memory next grows. */
export function f64At(ptr: number, length: number): Float64Array {
  return new Float64Array(kernel().memory.buffer, ptr, length);
}

/** True when `a` is a view on the current WASM memory (so it can be passed by pointer). */
export function inWasm(a: ArrayBufferView): boolean {
  return a.buffer === kernel().memory.buffer;
}

/** A cached view that refreshes itself after memory growth. */
export class LiveView {
  private view: Float64Array | null = null;
  constructor(readonly ptr: number, readonly length: number) {}
  get(): Float64Array {
    const buf = kernel().memory.buffer;
    if (this.view === null || this.view.buffer !== buf) this.view = new Float64Array(buf, this.ptr, this.length);
    return this.view;
  }
}
