// The `samudra` command as a user runs it (built dist/cli.js) in a temporary directory: files complete and
// readable, seed config files accepted unchanged, exit codes, -q, and no partial files after a failure.
import { it, expect, beforeAll, afterAll } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, readdirSync, readFileSync, writeFileSync, existsSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NetCDFReader } from "netcdfjs";
import { root } from "./helpers/runtimes.js";
import { io } from "../src/index.js";
import { ncPython, runPython } from "./helpers/python.js";

let dir = "";
// one level down: the seed configs' output_dir = ../outputs then stays private (other tests use the same configs)
beforeAll(() => { dir = path.join(mkdtempSync(path.join(tmpdir(), "samudra-cli-")), "work"); mkdirSync(dir); });
afterAll(() => { rmSync(path.dirname(dir), { recursive: true, force: true }); });
const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(root, "dist/cli.js"), ...args], { encoding: "utf8", cwd: dir });

it("samudra nlse single_soliton --legacy: the seed's nfev; every file written, complete and readable", () => {
  const r = cli("nlse", "single_soliton", "--legacy", "-o", "out1");
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/\| single_soliton \| dop853 \| 23354 \| 1920\/1 \|/);
  const files = readdirSync(path.join(dir, "out1")).sort();
  // legacy runs carry "_legacy" in their stem, so a corrected run of the same case never overwrites them
  expect(files).toEqual(["single_soliton_legacy.gif", "single_soliton_legacy.log", "single_soliton_legacy.nc", "single_soliton_legacy_invariants.csv", "single_soliton_legacy_invariants.svg", "single_soliton_legacy_spacetime.png", "single_soliton_legacy_spacetime.svg", "single_soliton_legacy_spectrum.png", "single_soliton_legacy_spectrum.svg", "single_soliton_legacy_summary.json"]);
  const nc = io.readNetCDF(new Uint8Array(readFileSync(path.join(dir, "out1/single_soliton_legacy.nc"))));
  expect(nc.numrecs).toBe(100);
  expect(nc.dims.map((d) => [d.name, d.size])).toEqual([["t", 100], ["x", 512]]);
  expect(nc.attrs.samudra_mode).toBe("legacy (seed parity)");
  expect(nc.attrs.software).toMatch(/^samudra /);
  const psi = nc.read("psi_abs") as Float64Array;
  expect(psi.length).toBe(100 * 512);
  const x = nc.read("x") as Float64Array;
  x.forEach((xx, j) => expect(Math.abs(psi[j] - 2 / Math.cosh(2 * (xx + 10)))).toBeLessThan(1e-13));   // ψ(0) = IFFT(FFT(ψ0))
  const py = JSON.parse(runPython(ncPython(), `
import json, sys, xarray as xr
from scipy.io import netcdf_file
ds = xr.open_dataset(sys.argv[1]); f = netcdf_file(sys.argv[1], 'r', mmap=False)
print(json.dumps({"xr": float(ds["psi_abs"].values[99].max()), "sci": float(f.variables["psi_abs"][99].max()), "mode": ds.attrs["samudra_mode"], "nt": int(ds.sizes["t"])}))`, path.join(dir, "out1/single_soliton_legacy.nc")));
  expect(py.xr).toBe(Math.max(...psi.subarray(99 * 512)));
  expect(py.sci).toBe(py.xr);
  expect(py).toMatchObject({ mode: "legacy (seed parity)", nt: 100 });
  const js = new NetCDFReader(readFileSync(path.join(dir, "out1/single_soliton_legacy.nc")).buffer as ArrayBuffer);
  expect((js.getDataVariable("mass") as number[])[99]).toBeCloseTo(4, 12);
  const csv = readFileSync(path.join(dir, "out1/single_soliton_legacy_invariants.csv"), "utf8").trim().split("\n");
  expect(csv[0]).toBe("Time,Mass,Momentum,Hamiltonian,Error");
  expect(csv.length).toBe(101);
  expect(csv[1]).toMatch(/^0\.00000000e\+00,4\.00000000e\+00,/);
  const sum = JSON.parse(readFileSync(path.join(dir, "out1/single_soliton_legacy_summary.json"), "utf8"));
  expect(sum.nfev).toBe(23354);
  const png = readFileSync(path.join(dir, "out1/single_soliton_legacy_spacetime.png"));
  expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
  expect(readFileSync(path.join(dir, "out1/single_soliton_legacy.gif")).subarray(0, 6).toString()).toBe("GIF89a");
  expect(readFileSync(path.join(dir, "out1/single_soliton_legacy_invariants.svg"), "utf8")).toMatch(/^<svg/);
  expect(readFileSync(path.join(dir, "out1/single_soliton_legacy.log"), "utf8")).toMatch(/nfev = 23354[\s\S]*TIMING/);
});

