// readNetCDF and `samudra inspect` check header sizes against the file before allocating (a 12 KB file that claims
// 10⁶ records of a zero-size record must not take gigabytes and seconds), read a file still being written
// (numrecs = STREAMING), and agree with netCDF-C on record layout both ways: files written by netCDF-C (through
// netCDF4-python) read back here, and the writer's one-record-variable files (packed, unpadded records) read back
// in netCDF-C and scipy.
import { it, expect, beforeAll, afterAll } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, readFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NetCDFWriter, memorySink } from "../src/io/netcdf-writer.js";
import { readNetCDF, NetCDFError } from "../src/io/netcdf-reader.js";
import { headerFields } from "./helpers/netcdf-mutate.js";
import { ncPython, runPython } from "./helpers/python.js";
import { root } from "./helpers/runtimes.js";

let dir = "";
beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), "samudra-nc-limits-")); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

/** A ~12 KB model-like file (t, psi(t, x) with nx = 256, 5 records) whose header claims vsize 0 and 10⁶ records. */
function sizeBomb(): Uint8Array {
  const sink = memorySink(), nx = 256;
  const w = new NetCDFWriter(sink, {
    dims: [{ name: "t", size: null }, { name: "x", size: nx }],
    vars: [{ name: "t", dims: ["t"], type: "double" }, { name: "psi", dims: ["t", "x"], type: "double" }],
  });
  for (let r = 0; r < 5; r++) w.appendRecord({ t: [r], psi: new Float64Array(nx).fill(r) });
  w.close();
  const b = sink.bytes(), dv = new DataView(b.buffer, b.byteOffset);
  for (const f of headerFields(b).fields) {
    if (f.kind === "numrecs") dv.setUint32(f.offset, 1e6);
    if (f.kind === "vsize") dv.setUint32(f.offset, 0);
  }
  return b;
}

it("a 12 KB file claiming 10⁶ records of vsize 0: NetCDFError naming the field, in ≤ 100 ms, without allocating", () => {
  const b = sizeBomb();
  expect(b.length).toBeGreaterThan(10_000);
  expect(b.length).toBeLessThan(13_000);
  const heap0 = process.memoryUsage().arrayBuffers;
  const t0 = performance.now();
  let err: unknown = null;
  try { const nc = readNetCDF(b); for (const v of nc.vars) nc.read(v.name); } catch (e) { err = e; }
  const ms = performance.now() - t0;
  expect(err).toBeInstanceOf(NetCDFError);
  expect(String(err)).toMatch(/vsize 0 disagrees with its shape/);
  expect(ms).toBeLessThanOrEqual(100);
  expect(process.memoryUsage().arrayBuffers - heap0).toBeLessThan(1 << 20);
});

