/** nlse.create / nlse.simulate / nlse.solve. */
import { NlseRun, type Snapshot, type NlseSummary } from "./model.js";
import type { NlseOptions } from "./options.js";
import { TAIL_ALARM } from "./model.js";
import { checkMemory } from "../../limits.js";

/**
 * A stepping object: `step()` returns the next snapshot (or null), `state()` and `invariants()` the current ones.
 *
 * @example
 * const run = nlse.create({ case: "single_soliton" });
 * for (let s = run.step(); s; s = run.step()) console.log(s.t, s.mass);
 * run.dispose();
 */
export function create(options: NlseOptions = {}): NlseRun {
  return new NlseRun(options);
}

/**
 * Runs a case, calling `onSnapshot` for every output time as it is produced (memory stays constant), and
 * returns a summary with the invariant series, errors against exact solutions, nfev and timings.
 *
 * @example
 * const sum = nlse.simulate({ case: "two_soliton", method: "yoshida4", dt: 1e-3 }, ({ t, psi }) => writer.append(t, psi));
 * sum.invariants.drift.hamiltonian;
 */
export function simulate(options: NlseOptions = {}, onSnapshot?: (s: Snapshot) => void): NlseSummary {
  if (onSnapshot !== undefined && typeof onSnapshot !== "function") throw new TypeError(`nlse.simulate: onSnapshot must be a function (snapshot) => void, got ${typeof onSnapshot}`);
  const run = new NlseRun(options, "nlse.simulate");
  try {
    const n = run.times.length;
    const mass = new Float64Array(n), momentum = new Float64Array(n), hamiltonian = new Float64Array(n), error = new Float64Array(n);
    const t1 = performance.now();
    let count = 0, maxTail = 0;
    for (let s = run.step(); s; s = run.step()) {
      mass[s.index] = s.mass; momentum[s.index] = s.momentum; hamiltonian[s.index] = s.hamiltonian; error[s.index] = s.error;
      count = s.index + 1;
      maxTail = Math.max(maxTail, s.tailFraction);
      onSnapshot?.(s);
    }
    const t2 = performance.now();
    const rel = (q: Float64Array, abs = false) => {
      let m = 0;
      for (let i = 0; i < count; i++) m = Math.max(m, Math.abs(q[i] - q[0]));
      return abs || Math.abs(q[0]) < 1e-12 ? m : m / Math.abs(q[0]);
    };
    const r = run.options;
    const exact = Number.isFinite(error[0]);
    const status = run.statusName;
    const warnings: string[] = [];
    if (maxTail > TAIL_ALARM) {
      warnings.push(`under-resolved: up to ${(100 * maxTail).toPrecision(2)} % of |ψ̂|² lies above ⅔k_max (alarm at ${TAIL_ALARM}); raise numPoints (now ${run.options.N}) or shorten the run — the results are not reliable`);
    }
    return {
      case: r.caseName, scenarioName: r.scenarioName, legacy: r.legacy, method: r.method,
      x: run.x, t: run.times.slice(0, count), nfev: run.nfev, steps: run.steps, dt: run.dt,
      invariants: {
        mass: mass.slice(0, count), momentum: momentum.slice(0, count), hamiltonian: hamiltonian.slice(0, count),
        drift: { mass: rel(mass), momentum: rel(momentum), hamiltonian: rel(hamiltonian) },
      },
      error: exact ? error.slice(0, count) : null,
      maxError: exact ? Math.max(...error.slice(0, count)) : null,
      status, message: run.message, tReached: count === n ? run.times[n - 1] : run.tReached, maxTailFraction: maxTail, warnings,
      timing: { setupMs: t1 - run.t0ms, integrateMs: t2 - t1, totalMs: t2 - run.t0ms },
      options: r,
    };
  } finally {
    run.dispose();
  }
}

/**
 * As simulate, keeping every snapshot: `psi[i]` is ψ at `t[i]` (copies).
 *
 * @example
 * const r = nlse.solve({ case: "single_soliton", legacy: true });
 * r.psi.length;   // 100
 */
export function solve(options: NlseOptions = {}): NlseSummary & { psi: Float64Array[] } {
  const n = Number(options?.numPoints ?? 512), m = Number(options?.nSnapshots ?? 100);
  if (Number.isFinite(n * m)) checkMemory("nlse.solve", `keeping ${m} snapshots of ${n} points`, 16 * n * m, "use nlse.simulate with a callback (constant memory) or fewer snapshots");
  const psi: Float64Array[] = [];
  const sum = simulate(options, (s) => { psi.push(s.psi.slice()); });
  return { ...sum, psi };
}
