// `samudra school` as a user runs it (built dist/cli.js) in a temporary directory: the seed's case files
// accepted unchanged, the seed's output tree and columns, NetCDF readable by xarray with the attributes the
// seed forgot, the figures, --no-entropy / --save-interval / --seed, exit codes and no partial files.
import { it, expect, beforeAll, afterAll } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, readdirSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { root } from "./helpers/runtimes.js";
import { ncPython, runPython } from "./helpers/python.js";

let dir = "";
beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), "samudra-school-cli-")); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });
const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(root, "dist/cli.js"), ...args], { encoding: "utf8", cwd: dir });
const seedConfig = (f: string) => path.join(root, "test/fixtures/seed-configs/schooling", f);
const tree = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? tree(path.join(d, e.name)).map((f) => `${e.name}/${f}`) : [e.name]).sort();

it("samudra school --config <the seed's case2_torus.txt>: the seed's files, initial frame = published values, xarray reads the NetCDF", () => {
  const r = cli("school", "--config", seedConfig("case2_torus.txt"), "--save-interval", "20", "-o", "out1");
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/\[8\/8\] summary/);
  expect(tree(path.join(dir, "out1"))).toEqual(["case2_torus_summary.json", "csv/case2_torus_entropy_summary.csv", "csv/case2_torus_entropy_timeseries.csv", "csv/case2_torus_final_state.csv", "csv/case2_torus_order_parameters.csv", "figs/case2_torus_summary.png", "figs/case2_torus_summary.svg", "gifs/case2_torus_animation.gif", "logs/case2_torus.log", "netcdf/case2_torus.nc"]);
  const py = JSON.parse(runPython(ncPython(), `
import json, sys, xarray as xr
ds = xr.open_dataset(sys.argv[1])
print(json.dumps({"dims": dict(ds.sizes), "vars": sorted(ds.data_vars), "P0": float(ds.polarization[0]), "M0": float(ds.rotation[0]),
  "osi0": float(ds.oceanic_schooling_index[0]), "t": [float(ds.time[0]), float(ds.time[-1])], "pos": list(ds.positions.shape),
  "attrs": {k: (v.item() if hasattr(v, "item") else v) for k, v in ds.attrs.items() if k in ("seed", "orientation_weight", "torus_init", "torus_radius", "samudra_mode", "save_interval", "n_fish")},
  "meanP": float(ds.attrs["mean_polarization"]), "meanP_data": float(ds.polarization[ds.sizes["time"] // 2:].mean())}))`, path.join(dir, "out1/netcdf/case2_torus.nc")));
  expect(py.dims).toEqual({ time: 101, fish: 200, spatial: 3 });
  expect(py.vars).not.toContain("x");                       // no duplicated x/y/z/vx/vy/vz
  expect(py.vars).toEqual(expect.arrayContaining(["positions", "velocities", "polarization", "rotation", "order_index", "spread", "school_shape_entropy", "oceanic_schooling_index"]));
  expect(py.P0).toBeCloseTo(0.008, 3); expect(py.M0).toBeCloseTo(0.952, 3); expect(py.osi0).toBeCloseTo(0.608, 3);
  expect(py.t).toEqual([0, 200]);
  expect(py.pos).toEqual([101, 200, 3]);
  expect(py.attrs).toMatchObject({ seed: 42, orientation_weight: 0.1, torus_init: 1, torus_radius: 6, save_interval: 20, n_fish: 200 });
  expect(py.attrs.samudra_mode).toMatch(/^legacy/);
  expect(py.meanP).toBeCloseTo(py.meanP_data, 12);           // statistics patched into the header at the end
  const ts = readFileSync(path.join(dir, "out1/csv/case2_torus_entropy_timeseries.csv"), "utf8").trim().split("\n");
  expect(ts[0]).toBe("Time,Polarization,Rotation,Spread,Order_Index,School_Cohesion_Entropy,Polarization_Entropy,Depth_Stratification_Entropy,Angular_Momentum_Entropy,Nearest_Neighbor_Entropy,Velocity_Correlation_Entropy,School_Shape_Entropy,Oceanic_Schooling_Index");
  expect(ts.length).toBe(102);
  expect(readFileSync(path.join(dir, "out1/csv/case2_torus_final_state.csv"), "utf8").split("\n")[1]).toMatch(/^0,-?\d\.\d{8}e[+-]\d\d,/);
  const sum = readFileSync(path.join(dir, "out1/csv/case2_torus_entropy_summary.csv"), "utf8").trim().split("\n");
  expect(sum[0]).toBe("Metric,Mean_2nd_Half,Std_2nd_Half,Final_Value,Min,Max");
  expect(sum.map((l) => l.split(",")[0]).slice(1)).toEqual(["polarization", "rotation", "spread", "order_index", "school_cohesion_entropy", "polarization_entropy", "depth_stratification_entropy", "angular_momentum_entropy", "nearest_neighbor_entropy", "velocity_correlation_entropy", "school_shape_entropy", "oceanic_schooling_index"]);
  const png = readFileSync(path.join(dir, "out1/figs/case2_torus_summary.png"));
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  expect(png.readUInt32BE(16)).toBe(1500);                  // 6-panel layout, 15 in at the config's dpi 100
  const gif = readFileSync(path.join(dir, "out1/gifs/case2_torus_animation.gif"));
  expect(gif.subarray(0, 6).toString()).toBe("GIF89a");
  // one image descriptor per animation_skip-th saved frame: ceil(101 / 10) = 11
  let frames = 0;
  for (let i = 0; i + 8 < gif.length; i++) if (gif[i] === 0x21 && gif[i + 1] === 0xf9 && gif[i + 2] === 4 && gif[i + 7] === 0 && gif[i + 8] === 0x2c) frames++;
  expect(frames).toBe(11);
  expect(readFileSync(path.join(dir, "out1/logs/case2_torus.log"), "utf8")).toMatch(/density = 0\.0128/);
});

