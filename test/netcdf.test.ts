// NetCDF-3 (CDF-2) writer/reader: round trip in every variable type, streamed records, and the same values
// read back by npm netcdfjs, Python scipy.io.netcdf_file and xarray/netCDF4 — the readers the seeds' users have.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NetCDFReader } from "netcdfjs";
import { io } from "../src/index.js";
import { ncPython, runPython } from "./helpers/python.js";

let dir = "";
beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), "samudra-nc-")); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

function sample(version: 1 | 2 = 2) {
  const sink = io.memorySink();
  const nx = 5;
  const w = new io.NetCDFWriter(sink, {
    version,
    dims: [{ name: "t", size: null }, { name: "x", size: nx }, { name: "n3", size: 3 }],
    attrs: { title: "samudra test", answer: io.ncInt(42), pi: io.ncDouble(Math.PI), f: io.ncFloat(1.5, -2.25) },
    vars: [
      { name: "x", dims: ["x"], type: "double", attrs: { units: "m", long_name: "position" }, data: [-2, -1, 0, 1, 2] },
      { name: "i3", dims: ["n3"], type: "int", data: [-7, 0, 2147483647] },
      { name: "s3", dims: ["n3"], type: "short", data: [-32768, 1, 32767] },
      { name: "b3", dims: ["n3"], type: "byte", data: [-128, 0, 127] },
      { name: "f3", dims: ["n3"], type: "float", data: [0.5, -1.25, 3e38] },
      { name: "label", dims: ["x"], type: "char", data: "abcde" },
      { name: "t", dims: ["t"], type: "double", attrs: { units: "s" } },
      { name: "psi", dims: ["t", "x"], type: "double" },
      { name: "k", dims: ["t"], type: "int" },
    ],
  });
  const recs = 4;
  for (let r = 0; r < recs; r++) w.appendRecord({ t: [r * 0.5], psi: Array.from({ length: nx }, (_, j) => Math.sin(r + j) / 3), k: [r * r] });
  w.close();
  return sink.bytes();
}

describe("NetCDF-3 writer and reader", () => {
  it("round trip: every type, global/variable attributes, 4 streamed records (CDF-2 and CDF-1)", () => {
    for (const version of [1, 2] as const) {
      const f = io.readNetCDF(sample(version));
      expect(f.version).toBe(version);
      expect(f.numrecs).toBe(4);
      expect(f.attrs).toEqual({ title: "samudra test", answer: [42], pi: [Math.PI], f: [1.5, -2.25] });
      expect([...(f.read("x") as Float64Array)]).toEqual([-2, -1, 0, 1, 2]);
      expect([...(f.read("i3") as Float64Array)]).toEqual([-7, 0, 2147483647]);
      expect([...(f.read("s3") as Float64Array)]).toEqual([-32768, 1, 32767]);
      expect([...(f.read("b3") as Float64Array)]).toEqual([-128, 0, 127]);
      expect([...(f.read("f3") as Float64Array)]).toEqual([0.5, -1.25, Math.fround(3e38)]);
      expect(f.read("label")).toBe("abcde");
      expect([...(f.read("t") as Float64Array)]).toEqual([0, 0.5, 1, 1.5]);
      expect([...(f.read("k") as Float64Array)]).toEqual([0, 1, 4, 9]);
      const psi = f.read("psi") as Float64Array;
      expect(psi[3 * 5 + 2]).toBe(Math.sin(5) / 3);
      expect(f.vars.find((v) => v.name === "x")!.attrs).toEqual({ units: "m", long_name: "position" });
    }
  });

  it("npm netcdfjs reads the same values", () => {
    const r = new NetCDFReader(sample().buffer as ArrayBuffer);
    expect(r.getDataVariable("x")).toEqual([-2, -1, 0, 1, 2]);
    expect(r.getDataVariable("k")).toEqual([0, 1, 4, 9]);
    expect((r.getDataVariable("psi") as number[]).flat()[3 * 5 + 2]).toBe(Math.sin(5) / 3);
    expect(r.getAttribute("title")).toBe("samudra test");
  });

  it("Python scipy.io.netcdf_file and xarray/netCDF4 read the same values", { timeout: 420_000 }, () => {
    const file = path.join(dir, "sample.nc");
    writeFileSync(file, sample());
    const sci = JSON.parse(runPython("python3", `
import json, sys
from scipy.io import netcdf_file
f = netcdf_file(sys.argv[1], 'r', mmap=False)
print(json.dumps({"t": f.variables["t"][:].tolist(), "psi": f.variables["psi"][:].tolist(), "i3": f.variables["i3"][:].tolist(),
  "title": f.title.decode(), "units": f.variables["x"].units.decode()}))`, file));
    expect(sci.t).toEqual([0, 0.5, 1, 1.5]);
    expect(sci.psi[3][2]).toBe(Math.sin(5) / 3);
    expect(sci.i3).toEqual([-7, 0, 2147483647]);
    expect(sci.title).toBe("samudra test");
    const xr = JSON.parse(runPython(ncPython(), `
import json, sys, xarray as xr, netCDF4
ds = xr.open_dataset(sys.argv[1])
nc = netCDF4.Dataset(sys.argv[1])
print(json.dumps({"psi": ds["psi"].values.tolist(), "t": ds["t"].values.tolist(), "fmt": nc.data_model, "answer": int(nc.answer)}))`, file));
    expect(xr.psi[3][2]).toBe(Math.sin(5) / 3);
    expect(xr.t).toEqual([0, 0.5, 1, 1.5]);
    expect(xr.fmt).toBe("NETCDF3_64BIT_OFFSET");
    expect(xr.answer).toBe(42);
  });

  it("malformed input raises NetCDFError with a reason, never a bare exception", () => {
    const good = sample();
    expect(() => io.readNetCDF(new Uint8Array([1, 2, 3]))).toThrow(io.NetCDFError);
    expect(() => io.readNetCDF(good.subarray(0, 40))).toThrow(/truncated NetCDF header/);
    expect(() => io.readNetCDF(Uint8Array.from([0x89, 0x48, 0x44, 0x46, 0, 0, 0, 0]))).toThrow(/NetCDF-4\/HDF5 files are not supported/);
    // sizes are checked against the file when the header is parsed, before any variable is read
    expect(() => io.readNetCDF(good.subarray(0, good.length - 20))).toThrow(/psi .* extends past the end of the file/);
  });
});
