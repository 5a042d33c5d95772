// CF-1.8 conformance of every NetCDF file the CLI writes (NLSE, Klein–Gordon, school; legacy and corrected), the
// rules of docs/files.md checked one by one. The Python CF checkers are not installable here, so: every `units`
// goes through UDUNITS-2 itself (Debian's udunits-bin: `udunits2 -H UNIT -W ''`, which refuses `dimensionless`
// and `simulation_time_units`), and the rest is checked below — long_name everywhere, standard_name only from
// the CF table with convertible units, one time-dimension convention, _FillValue where values are missing and
// never on coordinates, integers as int, only the attributes that apply to the run, CF names.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readNetCDF, type NcFile } from "../src/io/netcdf-reader.js";
import { RESERVED_GLOBAL_NAMES } from "../src/io/netcdf-format.js";
import { writeModelFiles, type ModelFile } from "./helpers/model-files.js";

let dir = "";
let files: Array<ModelFile & { nc: NcFile }> = [];
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "samudra-nc-cf-"));
  files = writeModelFiles(dir).map((f) => ({ ...f, nc: readNetCDF(new Uint8Array(readFileSync(f.file))) }));
}, 120_000);
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

/** The CF standard-name table entries a dynamical-model file could use, with their canonical units (CF table v84). */
const CF_STANDARD_NAMES: Record<string, string> = { time: "s", projection_x_coordinate: "m", sea_water_speed: "m s-1" };

/** udunits2's verdict on one unit string: null if valid, else its complaint. */
function udunits(unit: string, want = ""): string | null {
  const r = spawnSync("udunits2", ["-H", unit, "-W", want], { encoding: "utf8", input: "" });
  if (r.error) throw new Error(`udunits2 is not installed (${r.error.message}): apt-get install udunits-bin`);
  const text = `${r.stdout}${r.stderr}`;
  return r.status !== 0 || /don't recognize|not convertible/i.test(text) ? text.trim() || `exit ${r.status}` : null;
}

const isNum = (v: unknown): v is number[] => Array.isArray(v);

