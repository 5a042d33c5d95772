// Config reader: every seed's shipped files parse to the right typed values; the three text grammars' rules;
// errors name key, value (as written) and what is allowed; unknown keys are errors naming the closest key;
// ≥ 10⁴ random inputs to the parser and to the NetCDF reader never raise anything but their documented errors.
import { describe, it, expect } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { io } from "../src/index.js";

// unmodified copies of the seeds' shipped configs (see test/fixtures/seed-configs/README.md for origins and licences)
const dir = new URL("./fixtures/seed-configs/", import.meta.url);
const read = (p: string) => readFileSync(new URL(p, dir), "utf8");

describe("seed config files", () => {
  it("NLSE txt and yaml files give identical typed values", () => {
    for (const c of ["single_soliton", "two_soliton", "breather", "modulation_instability"]) {
      const t = io.readConfig(read(`nlse/txt/${c}.txt`), { seed: "nlse", name: `${c}.txt` });
      const y = io.readConfig(read(`nlse/yaml/${c}.yaml`), { seed: "nlse", name: `${c}.yaml` });
      expect(t.warnings).toEqual([]);
      expect(y.warnings).toEqual([]);
      expect(t.values).toEqual(y.values);
      expect(t.values.num_points).toBe(512);
      expect(t.values.rtol).toBe(1e-9);
      expect(t.values.use_adaptive).toBe(true);
      expect(t.values.max_step).toBe(0.1);
      expect(t.values.output_dir).toBe("../outputs");
    }
    expect(io.readConfig(read("nlse/txt/two_soliton.txt"), { seed: "nlse", format: "txt" }).values.A1).toBe(2);
  });

  it("Klein–Gordon files: strings stay strings (phi4, inferno), ints, floats and bools typed", () => {
    const v = io.readConfig(read("klein-gordon/case2_kink.txt"), { seed: "kg", name: "case2_kink.txt" }).values;
    expect(v).toMatchObject({ scenario_name: "Case 2 - Kink Soliton", nx: 1024, x_min: -50, dt: 0.005, adaptive_dt: true, potential: "phi4", colormap: "inferno", n_cores: 0 });
    for (const f of readdirSync(new URL("klein-gordon/", dir)).filter((f) => f.endsWith(".txt"))) {
      expect(io.readConfig(read(`klein-gordon/${f}`), { seed: "kg", name: f }).warnings).toEqual([]);
    }
    expect(io.readConfig(read("klein-gordon/variants/case1_linear_wave.first_commit.txt"), { seed: "kg", name: "v.txt" }).values.dt).toBe(0.01);
  });

  it("fish-school files: 'Case 1 - Swarm' stays a string, counts are ints", () => {
    const v = io.readConfig(read("schooling/case1_swarm.txt"), { seed: "school", name: "case1_swarm.txt" }).values;
    expect(v).toMatchObject({ scenario_name: "Case 1 - Swarm", n_fish: 150, box_size: 25, blind_angle: 30, seed: 42, save_gif: true, animation_duration: 18 });
    for (const f of readdirSync(new URL("schooling/", dir))) expect(io.readConfig(read(`schooling/${f}`), { seed: "school", name: f }).warnings).toEqual([]);
    expect(io.scenarioStem("Case 1 - Swarm")).toBe("case1_swarm");
    expect(io.scenarioStem("Two Soliton Collision")).toBe("two_soliton_collision");
  });
});