it("a seed's own .txt config runs unchanged (its output_dir/log_dir honoured); --format limits the files", () => {
  copyFileSync(path.join(root, "test/fixtures/seed-configs/nlse/txt/two_soliton.txt"), path.join(dir, "two.txt"));
  const r = cli("nlse", "--config", "two.txt", "--legacy", "--format", "nc,json", "-q");
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toBe("");
  // the seed's config says output_dir = ../outputs, log_dir = ../logs
  expect(readdirSync(path.join(dir, "../outputs")).filter((f) => f.startsWith("two_soliton_collision")).sort()).toEqual(["two_soliton_collision_legacy.nc", "two_soliton_collision_legacy_summary.json"]);
  expect(existsSync(path.join(dir, "../logs/two_soliton_collision_legacy.log"))).toBe(true);
  expect(readdirSync(path.join(dir, "../outputs")).filter((f) => f.startsWith(".samudra-staging"))).toEqual([]);
  rmSync(path.join(dir, "../outputs/two_soliton_collision_legacy.nc")); rmSync(path.join(dir, "../outputs/two_soliton_collision_legacy_summary.json")); rmSync(path.join(dir, "../logs/two_soliton_collision_legacy.log"));
});

it("a bad config exits 2 with the message and writes no file", () => {
  writeFileSync(path.join(dir, "bad.yaml"), "num_points: 512.5\ninitial_condition: single_soliton\n");
  const r = cli("nlse", "--config", "bad.yaml", "-o", "out-bad");
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/bad.yaml line 1: num_points = 512.5 is not allowed; num_points must be an integer/);
  expect(existsSync(path.join(dir, "out-bad"))).toBe(false);
  const unk = cli("nlse", "nope");
  expect(unk.status).toBe(2);
  expect(unk.stderr).toMatch(/unknown case "nope"/);
  const fmt = cli("nlse", "--format", "nc,pdf");
  expect(fmt.status).toBe(2);
  expect(fmt.stderr).toMatch(/--format takes a comma-separated list of nc, csv, json, png, gif, svg; got "nc,pdf"/);
});

it("a run that fails (blow-up) exits 1, says where, and leaves only <stem>.failed.log", () => {
  writeFileSync(path.join(dir, "blowup.yaml"), "initial_condition: single_soliton\nnum_points: 64\ndomain_length: 10\nt_final: 5\nn_snapshots: 5\ngamma: 1.0e+300\n");
  const r = cli("nlse", "--config", "blowup.yaml", "-o", "out-fail", "-q");
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/non-finite \(NaN or ±Infinity\) before the first snapshot/);
  const left = existsSync(path.join(dir, "out-fail")) ? readdirSync(path.join(dir, "out-fail")) : [];
  expect(left).toEqual(["single_soliton.failed.log"]);
});

it("samudra inspect prints the header; --json gives the summaries; help documents the commands", () => {
  cli("nlse", "second_order_soliton", "--format", "nc", "-o", "out2", "-q");
  const r = cli("inspect", "out2/second_order_soliton.nc");
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/NetCDF-3 CDF-2, 81 records/);
  expect(r.stdout).toMatch(/double psi_abs\(t, x\)/);
  expect(cli("inspect", "missing.nc").status).toBe(2);
  const j = JSON.parse(cli("nlse", "--all", "--legacy", "--json", "--format", "json", "-o", "out3").stdout);
  expect(j.map((c: { nfev: number }) => c.nfev)).toEqual([23354, 30110, 34046, 70718]);
  expect(cli("nlse", "--help").stdout).toMatch(/samudra nlse — 1-D nonlinear Schrödinger solver/);
  expect(cli("--help").stdout).toMatch(/samudra inspect FILE.nc/);
  expect(cli("frobnicate").status).toBe(2);
});
