/**
 * The fish school behind /v1/school/runs: the 3-D Couzin zone model (src/models/school). Frames carry positions and
 * velocities (x, y, z interleaved) and the 12 metrics; the figure is the school summary (order parameters, the
 * final state in 3-D, entropies); CSV holds time and every metric series.
 */
import { estimateSchool, type Budget } from "./budget.js";
import { arr, num, type Adapter, type Prepared, type Line } from "./adapter.js";
import type { Lib } from "./lib.js";

/** Steps inside WASM between two checks of the stop flag (the library's own chunk). */
const CHUNK = 4096;

/** The school adapter. */
export const schoolAdapter: Adapter = {
  name: "school",
  title: "3-D Couzin zone model of fish schools (legacy dewi-kadita rule or Couzin et al. 2002)",
  cases: (lib) => lib.school.SCHOOL_CASES,
  methods: ["legacy", "couzin2002"],
  prepare(lib: Lib, options: Record<string, unknown>, budget: Budget): Prepared {
    const run = lib.school.create(options);
    try {
      const r = run.options;
      const estimate = estimateSchool({ nFish: r.nFish, nSteps: Math.min(r.nSteps, r.maxSteps), saveInterval: r.saveInterval, computeEntropy: r.computeEntropy }, budget);
      return { model: "school", options, estimate };
    } finally {
      run.dispose();
    }
  },
  summary: (lib, p) => lib.school.simulate(p.options),
  netcdf(lib, p) {
    const probe = lib.school.create(p.options);
    const nc = new lib.io.SchoolNetCDF(probe.options);
    probe.dispose();
    const sum = lib.school.simulate(p.options, (f) => nc.add(f));
    return nc.finish(sum);
  },
  csv(lib, p) {
    const s = lib.school.simulate(p.options);
    const keys = lib.school.METRIC_KEYS;
    const rows = Array.from(s.time, (t, i) => [t, ...keys.map((k) => s.series[k][i])]);
    return lib.io.toCsv(["time", ...keys], rows);
  },
  figure(lib, p) {
    let pos = new Float64Array(0), vel = new Float64Array(0);
    const s = lib.school.simulate(p.options, (f) => { pos = f.positions.slice(); vel = f.velocities.slice(); });
    const r = s.options;
    return lib.render.schoolSummaryFigure({
      title: r.scenarioName, subtitle: `${r.mode}, ${r.nFish} fish, ${s.frames} frames, ${s.state}${s.status === "ok" ? "" : `, ${s.status}`}`,
      t: s.time, series: s.series, mean: s.mean, final: s.final, positions: pos, velocities: vel,
      boxSize: r.boxSize, boundary: r.boundary, metrics: r.computeEntropy,
    });
  },
  *frames(lib, p, stop): Generator<Line> {
    const run = lib.school.create(p.options);
    try {
      const r = run.options, keys = lib.school.METRIC_KEYS;
      const frames = Math.floor(r.nSteps / r.saveInterval) + 1;
      yield { type: "start", model: "school", frames, options: r, estimate: p.estimate };
      let status = "ok", count = 0;
      outer: for (let f = 0; f < frames; f++) {
        if (f > 0) {
          for (let done = 0; done < r.saveInterval;) {
            if (run.step >= r.maxSteps) { status = "budget"; break outer; }
            const c = Math.min(CHUNK, r.saveInterval - done, r.maxSteps - run.step);
            run.advance(c); done += c;
          }
          if (!run.finite) { status = "non-finite"; break; }
        }
        const m = run.metricsArray(r.legacy, !r.computeEntropy);
        count = f + 1;
        yield { type: "frame", index: f, t: run.step * r.dt, metrics: Object.fromEntries(keys.map((k, i) => [k, num(m[i])])), positions: arr(run.positions), velocities: arr(run.velocities) };
        if (stop()) return;
      }
      yield { type: "end", status, message: status === "ok" ? "completed" : status === "budget" ? `stopped by the step budget after ${r.maxSteps} steps; raise maxSteps` : "the state became non-finite; frames up to the last finite one were sent", tReached: run.step * r.dt, frames: count };
    } finally {
      run.dispose();
    }
  },
};
