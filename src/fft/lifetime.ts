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

/** Returns ptr if the object is usable, else throws an Error that says how to fix it. */
export function ownerCheck(ptr: number, gen: number, where: string, remake: string): number {
  if (ptr === 0) throw new Error(`${where}: the plan was disposed; create a new one with ${remake}`);
  if (gen !== currentGeneration()) {
    throw new Error(`${where}: the plan belongs to an earlier init(); create a new one with ${remake} after init()`);
  }
  return ptr;
}
