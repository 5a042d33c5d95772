/**
 * NLSE model:  i ψ_t + β ψ_xx + γ|ψ|²ψ = 0,  x_j = −L/2 + jL/N periodic, β = ½, γ = 1 by default.
 * Pseudo-spectral: the state is v = s·FFT(ψ) (legacy: s = 1, the seed's ĉ; corrected: s = 1/N) and the whole
 * right-hand side runs in WASM. Snapshots at t = tStart + linspace(0, tFinal, nSnapshots), streamed:
 * nlse.simulate calls onSnapshot as each one is produced (memory stays constant), nlse.solve keeps them,
 * nlse.create steps snapshot by snapshot. Diagnostics per snapshot: spectral M, P, H (correct sign and
 * normalisation, nlse.md §3), the spectral tail fraction Σ_{|k|>⅔k_max}|ψ̂_k|² / Σ|ψ̂_k|² (a resolution alarm: above
 * TAIL_ALARM the grid does not resolve the field and the numbers are not to be trusted) and, where an exact solution
 * exists, max|ψ − ψ_exact|. Runs end early with status "budget" (maxSteps), "aborted" (signal), "non-finite" or
 * "step-too-small", keeping every snapshot produced before.
 */
import { kernel } from "../../wasm/load.js";
import { memoryBuffer, LiveView } from "../../wasm/memory.js";
import { Lifetime } from "../../wasm/lifetime.js";
import { Status } from "../../ode/integrator.js";
import { resolveOptions, type NlseOptions, type Resolved } from "./options.js";
import { initialField, hasExact, exactField } from "./fields.js";
import { adaptiveEngine, fixedEngine, effectiveDt, type Engine } from "./engine.js";
import { checkMemory, endMessage, type RunStatus } from "../../limits.js";

/** Spectral tail fraction above which a snapshot is flagged as under-resolved. */
export const TAIL_ALARM = 1e-6;

/** One output time of an NLSE run, passed to the `simulate` callback and returned by `NlseRun.step()`. */
export interface Snapshot {
  /** Snapshot number, 0 = the initial field. */
  index: number;
  /** Time of the snapshot. */
  t: number;
  /**
   * ψ(x_j), interleaved complex, 2N doubles: a view on WASM memory valid during the callback only (re-made on each
   * read if memory grew meanwhile, e.g. by an analysis call, so read `s.psi` again rather than keeping the array).
   */
  psi: Float64Array;
  /** Mass (norm) M = ∫|ψ|² dx; conserved. */
  mass: number;
  /** Momentum P = ∫ Im(ψ* ψ_x) dx; conserved. */
  momentum: number;
  /** Hamiltonian H = ∫ (β|ψ_x|² − (γ/2)|ψ|⁴) dx; conserved. */
  hamiltonian: number;
  /** max_j |ψ − ψ_exact| where the case has an exact solution, else NaN. */
  error: number;
  /** Σ_{|k|>⅔k_max}|ψ̂_k|² / Σ|ψ̂_k|²: above 1e-6 the grid does not resolve ψ (raise numPoints). */
  tailFraction: number;
  /** Adaptive methods: the step size the integrator will try next; fixed-step methods: the step used. */
  stepSize: number;
}

/** What `nlse.simulate` returns (and `solve`, plus the fields): invariant series and drifts, errors, counts, status, timing. */
export interface NlseSummary {
  /** Case name. */
  case: string;
  /** Run name (file stems in the CLI). */
  scenarioName: string;
  /** True for a seed-parity run. */
  legacy: boolean;
  /** Integrator used. */
  method: string;
  /** Grid points x_j = −L/2 + jL/N. */
  x: Float64Array;
  /** Snapshot times. */
  t: Float64Array;
  /** RHS evaluations (adaptive) or FFT-pair evaluations (fixed-step). */
  nfev: number;
  /** Accepted and rejected steps (fixed-step methods: rejected = 0). */
  steps: { accepted: number; rejected: number };
  /** Fixed-step methods: the step actually used. */
  dt: number | null;
  /** Mass, momentum and Hamiltonian per snapshot, and their drifts. */
  invariants: {
    mass: Float64Array; momentum: Float64Array; hamiltonian: Float64Array;
    /** max_t |Q(t) − Q(0)| / |Q(0)| (momentum: absolute when |P0| < 1e-12). */
    drift: { mass: number; momentum: number; hamiltonian: number };
  };
  /** Per snapshot max|ψ − exact| (cases with an exact solution), else null. */
  error: Float64Array | null;
  /** max over snapshots of `error`, or null without an exact solution. */
  maxError: number | null;
  /** "ok", or why the run ended early: "budget" (maxSteps), "aborted" (signal), "non-finite", "step-too-small". */
  status: RunStatus;
  /** "completed", or what stopped the run, where, and the option to change. */
  message: string;
  /** The time the state reached (the last snapshot's time unless the run stopped between snapshots). */
  tReached: number;
  /** Largest spectral tail fraction over the snapshots (see Snapshot.tailFraction). */
  maxTailFraction: number;
  /** Resolution and other warnings about the results. */
  warnings: string[];
  /** Wall-clock milliseconds: set-up, time stepping, total. */
  timing: { setupMs: number; integrateMs: number; totalMs: number };
  /** The options after case defaults and validation. */
  options: Resolved;
}

