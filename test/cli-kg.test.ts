// `samudra kg` as a user runs it (built dist/cli.js) in a temporary directory: the seed's case files accepted
// unchanged and reproduced (steps, frames), every file complete and readable by xarray, exit codes, no partial files.
import { it, expect, beforeAll, afterAll } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, readdirSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { root } from "./helpers/runtimes.js";
import { io } from "../src/index.js";
import { ncPython, runPython } from "./helpers/python.js";

let dir = "";
beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), "samudra-kg-cli-")); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });
const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(root, "dist/cli.js"), ...args], { encoding: "utf8", cwd: dir });
const seedConfig = (f: string) => path.join(root, "test/fixtures/seed-configs/klein-gordon", f);

it("samudra kg --config <the seed's case3_breather.txt> --legacy: 5984 steps, 301 frames, all files readable by xarray", () => {
  const r = cli("kg", "--config", seedConfig("case3_breather.txt"), "--legacy", "-o", "out1");
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/\| case3 \| legacy \| 5984 \| 0\.01000 → 0\.013401 \| 6 \| 301 \|/);
  expect(readdirSync(path.join(dir, "out1")).sort()).toEqual(["case3_breather.gif", "case3_breather.log", "case3_breather.nc", "case3_breather_diagnostics.csv", "case3_breather_energy.png", "case3_breather_energy.svg", "case3_breather_invariants.svg", "case3_breather_spacetime.png", "case3_breather_spacetime.svg", "case3_breather_summary.json"]);
  const nc = io.readNetCDF(new Uint8Array(readFileSync(path.join(dir, "out1/case3_breather.nc"))));
  expect(nc.numrecs).toBe(301);
  expect(nc.attrs.potential).toBe("sine_gordon");
  const E = nc.read("energy") as Float64Array;
  expect(E[0]).toBeCloseTo(12.30168, 5);
  expect(E[300]).toBeCloseTo(11.427164, 5);
  const py = JSON.parse(runPython(ncPython(), `
import json, sys, xarray as xr
ds = xr.open_dataset(sys.argv[1])
print(json.dumps({"phimax": float(abs(ds["phi"]).max()), "t1": float(ds["t"][1]), "nx": int(ds.sizes["x"]), "x0": float(ds["x"][0]), "x1": float(ds["x"][-1])}))`, path.join(dir, "out1/case3_breather.nc")));
  expect(py.phimax).toBeCloseTo(3.4237, 4);           // the published global max|φ|
  expect(py.t1).toBeCloseTo(0.27615, 5);
  expect(py).toMatchObject({ nx: 512, x0: -40, x1: 40 });
  const csv = readFileSync(path.join(dir, "out1/case3_breather_diagnostics.csv"), "utf8").trim().split("\n");
  expect(csv[0]).toBe("Time,Energy,Momentum,MaxAbs,Centroid,TailFraction,NKinks");
  expect(csv.length).toBe(302);
  expect(readFileSync(path.join(dir, "out1/case3_breather.log"), "utf8")).toMatch(/steps = 5984/);
});

it("samudra kg --all --legacy --json: the seed's step counts for the four cases", () => {
  const r = cli("kg", "--all", "--legacy", "--json", "--format", "json", "-o", "out2");
  expect(r.status, r.stderr).toBe(0);
  const s = JSON.parse(r.stdout);
  expect(s.map((x: { steps: number }) => x.steps)).toEqual([7476, 7476, 5984, 14938]);
  expect(s.map((x: { frames: number }) => x.frames)).toEqual([201, 201, 301, 401]);
});

it("samudra kg kink_antikink --method yoshida4: corrected collision conserves H to 1e-6", () => {
  const r = cli("kg", "kink_antikink", "--method", "yoshida4", "--json", "--format", "csv", "-o", "out3");
  expect(r.status, r.stderr).toBe(0);
  const [s] = JSON.parse(r.stdout);
  expect(s.method).toBe("yoshida4");
  expect(s.drift.energy).toBeLessThan(1e-6);
  expect(readdirSync(path.join(dir, "out3")).sort()).toEqual(["kink_antikink_collision_corrected.log", "kink_antikink_collision_corrected_diagnostics.csv"]);
});

it("a YAML config with samudra's keys (method, boundary, cfl) is honoured, flags override it", () => {
  writeFileSync(path.join(dir, "kink.yaml"), "scenario_name: My Kink\nic_type: kink\npotential: phi4\nnx: 512\nx_min: -40\nx_max: 40\nt_final: 4\nn_frames: 4\nvelocity: 0.5\nmethod: yoshida4\nboundary: periodic\ncfl: 0.5\n");
  const r = cli("kg", "--config", "kink.yaml", "--json", "--format", "json", "-o", "out4");
  expect(r.status, r.stderr).toBe(0);
  const [s] = JSON.parse(r.stdout);
  expect(s.method).toBe("yoshida4");
  expect(s.case).toBe("case2");
  expect(readdirSync(path.join(dir, "out4"))).toContain("my_kink_corrected_summary.json");
  const flag = cli("kg", "--config", "kink.yaml", "--json", "--format", "json", "-o", "out5", "--method", "yoshida6");   // a flag beats the file
  expect(flag.status, flag.stderr).toBe(0);
  expect(JSON.parse(flag.stdout)[0].method).toBe("yoshida6");
});

it("bad input: exit 2, a message naming the option, the value and the fix, and no files", () => {
  const cases: Array<[string[], RegExp]> = [
    [["kg", "case9", "-o", "bad1"], /unknown case "case9"; cases: case1/],
    [["kg", "case1", "--method", "rk4", "-o", "bad2"], /--method must be verlet, strang_exact, yoshida4, yoshida6 or kahanli6; got "rk4"/],
    [["kg", "case2", "--method", "verlet", "--dt", "0.5", "-o", "bad3"], /unstable for velocity Verlet .* use dt </],
    [["kg", "case1", "--dt=-1", "-o", "bad4"], /--dt must be a positive number, got "-1"/],
    [["kg", "--config", "nope.txt", "-o", "bad5"], /config file not found: nope.txt/],
  ];
  for (const [args, msg] of cases) {
    const r = cli(...args);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(msg);
    const out = path.join(dir, args[args.length - 1]);
    expect(existsSync(out) ? readdirSync(out).filter((f) => !f.endsWith(".log")) : []).toEqual([]);
  }
});
