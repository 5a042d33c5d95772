// readConfig as an attacker or a careless user drives it: unknown keys are errors with "did you mean" in every
// format, built-in property names (__proto__, constructor, toString, valueOf) are refused and never reach
// Object.prototype, Infinity/NaN are refused where a finite number is needed (quoting what was written), 10⁵ keys
// read in linear time, and the schema accepts every value the models (and the CLI flags) accept.
import { describe, it, expect, afterEach } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { io, nlse } from "../src/index.js";
import { KG_CASES, resolveKg } from "../src/models/klein-gordon/options.js";
import { SCHOOL_CASES, resolveSchool } from "../src/models/school/options.js";
import { resolveOptions } from "../src/models/nlse/options.js";

type Fmt = "txt" | "yaml" | "json";
const read = (seed: "nlse" | "kg" | "school", text: string, format: Fmt) => io.readConfig(text, { seed, format, name: `c.${format}` });
const line = (k: string, v: string, f: Fmt) => (f === "txt" ? `${k} = ${v}` : f === "yaml" ? `${k}: ${v}` : `{${JSON.stringify(k)}: ${v}}`);

afterEach(() => {
  // nothing may ever land on Object.prototype
  expect(({} as Record<string, unknown>).legacy).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
});

describe("unknown keys", () => {
  it("are a ConfigError naming the key, its line and the closest known key, in txt, yaml and json", () => {
    expect(() => read("nlse", "num_points = 512\nt_finl = 3\n", "txt")).toThrow('c.txt line 2: unknown key "t_finl" — did you mean "t_final"?');
    expect(() => read("kg", "nx: 64\ncolour: red\n", "yaml")).toThrow('c.yaml line 2: unknown key "colour" — did you mean "colormap"?');
    expect(() => read("school", '{"n_fsh": 3}', "json")).toThrow('c.json: unknown key "n_fsh" — did you mean "n_fish"?');
    expect(() => read("nlse", "tFinal: 3\n", "yaml")).toThrow(/unknown key "tFinal" — did you mean "t_final"\?/);
    expect(() => read("nlse", "solver.rtol = 1e-9\n", "txt")).toThrow(/unknown key "solver"/);
  });

  it("several unknown keys are listed in one error (five, then a count)", () => {
    const text = Array.from({ length: 8 }, (_, i) => `bogus_${i} = 1`).join("\n");
    const e = (() => { try { read("kg", text, "txt"); } catch (x) { return x as Error; } })()!;
    expect(e).toBeInstanceOf(io.ConfigError);
    expect(e.message.split("\n")).toHaveLength(6);
    expect(e.message).toMatch(/… and 3 more unknown keys/);
  });

  it("every key of the seeds' own files is accepted silently", () => {
    const dir = new URL("./fixtures/seed-configs/", import.meta.url);
    const files: Array<[string, "nlse" | "kg" | "school"]> = [
      ...readdirSync(new URL("nlse/txt/", dir)).map((f) => [`nlse/txt/${f}`, "nlse"] as [string, "nlse"]),
      ...readdirSync(new URL("nlse/yaml/", dir)).map((f) => [`nlse/yaml/${f}`, "nlse"] as [string, "nlse"]),
      ...readdirSync(new URL("klein-gordon/", dir)).filter((f) => f.endsWith(".txt")).map((f) => [`klein-gordon/${f}`, "kg"] as [string, "kg"]),
      ["klein-gordon/variants/case1_linear_wave.first_commit.txt", "kg"],
      ...readdirSync(new URL("schooling/", dir)).map((f) => [`schooling/${f}`, "school"] as [string, "school"]),
    ];
    expect(files.length).toBe(17);
    for (const [f, seed] of files) expect(io.readConfig(readFileSync(new URL(f, dir), "utf8"), { seed, name: f }).warnings).toEqual([]);
    for (const f of readdirSync(new URL("../configs/nlse/", import.meta.url))) io.readConfig(readFileSync(new URL(`../configs/nlse/${f}`, import.meta.url), "utf8"), { seed: "nlse", name: f });
  });
});

describe("built-in property names", () => {
  const names = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "prototype"];
  for (const f of ["txt", "yaml", "json"] as const) {
    it(`are refused as keys with one clear error (${f})`, () => {
      for (const n of names) {
        for (const seed of ["nlse", "kg", "school"] as const) {
          expect(() => read(seed, line(n, f === "txt" ? "1" : "1", f), f), `${n} ${seed}`).toThrow(new RegExp(`"${n}" cannot be a config key`));
        }
      }
    });
  }

  it("the dotted __proto__.legacy line, and __proto__ mappings in YAML/JSON, never switch anything on", () => {
    for (const text of ["__proto__.legacy = true", "x.__proto__.legacy = true", "constructor.prototype.legacy = true"]) {
      expect(() => read("nlse", text, "txt")).toThrow(io.ConfigError);
    }
    expect(() => read("nlse", "__proto__:\n  legacy: true\n", "yaml")).toThrow(/"__proto__" cannot be a config key/);
    expect(() => read("nlse", '{"__proto__": {"legacy": true}}', "json")).toThrow(/"__proto__" cannot be a config key/);
    expect(() => io.parseText("a.__proto__.b = 1", "nlse")).toThrow(io.ConfigError);
  });

  it("parsed values are prototype-free objects", () => {
    const v = read("nlse", "t_final = 3\n", "txt").values;
    expect(Object.getPrototypeOf(v)).toBeNull();
    expect(Object.getPrototypeOf(read("kg", "nx: 64\n", "yaml").values)).toBeNull();
    expect(Object.getPrototypeOf(read("school", '{"n_fish": 3}', "json").values)).toBeNull();
  });
});