const STATUS_NAME: Record<number, RunStatus> = { 0: "ok", 1: "ok", 2: "step-too-small", 3: "non-finite", 4: "budget", 5: "aborted" };

/** A run in progress: snapshot-by-snapshot stepping over WASM buffers allocated once. */
export class NlseRun {
  /** The options after case defaults and validation. */
  readonly options: Resolved;
  /** Grid points x_j = −L/2 + jL/N. */
  readonly x: Float64Array;
  /** The snapshot times (nSnapshots, tStart … tFinal). */
  readonly times: Float64Array;
  /** Index of the last snapshot returned by `step()` (−1 before the first). */
  index = -1;
  private ctx: number;
  private buf: number;         // [v (2N) | out (2N) | psi (2N) | exact (2N) | scratch (N) | inv (3)]
  private engine: Engine;
  private status: number = Status.Ok;
  private readonly mem: NlseMemory;
  private readonly life: Lifetime;
  /** performance.now() when the run was created (for the summary's timing). */
  readonly t0ms: number;

  constructor(o: NlseOptions, where = "nlse.create") {
    const t0 = performance.now();
    this.t0ms = t0;
    const r = resolveOptions(where, o);
    this.options = r;
    const k = kernel(), N = r.N;
    // state buffers, FFT plans and the integrator's stages (DOP853: 13 stages + 7 dense rows of 2N) + 6 series
    checkMemory(where, `numPoints = ${N} with nSnapshots = ${r.nSnapshots}`, 8 * N * (9 + 2 * 24) + 48 * r.nSnapshots, "reduce numPoints or nSnapshots");
    this.ctx = k.nlseCreate(N, r.L, r.beta, r.gamma);
    const kinds = { none: 0, two_thirds: 1, exponential: 2 } as const;
    k.nlseSetFilter(this.ctx, kinds[r.filter], r.filterAlpha, r.filterOrder, r.legacy ? 1 : 0);
    if (!r.legacy) k.nlseSetScale(this.ctx, 1 / N);
    this.buf = k.alloc(8 * (9 * N + 3));
    // freed by dispose() or, for a run dropped without it, when the run is garbage-collected
    this.mem = { ctx: this.ctx, buf: this.buf, engine: null };
    this.life = new Lifetime(this, freeNlse(this.mem));
    this.x = new Float64Array(N);
    k.nlseGrid(this.buf + 64 * N, N, r.L);
    this.x.set(new Float64Array(memoryBuffer(), this.buf + 64 * N, N));
    this.times = new Float64Array(r.nSnapshots);
    for (let i = 0; i < r.nSnapshots; i++) this.times[i] = r.tStart + (r.tFinal * i) / (r.nSnapshots - 1);
    if (o.initialField !== undefined) new Float64Array(memoryBuffer(), this.psiPtr, 2 * N).set(o.initialField);
    else initialField(r, this.psiPtr, this.buf + 64 * N);
    k.nlseToSpectral(this.ctx, this.psiPtr, this.vPtr);
    const tEnd = r.tStart + r.tFinal;
    if (r.method === "dop853" || r.method === "rk45") {
      const v0 = new Float64Array(memoryBuffer(), this.vPtr, 2 * N).slice();
      this.engine = adaptiveEngine(r, this.ctx, v0, tEnd, o.signal, o.onProgress);
    } else {
      this.engine = fixedEngine(r, this.ctx, this.vPtr, r.tFinal / (r.nSnapshots - 1), o.signal, o.onProgress);
    }
    this.mem.engine = this.engine;
  }

  private get vPtr(): number { return this.buf; }
  private get outPtr(): number { return this.buf + 16 * this.options.N; }
  private get psiPtr(): number { return this.buf + 32 * this.options.N; }
  private get exactPtr(): number { return this.buf + 48 * this.options.N; }
  private get invPtr(): number { return this.buf + 72 * this.options.N; }

