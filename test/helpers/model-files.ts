/**
 * Small real runs of every model through the built CLI (dist/cli.js), legacy and corrected, for the NetCDF reader
 * and CF tests: each returns the .nc file it wrote. The set covers the attribute variants — adaptive and
 * fixed-step NLSE, a case without an exact solution (error all missing), a case with the `mode` parameter, legacy
 * and corrected Klein–Gordon, school legacy/couzin2002, with and without metrics and a torus start.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { root } from "./runtimes.js";

export interface ModelFile { model: "nlse" | "kg" | "school"; label: string; file: string }

const RUNS: Array<{ model: ModelFile["model"]; label: string; config: string; args: string[] }> = [
  { model: "nlse", label: "nlse corrected dop853 (exact solution)", config: "initial_condition: single_soliton\nnum_points: 128\nn_snapshots: 5\nt_final: 0.5\n", args: [] },
  { model: "nlse", label: "nlse legacy", config: "initial_condition: single_soliton\nnum_points: 128\nn_snapshots: 5\nt_final: 0.5\n", args: ["--legacy"] },
  { model: "nlse", label: "nlse yoshida4, no exact solution, seed", config: "initial_condition: modulation_instability\nnum_points: 64\nn_snapshots: 4\nt_final: 0.2\n", args: ["--method", "yoshida4"] },
  { model: "nlse", label: "nlse strang, mode parameter", config: "initial_condition: plane_wave_mi\nnum_points: 64\nn_snapshots: 4\nt_final: 0.2\n", args: ["--method", "strang"] },
  { model: "kg", label: "kg corrected", config: "case: boosted_kink\nnx: 128\nt_final: 1\nn_frames: 4\n", args: [] },
  { model: "kg", label: "kg legacy (adaptive dt)", config: "case: case3\nnx: 64\nt_final: 2\nn_frames: 4\n", args: ["--legacy"] },
  { model: "school", label: "school legacy", config: "case: case1\nn_fish: 12\nn_steps: 6\nbox_size: 10\n", args: [] },
  { model: "school", label: "school couzin2002 torus, no metrics", config: "case: couzin_torus\nn_fish: 12\nn_steps: 6\n", args: ["--no-entropy"] },
  { model: "school", label: "school couzin2002 open", config: "case: case1\nn_fish: 12\nn_steps: 6\nbox_size: 10\n", args: ["--mode", "couzin2002"] },
];

function findNc(dir: string): string {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { const f = findNc(p); if (f) return f; } else if (e.name.endsWith(".nc")) return p;
  }
  return "";
}

/** Runs every case into `dir` (a fresh temporary directory) and returns the NetCDF files. */
export function writeModelFiles(dir: string): ModelFile[] {
  return RUNS.map((r, i) => {
    const cfg = path.join(dir, `run${i}.yaml`), out = path.join(dir, `out${i}`);
    writeFileSync(cfg, r.config);
    const p = spawnSync(process.execPath, [path.join(root, "dist/cli.js"), r.model, "--config", cfg, ...r.args, "--format", "nc", "-q", "-o", out], { encoding: "utf8", timeout: 60_000 });
    if (p.status !== 0) throw new Error(`${r.label}: samudra ${r.model} exited ${p.status}: ${p.stderr}`);
    const file = findNc(out);
    if (!file) throw new Error(`${r.label}: no .nc file in ${out}`);
    return { model: r.model, label: r.label, file };
  });
}
