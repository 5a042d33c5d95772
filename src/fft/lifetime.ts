/** Plan lifetime: use-after-dispose / stale-init checks, and freeing forgotten plans on GC. */
import { currentGeneration } from "../wasm/load.js";

interface Held {
  ptr: number;
  gen: number;
  free: (ptr: number) => void;
}

function release(h: Held): void {
  if (h.gen === currentGeneration()) {
    try { h.free(h.ptr); } catch { /* instance gone */ }
  }
}

/**
 * Frees plans that were garbage-collected without dispose() (same init generation only). Cloudflare
 * Workers have no FinalizationRegistry; there only dispose() frees.
 */
export const planRegistry: Pick<FinalizationRegistry<Held>, "register" | "unregister"> =
  typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry<Held>(release)
    : { register() {}, unregister() { return false; } };

/** True if a plan with this pointer and init generation is usable (hot path: no strings built). */
export function usable(ptr: number, gen: number): boolean {
  return ptr !== 0 && gen === currentGeneration();
}

/** The Error for an unusable plan, saying how to fix it. */
export function unusableError(ptr: number, where: string, remake: string): Error {
  if (ptr === 0) return new Error(`${where}: the plan was disposed; create a new one with ${remake}`);
  return new Error(`${where}: the plan belongs to an earlier init(); create a new one with ${remake} after init()`);
}
