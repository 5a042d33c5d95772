// io.NlseNetCDF / io.KgNetCDF / io.SchoolNetCDF — the CLI's run files without a file system (for the web worker,
// the HTTP service and the ensembles). Oracle: the file `samudra <model>` writes for the same options (built
// dist/cli.js): the same variables, bit for bit, and the same attributes except the creation time and history.
// bytesSoFar() is a readable file of the records so far while the run goes on; bad input names the fix.
import { it, expect, beforeAll, afterAll } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { root } from "./helpers/runtimes.js";
import { init, io, nlse, kleinGordon, school } from "../src/index.js";

let dir = "";
beforeAll(async () => { await init(); dir = mkdtempSync(path.join(tmpdir(), "samudra-run-nc-")); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });
const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(root, "dist/cli.js"), ...args], { encoding: "utf8", cwd: dir });
const VOLATILE = new Set(["created", "history"]);

function sameFile(a: Uint8Array, b: Uint8Array) {
  const A = io.readNetCDF(a), B = io.readNetCDF(b);
  expect(A.numrecs).toBe(B.numrecs);
  expect(A.vars.map((v) => v.name)).toEqual(B.vars.map((v) => v.name));
  for (const v of A.vars) expect(Buffer.from((A.read(v.name) as Float64Array).buffer).equals(Buffer.from((B.read(v.name) as Float64Array).buffer)), v.name).toBe(true);
  const strip = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => !VOLATILE.has(k)));
  expect(strip(A.attrs)).toEqual(strip(B.attrs));
  for (const v of A.vars) expect(v.attrs).toEqual(B.vars.find((w) => w.name === v.name)!.attrs);
}

it("io.NlseNetCDF writes the file `samudra nlse` writes (variables bit for bit, attributes), and a readable file so far", () => {
  const r = cli("nlse", "two_soliton", "--set", "n_snapshots=40", "--set", "t_final=2", "-o", "n", "-q", "--format", "nc");
  expect(r.status, r.stderr).toBe(0);
  const nc = readdirSync(path.join(dir, "n")).find((f) => f.endsWith(".nc"))!;
  const run = nlse.create({ case: "two_soliton", nSnapshots: 40, tFinal: 2 });
  const w = new io.NlseNetCDF(run.options, run.x);
  let k = 0;
  for (let s = run.step(); s; s = run.step()) {
    w.add(s);
    if (++k === 7) {
      const part = io.readNetCDF(w.bytesSoFar());
      expect(part.numrecs).toBe(7);
      expect((part.read("t") as Float64Array).length).toBe(7);
    }
  }
  const bytes = w.finish({ dt: run.dt });
  run.dispose();
  sameFile(bytes, new Uint8Array(readFileSync(path.join(dir, "n", nc))));
  expect(() => w.add({} as never)).toThrow(/finished; create a new io.NlseNetCDF/);
});

it("io.KgNetCDF writes the file `samudra kg` writes, error series included for an exact case", () => {
  const r = cli("kg", "sg_kink", "--set", "n_frames=30", "--set", "t_final=3", "-o", "k", "-q", "--format", "nc");
  expect(r.status, r.stderr).toBe(0);
  const nc = readdirSync(path.join(dir, "k")).find((f) => f.endsWith(".nc"))!;
  const run = kleinGordon.create({ case: "sg_kink", nFrames: 30, tFinal: 3 });
  const w = new io.KgNetCDF(run.options, run.x, run.hasExact);
  for (let s = run.step(); s; s = run.step()) w.add(s);
  const bytes = w.finish(run.summary());
  run.dispose();
  expect(io.readNetCDF(bytes).vars.some((v) => v.name === "error")).toBe(true);
  sameFile(bytes, new Uint8Array(readFileSync(path.join(dir, "k", nc))));
});

it("io.SchoolNetCDF writes the file `samudra school` writes, statistics patched from the summary", () => {
  const r = cli("school", "couzin_torus", "--set", "n_fish=40", "--set", "n_steps=60", "--set", "save_interval=10", "-o", "s", "-q", "--format", "nc");
  expect(r.status, r.stderr).toBe(0);
  const nc = readdirSync(path.join(dir, "s", "netcdf"))[0];
  const opts = { case: "couzin_torus", nFish: 40, nSteps: 60, saveInterval: 10 } as const;
  const probe = school.create(opts), w = new io.SchoolNetCDF(probe.options);
  probe.dispose();
  const sum = school.simulate(opts, (f) => w.add(f));
  const bytes = w.finish(sum);
  expect(io.readNetCDF(bytes).attrs.final_polarization).toEqual([sum.final.polarization]);
  sameFile(bytes, new Uint8Array(readFileSync(path.join(dir, "s", "netcdf", nc))));
});

it("bad input names the argument and the fix", () => {
  const run = nlse.create({ case: "single_soliton" });
  expect(() => new io.NlseNetCDF(run.options, new Float64Array(3))).toThrow(/x must be the run's grid, a Float64Array of numPoints = \d+ values \(run.x\), got length 3/);
  expect(() => new io.NlseNetCDF(null as never, run.x)).toThrow(/options must be an NLSE run's resolved options/);
  expect(() => new io.NlseNetCDF(run.options, run.x, {} as never)).toThrow(/sink must be an io.Sink/);
  const sink = io.memorySink(), w = new io.NlseNetCDF(run.options, run.x, sink);
  expect(() => w.bytesSoFar()).toThrow(/only an in-memory file/);
  expect(w.finish(null)).toEqual(new Uint8Array(0));
  expect(io.readNetCDF(sink.bytes()).numrecs).toBe(0);
  run.dispose();
});
