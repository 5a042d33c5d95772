// Issue 15, analysis/fft/init slice: every bad input gets an error naming the argument, the value and the fix;
// valid inputs keep their numbers. Each `throws` case below returned a number or a misleading message before.
import { describe, it, expect, beforeAll } from "vitest";
import { init, analysis, fft, nlse, io } from "../src/index.js";
import * as V from "../src/validate.js";

beforeAll(async () => { await init(); });

const bad = (f: () => unknown, re: RegExp) => expect(f).toThrow(re);

describe("unknown option keys and non-boolean flags", () => {
  it("analysis options objects say 'did you mean'", () => {
    const psi = [1, 0, 0.5, 0.5, 0.2, 0, 0, 0.1];
    bad(() => analysis.spatialDistribution(psi, { flor: 0.1 } as never), /unknown option "flor" — did you mean "floor"/);
    bad(() => analysis.snapshotReport(psi, { compex: true } as never), /unknown option "compex" — did you mean "complex"/);
    bad(() => analysis.histogram([1, 2, 3], { bin: 4 } as never), /histogram.*unknown option "bin" — did you mean "bins"/);
    bad(() => analysis.permutationEntropy([1, 2, 3, 4], { ordr: 3 } as never), /unknown option "ordr" — did you mean "order"/);
    bad(() => analysis.gaussianKde([1, 2, 3], { bandwith: "scott" } as never), /unknown option "bandwith" — did you mean "bandwidth"/);
    bad(() => analysis.kgEntropies([1, 2, 3], 0.1, { legasy: true } as never), /unknown option "legasy" — did you mean "legacy"/);
    bad(() => analysis.shannon([0.5, 0.5], { treshold: 0 } as never), /unknown option "treshold" — did you mean "threshold"/);
  });
  it("booleans must be booleans", () => {
    bad(() => analysis.snapshotReport([1, 0, 2, 0, 3, 0, 1, 0], { legacy: "yes" } as never), /legacy must be true or false, got string "yes"/);
    bad(() => analysis.spatialDistribution([1, 2], { complex: 0 } as never), /complex must be true or false, got number 0/);
    bad(() => analysis.histogram([1, 2], { density: 1 } as never), /density must be true or false, got number 1/);
  });
  it("init({ foo }) is refused before anything is loaded", async () => {
    await expect(init({ foo: 1 } as never)).rejects.toThrow(/init\(options\): unknown option "foo" — did you mean/);
    await expect(init({ simd: "no" } as never)).rejects.toThrow(/simd must be true or false/);
  });
  it("the shared helper", () => {
    const { checkOptions, checkBool } = V as unknown as Record<string, (...a: unknown[]) => unknown>;
    expect(checkOptions("f()", undefined, ["a"])).toEqual({});
    bad(() => checkOptions("f()", null, ["a"]), /f\(\): options must be an object.*got null/);
    bad(() => checkOptions("f()", { bta: 1 }, ["alpha", "beta"]), /f\(\): unknown option "bta" — did you mean "beta"\?/);
    expect(checkBool("f()", "flag", undefined, true)).toBe(true);
    bad(() => checkBool("f()", "flag", "true", false), /f\(\): flag must be true or false, got string "true"/);
  });
});

