/**
 * Worker sessions of the two field models. NLSE  i ψ_t + β ψ_xx + γ|ψ|²ψ = 0  (nlse.create) and Klein–Gordon
 * φ_tt − φ_xx + V′(φ) = 0  (kleinGordon.create). One frame = one `run.step()`: NLSE snapshots at
 * tStart + i·tFinal/(nSnapshots − 1), KG frames at i·tFinal/nFrames. Frame 0 (the initial field) is taken at load.
 * Diagnostics per frame — NLSE: relative drifts (M − M₀)/M₀, (H − H₀)/|H₀| and max|ψ − ψ_exact| (NaN without an
 * exact solution); KG: the energy drift, the momentum, the first two kink positions and the error vs exact.
 * A bump restarts from the current field plus the bump through `initialField` (NLSE corrected mode continues the
 * time axis with `tStart`; KG and legacy NLSE runs restart at their t = 0 and the session adds the offset).
 */
import { nlse, kleinGordon, io } from "../index.js";
import type { ModelName, RunInfo, SimState, ViewData } from "./protocol.js";
import { Accumulator, RECORD_LIMIT_BYTES, plainOptions, type Session } from "./session.js";

type NlseRun = ReturnType<typeof nlse.create>;
type KgRun = ReturnType<typeof kleinGordon.create>;
type NlseSnap = NonNullable<ReturnType<NlseRun["step"]>>;
type KgSnap = NonNullable<ReturnType<KgRun["step"]>>;

/** What the session uses of the run-file writers io.NlseNetCDF and io.KgNetCDF. */
interface Recorder<S> { add(s: S): void; bytesSoFar(): Uint8Array }

/** Per-run adapters (the NLSE and KG runs report their status differently). */
interface Adapt { statusNameOf: () => string; messageOf: () => string }

/** Shared frame bookkeeping of the field sessions. */
abstract class FieldSession<R extends (NlseRun | KgRun) & Adapt, S extends NlseSnap | KgSnap> implements Session {
  abstract readonly model: ModelName;
  protected run!: R;
  protected frame = 0;
  /** Added to the run's own time (runs restarted at their t = 0). */
  protected tOffset = 0;
  protected status = "ok";
  protected message = "";
  protected acc: Accumulator;
  protected t = 0;
  private rec: Recorder<S> | null = null;
  private recBytes = 0;
  private recStopped = false;
  protected ref = [NaN, NaN];

  constructor(protected base: Record<string, unknown>, diagNames: string[], private readonly heatColsWanted: number) {
    this.acc = new Accumulator(diagNames, 1);
  }

  protected abstract make(options: Record<string, unknown>): R;
  protected abstract diagOf(s: S): number[];
  protected abstract rowOf(s: S): (j: number) => number;
  protected abstract makeRecorder(run: R): Recorder<S>;
  protected abstract frameBytes(): number;
  protected abstract isLast(s: S): boolean;

  /** Creates the run and takes frame 0. */
  load(): void {
    this.run = this.make(this.base);
    this.acc = new Accumulator(this.acc.names, Math.min(this.heatColsWanted, this.run.x.length));
    this.rec = this.makeRecorder(this.run);
    this.take(this.run.step() as S | null, true);
  }

  /** Records one step() result; false when the run has ended or failed. */
  protected take(s: S | null, first = false): boolean {
    if (!s) {
      const st = this.run.statusNameOf();
      this.status = st === "ok" ? "ended" : st;
      this.message = st === "ok" ? "" : this.run.messageOf();
      return false;
    }
    if (first) this.ref = [NaN, NaN];
    this.t = s.t + this.tOffset;
    const d = this.diagOf(s);
    this.acc.push(this.t, d);
    this.acc.pushRow(this.run.x.length, this.rowOf(s));
    this.record(s);
    if (!first || this.frame === 0) this.frame++;
    if (this.isLast(s)) { this.status = "ended"; this.message = ""; }
    return true;
  }

  private record(s: S): void {
    if (!this.rec || this.recStopped) return;
    if (this.recBytes + this.frameBytes() > RECORD_LIMIT_BYTES) { this.recStopped = true; return; }
    this.rec.add({ ...s, index: this.frame, t: s.t + this.tOffset });   // spreading reads the field getters once (fresh views)
    this.recBytes += this.frameBytes();
  }

  advance(frames: number, budgetMs: number): number {
    const t0 = performance.now();
    let done = 0;
    while (done < frames && this.status === "ok") {
      if (!this.take(this.run.step() as S | null)) break;
      done++;
      if (performance.now() - t0 > budgetMs) break;
    }
    return done;
  }

  protected abstract fieldCurves(): Record<string, Float64Array>;