describe("non-finite numbers", () => {
  it("are refused where a finite value is needed, naming the key and the value as written", () => {
    expect(() => read("nlse", "t_final = inf", "txt")).toThrow("c.txt line 1: t_final = inf is not allowed; t_final must be a finite number > 0");
    expect(() => read("nlse", "amplitude = nan", "txt")).toThrow("amplitude = nan is not allowed; amplitude must be a finite number");
    expect(() => read("kg", "amplitude = -Infinity", "txt")).toThrow("amplitude = -Infinity is not allowed");
    expect(() => read("kg", "mass: .inf\n", "yaml")).toThrow("c.yaml line 1: mass = .inf is not allowed; mass must be a finite number");
    expect(() => read("school", "noise: .NaN\n", "yaml")).toThrow("noise = .NaN is not allowed");
    expect(() => read("school", '{"speed": 1e400}', "json")).toThrow(/speed = Infinity \(a number too large for a double\) is not allowed/);
    expect(() => read("school", "torus_radius = inf", "txt")).toThrow(/torus_radius = inf is not allowed; torus_radius must be a finite number or none/);
    expect(() => read("school", "n_steps = 1e400", "txt")).toThrow(/n_steps = 1e400 is not allowed; n_steps must be an integer/);
  });

  it("max_steps takes inf (no budget) in every grammar", () => {
    expect(read("nlse", "max_steps = inf", "txt").values.max_steps).toBe(Infinity);
    expect(read("kg", "max_steps: .inf\n", "yaml").values.max_steps).toBe(Infinity);
    expect(read("school", "max_steps = 5000", "txt").values.max_steps).toBe(5000);
    expect(() => read("school", "max_steps = 0.5", "txt")).toThrow(/max_steps must be an integer \(or inf\) ≥ 1/);
  });
});

describe("values the flags and the API accept are accepted in files", () => {
  it("NLSE: case (as KG), every method in any case, kahanli6 included", () => {
    expect(read("nlse", "case: peregrine\n", "yaml").values.case).toBe("peregrine");
    for (const m of ["dop853", "DOP853", "rk45", "strang", "yoshida4", "yoshida6", "kahanli6", "etdrk4", "Yoshida4"]) expect(read("nlse", `method: ${m}\n`, "yaml").values.method).toBe(m);
    expect(() => read("nlse", "method: euler\n", "yaml")).toThrow(/method = euler is not allowed; method must be one of dop853, rk45/);
    expect(() => read("nlse", "case: peregrin\n", "yaml")).toThrow(/case = peregrin is not allowed; case must be one of .*peregrine/);
  });

  it("every schema enumeration covers the model's list, and every schema key is an option its model knows", () => {
    expect(io.SCHEMAS.nlse.case.oneOf).toEqual(nlse.CASES);
    expect(io.SCHEMAS.nlse.initial_condition.oneOf).toEqual(nlse.CASES);
    expect(io.SCHEMAS.kg.case.oneOf).toEqual(KG_CASES);
    expect(io.SCHEMAS.school.case.oneOf).toEqual(SCHOOL_CASES);
    for (const m of ["dop853", "rk45", "strang", "yoshida4", "yoshida6", "kahanli6", "etdrk4"]) expect(() => resolveOptions("t", { method: m as never, dt: 0.01 })).not.toThrow();
    expect(io.SCHEMAS.nlse.method.oneOf).toEqual(["dop853", "rk45", "strang", "yoshida4", "yoshida6", "kahanli6", "etdrk4"]);
    for (const m of io.SCHEMAS.kg.method.oneOf!) expect(() => resolveKg("t", { method: m as never, legacy: m === "legacy", boundary: "periodic" })).not.toThrow();
    const resolvers = { nlse: resolveOptions, kg: resolveKg, school: resolveSchool } as Record<string, (w: string, o: object) => unknown>;
    for (const seed of ["nlse", "kg", "school"] as const) {
      for (const k of Object.keys(io.SCHEMAS[seed])) {
        try { resolvers[seed]("t", { [io.camelCase(k)]: undefined }); } catch (e) { expect((e as Error).message, `${seed} ${k}`).not.toMatch(/unknown option/); }
      }
    }
  });
});

describe("size", () => {
  it("10⁵ keys read in linear time (txt duplicates, yaml/json distinct unknown keys, a 10⁶-character key)", () => {
    const t = (f: () => unknown) => { const t0 = performance.now(); try { f(); } catch (e) { if (!(e instanceof io.ConfigError)) throw e; } return performance.now() - t0; };
    const n = 100_000;
    const dup = Array.from({ length: n }, (_, i) => `num_points = ${512 + (i % 7)}`).join("\n");
    expect(t(() => read("nlse", dup, "txt"))).toBeLessThan(2000);
    expect(read("nlse", dup, "txt").values.num_points).toBe(512 + ((n - 1) % 7));
    for (const f of ["txt", "yaml"] as const) {
      const text = Array.from({ length: n }, (_, i) => (f === "txt" ? `key_${i} = ${i}` : `key_${i}: ${i}`)).join("\n");
      expect(t(() => read("kg", text, f)), f).toBeLessThan(2000);
      expect(() => read("kg", text, f)).toThrow(/… and 99995 more unknown keys/);
    }
    const json = JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])));
    expect(t(() => read("school", json, "json"))).toBeLessThan(2000);
    expect(t(() => read("nlse", `${"x".repeat(1e6)} = 1`, "txt"))).toBeLessThan(2000);
  });

  it("YAML duplicate keys are an error naming both lines", () => {
    expect(() => read("nlse", "t_final: 1\nnum_points: 64\nt_final: 2\n", "yaml")).toThrow('c.yaml line 3: duplicate key "t_final" (first given on line 1)');
  });
});
