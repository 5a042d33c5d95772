/**
 * Klein–Gordon model  φ_tt − φ_xx + V′(φ) = 0  (klein-gordon.md): the seed's leapfrog exactly (`legacy: true`:
 * end-point-inclusive grid, periodic with period nx·dx, adaptive Δt rule with its 5 %-threshold quirk, jittered
 * snapshot times) or, by default, fixed-step symplectic integrators (velocity Verlet; exact-linear-flow splittings of
 * order 2/4/6) on a proper periodic grid x_j = a + jL/N or a Neumann (DCT-I) grid. Forces and ICs run in WASM.
 * Diagnostics per snapshot: energy H, momentum P, zero crossings with sub-grid kink positions, max|φ|, energy
 * centroid, spectral tail fraction. A run ends early, keeping its frames, with status "budget" (maxSteps), "aborted"
 * (the AbortSignal, checked every CHUNK steps) or "non-finite" (checked every CHUNK steps and at every frame).
 */
import { kernel } from "../../wasm/load.js";
import { sgPairTau0, exactOf, setInitialField } from "./fields.js";
import { memoryBuffer, LiveView } from "../../wasm/memory.js";
import { Lifetime } from "../../wasm/lifetime.js";
import { resolveKg, maxFrequency, type KgOptions, type KgResolved } from "./options.js";
import { COMPOSITION_SCHEME } from "../compositions.js";
import { CHUNK, endMessage, type RunStatus } from "../../limits.js";

/** Spectral tail fraction above which a frame is flagged as under-resolved. */
export const KG_TAIL_ALARM = 1e-6;

/** One stored frame of a Klein–Gordon run, passed to the `simulate` callback and returned by `KgRun.step()`. */
export interface KgSnapshot {
  /** Frame number, 0 = the initial field. */
  index: number;
  /** Time of the frame. */
  t: number;
  /**
   * φ and φ_t at the snapshot (views on WASM memory, valid during the callback; re-made on each read if memory grew
   * meanwhile, e.g. by an analysis call, so read `s.phi` again rather than keeping the array).
   */
  phi: Float64Array;
  /** φ_t at the grid points (same view rules as `phi`). */
  phiT: Float64Array;
  /** max_j |φ − φ_exact| for cases with an exact solution (sg_breather, sg_kink, sg_kink_antikink, boosted φ⁴ kink), else NaN. */
  error: number;
  /** Energy H = Σ (φ_t²/2 + φ_x²/2 + V(φ)) dx (spectral φ_x); conserved. */
  energy: number;
  /** Field momentum P = −Σ φ_t φ_x dx; conserved on the periodic grid. */
  momentum: number;
  /** max_j |φ(x_j)|. */
  maxAbs: number;
  /** Energy centroid Σ x e(x) / Σ e(x) (x units). */
  centroid: number;
  /** Spectral tail fraction of φ (share of |φ̂|² above ⅔ k_max): above 1e-6 the grid does not resolve φ. */
  tailFraction: number;
  /** sub-grid positions where φ crosses 0 (φ⁴, linear) or an odd multiple of π (sine-Gordon). */
  kinks: number[];
  /** sign of each crossing in `kinks`: +1 where φ increases through it (kink), −1 where it decreases (antikink). */
  kinkSigns: number[];
  /** topological charge (φ(x_max) − φ(x_min))/(2v) for φ⁴, /(2π) for sine-Gordon, 0 for the linear field. */
  charge: number;
}

