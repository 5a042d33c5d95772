/**
 * Complex FFT plans: X_k = Σ_j x_j e^{−2πijk/n} (forward, unnormalised) and
 * x_j = (1/n) Σ_k X_k e^{+2πijk/n} (inverse) — numpy's convention. Any n ≥ 1: Stockham passes
 * of radix 4/2/3/5 and generic odd primes, or Bluestein when n has a prime factor too large for that
 * (numpy's own choice of path, docs/fft.md). Data are interleaved [re, im, …] f64.
 */
import { kernel, currentGeneration } from "../wasm/load.js";
import { LiveView } from "../wasm/memory.js";
import { transfer } from "./transfer.js";
import { checkF64, checkInt } from "../validate.js";
import { planRegistry, usable, unusableError } from "./lifetime.js";

/** Largest supported transform length (memory: ~80 bytes per point, Bluestein ~4× more). */
export const MAX_N = 1 << 24;

/**
 * A complex FFT plan of length n. Create with {@link plan}; free with {@link FFTPlan.dispose}.
 *
 * @example
 * const p = fft.plan(4);
 * const out = new Float64Array(8);
 * p.forward(out, Float64Array.of(1, 0, 2, 0, 3, 0, 4, 0));
 * // out => Float64Array [10, 0, -2, 2, -2, 0, -2, -2]
 * p.dispose();
 */
export class FFTPlan {
  /** Number of complex points. */
  readonly n: number;
  /**
   * "stockham" when n runs as radix passes (every 2^a·3^b·5^c, every n < 50, and any n whose large
   * prime factors are cheaper done directly, e.g. 97 or 4095); "bluestein" otherwise (e.g. 127, 1009).
   */
  readonly algorithm: "stockham" | "bluestein";
  private ptr: number;
  private readonly gen: number;
  private readonly inView: LiveView;
  private readonly outView: LiveView;

  /** @internal use {@link plan}. */
  constructor(n: number) {
    checkInt("fft.plan(n): n", n, 1, MAX_N, "use a positive integer length (any n works; 2^a·3^b·5^c is fastest)");
    const k = kernel();
    let ptr: number;
    try {
      ptr = k.fftPlanCreate(n);
    } catch (e) {
      throw new Error(`fft.plan(${n}): could not reserve WASM memory for the plan (${(e as Error).message}); use a smaller n`);
    }
    this.n = n;
    this.ptr = ptr;
    this.gen = currentGeneration();
    this.algorithm = k.fftPlanKind(ptr) === 1 ? "bluestein" : "stockham";
    this.inView = new LiveView(k.fftPlanInput(ptr), 2 * n);
    this.outView = new LiveView(k.fftPlanOutput(ptr), 2 * n);
    planRegistry.register(this, { ptr, gen: this.gen, free: (p) => kernel().fftPlanFree(p) }, this);
  }

  private live(where: string): number {
    if (usable(this.ptr, this.gen)) return this.ptr;
    throw unusableError(this.ptr, `FFTPlan(n=${this.n}).${where}`, `fft.plan(${this.n})`);
  }

  private checkArgs(where: string, out: unknown, input: unknown): void {
    const len = 2 * this.n;
    if (out instanceof Float64Array && input instanceof Float64Array && out.length === len && input.length === len) return;
    const w = `FFTPlan(n=${this.n}).${where}`;
    const meaning = `${this.n} complex values interleaved [re, im, …]`;
    checkF64(w, "out", out, len, meaning);
    checkF64(w, "input", input, len, meaning);
  }

  /**
   * The plan's input buffer: a Float64Array of 2n aliasing WASM memory. Fill it and pass it to
   * `forward`/`inverse` to skip the copy-in. Re-read this getter after creating other plans: memory
   * growth detaches older views.
   */
  get input(): Float64Array {
    this.live("input");
    return this.inView.get();
  }

  /** The plan's output buffer (2n doubles, aliasing WASM memory); pass it as `out` to skip the copy-out. */
  get output(): Float64Array {
    this.live("output");
    return this.outView.get();
  }

  /** True once {@link FFTPlan.dispose} has run. */
  get disposed(): boolean {
    return this.ptr === 0;
  }

  /**
   * out = FFT(input), unnormalised. Both are Float64Arrays of 2n (interleaved complex). Arrays that
   * live in WASM memory (e.g. `plan.input`, `plan.output`) are used in place; others are copied in or
   * out. `input` is never modified. Ordinary arrays may be the same array (`out === input`);
   * WASM-memory arrays must not overlap. Returns `out`.
   */
  forward(out: Float64Array, input: Float64Array): Float64Array {
    return this.run(out, input, false);
  }

  /** out = IFFT(input) including the 1/n factor (numpy's `ifft`). Same rules as {@link FFTPlan.forward}. */
  inverse(out: Float64Array, input: Float64Array): Float64Array {
    return this.run(out, input, true);
  }

  private run(out: Float64Array, input: Float64Array, inv: boolean): Float64Array {
    const where = inv ? "inverse(out, input)" : "forward(out, input)";
    const ptr = this.live(where);
    this.checkArgs(where, out, input);
    const k = kernel();
    return transfer(inv ? k.fftInverse : k.fftForward, ptr, input, this.inView, out, this.outView, () => `FFTPlan(n=${this.n}).${where}`);
  }

  /** Frees the plan's WASM memory. Idempotent; any later use throws. */
  dispose(): void {
    if (this.ptr !== 0 && this.gen === currentGeneration()) kernel().fftPlanFree(this.ptr);
    this.ptr = 0;
    planRegistry.unregister(this);
  }
}

/**
 * Creates a complex FFT plan of length n ≥ 1 (see {@link FFTPlan}). Plans own WASM memory:
 * call `dispose()` when done (a forgotten plan is freed when garbage-collected).
 *
 * @example
 * const p = fft.plan(4096);
 * p.input.set(signal);                 // zero-copy: fill the WASM-resident input
 * p.forward(p.output, p.input);        // spectrum in p.output
 * p.dispose();
 */
export function plan(n: number): FFTPlan {
  return new FFTPlan(n);
}