it("--no-entropy --seed --format csv,json: only P and M, the seed applied, only the asked files", () => {
  const r = cli("school", "case1", "--no-entropy", "--seed", "7", "--save-interval", "50", "--format", "csv,json", "--json", "-o", "out2");
  expect(r.status, r.stderr).toBe(0);
  const [s] = JSON.parse(r.stdout);
  expect(s.frames).toBe(21);
  expect(s.final.oceanicSchoolingIndex).toBeNull();          // NaN → null in JSON
  expect(tree(path.join(dir, "out2"))).toEqual(["case1_swarm_summary.json", "csv/case1_swarm_final_state.csv", "csv/case1_swarm_order_parameters.csv", "logs/case1_swarm.log"]);
  expect(readFileSync(path.join(dir, "out2/logs/case1_swarm.log"), "utf8")).toMatch(/seed = 7/);
});

it("couzin_torus in open space: a mill; mode recorded in the file name and attributes", () => {
  const r = cli("school", "couzin_torus", "--format", "nc", "--save-interval", "100", "-o", "out3", "--json");
  expect(r.status, r.stderr).toBe(0);
  const [s] = JSON.parse(r.stdout);
  expect(s.state).toBe("Torus/Milling");
  expect(existsSync(path.join(dir, "out3/netcdf/couzin_2002_torus_couzin2002.nc"))).toBe(true);
});

it("bad input: exit 2, a message naming the option, and no output files", () => {
  const cases: [string[], RegExp][] = [
    [["school", "case9"], /unknown case "case9"; cases: case1, case2/],
    [["school", "case1", "--save-interval", "0"], /--save-interval must be an integer ≥ 1, got "0"/],
    [["school", "case1", "--mode", "vicsek"], /--mode must be legacy or couzin2002, got "vicsek"/],
    [["school", "case1", "--mode", "couzin2002", "--boundary", "periodic"], /rAttraction = 15 exceeds half the periodic box/],
    [["school", "case1", "--format", "nc,pdf"], /--format takes a comma-separated list of nc, csv, png, gif, json; got "nc,pdf"/],
    [["school", "--config", "missing.txt"], /config file not found: missing.txt/],
    [["school", "case1", "--legacy"], /--legacy is not a school option/],
  ];
  for (const [args, msg] of cases) {
    const r = cli(...args, "-o", "bad");
    expect(r.status, args.join(" ")).toBe(2);
    expect(r.stderr).toMatch(msg);
  }
  writeFileSync(path.join(dir, "bad.txt"), "n_fish = 100\nr_repulsion = 3\nr_orientation = 2\n");
  const r = cli("school", "--config", "bad.txt", "-o", "bad");
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/rRepulsion < rOrientation ≤ rAttraction, got 3, 2, 15/);
  expect(existsSync(path.join(dir, "bad"))).toBe(false);
});

it("an output path that is a file is refused before the run (exit 2) and nothing is written", () => {
  writeFileSync(path.join(dir, "occupied"), "x");
  const r = cli("school", "case1", "--save-interval", "100", "-o", "occupied");
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/output directory "occupied": .*occupied exists and is not a directory; choose another -o\/--output-dir/);
  expect(readFileSync(path.join(dir, "occupied"), "utf8")).toBe("x");
  expect(readdirSync(dir).filter((f) => f.includes("partial"))).toEqual([]);
});

it("a YAML config with samudra's keys (case, turn_rate, field_of_perception, boundary) runs", () => {
  writeFileSync(path.join(dir, "mill.yaml"), "scenario_name: My Mill\ncase: couzin_torus\nn_fish: 60\nn_steps: 300\nturn_rate: 0.8\nfield_of_perception: 300\nboundary: reflect\nbox_size: 30\n");
  const r = cli("school", "--config", "mill.yaml", "--format", "json", "--json", "-o", "out4");
  expect(r.status, r.stderr).toBe(0);
  const [s] = JSON.parse(r.stdout);
  expect(s).toMatchObject({ case: "couzin_torus", mode: "couzin2002", scenario: "My Mill", frames: 301 });
  const sum = JSON.parse(readFileSync(path.join(dir, "out4/my_mill_couzin2002_summary.json"), "utf8"));
  expect(sum.options).toMatchObject({ boundary: "reflect", nFish: 60, blindAngle: 30 });
  expect(sum.options.maxTurn).toBeCloseTo(0.08, 12);          // turn_rate 0.8 × dt 0.1
});