  view(): ViewData {
    const a = this.acc.take();
    return { frame: this.frame, t: this.t, status: this.status, message: this.message, times: a.times, diag: a.diag,
      x: this.run.x.slice(), field: this.fieldCurves(), rows: a.rows, heatCols: this.acc.heatCols };
  }

  /** Restarts from `options` (which carry the current field as initialField) and takes its frame 0 in place of the current frame. */
  protected restartWith(options: Record<string, unknown>, tOffset: number): void {
    const next = this.make(options);
    this.run.dispose();
    this.run = next;
    this.tOffset = tOffset;
    this.status = "ok";
    this.take(next.step() as S | null, true);
  }

  setPredator(): void { throw new Error("the predator is a school option; this element runs a field model"); }

  netcdf(): Uint8Array {
    return this.rec!.bytesSoFar();
  }

  dispose(): void { this.run?.dispose(); }

  abstract info(): RunInfo;
  abstract state(): SimState;
  abstract bump(x: number, amplitude: number, velocity: number): void;
  abstract continueWith(changes: Record<string, unknown>): void;
}

/** NLSE session. */
export class NlseSession extends FieldSession<NlseRun & Adapt, NlseSnap> {
  readonly model = "nlse" as const;
  constructor(base: Record<string, unknown>, heatCols: number) { super(base, ["mass drift", "H drift", "error"], heatCols); }

  protected make(o: Record<string, unknown>): NlseRun & Adapt {
    const run = nlse.create(o) as NlseRun & Adapt;
    run.statusNameOf = () => run.statusName;
    run.messageOf = () => run.message;
    return run;
  }
  protected diagOf(s: NlseSnap): number[] {
    if (Number.isNaN(this.ref[0])) this.ref = [s.mass, s.hamiltonian];
    return [(s.mass - this.ref[0]) / this.ref[0], (s.hamiltonian - this.ref[1]) / (Math.abs(this.ref[1]) || 1), s.error];
  }
  protected rowOf(s: NlseSnap): (j: number) => number {
    const p = s.psi;
    return (j) => Math.hypot(p[2 * j], p[2 * j + 1]);
  }
  protected makeRecorder(run: NlseRun): Recorder<NlseSnap> { return new io.NlseNetCDF(run.options, run.x); }
  protected frameBytes(): number { return 48 * this.run.x.length; }
  protected isLast(s: NlseSnap): boolean { return s.index === this.run.times.length - 1; }

  protected fieldCurves(): Record<string, Float64Array> {
    const p = this.run.state(), n = p.length / 2;
    const ab = new Float64Array(n), re = new Float64Array(n), im = new Float64Array(n);
    for (let j = 0; j < n; j++) { re[j] = p[2 * j]; im[j] = p[2 * j + 1]; ab[j] = Math.hypot(re[j], im[j]); }
    return { "|ψ|": ab, "Re ψ": re, "Im ψ": im };
  }

  info(): RunInfo {
    const r = this.run.options;
    const first = this.run.times[0] + this.tOffset;
    return {
      model: "nlse", caseName: r.caseName, scenarioName: r.scenarioName, legacy: r.legacy, frameDt: r.tFinal / (r.nSnapshots - 1),
      tStart: first, tEnd: first + r.tFinal, exact: !r.userField && nlse.CASE_INFO[r.caseName].exact, xMin: -r.L / 2, xMax: r.L / 2, diagNames: this.acc.names, fieldNames: ["|ψ|", "Re ψ", "Im ψ"],
      options: plainOptions(r), presets: [...nlse.CASES], legacyPresets: [...nlse.SEED_CASES],
    };
  }

  state(): SimState { return { model: "nlse", frame: this.frame, t: this.t, psi: this.run.state().slice() }; }

  bump(x0: number, amplitude: number, velocity: number): void {
    const r = this.run.options, x = this.run.x, psi = this.run.state().slice();
    const eta = Math.abs(amplitude) * Math.sqrt(Math.abs(r.gamma) / (2 * r.beta));   // soliton A sech(η(x − x0)) e^{iv(x−x0)/(2β)}
    for (let j = 0; j < x.length; j++) {
      let d = x[j] - x0;
      d -= r.L * Math.round(d / r.L);                                    // nearest periodic image
      const a = amplitude / Math.cosh(eta * d), ph = (velocity * d) / (2 * r.beta);
      psi[2 * j] += a * Math.cos(ph);
      psi[2 * j + 1] += a * Math.sin(ph);
    }
    this.continueFrom(psi, {});
  }

  continueWith(changes: Record<string, unknown>): void { this.continueFrom(this.run.state().slice(), changes); }