describe("text grammars and validation", () => {
  it("typing rules differ per seed: inline comments, none, E exponents, dotted keys", () => {
    const kg = io.parseText("a = 1.5  # comment\nb = TRUE\nc = 1E3\nd = sine_gordon\nb = false\n", "kg").values;
    expect(kg).toEqual({ a: 1.5, b: false, c: 1000, d: "sine_gordon" });
    // the seeds skip lines without "=" silently; samudra refuses them (a skipped "n_fish: 2000" would run the default)
    expect(() => io.parseText("n_fish: 2000\n", "school")).toThrow(/expected "key = value", got "n_fish: 2000"; did you mean "n_fish = 2000"\?/);
    expect(() => io.parseText("no equals sign here\n", "kg")).toThrow(/expected "key = value"/);
    const sc = io.parseText("torus_radius = none\nseed = 7\n", "school").values;
    expect(sc).toEqual({ torus_radius: null, seed: 7 });
    const nl = io.parseText("a = 1.5  # not a comment for the NLSE reader\nsolver.rtol = 1e-9\nx = -12\ny = 'quoted'\n", "nlse").values;
    expect(nl).toEqual({ a: "1.5  # not a comment for the NLSE reader", solver: { rtol: 1e-9 }, x: -12, y: "'quoted'" });
  });

  it("errors name the key, the value as written and what is allowed (with the line number); unknown keys are errors", () => {
    expect(() => io.readConfig("num_points = 500.5\n", { seed: "nlse", name: "c.txt" })).toThrow(/c.txt line 1: num_points = 500.5 is not allowed; num_points must be an integer ≥ 8 ≤ 1048576/);
    expect(() => io.readConfig("domain_length = -5\n", { seed: "nlse", name: "c.txt" })).toThrow(/domain_length = -5 is not allowed; domain_length must be a finite number > 0/);
    expect(() => io.readConfig("use_numba = yes\n", { seed: "nlse", name: "c.txt" })).toThrow(/use_numba = yes is not allowed; use_numba must be true or false/);
    expect(() => io.readConfig("potential = quartic\n", { seed: "kg", name: "k.txt" })).toThrow(/potential must be one of linear, phi4, sine_gordon/);
    expect(() => io.readConfig("frequency = 1.5\n", { seed: "kg", name: "k.txt" })).toThrow(/frequency must be a finite number > 0 < 1/);
    expect(() => io.readConfig("just text\n", { seed: "nlse", name: "c.txt" })).toThrow(/c.txt line 1: expected "key = value"/);
    expect(() => io.readConfig("{ bad json", { seed: "nlse", name: "c.json" })).toThrow(/not valid JSON/);
    expect(() => io.readConfig("- a\n- b\n", { seed: "nlse", name: "c.yaml" })).toThrow(/top level must be a mapping/);
    expect(() => io.readConfig("x = 1", { seed: "nlse", name: "c.ini" })).toThrow(/unknown config format; use a .yaml, .yml, .json or .txt file/);
    expect(() => io.readConfig("# c\nnum_point = 512\n", { seed: "nlse", name: "c.txt" })).toThrow('c.txt line 2: unknown key "num_point" — did you mean "num_points"?');
  });
});

describe("fuzz: 10⁴ random inputs each, only documented errors", () => {
  it("config parser (all seeds, txt/yaml/json)", () => {
    const line = fc.oneof(fc.string(), fc.tuple(fc.constantFrom("num_points", "rtol", "nx", "potential", "n_fish", "seed", "x.y", "", "torus_radius"), fc.oneof(fc.string(), fc.double().map(String), fc.integer().map(String), fc.constantFrom("true", "none", "1e400", "nan", "-inf", "0x10"))).map(([k, v]) => `${k} = ${v}`));
    fc.assert(fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom("nlse", "kg", "school"), fc.constantFrom("txt", "yaml", "json"), (lines, seed, format) => {
      try {
        io.readConfig(lines.join("\n"), { seed: seed as never, format: format as never, name: `f.${format}` });
      } catch (e) {
        if (!(e instanceof io.ConfigError)) throw e;
      }
    }), { numRuns: 10_000 });
  });

  it("NetCDF reader on corrupted files (bit flips, truncation, random bytes)", () => {
    const sink = io.memorySink();
    const w = new io.NetCDFWriter(sink, { dims: [{ name: "t", size: null }, { name: "x", size: 3 }], attrs: { a: "b" }, vars: [{ name: "x", dims: ["x"], type: "double", data: [1, 2, 3] }, { name: "p", dims: ["t", "x"], type: "float" }] });
    w.appendRecord({ p: [1, 2, 3] }); w.close();
    const good = sink.bytes();
    fc.assert(fc.property(fc.oneof(
      fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })).map(([i, v]) => { const b = good.slice(); b[i] = v; return b; }),
      fc.nat(good.length).map((n) => good.slice(0, n)),
      fc.uint8Array({ maxLength: 300 }),
    ), (bytes) => {
      try {
        const f = io.readNetCDF(bytes);
        for (const v of f.vars) f.read(v.name);
      } catch (e) {
        if (!(e instanceof io.NetCDFError)) throw e;
      }
    }), { numRuns: 10_000 });
  });
});