/** What `kleinGordon.simulate` returns (and `solve`, plus the frames): invariant series, errors, status, timing. */
export interface KgSummary {
  /** Case name. */
  case: string;
  /** True for a seed-parity run. */
  legacy: boolean;
  /** Integrator used (`"legacy"` for the seed's leapfrog). */
  method: string;
  /** Run name (file stems in the CLI). */
  scenarioName: string;
  /** Grid points x_j. */
  x: Float64Array;
  /** Frame times (nFrames + 1 when the run completed). */
  t: Float64Array;
  /** Time steps taken. */
  steps: number;
  /** Legacy adaptive Δt: how many times Δt changed (0 for corrected runs). */
  adaptations: number;
  /** First time step used. */
  dtInitial: number;
  /** Last time step used. */
  dtFinal: number;
  /** Legacy adaptive Δt: each change as { step, dt }. */
  dtHistory: Array<{ step: number; dt: number }>;
  /** "ok", or why the run ended early: "budget" (maxSteps), "aborted" (signal), "non-finite". */
  status: RunStatus;
  /** "completed", or what stopped the run, where, and the option to change. */
  message: string;
  /** The time the fields reached. */
  tReached: number;
  /** Largest spectral tail fraction over the frames (above 1e-6: under-resolved). */
  maxTailFraction: number;
  /** Resolution and other warnings about the results. */
  warnings: string[];
  /** Per frame max|φ − φ_exact| (cases with an exact solution), else null; maxError its maximum. */
  error: Float64Array | null;
  /** max over frames of `error`, or null without an exact solution. */
  maxError: number | null;
  /** Energy and momentum per frame, and their drift max_t |Q(t) − Q(0)| / |Q(0)| (absolute when |Q(0)| is ~0). */
  invariants: { energy: Float64Array; momentum: Float64Array; drift: { energy: number; momentum: number } };
  /** Wall-clock milliseconds of set-up and time stepping. */
  timing: { setupMs: number; integrateMs: number };
  /** The options after defaults and validation. */
  options: KgResolved;
}

const POT = { linear: 0, phi4: 1, sine_gordon: 2 } as const;

function kinksOf(phi: Float64Array, x: Float64Array, sg: boolean): { at: number[]; sign: number[] } {
  const at: number[] = [], sign: number[] = [];
  const inv2pi = 1 / (2 * Math.PI);
  let la = sg ? Math.floor((phi[0] + Math.PI) * inv2pi) : phi[0] >= 0 ? 1 : 0;
  for (let j = 1; j < phi.length; j++) {
    const b = phi[j];
    const lb = sg ? Math.floor((b + Math.PI) * inv2pi) : b >= 0 ? 1 : 0;
    if (la !== lb) {
      const a = phi[j - 1];
      const target = sg ? (2 * Math.max(la, lb) - 1) * Math.PI : 0;
      at.push(x[j - 1] + ((target - a) / (b - a)) * (x[j] - x[j - 1]));
      sign.push(b > a ? 1 : -1);
    }
    la = lb;
  }
  return { at, sign };
}

/** Corrected runs: the requested dt shrunk so that `sub` steps make one frame interval. */
function fixedStep(r: KgResolved): { sub: number; dt: number } {
  const interval = r.tFinal / r.nFrames, sub = Math.max(1, Math.ceil(interval / r.dt - 1e-9));
  return { sub, dt: interval / sub };
}

/**
 * One Klein–Gordon run, advanced frame by frame: `step()` returns the next stored frame (its φ/φ_t views valid until
 * the next call) or null at the end. WASM memory is held until `dispose()`.
 */
export class KgRun {
  /** The options after case defaults and validation. */
  readonly options: KgResolved;
  /** Grid points x_j. */
  readonly x: Float64Array;
  private readonly k = kernel();
  private readonly n: number;
  private readonly dx: number;
  private ctx: number;
  private buf: number;
  private split = 0;
  private readonly mem: KgMemory;
  private readonly life: Lifetime;
  private readonly gen: Generator<KgSnapshot, void, undefined>;
  private last: KgSnapshot | null = null;
  private finished = false;
  private status: RunStatus = "ok";
  private tNow = 0;
  private maxTail = 0;
  private steps = 0;
  private adaptations = 0;
  private dtInitial = 0;
  private dtFinal = 0;
  private readonly dtHistory: Array<{ step: number; dt: number }> = [];
  private readonly times: number[] = [];
  private readonly energy: number[] = [];
  private readonly momentum: number[] = [];
  private readonly setupMs: number;
  private integrateMs = 0;

