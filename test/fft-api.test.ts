// fft API contract: argument errors that say how to fix them, zero-copy views, lifetime rules.
import { describe, it, expect, beforeAll } from "vitest";
import { init, fft } from "../src/index.js";

describe("fft API", () => {
  beforeAll(async () => { await init(); });

  it("fft.fft / ifft / rfft / irfft give the documented small examples", () => {
    expect([...fft.fft([1, 0, 2, 0, 3, 0, 4, 0])]).toEqual([10, 0, -2, 2, -2, 0, -2, -2]);
    expect([...fft.rfft([1, 2, 3, 4])]).toEqual([10, 0, -2, 2, -2, 0]);
    expect([...fft.irfft(fft.rfft([1, 2, 3, 4]))]).toEqual([1, 2, 3, 4]);
    expect([...fft.ifft(fft.fft([1, 0, 2, 0]))]).toEqual([1, 0, 2, 0]);
    const odd = fft.irfft(fft.rfft([1, 2, 3]), 3);
    [1, 2, 3].forEach((v, i) => expect(odd[i]).toBeCloseTo(v, 14));
  });

  it("fft.irfft(X, n) ignores Im X_0 and Im X_{n/2}, zero-pads or truncates bins like numpy", () => {
    const a = fft.irfft([1, 5, 2, 0, 3, 7], 4);        // imag of DC and Nyquist dropped
    const b = fft.irfft([1, 0, 2, 0, 3, 0], 4);
    expect([...a]).toEqual([...b]);
    const padded = fft.irfft([4, 0], 4);                // missing bins are zero
    expect([...padded]).toEqual([1, 1, 1, 1]);
    const trunc = fft.irfft([1, 0, 2, 0, 3, 0, 9, 9], 4); // extra bins ignored
    expect([...trunc]).toEqual([...b]);
  });

  it("fft.plan(n) rejects bad n with a message naming n and the fix", () => {
    expect(() => fft.plan(0)).toThrow(/n must be an integer 1 ≤ n ≤ 16777216, got number 0/);
    expect(() => fft.plan(2.5)).toThrow(/fft\.plan\(n\): n must be an integer/);
    expect(() => fft.plan(NaN)).toThrow(/got number NaN/);
    expect(() => fft.plan("8" as unknown as number)).toThrow(/got string "8"/);
    expect(() => fft.realPlan(-1)).toThrow(/fft\.realPlan\(n\): n must be an integer/);
  });

  it("plan.forward(out, input) checks types and lengths", () => {
    const p = fft.plan(8);
    expect(() => p.forward(new Float64Array(16), new Float64Array(10))).toThrow(
      /FFTPlan\(n=8\)\.forward\(out, input\): input must have length 16 \(8 complex values interleaved/);
    expect(() => p.forward(new Float64Array(15), new Float64Array(16))).toThrow(/out must have length 16/);
    expect(() => p.inverse(new Float64Array(16), [1, 2] as unknown as Float64Array)).toThrow(/input must be a Float64Array of length 16.*got Array\(2\)/);
    expect(() => p.forward(new Float32Array(16) as unknown as Float64Array, new Float64Array(16))).toThrow(/got Float32Array\(16\)/);
    const r = fft.realPlan(8);
    expect(() => r.forward(new Float64Array(8), new Float64Array(8))).toThrow(/spectrum must have length 10 \(5 complex bins/);
    expect(() => r.inverse(new Float64Array(7), new Float64Array(10))).toThrow(/x must have length 8 \(8 real samples\)/);
  });

  it("ordinary arrays may be transformed in place (out === input); overlapping WASM views are refused", () => {
    const p = fft.plan(4);
    const x = Float64Array.of(1, 0, 2, 0, 3, 0, 4, 0);
    p.forward(x, x);
    expect([...x]).toEqual([10, 0, -2, 2, -2, 0, -2, -2]);
    p.input.set([1, 0, 2, 0, 3, 0, 4, 0]);
    expect(() => p.forward(p.input, p.input)).toThrow(/FFTPlan\(n=4\)\.forward\(out, input\): the two arrays overlap in WASM memory/);
    const big = fft.plan(8), r = fft.realPlan(8);         // real plan on overlapping WASM slices
    expect(() => r.forward(big.input.subarray(0, 10), big.input.subarray(2, 10))).toThrow(/RealFFTPlan\(n=8\)\.forward\(spectrum, x\): the two arrays overlap/);
    const q = fft.plan(4);                                 // another plan's WASM buffer: no overlap
    p.forward(q.input, p.input);
    expect([...q.input]).toEqual([10, 0, -2, 2, -2, 0, -2, -2]);
  });

  it("zero-copy: plan.input/plan.output alias WASM memory and work directly", () => {
    const p = fft.plan(4);
    p.input.set([1, 0, 2, 0, 3, 0, 4, 0]);
    const out = p.forward(p.output, p.input);
    expect(out).toBe(p.output);
    expect([...p.output]).toEqual([10, 0, -2, 2, -2, 0, -2, -2]);
    const r = fft.realPlan(4);
    r.real.set([1, 2, 3, 4]);
    r.forward(r.spectrum, r.real);
    expect([...r.spectrum]).toEqual([10, 0, -2, 2, -2, 0]);
    r.real.fill(0);
    r.inverse(r.real, r.spectrum);
    expect([...r.real]).toEqual([1, 2, 3, 4]);
  });

  it("views are re-made after WASM memory grows (old views detach, getters stay valid)", () => {
    const p = fft.plan(16);
    const before = p.input;
    const big = fft.plan(1 << 20);     // forces memory.grow
    expect(before.byteLength).toBe(0); // detached by growth
    expect(() => p.forward(p.output, before)).toThrow(/input is a view whose buffer was detached.*re-read plan\.input/);
    const now = p.input;
    expect(now.length).toBe(32);
    now.set(new Float64Array(32).fill(1));
    p.forward(p.output, p.input);
    expect(p.output[0]).toBe(16);
    big.dispose();
  });

  it("use after dispose() and after a new init() throw errors that say how to fix it", async () => {
    const p = fft.plan(8);
    p.dispose();
    p.dispose(); // idempotent
    expect(p.disposed).toBe(true);
    expect(() => p.forward(new Float64Array(16), new Float64Array(16))).toThrow(/was disposed; create a new one with fft\.plan\(8\)/);
    expect(() => p.input).toThrow(/disposed/);
    const r = fft.realPlan(6);
    await init();
    expect(() => r.forward(new Float64Array(8), new Float64Array(6))).toThrow(/earlier init\(\); create a new one with fft\.realPlan\(6\) after init\(\)/);
  });

  it("convenience functions accept number arrays and reject bad shapes", () => {
    expect(() => fft.fft([1, 2, 3])).toThrow(/fft\.fft\(x\): x must hold interleaved complex values.*got length 3/);
    expect(() => fft.fft("abc" as unknown as number[])).toThrow(/must be a Float64Array or an array of numbers, got string/);
    expect(() => fft.rfft([])).toThrow(/at least one sample/);
    expect(() => fft.irfft([1, 0], 0)).toThrow(/n must be a positive integer/);
    expect(() => fft.irfft([1, 0])).toThrow(/n must be a positive integer.*pass n explicitly/);
  });
});
