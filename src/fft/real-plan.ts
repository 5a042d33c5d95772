/**
 * Real-input FFT plans: spectrum X_k = Σ_j x_j e^{−2πijk/n} for k = 0..⌊n/2⌋ (numpy's `rfft`), and
 * the inverse (numpy's `irfft`, which ignores Im X_0 and, for even n, Im X_{n/2}). Even n runs as
 * one complex FFT of n/2 points plus an O(n) split; odd n through a complex plan of n points.
 */
import { kernel, currentGeneration } from "../wasm/load.js";
import { LiveView } from "../wasm/memory.js";
import { transfer } from "./transfer.js";
import { checkF64, checkInt } from "../validate.js";
import { planRegistry, usable, unusableError } from "./lifetime.js";
import { MAX_N } from "./complex-plan.js";

/**
 * A real FFT plan of length n. Create with {@link realPlan}.
 *
 * @example
 * const p = fft.realPlan(4);
 * const spec = new Float64Array(6);          // 3 complex bins
 * p.forward(spec, Float64Array.of(1, 2, 3, 4));
 * // spec => Float64Array [10, 0, -2, 2, -2, 0]
 * const x = new Float64Array(4);
 * p.inverse(x, spec);                        // x => [1, 2, 3, 4]
 * p.dispose();
 */
export class RealFFTPlan {
  /** Number of real samples. */
  readonly n: number;
  /** Number of complex bins in the half spectrum, ⌊n/2⌋ + 1. */
  readonly bins: number;
  private ptr: number;
  private readonly gen: number;
  private readonly realView: LiveView;
  private readonly specView: LiveView;

  /** @internal use {@link realPlan}. */
  constructor(n: number) {
    checkInt("fft.realPlan(n): n", n, 1, MAX_N, "use a positive integer length (even n is twice as fast)");
    const k = kernel();
    let ptr: number;
    try {
      ptr = k.rfftPlanCreate(n);
    } catch (e) {
      throw new Error(`fft.realPlan(${n}): could not reserve WASM memory for the plan (${(e as Error).message}); use a smaller n`);
    }
    this.n = n;
    this.bins = (n >> 1) + 1;
    this.ptr = ptr;
    this.gen = currentGeneration();
    this.realView = new LiveView(k.rfftPlanReal(ptr), n);
    this.specView = new LiveView(k.rfftPlanSpectrum(ptr), 2 * this.bins);
    planRegistry.register(this, { ptr, gen: this.gen, free: (p) => kernel().rfftPlanFree(p) }, this);
  }

  private live(where: string): number {
    if (usable(this.ptr, this.gen)) return this.ptr;
    throw unusableError(this.ptr, `RealFFTPlan(n=${this.n}).${where}`, `fft.realPlan(${this.n})`);
  }

  private checkArgs(where: string, x: unknown, spectrum: unknown): void {
    if (x instanceof Float64Array && spectrum instanceof Float64Array && x.length === this.n && spectrum.length === 2 * this.bins) return;
    const w = `RealFFTPlan(n=${this.n}).${where}`;
    const specMeaning = `${this.bins} complex bins interleaved [re, im, …]`;
    if (where.startsWith("forward")) {
      checkF64(w, "spectrum", spectrum, 2 * this.bins, specMeaning);
      checkF64(w, "x", x, this.n, `${this.n} real samples`);
    } else {
      checkF64(w, "x", x, this.n, `${this.n} real samples`);
      checkF64(w, "spectrum", spectrum, 2 * this.bins, specMeaning);
    }
  }

  /** The plan's n-sample real buffer (aliases WASM memory; re-read after creating other plans). */
  get real(): Float64Array {
    this.live("real");
    return this.realView.get();
  }

  /** The plan's spectrum buffer: 2·bins doubles, interleaved complex (aliases WASM memory). */
  get spectrum(): Float64Array {
    this.live("spectrum");
    return this.specView.get();
  }

  /** True once {@link RealFFTPlan.dispose} has run. */
  get disposed(): boolean {
    return this.ptr === 0;
  }

  /**
   * spectrum = rfft(x): `x` holds n reals, `spectrum` receives ⌊n/2⌋+1 complex bins (2·bins
   * doubles). WASM-resident arrays (`plan.real`, `plan.spectrum`) are used without copies. Returns `spectrum`.
   */
  forward(spectrum: Float64Array, x: Float64Array): Float64Array {
    const ptr = this.live("forward(spectrum, x)");
    this.checkArgs("forward(spectrum, x)", x, spectrum);
    const k = kernel();
    return transfer(k.rfftForward, ptr, x, this.realView, spectrum, this.specView, () => `RealFFTPlan(n=${this.n}).forward(spectrum, x)`);
  }

  /** x = irfft(spectrum, n), including 1/n. `spectrum` is not modified. Returns `x`. */
  inverse(x: Float64Array, spectrum: Float64Array): Float64Array {
    const ptr = this.live("inverse(x, spectrum)");
    this.checkArgs("inverse(x, spectrum)", x, spectrum);
    const k = kernel();
    return transfer(k.rfftInverse, ptr, spectrum, this.specView, x, this.realView, () => `RealFFTPlan(n=${this.n}).inverse(x, spectrum)`);
  }

  /** Frees the plan's WASM memory. Idempotent; any later use throws. */
  dispose(): void {
    if (this.ptr !== 0 && this.gen === currentGeneration()) kernel().rfftPlanFree(this.ptr);
    this.ptr = 0;
    planRegistry.unregister(this);
  }
}

/**
 * Creates a real FFT plan of length n ≥ 1 (see {@link RealFFTPlan}).
 *
 * @example
 * const p = fft.realPlan(1024);
 * const spec = p.forward(new Float64Array(2 * p.bins), signal);
 */
export function realPlan(n: number): RealFFTPlan {
  return new RealFFTPlan(n);
}