  private live(what: string): void {
    this.life.check(`NlseRun.${what}`, "create a new one with nlse.create(options)");
  }

  /** Advances to the next snapshot and returns it (psi view valid until the next call), or null at the end. */
  step(): Snapshot | null {
    this.live("step()");
    if (this.index + 1 >= this.times.length || this.status > Status.Finished) return null;
    const i = this.index + 1;
    const t = this.times[i];
    const st = this.engine.advance(t, this.outPtr);
    if (st > Status.Finished) { this.status = st; return null; }
    this.index = i;
    return this.snapshot(i, t);
  }

  private snapshot(index: number, t: number): Snapshot {
    const k = kernel(), r = this.options, N = r.N;
    k.nlseToPhysical(this.ctx, this.outPtr, this.psiPtr);
    k.nlseInvariants(this.ctx, this.outPtr, this.invPtr);
    const inv = new Float64Array(memoryBuffer(), this.invPtr, 3);
    let error = NaN;
    if (hasExact(r)) {
      exactField(r, t, this.exactPtr);
      error = k.maxAbsDiff(this.psiPtr, this.exactPtr, N);
    }
    const psi = new LiveView(this.psiPtr, 2 * N);
    return { index, t, get psi() { return psi.get(); }, mass: inv[0], momentum: inv[1], hamiltonian: inv[2], error, tailFraction: this.tail(), stepSize: this.engine.stepSize() };
  }

  /** Σ_{|k|>⅔k_max}|v_k|² / Σ|v_k|² of the spectral state at the snapshot (FFT order: k = j, j − N). */
  private tail(): number {
    const N = this.options.N, v = new Float64Array(memoryBuffer(), this.outPtr, 2 * N);
    let all = 0, hi = 0;
    const lo = Math.floor(N / 3) + 1, up = N - lo;      // |k| > N/3 ⇔ N/3 < j < 2N/3
    for (let j = 0; j < N; j++) {
      const e = v[2 * j] * v[2 * j] + v[2 * j + 1] * v[2 * j + 1];
      all += e;
      if (j >= lo && j <= up) hi += e;
    }
    return all > 0 ? hi / all : 0;
  }

  /** ψ at the current snapshot (a view on WASM memory, overwritten by the next step). */
  state(): Float64Array {
    this.live("state()");
    return new Float64Array(memoryBuffer(), this.psiPtr, 2 * this.options.N);
  }

  /** Invariants at the current snapshot. */
  invariants(): { mass: number; momentum: number; hamiltonian: number } {
    this.live("invariants()");
    kernel().nlseInvariants(this.ctx, this.outPtr, this.invPtr);
    const inv = new Float64Array(memoryBuffer(), this.invPtr, 3);
    return { mass: inv[0], momentum: inv[1], hamiltonian: inv[2] };
  }

  /** Right-hand-side evaluations (adaptive) or FFT-pair evaluations (fixed-step) so far. */
  get nfev(): number { this.live("nfev"); return this.engine.nfev(); }
  /** Accepted and rejected steps so far. */
  get steps(): { accepted: number; rejected: number } { this.live("steps"); return this.engine.steps(); }
  /** "ok", or why stepping stopped: "budget", "aborted", "non-finite", "step-too-small". */
  get statusName(): RunStatus { this.live("statusName"); return STATUS_NAME[this.status]; }
  /** The time the state has reached. */
  get tReached(): number { this.live("tReached"); return this.engine.time(); }
  /** "completed" or why the run stopped (naming the option to change). */
  get message(): string {
    this.live("message");
    const s = this.statusName, last = this.index >= 0 ? this.times[this.index] : this.options.tStart;
    return endMessage(s, s === "budget" || s === "aborted" ? this.tReached : last, this.options.maxSteps, this.index < 0);
  }
  /** Fixed-step methods: the step used (dt shrunk so snapshots fall on steps); adaptive methods: null. */
  get dt(): number | null {
    this.live("dt");
    const r = this.options;
    return r.method === "dop853" || r.method === "rk45" ? null : effectiveDt(r, r.tFinal / (r.nSnapshots - 1));
  }

  /** Frees the run's WASM memory now (idempotent); every later use throws. */
  dispose(): void {
    this.life.release();
  }
}

/** The WASM memory of a run, shared with its Lifetime (which must not hold the run itself). */
interface NlseMemory { ctx: number; buf: number; engine: Engine | null }

function freeNlse(m: NlseMemory): () => void {
  return () => {
    m.engine?.dispose();
    const k = kernel();
    k.nlseFree(m.ctx);
    k.free(m.buf);
  };
}