describe("inputs are checked", () => {
  it("fft.fft of non-numbers", () => {
    bad(() => fft.fft(["a", "b"] as never), /fft\.fft\(x\): x\[0\] must be a number, got string "a"/);
    bad(() => fft.rfft([1, null, 3] as never), /fft\.rfft\(x\): x\[1\] must be a number, got null/);
  });
  it("shannon refuses negatives and NaN; normalises sums ≠ 1 like scipy.stats.entropy", () => {
    bad(() => analysis.shannon([-0.5, 1.5]), /shannon\(p\): p\[0\] = -0\.5 is negative/);
    bad(() => analysis.shannon([0.5, NaN]), /shannon\(p\): p\[1\] is NaN/);
    bad(() => analysis.shannon([0, 0]), /shannon\(p\): p sums to 0/);
    expect(analysis.shannon([1, 2, 2])).toBeCloseTo(1.0549201679861442, 14);   // scipy.stats.entropy([1, 2, 2])
    expect(analysis.renyi([1, 1], 2)).toBeCloseTo(Math.log(2), 14);
    expect(analysis.tsallis([2, 2], 2)).toBeCloseTo(0.5, 14);
    bad(() => analysis.renyi([1, -1, 1], 2), /renyi\(p, alpha\): p\[1\] = -1 is negative/);
    bad(() => analysis.lmc([0.5, Infinity]), /lmc\(p\): p\[1\] is Infinity/);
    // the KG supplement's density (Σp = 1/dx) keeps its published values with normalize: false
    const d = [2, 4, 4], raw = -(2 * Math.log(2) + 8 * Math.log(4));
    expect(analysis.shannon(d, { normalize: false })).toBeCloseTo(raw, 12);
  });
  it("NaN inputs to the statistics", () => {
    bad(() => analysis.kruskalWallis([[1, 2, NaN], [4, 5, 6]]), /kruskalWallis\(groups\): groups\[0\]\[2\] is NaN/);
    bad(() => analysis.cliffsDelta([1, NaN], [3, 4]), /cliffsDelta\(a, b\): a\[1\] is NaN/);
    bad(() => analysis.cliffsDelta([1, 2], [NaN, 4]), /cliffsDelta\(a, b\): b\[0\] is NaN/);
    bad(() => analysis.permutationEntropy([1, 2, NaN, 4, 5]), /permutationEntropy\(x\): x\[2\] is NaN/);
    bad(() => analysis.sampleEntropy([1, 2, 3, NaN, 5, 6, 7]), /sampleEntropy\(x\): x\[3\] is NaN/);
    bad(() => analysis.gaussianKde([1, 2, NaN, 4]), /gaussianKde\(data\): data\[2\] is NaN/);
    bad(() => analysis.gaussianKde([1, 2, 3]).evaluate([0, NaN]), /evaluate\(points\): points\[1\] is NaN/);
    bad(() => analysis.histogram([1, NaN, 3]), /histogram\(values\): values\[1\] is NaN/);
    bad(() => analysis.histogram([1, Infinity, 3]), /histogram\(values\): values\[1\] is Infinity.*pass range/);
    bad(() => analysis.rankdata([1, NaN]), /rankdata\(x\): x\[1\] is NaN/);
  });
  it("lnGamma at the poles is +Infinity (scipy.special.gammaln)", () => {
    for (const x of [0, -1, -2, -100, -Infinity]) expect(analysis.lnGamma(x)).toBe(Infinity);
    expect(analysis.lnGamma(-0.5)).toBeCloseTo(1.2655121234846454, 13);
    expect(analysis.chi2Sf(Infinity, 3)).toBe(0);   // was NaN
    expect(analysis.chi2LogSf(Infinity, 3)).toBe(-Infinity);
    bad(() => analysis.lnGamma("2" as never), /lnGamma\(x\): x must be a number, got string "2"/);
  });
  it("gradient spacing, fftfreq n and d", () => {
    bad(() => analysis.gradient([1, 2, 3], 0), /gradient\(y, spacing\): spacing must be a finite non-zero number.*got number 0/);
    bad(() => analysis.gradient([1, 2, 3], [0, 1, 1]), /gradient\(y, spacing\): spacing\[1\] and spacing\[2\] are equal/);
    bad(() => analysis.gradient([1, 2, 3], [0, 1]), /spacing must have one coordinate per value \(3\), got 2/);
    bad(() => analysis.fftfreq(4, 0), /fftfreq\(n, d\): d must be a finite non-zero number.*got number 0/);
    bad(() => analysis.fftfreq(2.5), /fftfreq\(n, d\): n must be an integer ≥ 1.*got number 2\.5/);
    bad(() => analysis.fftfreq(-3), /fftfreq\(n, d\): n must be an integer ≥ 1.*got number -3/);
  });
  it("rankdata(null), chi2Sf(1, 0), readConfig without options", () => {
    bad(() => analysis.rankdata(null as never), /rankdata\(x\): x must be an array of numbers, got null/);
    bad(() => analysis.chi2Sf(1, 0), /chi2Sf\(x, k\): k \(degrees of freedom\) must be a finite number > 0, got number 0/);
    bad(() => analysis.chi2LogSf(1, -2), /chi2LogSf\(x, k\): k \(degrees of freedom\)/);
    bad(() => analysis.chi2Sf(NaN, 2), /chi2Sf\(x, k\): x must be a number, got number NaN/);
    bad(() => (io.readConfig as (t: string) => unknown)("a=1"), /readConfig\(text, options\): options\.seed is required.*seed: "nlse"/);
  });
  it("init({ bytes }) with bytes that are not WASM says so", async () => {
    await expect(init({ bytes: [1, 2, 3] } as never)).rejects.toThrow(/init\(\{ bytes \}\): bytes must be an ArrayBuffer or a typed array.*got Array\(3\)/);
    await expect(init({ bytes: new Uint8Array([1, 2, 3]) })).rejects.toThrow(/init\(\{ bytes \}\): .*not a WebAssembly module.*samudra/);
    expect(analysis.shannon([0.5, 0.5])).toBeCloseTo(Math.log(2), 15);   // the earlier instance is still live
  });
});