  private readonly signal: AbortSignal | undefined;
  private readonly exact: ((t: number, X: number, out: number) => void) | null;
  private readonly errors: number[] = [];
  private readonly onProgress: ((p: { t: number; steps: number; stepSize: number }) => void) | undefined;

  constructor(o: KgOptions, private readonly where = "kleinGordon.create") {
    const t0 = performance.now();
    const r = (this.options = resolveKg(where, o));
    this.signal = o.signal;
    this.onProgress = o.onProgress;
    const k = this.k, n = (this.n = r.nx), L = r.xMax - r.xMin;
    const neumann = r.boundary === "neumann" && !r.legacy;
    const inclusive = r.legacy || neumann;
    const dx = (this.dx = inclusive ? L / (n - 1) : L / n);
    // legacy: numpy's linspace (a + j·((b − a)/(n − 1))); Neumann: both ends included; periodic: a + jL/n
    this.x = Float64Array.from({ length: n }, (_, j) => (r.legacy ? r.xMin + j * (L / (n - 1)) : inclusive ? r.xMin + (j * L) / (n - 1) : r.xMin + (j * L) / n));
    if (!r.legacy) {
      const dt = fixedStep(r).dt, w = maxFrequency(r);
      if (r.method === "verlet" && dt * w >= 2) {
        const given = Number.isNaN(r.cfl) ? `dt = ${r.dt}${dt !== r.dt ? ` (${dt} once rounded down so that frames fall on steps)` : ""}` : `cfl = ${r.cfl} (dt = ${dt})`;   // quote the user's value
        throw new RangeError(`${where}: ${given} is unstable for velocity Verlet on this grid (dt·√(k_max² + max V″) = ${(dt * w).toFixed(3)} ≥ 2); use dt < ${(2 / w).toPrecision(3)}`);
      }
    }
    this.ctx = k.kgCreate(n, dx, neumann ? 1 : 0, POT[r.potential], r.mass, r.lambda, r.vacuum);
    // [x | φ | φ_t | 3 work fields | 4 diagnostics | exact φ]
    this.buf = k.alloc(8 * (7 * n + 4));
    // freed by dispose() or, for a run dropped without it, when the run is garbage-collected
    this.mem = { ctx: this.ctx, buf: this.buf, split: 0 };
    this.life = new Lifetime(this, freeKg(this.mem));
    if (r.dealias !== "none") k.kgSetDealias(this.ctx, r.dealias === "two_thirds" ? 1 : 2);
    const X = this.buf, A = X + 8 * n, B = X + 16 * n;
    this.view(X).set(this.x);
    // initial condition into A (φ) and B (φ̇)
    const v = r.vacuum, delta = r.legacy ? Math.SQRT2 : Math.SQRT2 / (v * Math.sqrt(r.lambda));
    switch (r.icType) {
      case "gaussian": k.kgIcGaussian(X, n, r.amplitude, r.position, r.width, r.velocity, A, B); break;
      case "packet": k.kgIcPacket(X, n, r.amplitude, r.position, r.width, r.k0, r.potential === "linear" ? r.mass : 0, A, B); break;
      case "kink": k.kgIcKink(X, n, v, r.position, r.velocity, delta, A, B); break;
      case "breather":
        if (r.legacy) k.kgIcSeedBreather(X, n, r.frequency, r.position, A, B);
        else k.kgIcSgBreather(X, n, r.frequency, r.position, r.velocity, r.phase, A, B);
        break;
      case "kink_antikink": k.kgIcKinkAntikink(X, n, v, r.separation, r.velocity, delta, r.legacy ? 0 : 1, A, B); break;
      case "kink_pair": k.kgIcKinkAntikink(X, n, v, r.separation, 0, delta, 1, A, B); break;
      case "sg_kink": k.kgIcSgKink(X, n, r.position, r.velocity, r.sign, A, B); break;
      case "sg_kink_antikink": k.kgExactSgKinkAntikink(X, n, r.position, r.velocity, sgPairTau0(where, r), 0, A, B); break;
    }
    if (o.initialField !== undefined) setInitialField(where, o.initialField, this.view(A), this.view(B));
    this.exact = o.initialField === undefined ? exactOf(r) : null;
    if (!Number.isFinite(k.kgMaxAbs(A, n)) || !Number.isFinite(k.kgMaxAbs(B, n))) { this.dispose(); throw new RangeError(`${where}: the initial condition is not finite; check amplitude, width and velocity`); }
    this.gen = r.legacy ? this.legacyFrames() : this.fixedFrames();
    this.setupMs = performance.now() - t0;
  }

