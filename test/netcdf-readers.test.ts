// Every NetCDF file the CLI writes (NLSE, Klein–Gordon, school; legacy and corrected) opens, reads and CLOSES in
// every reader the seeds' users have: scipy.io.netcdf_file in a `with` block (mmap on and off), xarray with the
// scipy and netcdf4 engines (in a `with` block), netCDF4-python and npm netcdfjs. Each reader's values are
// compared with samudra's own reader: per variable the count, the number of missing (NaN) values and the sum
// of the others. A global attribute named like a reader's own state (the old `mode`) breaks close() here.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtempSync, rmSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NetCDFReader } from "netcdfjs";
import { readNetCDF } from "../src/io/netcdf-reader.js";
import { ncPython, runPython } from "./helpers/python.js";
import { writeModelFiles, type ModelFile } from "./helpers/model-files.js";

interface Stats { n: number; nan: number; sum: number }
type FileStats = Record<string, Stats>;

let dir = "";
let files: ModelFile[] = [];
const ours: Record<string, FileStats> = {};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "samudra-nc-readers-"));
  files = writeModelFiles(dir);
  for (const f of files) {
    const nc = readNetCDF(new Uint8Array(readFileSync(f.file)));
    ours[f.file] = Object.fromEntries(nc.vars.filter((v) => v.type !== "char").map((v) => [v.name, stats(nc.read(v.name) as Float64Array)]));
  }
}, 120_000);
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

function stats(a: ArrayLike<number>): Stats {
  let sum = 0, nan = 0;
  for (let i = 0; i < a.length; i++) if (Number.isNaN(a[i])) nan++; else sum += a[i];
  return { n: a.length, nan, sum };
}

function expectSame(got: FileStats, want: FileStats, where: string) {
  expect(Object.keys(got).sort(), where).toEqual(Object.keys(want).sort());
  for (const [k, w] of Object.entries(want)) {
    const g = got[k];
    expect({ n: g.n, nan: g.nan }, `${where}: ${k}`).toEqual({ n: w.n, nan: w.nan });
    expect(Math.abs(g.sum - w.sum), `${where}: ${k} sum ${g.sum} vs ${w.sum}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(w.sum)));
  }
}

// per file: {variable: {n, nan, sum}} as the reader sees it, after the reader closed the file without error
const PY_STATS = `
import json, math, sys, warnings
import numpy as np
def stats(a):
    a = np.asarray(a, dtype=float).ravel()
    nan = int(np.isnan(a).sum())
    return {"n": int(a.size), "nan": nan, "sum": float(np.nansum(a)) if a.size else 0.0}
`;

describe("readers of samudra's NetCDF files", () => {
  it("scipy.io.netcdf_file in a with block (mmap off and on), every model and mode", { timeout: 120_000 }, () => {
    const out = JSON.parse(runPython("python3", `${PY_STATS}
from scipy.io import netcdf_file
res = {}
for f in sys.argv[1:]:
    with netcdf_file(f, "r", mmap=False) as ds:
        res[f] = {k: stats(v[:]) for k, v in ds.variables.items()}
        res[f + "#attr"] = ds.samudra_mode.decode()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # closing an mmap with live arrays only warns; copies are taken first
        with netcdf_file(f, "r") as ds:
            res[f + "#mmap"] = {k: stats(v[:].copy()) for k, v in ds.variables.items()}
print(json.dumps(res))`, ...files.map((f) => f.file)));
    for (const f of files) {
      expectSame(out[f.file], ours[f.file], `scipy ${f.label}`);
      expectSame(out[`${f.file}#mmap`], ours[f.file], `scipy mmap ${f.label}`);
      expect(out[`${f.file}#attr`], f.label).toMatch(/^(legacy|corrected|couzin2002)/);
    }
  });

  it("xarray (engine scipy and netcdf4, with blocks) and netCDF4.Dataset, every model and mode", { timeout: 120_000 }, () => {
    const out = JSON.parse(runPython(ncPython(), `${PY_STATS}
import xarray as xr, netCDF4
res = {}
for f in sys.argv[1:]:
    for engine in ["scipy", "netcdf4"]:
        with xr.open_dataset(f, engine=engine) as ds:
            ds.load()
            res[f + "#" + engine] = {k: stats(ds[k].values) for k in ds.variables}
            tname = [d for d in ds.dims if d in ("t", "time")][0]
            res[f + "#" + engine + "#time"] = {"name": tname, "dtype": str(ds[tname].dtype), "mono": bool((np.diff(ds[tname].values) > 0).all())}
            if "n_kinks" in ds: res[f + "#" + engine + "#n_kinks"] = str(ds["n_kinks"].dtype)
    with netCDF4.Dataset(f) as nc:
        nc.set_auto_mask(False)
        res[f + "#netCDF4"] = {k: stats(v[:]) for k, v in nc.variables.items()}
print(json.dumps(res))`, ...files.map((f) => f.file)));
    for (const f of files) {
      for (const engine of ["scipy", "netcdf4"]) {
        expectSame(out[`${f.file}#${engine}`], ours[f.file], `xarray ${engine} ${f.label}`);
        // the time coordinate stays a float axis (no timedelta decoding), increasing
        expect(out[`${f.file}#${engine}#time`], `${engine} ${f.label}`).toMatchObject({ dtype: "float64", mono: true });
        if (f.model === "kg") expect(out[`${f.file}#${engine}#n_kinks`], f.label).toBe("int32");
      }
      expectSame(out[`${f.file}#netCDF4`], ours[f.file], `netCDF4 ${f.label}`);
    }
  });

  it("npm netcdfjs reads every variable of every file with the same values, integers as int", () => {
    for (const f of files) {
      const r = new NetCDFReader(readFileSync(f.file).buffer as ArrayBuffer);
      const got: FileStats = {};
      for (const v of r.variables) got[v.name] = stats((r.getDataVariable(v.name) as unknown[]).flat(3) as number[]);
      expectSame(got, ours[f.file], `netcdfjs ${f.label}`);
      expect(r.getAttribute("Conventions"), f.label).toBe("CF-1.8");
      const seed = r.globalAttributes.find((a) => a.name === "seed");
      if (seed) expect(seed.type, `${f.label}: seed`).toBe("int");
      if (f.model === "kg") expect(r.variables.find((v) => v.name === "n_kinks")!.type, f.label).toBe("int");
    }
  });
});
