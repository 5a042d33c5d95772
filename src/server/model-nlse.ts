/**
 * The NLSE behind /v1/nlse/runs: i ψ_t + β ψ_xx + γ|ψ|²ψ = 0 on a periodic grid (src/models/nlse). Frames are the
 * snapshots (ψ interleaved Re, Im, with M, P, H, the error against an exact solution and the spectral tail);
 * the figure is the space-time |ψ|² heatmap; CSV holds t, M, P, H and the error.
 */
import { estimateNlse, type Budget } from "./budget.js";
import { arr, num, abs2, range, stack, type Adapter, type Prepared, type Line } from "./adapter.js";
import type { Lib } from "./lib.js";

const METHODS = ["dop853", "rk45", "strang", "yoshida4", "yoshida6", "kahanli6", "etdrk4"] as const;

/** The NLSE adapter. */
export const nlseAdapter: Adapter = {
  name: "nlse",
  title: "1-D nonlinear Schrödinger equation i ψ_t + β ψ_xx + γ|ψ|²ψ = 0, pseudo-spectral",
  cases: (lib) => lib.nlse.CASES,
  methods: METHODS,
  prepare(lib: Lib, options: Record<string, unknown>, budget: Budget): Prepared {
    const run = lib.nlse.create(options);
    try {
      const r = run.options;
      const estimate = estimateNlse({ N: r.N, method: r.method, tFinal: r.tFinal, tStart: r.tStart, nSnapshots: r.nSnapshots, dt: r.dt, maxStep: r.maxStep, maxSteps: r.maxSteps }, budget, options.maxSteps !== undefined);
      return { model: "nlse", options: estimate.stepCap === null ? options : { ...options, maxSteps: estimate.stepCap }, estimate };
    } finally {
      run.dispose();
    }
  },
  summary: (lib, p) => lib.nlse.simulate(p.options),
  netcdf(lib, p) {
    // the writer needs the resolved options and grid before the first snapshot: take them from a run made and
    // disposed without stepping (the same options resolve the same way), then stream simulate's snapshots into it
    const probe = lib.nlse.create(p.options);
    const nc = new lib.io.NlseNetCDF(probe.options, probe.x);
    probe.dispose();
    const sum = lib.nlse.simulate(p.options, (s) => nc.add(s));
    return nc.finish(sum);
  },
  csv(lib, p) {
    const s = lib.nlse.simulate(p.options);
    const I = s.invariants, n = s.t.length;
    const rows = Array.from({ length: n }, (_, i) => [s.t[i], I.mass[i], I.momentum[i], I.hamiltonian[i], ...(s.error ? [s.error[i]] : [])]);
    return lib.io.toCsv(["t", "mass", "momentum", "hamiltonian", ...(s.error ? ["error"] : [])], rows);
  },
  figure(lib, p) {
    const rows: Float32Array[] = [];
    const s = lib.nlse.simulate(p.options, (f) => { rows.push(abs2(f.psi)); });
    const N = s.x.length, values = stack(rows, N), { lo, hi } = range(values);
    const dx = s.x[1] - s.x[0];
    return lib.render.heatmapFigure({
      title: `${s.scenarioName}: |ψ(x, t)|²`, subtitle: `${s.method}, N = ${N}${s.status === "ok" ? "" : `, ${s.status}`}`,
      values, rows: rows.length, cols: N,
      x: { lo: s.x[0], hi: s.x[N - 1] + (N > 1 ? 0 : dx), label: "x" },
      y: { lo: s.t[0], hi: rows.length > 1 ? s.t[rows.length - 1] : s.t[0] + 1, label: "t" },
      colormap: "inferno", vmin: lo, vmax: hi, cbLabel: "|ψ|²",
    });
  },
  *frames(lib, p, stop): Generator<Line> {
    const run = lib.nlse.create(p.options);
    try {
      yield { type: "start", model: "nlse", x: arr(run.x), times: arr(run.times), options: run.options, estimate: p.estimate };
      for (let s = run.step(); s; s = run.step()) {
        yield { type: "frame", index: s.index, t: s.t, mass: num(s.mass), momentum: num(s.momentum), hamiltonian: num(s.hamiltonian), error: num(s.error), tailFraction: num(s.tailFraction), stepSize: num(s.stepSize), psi: arr(s.psi) };
        if (stop()) return;
      }
      yield { type: "end", status: run.statusName, message: run.message, tReached: num(run.tReached), steps: run.steps, nfev: run.nfev, frames: run.index + 1 };
    } finally {
      run.dispose();
    }
  },
};