  private view(p: number): Float64Array { return new Float64Array(memoryBuffer(), p, this.n); }

  private frame(t: number, phi: number, phiT: number): KgSnapshot {
    const k = this.k, n = this.n, r = this.options, x = this.x, DIAG = this.buf + 48 * n;
    k.kgDiagnostics(this.ctx, phi, phiT, DIAG);
    const dg = new Float64Array(memoryBuffer(), DIAG, 4);
    const ph = this.view(phi), sg = r.potential === "sine_gordon";
    let maxAbs = 0;
    for (let j = 0; j < n; j++) maxAbs = Math.max(maxAbs, Math.abs(ph[j]));
    const kk = kinksOf(ph, x, sg);
    this.times.push(t); this.energy.push(dg[0]); this.momentum.push(dg[1]);
    this.maxTail = Math.max(this.maxTail, dg[2]);
    let error = NaN;
    if (this.exact) {
      const EX = DIAG + 32;
      this.exact(t, this.buf, EX);
      const ex = this.view(EX), f = this.view(phi);   // subtraction and |·| are exact IEEE: same bits everywhere
      error = 0;
      for (let j = 0; j < n; j++) error = Math.max(error, Math.abs(f[j] - ex[j]));
      this.errors.push(error);
    }
    const phiV = new LiveView(phi, n), phiTV = new LiveView(phiT, n);
    return {
      index: this.times.length - 1, t, get phi() { return phiV.get(); }, get phiT() { return phiTV.get(); }, error, energy: dg[0], momentum: dg[1], maxAbs, centroid: x[0] + dg[3] * (x[1] - x[0]), tailFraction: dg[2],
      kinks: kk.at, kinkSigns: kk.sign, charge: r.potential === "linear" ? 0 : (ph[n - 1] - ph[0]) / (sg ? 2 * Math.PI : 2 * r.vacuum),
    };
  }