  /** Restarts from ψ with `changes` applied, keeping the time axis and the remaining frames. */
  continueFrom(psi: Float64Array, changes: Record<string, unknown>): void {
    const r = this.run.options, i = Math.max(0, this.run.index), n = this.run.times.length;
    const tLocal = this.run.times[i], left = n - 1 - i;
    const frames = left > 0 ? left : r.nSnapshots - 1, dur = left > 0 ? r.tStart + r.tFinal - tLocal : r.tFinal;
    this.base = { ...this.base, ...changes };
    const o: Record<string, unknown> = { ...this.base, initialField: psi, nSnapshots: frames + 1, tFinal: dur };
    if (r.legacy) this.restartWith(o, this.tOffset + tLocal);
    else this.restartWith({ ...o, tStart: tLocal }, this.tOffset);
  }
}

/** Klein–Gordon session. */
export class KgSession extends FieldSession<KgRun & Adapt, KgSnap> {
  readonly model = "kg" as const;
  constructor(base: Record<string, unknown>, heatCols: number) { super(base, ["energy drift", "momentum", "kink 1", "kink 2", "error"], heatCols); }

  protected make(o: Record<string, unknown>): KgRun & Adapt {
    const run = kleinGordon.create(o) as KgRun & Adapt;
    run.statusNameOf = () => run.summary().status;
    run.messageOf = () => run.summary().message;
    return run;
  }
  protected diagOf(s: KgSnap): number[] {
    if (Number.isNaN(this.ref[0])) this.ref = [s.energy, 0];
    return [(s.energy - this.ref[0]) / (Math.abs(this.ref[0]) || 1), s.momentum, s.kinks[0] ?? NaN, s.kinks[1] ?? NaN, s.error];
  }
  protected rowOf(s: KgSnap): (j: number) => number { const p = s.phi; return (j) => p[j]; }
  protected makeRecorder(run: KgRun): Recorder<KgSnap> { return new io.KgNetCDF(run.options, run.x, run.hasExact); }
  protected frameBytes(): number { return 16 * this.run.x.length; }
  protected isLast(s: KgSnap): boolean { return !this.run.options.legacy && s.index === this.run.options.nFrames; }

  protected fieldCurves(): Record<string, Float64Array> {
    const s = this.run.state();
    return s ? { "φ": s.phi, "φ_t": s.phiT } : { "φ": new Float64Array(this.run.x.length), "φ_t": new Float64Array(this.run.x.length) };
  }

  info(): RunInfo {
    const r = this.run.options;
    return {
      model: "kg", caseName: r.caseName, scenarioName: r.scenarioName, legacy: r.legacy, frameDt: r.tFinal / r.nFrames,
      tStart: this.tOffset, tEnd: this.tOffset + r.tFinal, exact: this.run.hasExact, xMin: r.xMin, xMax: r.xMax, diagNames: this.acc.names, fieldNames: ["φ", "φ_t"],
      options: plainOptions(r), presets: [...kleinGordon.KG_CASES], legacyPresets: ["case1", "case2", "case3", "case4"],
    };
  }

  state(): SimState {
    const s = this.run.state();
    return { model: "kg", frame: this.frame, t: this.t, phi: s?.phi, phiT: s?.phiT };
  }

  bump(x0: number, amplitude: number, velocity: number): void {
    const s = this.run.state();
    if (!s) return;
    const r = this.run.options, x = this.run.x, w = (r.xMax - r.xMin) / 40;
    const phi = s.phi, phiT = s.phiT;
    for (let j = 0; j < x.length; j++) {
      const d = (x[j] - x0) / w, g = amplitude * Math.exp(-d * d);   // φ += A e^{−((x−x0)/w)²} moving at v: φ_t += −v ∂x
      phi[j] += g;
      phiT[j] += (velocity * 2 * d * g) / w;
    }
    this.continueFrom(phi, phiT, {});
  }

  continueWith(changes: Record<string, unknown>): void {
    const s = this.run.state();
    if (s) this.continueFrom(s.phi, s.phiT, changes);
  }

  /** Restarts from (φ, φ_t) with `changes` applied, keeping the time axis and the remaining frames. */
  continueFrom(phi: Float64Array, phiT: Float64Array, changes: Record<string, unknown>): void {
    const r = this.run.options, tLocal = this.t - this.tOffset;
    const dt = r.tFinal / r.nFrames, left = Math.round((r.tFinal - tLocal) / dt);
    const frames = left > 0 ? left : r.nFrames;
    this.base = { ...this.base, ...changes };
    this.restartWith({ ...this.base, initialField: { phi, phiT }, nFrames: frames, tFinal: frames * dt }, this.t);
  }
}
