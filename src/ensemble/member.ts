/**
 * One member of a sweep, run through the models' public API: a pure function of (spec, member index) — the options
 * come from grid.ts (seed_m counter-based), the quantities are defined in quantities.ts. `init()` must have run.
 * A member whose options the model refuses, or whose run throws, is a result with status "failed" and the message;
 * a run that ends early (budget, non-finite, aborted) is status "early" with the model's message and NaN for the
 * quantities it could not reach. Never throws for a member's own problem: the other members go on.
 */
import { nlse, kleinGordon, school } from "../index.js";
import type { NormalSpec } from "./spec.js";
import { memberOptions, chainOrder, zoneRadii } from "./grid.js";
import { ESCAPE_SEPARATION, STATE_NAMES } from "./quantities.js";

/** What one member produced: summary arrays (length 1, or the chain length) and decimated series. */
export interface MemberResult {
  /** Member index m. */
  index: number;
  /** "ok"; "early" (the run ended before its end: budget, non-finite, aborted); "failed" (refused or threw). */
  status: "ok" | "early" | "failed";
  /** "completed", or what went wrong (the model's message). */
  message: string;
  /** Summary quantities kept by the spec: one value per chain point (1 without a chain). */
  summary: Record<string, Float64Array>;
  /** Decimated series kept by the spec, one value per kept frame. */
  series: Record<string, Float64Array>;
  /** Times of the kept series frames (empty without series). */
  time: Float64Array;
}

type Quantities = { summary: Record<string, number>; series: Record<string, number[]>; time: number[]; status: string; message: string };

function kgMember(o: Record<string, unknown>, signal?: AbortSignal): Quantities {
  const run = kleinGordon.create({ ...(o as kleinGordon.KgOptions), ...(signal ? { signal } : {}) });
  try {
    const x = run.x, tail = Math.floor(0.9 * run.options.nFrames);
    let centre = -1, bounces = 0, lastBounce = NaN, prev = NaN, tailMin = Infinity;
    const phiC: number[] = [], energy: number[] = [], time: number[] = [], seps: number[] = [];
    for (let f = run.step(); f; f = run.step()) {
      if (centre < 0) { let best = Infinity; for (let j = 0; j < x.length; j++) { const d = Math.abs(x[j] - f.centroid); if (d < best) { best = d; centre = j; } } }
      const v = f.phi[centre];
      if (prev > 0 && v <= 0) { bounces++; lastBounce = f.t; }
      prev = v;
      if (f.index >= tail) tailMin = Math.min(tailMin, v);
      phiC.push(v); energy.push(f.energy); time.push(f.t);
      seps.push(f.kinks.length >= 2 ? f.kinks[f.kinks.length - 1] - f.kinks[0] : 0);
    }
    const s = run.summary();
    const n = seps.length, last = seps[n - 1] ?? 0, before = seps[Math.floor(0.9 * (n - 1))] ?? 0;
    const complete = s.status === "ok";
    // escaped: the centre stayed on the +v side through the last 10 % of the run (a bion keeps swinging to −v),
    // and the walls there are apart and separating
    const escaped = complete ? (tailMin > 0 && last > ESCAPE_SEPARATION && last > before ? 1 : 0) : NaN;
    return {
      summary: { outcome: escaped === 1 ? bounces : escaped === 0 ? 0 : NaN, bounces: complete ? bounces : NaN, escaped, escapeTime: escaped === 1 ? lastBounce : NaN, finalSeparation: complete ? last : NaN, energyDrift: s.invariants.drift.energy, steps: s.steps },
      series: { phiCenter: phiC, energy }, time, status: s.status, message: s.message,
    };
  } finally { run.dispose(); }
}

function nlseMember(o: Record<string, unknown>, signal?: AbortSignal): Quantities {
  const caseName = (o.case ?? o.initialCondition ?? "single_soliton") as nlse.CaseName;
  const mode = (o.mode ?? nlse.CASE_INFO[caseName]?.defaults.mode) as number | undefined;
  const psi: Float64Array[] = [], ts: number[] = [], maxAbs: number[] = [], mass: number[] = [], time: number[] = [];
  let linear = true, peak = 0;
  const s = nlse.simulate({ ...(o as nlse.NlseOptions), ...(signal ? { signal } : {}) }, (sn) => {
    let m = 0;
    const p = sn.psi;
    for (let j = 0; j < p.length; j += 2) m = Math.max(m, Math.hypot(p[j], p[j + 1]));
    peak = Math.max(peak, m);
    maxAbs.push(m); mass.push(sn.mass); time.push(sn.t);
    // the linear stage of modulation instability: |ψ| within 5 % of the plane wave; later frames (saturation,
    // Fermi–Pasta–Ulam recurrence) would bring the mode back into the fitted amplitude range
    if (mode !== undefined && linear && m < 1.05) { psi.push(p.slice()); ts.push(sn.t); } else linear = false;
  });
  let growthRate = NaN, note = "";
  if (mode === undefined) note = `growthRate: not defined for case ${caseName} (it needs the option mode, e.g. case plane_wave_mi)`;
  else {
    try { growthRate = nlse.growthRate(ts, psi, mode).rate; } catch (e) { note = `growthRate: ${(e as Error).message}`; }
  }
  const d = s.invariants.drift;
  const steps = s.steps.accepted;
  return {
    summary: { growthRate, massDrift: d.mass, hamiltonianDrift: d.hamiltonian, maxAmplitude: peak, steps },
    series: { maxAbs, mass }, time, status: s.status, message: s.status === "ok" && note ? note : s.message,
  };
}