  /** The seed's KGSolver.solve, step for step (klein-gordon.md §1.3–1.5). */
  private *legacyFrames(): Generator<KgSnapshot, void, undefined> {
    const k = this.k, n = this.n, r = this.options, ctx = this.ctx;
    const A = this.buf + 8 * n, B = this.buf + 16 * n, C = this.buf + 24 * n, D = this.buf + 32 * n;
    const kmax = Math.PI / this.dx, dtMin = 0.1 / kmax, dtMax = 0.5 / kmax;
    let dt = Math.max(dtMin, Math.min(r.dt, dtMax));
    this.dtInitial = this.dtFinal = dt;
    this.dtHistory.push({ step: 0, dt });
    // φ_old = φ0 − Δt φ̇0 + ½Δt² F(φ0)  into C
    k.kgForce(ctx, A, D);
    { const a = this.view(A), b = this.view(B), c = this.view(C), f = this.view(D); for (let j = 0; j < n; j++) c[j] = a[j] - dt * b[j] + 0.5 * dt * dt * f[j]; }
    yield this.frame(0, A, B);                      // frame 0: φ0 with φ̇0
    let phi = A, old = C;
    const PREV = B, PT = D;                         // φ̇0 in B is free after frame 0
    let t = 0, maxPhi = k.kgMaxAbs(A, n), next = r.tFinal / r.nFrames;
    const interval = r.tFinal / r.nFrames, maxSteps = Math.trunc(r.tFinal / dtMin) * 10;
    while (t < r.tFinal && this.steps < maxSteps) {
      if (this.steps >= r.maxSteps) { this.status = "budget"; this.tNow = t; return; }
      if (this.steps % CHUNK === 0) {
        if (this.signal?.aborted) { this.status = "aborted"; this.tNow = t; return; }
        if (this.steps > 0) this.onProgress?.({ t, steps: this.steps, stepSize: dt });
      }
      const dtUsed = dt;
      // the seed adapts after the update but from φ^n, so deciding first changes nothing
      if (r.adaptiveDt && this.steps % 20 === 0) {
        let d = maxPhi > 100 ? dt * 0.7 : maxPhi > 10 ? dt * 0.9 : dt * 1.05;
        d = Math.max(dtMin, Math.min(d, dtMax));
        if (Math.abs(d - dt) / dt > 0.05) { dt = this.dtFinal = d; this.adaptations++; this.dtHistory.push({ step: this.steps, dt }); }
      }
      const snap = t >= next || t + dtUsed >= r.tFinal;
      if (snap) this.view(PREV).set(this.view(old)); // φ^{n−1}, for φ_t = (φ^{n+1} − φ^{n−1})/(2Δt)
      maxPhi = k.kgLeapfrog(ctx, phi, old, dtUsed);  // old ← φ^{n+1}; returns max|φ^{n+1}|
      this.steps++;
      if (!Number.isFinite(maxPhi)) { this.status = "non-finite"; this.tNow = t + dtUsed; return; }
      let f: KgSnapshot | null = null;
      if (snap) {
        const np = this.view(old), pv = this.view(PREV), pt = this.view(PT);
        for (let j = 0; j < n; j++) pt[j] = (np[j] - pv[j]) / (2 * dtUsed);
        next += interval;
        f = this.frame(t, phi, PT);
      }
      const tmp = phi; phi = old; old = tmp;
      t += dt;
      this.tNow = t;
      if (f) yield f;                                // the frame's buffer is not written again before the next call
    }
  }

  /** Fixed-step symplectic integrators: frames every tFinal/nFrames, steps shrunk to divide that spacing. */
  private *fixedFrames(): Generator<KgSnapshot, void, undefined> {
    const k = this.k, n = this.n, r = this.options, ctx = this.ctx, x = this.x;
    const A = this.buf + 8 * n, B = this.buf + 16 * n, D = this.buf + 32 * n;
    const interval = r.tFinal / r.nFrames, { sub, dt } = fixedStep(r);
    this.dtInitial = this.dtFinal = dt;
    if (r.spongeWidth > 0 && r.spongeStrength > 0) {
      const f = this.view(D);                        // e^{−σ(x_j)Δt/2}, σ = s·(1 − d/w)² within w of an end
      for (let j = 0; j < n; j++) {
        const d = Math.min(x[j] - r.xMin, r.xMax - x[j]);
        f[j] = Math.exp((-(d < r.spongeWidth ? r.spongeStrength * (1 - d / r.spongeWidth) ** 2 : 0) * dt) / 2);
      }
      k.kgSetSponge(ctx, D);
    }
    if (r.method !== "verlet") this.split = this.mem.split = k.kgSplitCreate(ctx, COMPOSITION_SCHEME[r.method], dt);
    yield this.frame(0, A, B);
    for (let i = 1; i <= r.nFrames; i++) {
      for (let done = 0; done < sub;) {
        this.tNow = (i - 1) * interval + done * dt;
        if (this.steps >= r.maxSteps) { this.status = "budget"; return; }
        if (this.signal?.aborted) { this.status = "aborted"; return; }
        const c = Math.min(CHUNK, sub - done, r.maxSteps - this.steps);
        if (this.split) k.kgSplitRun(this.split, A, B, c); else k.kgKdk(ctx, A, B, dt, c);
        this.steps += c; done += c;
        if (c === CHUNK) this.onProgress?.({ t: (i - 1) * interval + done * dt, steps: this.steps, stepSize: dt });
        if (!Number.isFinite(k.kgMaxAbs(A, n)) || !Number.isFinite(k.kgMaxAbs(B, n))) { this.status = "non-finite"; this.tNow = (i - 1) * interval + done * dt; return; }
      }
      this.tNow = i * interval;
      yield this.frame(i * interval, A, B);
    }
  }

