/**
 * The copy-in / kernel / copy-out step shared by every plan: arrays already in WASM memory are passed
 * by pointer (zero copy); others are staged through the plan's own buffers. No allocation.
 */
import { LiveView } from "../wasm/memory.js";

/** A kernel entry point `(plan, inPtr, outPtr) => void`. */
export type Kernel3 = (plan: number, inPtr: number, outPtr: number) => void;

/** Runs `kernel(plan, in, out)`; throws if WASM-resident `input` and `out` overlap. Returns `out`. */
export function transfer(
  kernel: Kernel3, plan: number,
  input: Float64Array, inView: LiveView,
  out: Float64Array, outView: LiveView,
  where: () => string,
): Float64Array {
  let inPtr = LiveView.pointerOf(input, inView);
  if (inPtr < 0) {
    inPtr = inView.ptr;
    inView.get().set(input);
  }
  let outPtr = LiveView.pointerOf(out, outView);
  const outInWasm = outPtr >= 0;
  if (!outInWasm) outPtr = outView.ptr;
  if (outInWasm && inPtr < outPtr + 8 * out.length && outPtr < inPtr + 8 * input.length) {
    throw new Error(`${where()}: the two arrays overlap in WASM memory; the transform is out-of-place — use the plan's own buffers or separate arrays`);
  }
  kernel(plan, inPtr, outPtr);
  if (!outInWasm) out.set(outView.get());
  return out;
}
