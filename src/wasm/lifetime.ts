/**
 * Lifetimes of JS objects that own WASM memory (model runs, metric work spaces). `dispose()` frees at once and
 * deterministically; an object dropped without it is freed when the garbage collector reclaims it (a
 * FinalizationRegistry — Cloudflare Workers have none, there only dispose() frees). After dispose(), or after a
 * later init() replaced the instance the object's pointers refer to, every use throws instead of reading freed or
 * foreign memory.
 */
import { currentGeneration } from "./load.js";

const registry = typeof FinalizationRegistry === "function"
  ? new FinalizationRegistry<Lifetime>((l) => { try { l.release(); } catch { /* the instance is gone */ } })
  : null;

/**
 * The WASM memory of one owner. `free` must not reference the owner (the registry holds it strongly, so the
 * owner would never be collected): build it in a module-level function from the pointers (or a record of them).
 */
export class Lifetime {
  /** The init() generation the pointers belong to. */
  readonly gen = currentGeneration();
  private free: (() => void) | null;

  constructor(owner: object, free: () => void) {
    this.free = free;
    registry?.register(owner, this, this);
  }

  /** True after release() (dispose). */
  get released(): boolean { return this.free === null; }

  /** Throws when the owner was disposed or belongs to an earlier init(); `remedy` says how to get a new one. */
  check(what: string, remedy: string): void {
    if (this.free === null) throw new Error(`${what}: this run was disposed; ${remedy}`);
    if (this.gen !== currentGeneration()) throw new Error(`${what}: this run belongs to an earlier init(); ${remedy} after init()`);
  }

  /** Frees the memory once (no-op afterwards; memory of an earlier init() went with its instance). */
  release(): void {
    const f = this.free;
    if (f === null) return;
    this.free = null;
    registry?.unregister(this);
    if (this.gen === currentGeneration()) f();
  }
}