  /** True when the case has an exact solution, so frames carry `error`. */
  get hasExact(): boolean { return this.exact !== null; }

  /** The next stored frame (views valid until the next call), or null when the run is complete. */
  step(): KgSnapshot | null {
    this.life.check(`KgRun.step()`, `create a new one with ${this.where}(options)`);
    if (this.finished) return null;
    const t0 = performance.now();
    try {
      const res = this.gen.next();
      if (res.done) { this.finished = true; this.last = null; return null; }
      this.last = res.value;
      return res.value;
    } catch (e) {
      this.finished = true;
      throw e;
    } finally {
      this.integrateMs += performance.now() - t0;
    }
  }

  /** Copies of the latest frame's t, φ and φ_t (null before the first step). */
  state(): { t: number; phi: Float64Array; phiT: Float64Array } | null {
    this.life.check(`KgRun.state()`, `create a new one with ${this.where}(options)`);
    return this.last ? { t: this.last.t, phi: this.last.phi.slice(), phiT: this.last.phiT.slice() } : null;
  }

  /** Counts, Δt history, H and P series with their drifts, and timings so far. */
  summary(): KgSummary {
    this.life.check(`KgRun.summary()`, `create a new one with ${this.where}(options)`);
    const r = this.options, E = this.energy, P = this.momentum;
    const drift = (q: number[], rel: boolean) => { let m = 0; for (const v of q) m = Math.max(m, Math.abs(v - q[0])); return rel && Math.abs(q[0]) > 1e-12 ? m / Math.abs(q[0]) : m; };
    const last = this.times.length ? this.times[this.times.length - 1] : 0;
    const warnings: string[] = [];
    if (this.maxTail > KG_TAIL_ALARM) warnings.push(`under-resolved: up to ${(100 * this.maxTail).toPrecision(2)} % of the spectral energy lies above ⅔k_max (alarm at ${KG_TAIL_ALARM}); raise nx (now ${r.nx}) — the results are not reliable`);
    return {
      error: this.exact ? Float64Array.from(this.errors) : null, maxError: this.exact ? this.errors.reduce((a, b) => Math.max(a, b), 0) : null,
      status: this.status, tReached: this.status === "ok" ? last : this.tNow, maxTailFraction: this.maxTail, warnings,
      message: endMessage(this.status, this.status === "non-finite" ? last : this.tNow, r.maxSteps, this.times.length === 0),
      case: r.caseName, legacy: r.legacy, method: r.method, scenarioName: r.scenarioName,
      x: this.x, t: Float64Array.from(this.times), steps: this.steps, adaptations: this.adaptations, dtInitial: this.dtInitial, dtFinal: this.dtFinal,
      dtHistory: this.dtHistory.map((h) => ({ ...h })),
      invariants: { energy: Float64Array.from(E), momentum: Float64Array.from(P), drift: { energy: drift(E, true), momentum: drift(P, false) } },
      timing: { setupMs: this.setupMs, integrateMs: this.integrateMs }, options: r,
    };
  }

  /** Frees the WASM memory of the run (idempotent); every later use throws. */
  dispose(): void {
    this.life.release();
    this.ctx = this.buf = this.split = 0;
    this.last = null;
  }
}

/** The WASM memory of a run, shared with its Lifetime (which must not hold the run itself). */
interface KgMemory { ctx: number; buf: number; split: number }

function freeKg(m: KgMemory): () => void {
  return () => {
    const k = kernel();
    if (m.split) k.kgSplitFree(m.split);
    k.free(m.buf);
    k.kgFree(m.ctx);
  };
}

/** Runs a case, calling onSnapshot per stored frame; returns the summary. */
export function simulateKg(o: KgOptions, onSnapshot?: (s: KgSnapshot) => void, where = "kleinGordon.simulate"): KgSummary {
  const run = new KgRun(o, where);
  try {
    for (let s = run.step(); s; s = run.step()) onSnapshot?.(s);
    return run.summary();
  } finally {
    run.dispose();
  }
}