it("numrecs claiming more records than the file holds (vsize intact): NetCDFError, not a huge allocation", () => {
  const sink = memorySink();
  const w = new NetCDFWriter(sink, { dims: [{ name: "t", size: null }, { name: "x", size: 256 }], vars: [{ name: "psi", dims: ["t", "x"], type: "double" }] });
  for (let r = 0; r < 5; r++) w.appendRecord({ psi: new Float64Array(256) });
  w.close();
  const one = sink.bytes();
  new DataView(one.buffer, one.byteOffset).setUint32(4, 0x7fffffff);
  const t0 = performance.now();
  expect(() => readNetCDF(one)).toThrow(/psi \(2147483647 record\(s\) of 2048 bytes .*extends past the end of the file/);
  expect(performance.now() - t0).toBeLessThanOrEqual(100);
});

it("numrecs = STREAMING (0xFFFFFFFF, a file still being written) reads the records present", () => {
  const sink = memorySink();
  const w = new NetCDFWriter(sink, { dims: [{ name: "t", size: null }, { name: "x", size: 3 }], vars: [{ name: "t", dims: ["t"], type: "double" }, { name: "u", dims: ["t", "x"], type: "float" }] });
  for (let r = 0; r < 4; r++) w.appendRecord({ t: [r / 2], u: [r, -r, 2 * r] });
  w.close();
  const b = sink.bytes();
  new DataView(b.buffer, b.byteOffset).setUint32(4, 0xffffffff);
  const nc = readNetCDF(b);
  expect(nc.numrecs).toBe(4);
  expect([...(nc.read("t") as Float64Array)]).toEqual([0, 0.5, 1, 1.5]);
  expect([...(nc.read("u") as Float64Array)].slice(9)).toEqual([3, -3, 6]);
});

it("files written by netCDF-C (netCDF4-python, CLASSIC and 64BIT_OFFSET, one packed short record variable or several) read back exactly", { timeout: 120_000 }, () => {
  const out = JSON.parse(runPython(ncPython(), `
import json, sys, numpy as np, netCDF4
d = sys.argv[1]
res = {}
for fmt in ["NETCDF3_CLASSIC", "NETCDF3_64BIT_OFFSET"]:
    for nrv in [1, 3]:
        p = f"{d}/c_{fmt}_{nrv}.nc"
        ds = netCDF4.Dataset(p, "w", format=fmt)
        ds.createDimension("t", None); ds.createDimension("n", 3)
        ds.title = "written by netCDF-C"; ds.count = np.int32(7)
        fx = ds.createVariable("fixed", "f8", ("n",)); fx[:] = [1.5, -2.5, 3.5]; fx.units = "1"
        s = ds.createVariable("s", "i2", ("t", "n")); s[:] = np.arange(15, dtype="i2").reshape(5, 3) - 7
        if nrv == 3:
            ds.createVariable("b", "i1", ("t",))[:] = np.arange(5, dtype="i1")
            ds.createVariable("tt", "f8", ("t",))[:] = np.arange(5) * 0.25
        ds.close()
        res[p] = {"s": (np.arange(15) - 7).tolist()}
print(json.dumps(res))`, dir));
  for (const [file, want] of Object.entries(out) as Array<[string, { s: number[] }]>) {
    const nc = readNetCDF(new Uint8Array(readFileSync(file)));
    expect(nc.numrecs, file).toBe(5);
    expect([...(nc.read("s") as Float64Array)], file).toEqual(want.s);
    expect([...(nc.read("fixed") as Float64Array)], file).toEqual([1.5, -2.5, 3.5]);
    expect(nc.attrs.count, file).toEqual([7]);
    if (nc.vars.some((v) => v.name === "tt")) {
      expect([...(nc.read("tt") as Float64Array)], file).toEqual([0, 0.25, 0.5, 0.75, 1]);
      expect([...(nc.read("b") as Float64Array)], file).toEqual([0, 1, 2, 3, 4]);
    }
  }
});

it("the writer's one-record-variable file (3 shorts a record, packed) reads the same in netCDF-C, scipy and here", { timeout: 120_000 }, () => {
  const sink = memorySink();
  const w = new NetCDFWriter(sink, { dims: [{ name: "t", size: null }, { name: "n", size: 3 }], vars: [{ name: "s", dims: ["t", "n"], type: "short" }] });
  for (let r = 0; r < 5; r++) w.appendRecord({ s: [3 * r - 7, 3 * r - 6, 3 * r - 5] });
  w.close();
  const file = path.join(dir, "packed.nc");
  writeFileSync(file, sink.bytes());
  const want = Array.from({ length: 15 }, (_, i) => i - 7);
  expect([...(readNetCDF(sink.bytes()).read("s") as Float64Array)]).toEqual(want);
  const code = (lib: string) => `
import json, sys
${lib}
print(json.dumps(v))`;
  const c = JSON.parse(runPython(ncPython(), code(`import netCDF4\nds = netCDF4.Dataset(sys.argv[1])\nv = ds["s"][:].ravel().tolist()`), file));
  const s = JSON.parse(runPython("python3", code(`from scipy.io import netcdf_file\nwith netcdf_file(sys.argv[1], mmap=False) as f:\n    v = f.variables["s"][:].ravel().tolist()`), file));
  expect(c).toEqual(want);
  expect(s).toEqual(want);
});

it("samudra inspect: a malformed file is a one-line error with exit 1, fast; a directory or missing file exit 2", () => {
  const bad = path.join(dir, "bomb.nc");
  writeFileSync(bad, sizeBomb());
  const cli = (...a: string[]) => spawnSync(process.execPath, [path.join(root, "dist/cli.js"), "inspect", ...a], { encoding: "utf8", timeout: 30_000 });
  const t0 = performance.now();
  const r = cli(bad);
  const ms = performance.now() - t0;
  expect(r.status, r.stderr).toBe(1);
  expect(r.stderr).toMatch(/bomb\.nc: .*vsize 0 disagrees/);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(ms).toBeLessThan(3000);          // node start-up included; today: 5.6 s and 1.5 GB
  const d = path.join(dir, "a-directory.nc");
  mkdirSync(d);
  const rd = cli(d);
  expect(rd.status).toBe(2);
  expect(rd.stderr).toMatch(/a-directory\.nc.*is a directory/);
  expect(cli(path.join(dir, "missing.nc")).status).toBe(2);
});