describe("WASM-memory views", () => {
  it("snapshotReport(psi) inside an nlse.simulate callback", async () => {
    // On a fresh instance these sizes make the report's first FFT plan grow WASM memory while psi is a view
    // on it (before the fix: "input is a view whose buffer was detached" on the first call).
    for (const [numPoints, method] of [[128, "strang"], [300, "dop853"], [384, "strang"], [640, "dop853"], [1500, "strang"]] as const) {
      await init();
      const opts = { case: "single_soliton", numPoints, method, dt: 0.005, tFinal: 0.01, nSnapshots: 2 } as const;
      const got: analysis.SnapshotReport[] = [], copies: Float64Array[] = [];
      nlse.simulate(opts, ({ psi }) => { copies.push(psi.slice()); got.push(analysis.snapshotReport(psi)); });
      expect(got.length).toBe(2);
      expect(got[0]).toEqual(analysis.snapshotReport(copies[0]));   // same numbers as on a plain copy
      await init();
      const spectral: number[] = [];
      nlse.simulate(opts, ({ psi }) => { spectral.push(analysis.spectralEntropy(psi)); });
      expect(spectral[0]).toBe(analysis.spectralEntropy(copies[0]));
    }
  });
});

describe("valid inputs keep their numbers", () => {
  it("spot values", () => {
    expect(analysis.shannon([0.25, 0.25, 0.25, 0.25])).toBe(1.3862943611198906);
    expect(analysis.kruskalWallis([[1, 2, 3], [4, 5, 6]]).H).toBe(3.857142857142854);
    expect(analysis.cliffsDelta([1, 2], [3, 4])).toEqual({ delta: -1, magnitude: "large" });
    expect(analysis.permutationEntropy([1, 2, 3, 4, 5])).toBe(0);
    expect(Array.from(analysis.histogram([1, 2, 2, 3], { bins: 2 }).values)).toEqual([1, 3]);
    expect(Array.from(analysis.fftfreq(4))).toEqual([0, 0.25, -0.5, -0.25]);
    expect(Array.from(analysis.fftfreq(5, 0.5))).toEqual([0, 0.4, 0.8, -0.8, -0.4]);
    expect(Array.from(analysis.gradient([1, 4, 9], 2))).toEqual([1.5, 2, 2.5]);
    expect(analysis.lnGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(Array.from(fft.fft([1, 0, 2, 0, 3, 0, 4, 0]))).toEqual([10, 0, -2, 2, -2, 0, -2, -2]);
    expect(Array.from(analysis.rankdata([]).ranks)).toEqual([]);
  });
});
