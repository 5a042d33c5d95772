/**
 * Worker session of the 3-D Couzin school (school.create). One frame = `saveInterval` synchronous steps of `dt`
 * (the model's own option; 1 for every bundled case), so frame k holds the state after k·saveInterval steps —
 * what `school.create(options).advance(k·saveInterval)` holds in Node. Diagnostics per frame: polarization P and
 * rotation M (the run's legacy/corrected definitions), and the Oceanic Schooling Index on the last frame of an
 * advance when its cost allows (≤ 10 % of the worker's time; NaN on the other frames). The school runs until its step budget
 * (`maxSteps`); `nSteps` only sizes the NetCDF statistics. The predator (`predator` option / `setPredator`) is a
 * sphere the fish flee (contracts of the school model); every change is logged so the run stays reproducible.
 */
import { school, io } from "../index.js";
import type { RunInfo, SimState, ViewData } from "./protocol.js";
import { Accumulator, RECORD_LIMIT_BYTES, plainOptions, type Session } from "./session.js";

type SchoolRun = ReturnType<typeof school.create>;
type Predator = { position: [number, number, number]; radius: number } | null;

/** School session. */
export class SchoolSession implements Session {
  readonly model = "school" as const;
  private run!: SchoolRun;
  private frame = 0;
  private tOffset = 0;
  private stepOffset = 0;
  private status = "ok";
  private message = "";
  private readonly acc = new Accumulator(["P", "M", "OSI"], 0);
  private predator: Predator = null;
  private rec: InstanceType<typeof io.SchoolNetCDF> | null = null;
  private recBytes = 0;
  private recStopped = false;
  private osiAt = -Infinity;
  private osiCost = 0;

  constructor(private base: Record<string, unknown>) {}

  load(): void {
    this.run = school.create(this.base);
    this.predator = (this.base.predator as Predator | undefined) ?? null;
    this.rec = new io.SchoolNetCDF(this.run.options);
    this.frame = 0;
    this.push(true);
  }

  private get t(): number { return this.tOffset + this.run.time; }

  /** Diagnostics (and the NetCDF record) of the current state. */
  private push(full: boolean): void {
    const r = this.run.options;
    const m = this.run.metricsArray(r.legacy, true);   // a view, valid until the next metrics call: read it now
    const P = m[0], M = m[1];
    const recording = this.rec !== null && !this.recStopped;
    // without computeEntropy the record takes these same order metrics (one O(N) pass, not two)
    const orderRecord = recording && !r.computeEntropy ? Object.fromEntries(school.METRIC_KEYS.map((k, i) => [k, m[i]])) as school.SchoolMetrics : null;
    let osi = NaN;
    // the entropies behind OSI cost O(N log N) with a large constant (~1.7 s at N = 10⁴): computed at most so
    // often that they take ≤ 10 % of the worker's time
    if (full && performance.now() - this.osiAt >= 10 * this.osiCost) {
      const t0 = performance.now();
      osi = this.run.metricsArray(r.legacy, false)[11];
      this.osiAt = performance.now();
      this.osiCost = this.osiAt - t0;
    }
    this.acc.push(this.t, [P, M, osi]);
    if (!recording) return;
    const bytes = 48 * r.nFish + 128;
    if (this.recBytes + bytes > RECORD_LIMIT_BYTES) { this.recStopped = true; return; }
    let metrics = orderRecord;
    if (!metrics) { const all = this.run.metricsArray(r.legacy, false); metrics = Object.fromEntries(school.METRIC_KEYS.map((k, i) => [k, all[i]])) as school.SchoolMetrics; }
    this.rec!.add({ t: this.t, positions: this.run.positions, velocities: this.run.velocities, metrics });
    this.recBytes += bytes;
  }

  advance(frames: number, budgetMs: number): number {
    const t0 = performance.now(), r = this.run.options, per = r.saveInterval;
    let done = 0;
    while (done < frames && this.status === "ok") {
      if (this.run.step + per > r.maxSteps) { this.status = "budget"; this.message = `the step budget maxSteps = ${r.maxSteps} is spent; raise maxSteps or reset`; break; }
      this.run.advance(per);
      if (!this.run.finite) { this.status = "non-finite"; this.message = `the school's state stopped being finite at t = ${this.t.toPrecision(4)}; reset, or lower speed·dt`; break; }
      this.frame++;
      done++;
      const last = done === frames || performance.now() - t0 > budgetMs;
      this.push(last);
      if (last) break;
    }
    return done;
  }

  view(): ViewData {
    const a = this.acc.take(), r = this.run.options;
    return {
      frame: this.frame, t: this.t, status: this.status, message: this.message, times: a.times, diag: a.diag,
      school: { positions: this.run.positions.slice(), velocities: this.run.velocities.slice(), n: r.nFish, boxSize: r.boxSize,
        periodic: r.boundary === "periodic", predator: this.predator ? [...this.predator.position] as [number, number, number] : null },
    };
  }

  info(): RunInfo {
    const r = this.run.options;
    return {
      model: "school", caseName: r.case, scenarioName: r.scenarioName, legacy: r.legacy, frameDt: r.saveInterval * r.dt,
      tStart: 0, tEnd: null, exact: false, xMin: 0, xMax: r.boxSize, diagNames: this.acc.names, fieldNames: [],
      options: plainOptions(r), presets: [...school.SCHOOL_CASES], legacyPresets: ["case1", "case2", "case3", "case4"],
    };
  }

  state(): SimState {
    return { model: "school", frame: this.frame, t: this.t, step: this.stepOffset + this.run.step,
      positions: this.run.positions.slice(), velocities: this.run.velocities.slice() };
  }

  bump(): void { throw new Error("bump() is for the field models; the school's pointer interaction is setPredator()"); }

  setPredator(p: Predator): void {
    this.run.setPredator(p);
    this.predator = p;
  }

  continueWith(changes: Record<string, unknown>): void {
    const { predator, ...rest } = changes;
    if (Object.keys(rest).length > 0) {
      const base = { ...this.base, ...rest };
      if (this.predator) base.predator = this.predator;
      const next = school.create({ ...base, initialField: { positions: this.run.positions.slice(), velocities: this.run.velocities.slice() } });
      this.tOffset = this.t;
      this.stepOffset += this.run.step;
      this.run.dispose();
      this.run = next;
      this.base = base;
    }
    if (predator !== undefined) this.setPredator(predator as Predator);
  }

  netcdf(): Uint8Array {
    return this.rec!.bytesSoFar();
  }

  dispose(): void { this.run?.dispose(); }
}
