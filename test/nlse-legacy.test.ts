// nlse legacy mode reproduces the seed (nlse.md §1–3): nfev and accepted/rejected steps exactly, mass to
// round-off, numpy's seed-42 randn stream bit for bit, and snapshots of an independent numpy/scipy
// re-implementation (test/fixtures/nlse_legacy_reference.py) to ≤ 1e-10.
import { describe, it, expect, beforeAll } from "vitest";
import { readFileSync } from "node:fs";
import { init, nlse } from "../src/index.js";
import { kernel } from "../src/wasm/load.js";

const ref = JSON.parse(readFileSync(new URL("./fixtures/nlse-legacy.json", import.meta.url), "utf8"));
const bin = readFileSync(new URL("./fixtures/nlse-legacy.bin", import.meta.url));
const refData = new Float64Array(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength));

// nlse.md §1.5 step statistics and §3.2 invariants
const SPEC: Record<string, { nfev: number; acc: number; rej: number; mass: number; H: number }> = {
  single_soliton: { nfev: 23354, acc: 1920, rej: 1, mass: 1e-14, H: 3.4e-9 },
  two_soliton: { nfev: 30110, acc: 2483, rej: 1, mass: 1e-14, H: 9.7e-6 },
  breather: { nfev: 34046, acc: 2810, rej: 2, mass: 1e-14, H: 5.4e-5 },
  modulation_instability: { nfev: 70718, acc: 5867, rej: 1, mass: 3e-11, H: 1.4e-3 },
};

describe("nlse legacy mode (seed parity)", () => {
  beforeAll(async () => { await init(); });

  it("numpy's legacy randn after seed 42: the first 1024 draws bit for bit", () => {
    const k = kernel();
    k.mtSeed(42);
    const got = Array.from({ length: 1024 }, () => k.mtGauss());
    expect(got).toEqual(ref.randn42);
  });

  for (const c of ref.cases as Array<{ case: string; nfev: number; indices: number[]; offset: number; t: number[] }>) {
    it(`${c.case}: nfev ${SPEC[c.case].nfev}, steps ${SPEC[c.case].acc}/${SPEC[c.case].rej}, mass ≤ ${SPEC[c.case].mass}, snapshots = numpy reference ≤ 1e-10`, () => {
      const kept = new Map<number, Float64Array>();
      const s = nlse.simulate({ case: c.case as never, legacy: true }, (snap) => { if (c.indices.includes(snap.index)) kept.set(snap.index, snap.psi.slice()); });
      const spec = SPEC[c.case];
      expect(s.status).toBe("ok");
      expect(s.nfev).toBe(spec.nfev);
      expect(s.nfev).toBe(c.nfev);
      expect(s.steps).toEqual({ accepted: spec.acc, rejected: spec.rej });
      expect(s.t.length).toBe(100);
      expect(s.invariants.drift.mass).toBeLessThanOrEqual(spec.mass);
      expect(s.invariants.drift.hamiltonian).toBeGreaterThan(spec.H * 0.8);     // the filter's drift, as measured
      expect(s.invariants.drift.hamiltonian).toBeLessThan(spec.H * 1.25);
      const N = 512;
      c.indices.forEach((idx, m) => {
        const want = refData.subarray(c.offset + m * 2 * N, c.offset + (m + 1) * 2 * N);
        const got = kept.get(idx)!;
        let d = 0;
        for (let j = 0; j < 2 * N; j++) d = Math.max(d, Math.abs(got[j] - want[j]));
        expect(d, `snapshot ${idx}`).toBeLessThanOrEqual(1e-10);   // measured 1.7e-13 … 1.4e-12
      });
    });
  }

  it("the single soliton's error vs the exact solution is set by the filter (~1e-6), as the spec measured", () => {
    const s = nlse.simulate({ case: "single_soliton", legacy: true });
    expect(s.error![99]).toBeGreaterThan(5e-7);
    expect(s.error![99]).toBeLessThan(1.2e-6);
    expect(s.invariants.mass[0]).toBeCloseTo(4, 12);         // M = 2A
    expect(s.invariants.momentum[0]).toBeCloseTo(4, 10);     // P = 2Av, the correct sign
    expect(s.invariants.hamiltonian[0]).toBeCloseTo(-2 / 3, 8);
  });
});
