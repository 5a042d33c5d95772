/**
 * Klein–Gordon behind /v1/kg/runs: φ_tt − φ_xx + V′(φ) = 0 (src/models/klein-gordon). Frames carry φ, φ_t, the
 * energy H, momentum P, kink positions and the error against an exact solution; the figure is the space-time φ
 * heatmap; CSV holds t, H, P (and the error where the case has an exact solution).
 */
import { estimateKg, type Budget } from "./budget.js";
import { arr, num, range, stack, type Adapter, type Prepared, type Line } from "./adapter.js";
import type { Lib } from "./lib.js";

const METHODS = ["verlet", "strang_exact", "yoshida4", "yoshida6", "kahanli6", "legacy"] as const;

/** The Klein–Gordon adapter. */
export const kgAdapter: Adapter = {
  name: "kg",
  title: "(1+1)-D nonlinear Klein–Gordon φ_tt − φ_xx + V′(φ) = 0 (linear, φ⁴, sine-Gordon)",
  cases: (lib) => lib.kleinGordon.KG_CASES,
  methods: METHODS,
  prepare(lib: Lib, options: Record<string, unknown>, budget: Budget): Prepared {
    const run = lib.kleinGordon.create(options);
    try {
      const r = run.options;
      const estimate = estimateKg({ nx: r.nx, method: r.method, legacy: r.legacy, boundary: r.boundary, tFinal: r.tFinal, dt: r.dt, nFrames: r.nFrames, maxSteps: r.maxSteps }, budget, options.maxSteps !== undefined);
      return { model: "kg", options: estimate.stepCap === null ? options : { ...options, maxSteps: estimate.stepCap }, estimate };
    } finally {
      run.dispose();
    }
  },
  summary: (lib, p) => lib.kleinGordon.simulate(p.options),
  netcdf(lib, p) {
    const probe = lib.kleinGordon.create(p.options);
    const nc = new lib.io.KgNetCDF(probe.options, probe.x, probe.hasExact);   // the CLI's file: an exact case carries its error series
    probe.dispose();
    const sum = lib.kleinGordon.simulate(p.options, (s) => nc.add(s));
    return nc.finish(sum);
  },
  csv(lib, p) {
    const s = lib.kleinGordon.simulate(p.options);
    const I = s.invariants, n = s.t.length;
    const rows = Array.from({ length: n }, (_, i) => [s.t[i], I.energy[i], I.momentum[i], ...(s.error ? [s.error[i]] : [])]);
    return lib.io.toCsv(["t", "energy", "momentum", ...(s.error ? ["error"] : [])], rows);
  },
  figure(lib, p) {
    const rows: Float32Array[] = [];
    let cmap = "viridis";
    const s = lib.kleinGordon.simulate(p.options, (f) => { rows.push(Float32Array.from(f.phi)); });
    const probe = lib.kleinGordon.create(p.options);
    if (lib.render.COLORMAPS.includes(probe.options.colormap)) cmap = probe.options.colormap;
    probe.dispose();
    const N = s.x.length, values = stack(rows, N), { lo, hi } = range(values);
    return lib.render.heatmapFigure({
      title: `${s.scenarioName}: φ(x, t)`, subtitle: `${s.method}, nx = ${N}${s.status === "ok" ? "" : `, ${s.status}`}`,
      values, rows: rows.length, cols: N,
      x: { lo: s.x[0], hi: s.x[N - 1], label: "x" },
      y: { lo: s.t[0], hi: rows.length > 1 ? s.t[rows.length - 1] : s.t[0] + 1, label: "t" },
      colormap: cmap, vmin: lo, vmax: hi, cbLabel: "φ",
    });
  },
  *frames(lib, p, stop): Generator<Line> {
    const run = lib.kleinGordon.create(p.options);
    try {
      yield { type: "start", model: "kg", x: arr(run.x), options: run.options, estimate: p.estimate };
      for (let s = run.step(); s; s = run.step()) {
        yield { type: "frame", index: s.index, t: s.t, energy: num(s.energy), momentum: num(s.momentum), error: num(s.error), maxAbs: num(s.maxAbs), centroid: num(s.centroid), tailFraction: num(s.tailFraction), charge: num(s.charge), kinks: arr(s.kinks), kinkSigns: arr(s.kinkSigns), phi: arr(s.phi), phiT: arr(s.phiT) };
        if (stop()) return;
      }
      const sum = run.summary();
      yield { type: "end", status: sum.status, message: sum.message, tReached: num(sum.tReached), steps: sum.steps, frames: sum.t.length, drift: sum.invariants.drift };
    } finally {
      run.dispose();
    }
  },
};
