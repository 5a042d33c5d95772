// Ensemble executors (issue 20): serial = threads bit for bit on a small sweep of each model (the threads run the
// built dist/ensemble/thread.js: `node scripts/build.mjs` first, as `npm test` does), and the reduced result as
// NetCDF: the repository's reader and netCDF4-python read back the same bits, the grid axes as coordinate
// variables and the spec as attributes.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { init, io } from "../src/index.js";
import { run, toNetCDF, toCSV, type EnsembleResult } from "../src/ensemble/index.js";
import { SMALL, sameBits } from "./helpers/ensemble.js";
import { ncPython, runPython } from "./helpers/python.js";

let dir = "";
beforeAll(async () => { await init(); dir = mkdtempSync(path.join(tmpdir(), "samudra-ensemble-")); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

const serial: Record<string, EnsembleResult> = {};

describe("serial = threads, bit for bit", () => {
  for (const name of Object.keys(SMALL)) {
    it(`${name}: ${JSON.stringify(SMALL[name].grid)}`, async () => {
      serial[name] = await run(SMALL[name], { executor: "serial" });
      let calls = 0;
      const threads = await run(SMALL[name], { executor: "threads", concurrency: 2, onProgress: () => { calls++; } });
      sameBits(serial[name], threads);
      expect(calls).toBe(serial[name].members);
      expect(Array.from(serial[name].status).every((s) => s === 0)).toBe(true);
      for (const a of Object.values(serial[name].summary)) expect(a.some(Number.isFinite)).toBe(true);
    });
  }

  it("an aborted threads sweep rejects with an AbortError", async () => {
    const ac = new AbortController();
    const p = run({ ...SMALL.kg, grid: { velocity: { from: 0.2, to: 0.3, num: 12 } } }, { executor: "threads", concurrency: 2, signal: ac.signal, onProgress: (q) => { if (q.done === 1) ac.abort(); } });
    await expect(p).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("the result as NetCDF and CSV", () => {
  it("shapes: (velocity, replicate), series (velocity, replicate, time), chains (noise, replicate, step)", () => {
    expect(serial.kg.dims).toEqual(["velocity", "replicate"]);
    expect(serial.kg.series.phiCenter.length).toBe(4 * serial.kg.time.length);
    expect(serial.school.shape).toEqual([2, 2]);
    expect(serial.chain.dims).toEqual(["noise", "replicate", "step"]);
    expect(serial.chain.shape).toEqual([2, 1, 5]);
    expect(serial.chain.coords.step).toEqual([1.2, 3, 6, 3, 1.2]);
    expect(Array.from(serial.chain.direction!)).toEqual([1, 1, 1, -1, -1]);
  });

  it("the repository's reader returns every variable's bits, the axes as coordinate variables, the spec as attributes", () => {
    for (const name of ["kg", "school", "chain"]) {
      const res = serial[name], f = io.readNetCDF(toNetCDF(res));
      for (const d of res.dims) {
        expect(f.vars.find((v) => v.name === d)?.dims).toEqual([d]);
        expect(Array.from(f.read(d) as ArrayLike<number>)).toEqual(res.coords[d]);
      }
      for (const [k, a] of Object.entries(res.summary)) expect(Array.from(f.read(k) as ArrayLike<number>)).toEqual(Array.from(a));
      for (const [k, a] of Object.entries(res.series)) expect(Array.from(f.read(`${k}_series`) as ArrayLike<number>)).toEqual(Array.from(a));
      expect(JSON.parse(String(f.attrs.sweep_spec))).toEqual(JSON.parse(JSON.stringify(res.spec)));
      expect(f.attrs.model).toBe(res.spec.model);
    }
  });

  it("netCDF4-python reads the same values and coordinates", () => {
    const file = path.join(dir, "kg.nc");
    writeFileSync(file, toNetCDF(serial.kg));
    const out = JSON.parse(runPython(ncPython(), `
import json, sys, netCDF4
d = netCDF4.Dataset(sys.argv[1])
print(json.dumps({"velocity": [float(v) for v in d["velocity"][:]], "drift": [float(v) for v in d["energyDrift"][:].ravel()],
  "dims": list(d["energyDrift"].dimensions), "series": list(d["phiCenter_series"].shape), "model": d.model}))
`, file));
    expect(out.velocity).toEqual(serial.kg.coords.velocity);
    expect(out.drift).toEqual(Array.from(serial.kg.summary.energyDrift));
    expect(out.dims).toEqual(["velocity", "replicate"]);
    expect(out.series).toEqual([4, 1, serial.kg.time.length]);
    expect(out.model).toBe("kg");
  });

  it("CSV: one row per member (chains: per member and step), exact decimals", () => {
    const rows = toCSV(serial.kg).trim().split("\n");
    expect(rows).toHaveLength(5);
    const head = rows[0].split(",");
    const col = head.indexOf("energyDrift");
    rows.slice(1).forEach((r, m) => expect(Number(r.split(",")[col])).toBe(serial.kg.summary.energyDrift[m]));
    expect(toCSV(serial.chain).trim().split("\n")).toHaveLength(1 + 2 * 5);
  });
});