const stateCode = (name: string) => STATE_NAMES.indexOf(name);

function schoolOptions(o: Record<string, unknown>): school.SchoolOptions {
  const c = (o.case ?? "case1") as school.SchoolCase;
  const d = school.CASE_DEFAULTS[c] ?? {};
  return zoneRadii(o, d.rRepulsion ?? 1) as school.SchoolOptions;
}

function schoolMember(o: Record<string, unknown>, signal?: AbortSignal): Quantities {
  const s = school.simulate({ ...schoolOptions(o), computeEntropy: false, ...(signal ? { signal } : {}) });
  return {
    summary: { polarization: s.mean.polarization, rotation: s.mean.rotation, state: stateCode(s.state), finalPolarization: s.final.polarization, finalRotation: s.final.rotation },
    series: { polarization: Array.from(s.series.polarization), rotation: Array.from(s.series.rotation) }, time: Array.from(s.time),
    status: s.status, message: s.message,
  };
}

/**
 * A hysteresis chain as school.sweep runs it: each point starts from the previous point's final positions and
 * velocities with seed seed_m + p and runs nSteps; P and M are means over steps ≥ ⌊nSteps/2⌋.
 */
function schoolChain(spec: NormalSpec, o: Record<string, unknown>, signal?: AbortSignal): { summary: Record<string, number[]>; status: string; message: string } {
  const chain = spec.chain!;
  const P: number[] = [], M: number[] = [], S: number[] = [];
  let pos: Float64Array | null = null, vel: Float64Array | null = null;
  const seed = o.seed as number;
  for (const [p, pt] of chainOrder(chain.values).entries()) {
    const run = school.create({ ...schoolOptions({ ...o, [chain.over]: pt.value }), seed: seed + p });
    try {
      if (pos && vel) run.setState(pos, vel);
      const n = run.options.nSteps, half = Math.floor(n / 2);
      let sp = 0, sm = 0, c = 0;
      for (let s = 1; s <= n; s++) {
        if (signal?.aborted && (s & 255) === 0) return { summary: { polarization: P, rotation: M, state: S }, status: "aborted", message: `aborted at chain point ${p} (the AbortSignal fired)` };
        run.advance(1);
        if (s >= half) { const m = run.metricsArray(run.options.legacy, true); sp += m[0]; sm += m[1]; c++; }
      }
      pos = run.positions.slice(); vel = run.velocities.slice();
      P.push(sp / c); M.push(sm / c); S.push(stateCode(school.classify(sp / c, sm / c)));
    } finally { run.dispose(); }
  }
  return { summary: { polarization: P, rotation: M, state: S }, status: "ok", message: "completed" };
}

/**
 * Points per member: the chain length (up, then down: 2n − 1) or 1.
 *
 * @example
 * pointsPerMember(normalizeSpec({ model: "school", grid: { rOrientation: [2, 4, 6] }, chain: { over: "rOrientation" } }));   // 5
 */
export function pointsPerMember(spec: NormalSpec): number {
  return spec.chain ? 2 * spec.chain.values.length - 1 : 1;
}

/**
 * Runs member `m` of a normalised spec and returns what the spec keeps. `init()` must have been awaited.
 *
 * @example
 * await init();
 * const r = runMember(normalizeSpec({ model: "kg", base: { case: "kink_antikink" }, grid: { velocity: [0.3] } }), 0);
 * r.summary.outcome[0];   // 1: one bounce, then the walls escape
 */
export function runMember(spec: NormalSpec, m: number, signal?: AbortSignal): MemberResult {
  const len = pointsPerMember(spec);
  const nanSummary = () => Object.fromEntries(spec.keep.summary.map((k) => [k, new Float64Array(len).fill(NaN)]));
  let o: Record<string, unknown>;
  try { o = memberOptions(spec, m); } catch (e) { return { index: m, status: "failed", message: (e as Error).message, summary: nanSummary(), series: {}, time: new Float64Array(0) }; }
  try {
    if (spec.chain) {
      const c = schoolChain(spec, o, signal);
      const summary = nanSummary();
      for (const k of spec.keep.summary) summary[k].set(c.summary[k]);
      return { index: m, status: c.status === "ok" ? "ok" : "early", message: c.message, summary, series: {}, time: new Float64Array(0) };
    }
    const q = spec.model === "kg" ? kgMember(o, signal) : spec.model === "nlse" ? nlseMember(o, signal) : schoolMember(o, signal);
    const summary: Record<string, Float64Array> = {};
    for (const k of spec.keep.summary) summary[k] = Float64Array.of(q.summary[k]);
    const series: Record<string, Float64Array> = {};
    let time = new Float64Array(0);
    for (const { name, every } of spec.keep.series) {
      const src = q.series[name];
      series[name] = Float64Array.from({ length: Math.ceil(src.length / every) }, (_, i) => src[i * every]);
      time = Float64Array.from({ length: Math.ceil(q.time.length / every) }, (_, i) => q.time[i * every]);
    }
    return { index: m, status: q.status === "ok" ? "ok" : "early", message: q.message, summary, series, time };
  } catch (e) {
    return { index: m, status: "failed", message: (e as Error).message, summary: nanSummary(), series: {}, time: new Float64Array(0) };
  }
}