describe("CF-1.8 in every file samudra writes", () => {
  it("every variable: a UDUNITS-2 units string (udunits2 refuses the old ones), a long_name, a standard_name only from the CF table with convertible units, CF names", () => {
    expect(udunits("dimensionless")).toMatch(/Don't recognize/);
    expect(udunits("simulation_time_units")).toMatch(/Don't recognize/);
    const seen = new Map<string, string>();
    for (const f of files) for (const v of f.nc.vars) {
      const u = v.attrs.units;
      expect(typeof u === "string" && u.length > 0, `${f.label}: ${v.name} has units`).toBe(true);
      seen.set(u as string, `${f.label}: ${v.name}`);
    }
    const bad = [...seen].map(([u, where]) => [where, u, udunits(u)]).filter(([, , e]) => e !== null);
    expect(bad).toEqual([]);
    for (const f of files) for (const v of f.nc.vars) {
      expect(typeof v.attrs.long_name === "string" && (v.attrs.long_name as string).length > 3, `${f.label}: ${v.name} long_name`).toBe(true);
      const sn = v.attrs.standard_name;
      if (sn === undefined) continue;
      expect(Object.keys(CF_STANDARD_NAMES), `${f.label}: ${v.name} standard_name`).toContain(sn);
      expect(udunits(v.attrs.units as string, CF_STANDARD_NAMES[sn as string]), `${f.label}: ${v.name} units vs standard_name ${sn}`).toBeNull();
    }
    const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
    for (const f of files) {
      for (const d of f.nc.dims) expect(d.name, f.label).toMatch(NAME);
      for (const v of f.nc.vars) {
        expect(v.name, f.label).toMatch(NAME);
        for (const k of Object.keys(v.attrs)) expect(k, `${f.label}: ${v.name}`).toMatch(/^_?[A-Za-z][A-Za-z0-9_]*$/);
      }
      for (const k of Object.keys(f.nc.attrs)) expect(k, f.label).toMatch(NAME);
    }
  });

  it("one time convention (the unlimited dimension, first in every variable using it, an increasing coordinate with axis T from the start time); _FillValue (NaN, the variable's type) where values are missing, never on a coordinate; no NaN placeholder attributes", () => {
    for (const f of files) {
      const nc = f.nc, unl = nc.dims.filter((d) => d.unlimited);
      expect(unl.length, f.label).toBe(1);
      const T = unl[0].name;
      expect(T, f.label).toBe(f.model === "school" ? "time" : "t");
      for (const v of nc.vars) if (v.dims.includes(T)) expect(v.dims[0], `${f.label}: ${v.name}`).toBe(T);
      const coord = nc.vars.find((v) => v.name === T)!;
      expect(coord.dims, f.label).toEqual([T]);
      expect(coord.attrs.axis, f.label).toBe("T");
      const t = nc.read(T) as Float64Array;
      expect(t.length, f.label).toBe(nc.numrecs);
      expect(t.length, f.label).toBeGreaterThan(1);
      for (let i = 1; i < t.length; i++) expect(t[i], `${f.label}: t[${i}]`).toBeGreaterThan(t[i - 1]);
      const start = f.model === "nlse" ? (nc.attrs.t_start as number[])[0] : 0;
      expect(t[0], f.label).toBe(start);
    }
    let filled = 0;
    for (const f of files) {
      const dimNames = new Set(f.nc.dims.map((d) => d.name));
      for (const v of f.nc.vars) {
        const fill = v.attrs._FillValue;
        if (dimNames.has(v.name)) { expect(fill, `${f.label}: coordinate ${v.name}`).toBeUndefined(); }
        if (fill !== undefined) {
          filled++;
          expect(v.attrTypes._FillValue, `${f.label}: ${v.name} _FillValue type`).toBe(v.type);
          expect(isNum(fill) && fill.length === 1 && Number.isNaN(fill[0]), `${f.label}: ${v.name} _FillValue is NaN`).toBe(true);
        }
        const data = f.nc.read(v.name);
        if (typeof data !== "string" && data.some(Number.isNaN)) expect(fill, `${f.label}: ${v.name} has NaN values, so needs _FillValue`).toBeDefined();
      }
      for (const [k, a] of Object.entries(f.nc.attrs)) if (isNum(a)) expect(a.some(Number.isNaN), `${f.label}: global ${k} is NaN (an attribute that does not apply?)`).toBe(false);
    }
    expect(filled).toBeGreaterThan(0);
    const mi = files.find((f) => f.label.includes("no exact solution"))!;
    expect((mi.nc.read("error") as Float64Array).every(Number.isNaN)).toBe(true);
  });

  it("integers are stored as int: seed, counts, flags, n_kinks", () => {
    const INT = /^(seed|n_[a-z_]+|num_[a-z_]+|nx|save_interval|legacy|torus_init|adaptive_dt|mode_number|sign|filter_order)$/;
    let seeds = 0;
    for (const f of files) {
      for (const [k, a] of Object.entries(f.nc.attrs)) {
        if (!INT.test(k) || !isNum(a)) continue;
        expect(f.nc.attrTypes[k], `${f.label}: global ${k}`).toBe("int");
        if (k === "seed") seeds++;
      }
      for (const v of f.nc.vars) if (v.name === "n_kinks" || v.name === "fish" || v.name === "spatial") expect(v.type, `${f.label}: ${v.name}`).toBe("int");
    }
    expect(seeds).toBeGreaterThanOrEqual(4);
    expect(files.find((f) => f.label.includes("mode parameter"))!.nc.attrs.mode_number).toEqual([11]);
  });

  it("only the attributes that apply to the run", () => {
    for (const f of files) {
      const a = f.nc.attrs, has = (k: string) => k in a, where = f.label;
      for (const k of Object.keys(a)) expect(RESERVED_GLOBAL_NAMES.has(k), `${where}: global ${k} clashes with scipy`).toBe(false);
      expect(a.Conventions, where).toBe("CF-1.8");
      expect(typeof a.samudra_mode, where).toBe("string");
      if (f.model === "nlse") {
        const adaptive = a.method === "dop853" || a.method === "rk45";
        expect([has("rtol"), has("atol"), has("dt")], `${where}: rtol, atol, dt`).toEqual([adaptive, adaptive, !adaptive]);
        if (!adaptive) expect(has("max_step"), where).toBe(false);
        expect(has("filter_alpha") || has("filter_order"), where).toBe(a.filter === "exponential");
        expect(has("fps") || has("dpi"), where).toBe(false);
      }
      if (f.model === "kg") {
        const legacy = a.legacy && (a.legacy as number[])[0] === 1;
        expect(has("adaptive_dt"), where).toBe(!!legacy);
        expect(has("dt_initial"), where).toBe(!!legacy);
        expect(has("dt"), where).toBe(!legacy);
        const pot = a.potential as string;
        expect([has("mass"), has("lambda"), has("vacuum")], `${where}: ${pot} parameters`).toEqual([pot === "linear", pot === "phi4", pot === "phi4"]);
        expect(has("k0") || has("separation"), where).toBe(false);        // a kink / a breather: no packet or pair parameters
      }
      if (f.model === "school") {
        expect(has("orientation_weight"), where).toBe((a.samudra_mode as string).startsWith("legacy"));
        expect(has("torus_radius"), where).toBe((a.torus_init as number[])[0] === 1);
      }
    }
  });

});
