// Fuzz of readNetCDF (the reader behind `samudra inspect`): 12 000 malformed inputs made from real files written by
// NetCDFWriter — random byte mutations, truncations, shifted headers and structure-aware edits of one header field
// (dimension counts and sizes, numrecs, vsize, begin offsets, name lengths, nelems, types, ranks, dimension ids).
// Each input is parsed and every variable read, as inspect does. Must hold: no exception other than NetCDFError,
// and no input takes more than 100 ms. The seed is fixed: a failure prints its seed, index and mutation.
import { it, expect } from "vitest";
import { NetCDFWriter, memorySink } from "../src/io/netcdf-writer.js";
import { readNetCDF, NetCDFError } from "../src/io/netcdf-reader.js";
import { ncDouble, ncInt, ncFloat } from "../src/io/netcdf-format.js";

// the modules themselves (not src/index.ts), so that a half-edited unrelated module elsewhere cannot stop the fuzz
const io = { NetCDFWriter, memorySink, readNetCDF, NetCDFError, ncDouble, ncInt, ncFloat };
import { headerFields, mutate, rng32 } from "./helpers/netcdf-mutate.js";

const SEED = 0x5a3d_2024;
const INPUTS = 12_000;
const MAX_MS = 100;

/** Real files: the shapes samudra writes (a model-like CDF-2 file, a school-like one) and edge shapes (CDF-1, one
 *  short record variable, no record variables, no dimensions, char data, every type). */
function realFiles(): Array<{ name: string; bytes: Uint8Array }> {
  const out: Array<{ name: string; bytes: Uint8Array }> = [];
  const write = (name: string, schema: Parameters<typeof io.NetCDFWriter>[1], recs: (w: InstanceType<typeof io.NetCDFWriter>) => void) => {
    const sink = io.memorySink();
    const w = new io.NetCDFWriter(sink, schema);
    recs(w);
    w.close();
    out.push({ name, bytes: sink.bytes() });
  };
  const nx = 16;
  write("model-like CDF-2", {
    dims: [{ name: "t", size: null }, { name: "x", size: nx }],
    attrs: { title: "fuzz", Conventions: "CF-1.8", num_points: io.ncInt(nx), beta: io.ncDouble(0.5) },
    vars: [
      { name: "x", dims: ["x"], type: "double", attrs: { units: "1", long_name: "position" }, data: Array.from({ length: nx }, (_, i) => i - 8) },
      { name: "t", dims: ["t"], type: "double", attrs: { units: "1", long_name: "time" } },
      { name: "psi_real", dims: ["t", "x"], type: "double", attrs: { units: "1", long_name: "Re psi" } },
      { name: "error", dims: ["t"], type: "double", attrs: { units: "1", long_name: "error", _FillValue: io.ncDouble(NaN) } },
      { name: "n_kinks", dims: ["t"], type: "int", attrs: { units: "1", long_name: "kinks" } },
    ],
  }, (w) => { for (let r = 0; r < 6; r++) w.appendRecord({ t: [r], psi_real: Array.from({ length: nx }, (_, j) => Math.sin(r + j)), error: [NaN], n_kinks: [r] }); });
  write("school-like 3-D", {
    dims: [{ name: "time", size: null }, { name: "fish", size: 5 }, { name: "spatial", size: 3 }],
    attrs: { title: "school", seed: io.ncInt(42) },
    vars: [
      { name: "time", dims: ["time"], type: "double" },
      { name: "fish", dims: ["fish"], type: "int", data: [0, 1, 2, 3, 4] },
      { name: "positions", dims: ["time", "fish", "spatial"], type: "double" },
    ],
  }, (w) => { for (let r = 0; r < 4; r++) w.appendRecord({ time: [r], positions: Array.from({ length: 15 }, (_, j) => r * j) }); });
  write("CDF-1 every type", {
    version: 1,
    dims: [{ name: "n", size: 3 }, { name: "rec", size: null }],
    attrs: { f: io.ncFloat(1.5), s: "text" },
    vars: [
      { name: "b", dims: ["n"], type: "byte", data: [1, -2, 3] }, { name: "s", dims: ["n"], type: "short", data: [1, -2, 3] },
      { name: "i", dims: ["n"], type: "int", data: [1, -2, 3] }, { name: "f", dims: ["n"], type: "float", data: [1, -2, 3] },
      { name: "c", dims: ["n"], type: "char", data: "abc" }, { name: "r", dims: ["rec"], type: "short" },
    ],
  }, (w) => { for (let r = 0; r < 5; r++) w.appendRecord({ r: [r] }); });
  write("one record variable", {
    dims: [{ name: "rec", size: null }, { name: "x", size: 64 }],
    vars: [{ name: "field", dims: ["rec", "x"], type: "double", attrs: { units: "1" } }],
  }, (w) => { for (let r = 0; r < 3; r++) w.appendRecord({ field: Array.from({ length: 64 }, (_, j) => r + j) }); });
  write("fixed only", { dims: [{ name: "n", size: 4 }], vars: [{ name: "v", dims: ["n"], type: "double", data: [1, 2, 3, 4] }, { name: "scalar", dims: [], type: "int", data: [7] }] }, () => {});
  write("attributes only", { dims: [], vars: [], attrs: { a: "b", n: io.ncInt(1, 2, 3) } }, () => {});
  return out;
}

it(`readNetCDF: ${INPUTS} malformed inputs from real files give a NetCDFError or a file, each in ≤ ${MAX_MS} ms (seed ${SEED})`, { timeout: 60_000 }, () => {
  const files = realFiles().map((f) => ({ ...f, fields: headerFields(f.bytes).fields }));
  for (const f of files) expect(() => { const nc = io.readNetCDF(f.bytes); for (const v of nc.vars) nc.read(v.name); }, f.name).not.toThrow();
  const rng = rng32(SEED);
  const bad: string[] = [];
  let rejected = 0, accepted = 0, maxMs = 0, slowest = "";
  for (let i = 0; i < INPUTS; i++) {
    const base = files[i % files.length];
    const { bytes, what } = mutate(base.bytes, base.fields, rng);
    const t0 = performance.now();
    try {
      const nc = io.readNetCDF(bytes);
      for (const v of nc.vars) nc.read(v.name);
      accepted++;
    } catch (e) {
      if (e instanceof io.NetCDFError) rejected++;
      else bad.push(`#${i} ${base.name}, ${what}: ${(e as Error).name}: ${(e as Error).message}`);
    }
    const ms = performance.now() - t0;
    if (ms > maxMs) { maxMs = ms; slowest = `#${i} ${base.name}, ${what}`; }
  }
  expect(bad.slice(0, 10), `${bad.length} of ${INPUTS} inputs threw something other than NetCDFError (seed ${SEED})`).toEqual([]);
  expect(maxMs, `slowest input: ${slowest}`).toBeLessThanOrEqual(MAX_MS);
  // the mutations must exercise both paths, or the fuzz proves nothing
  expect(rejected).toBeGreaterThan(INPUTS / 4);
  expect(accepted).toBeGreaterThan(100);
});
