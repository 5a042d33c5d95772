// analysis.snapshotReport(ψ, { legacy: true }) on the four NLSE seed initial fields reproduces the spec's
// published §4.3 table (t = 0 column) to 1e-4, and an independent numpy re-implementation to 1e-10.
import { describe, it, expect, beforeAll } from "vitest";
import { readFileSync } from "node:fs";
import { init, analysis } from "../src/index.js";

const fx = JSON.parse(readFileSync(new URL("./fixtures/analysis-reference.json", import.meta.url), "utf8"));

// nlse.md §4.3, t = 0 values (and §4.3 bullets: sample entropy, differential entropy with the + ln Δ bug)
const published: Record<string, Record<string, number>> = {
  single_soliton: { shannon: 2.94001, spectralShannon: 3.62256, renyi0: 5.14749, renyi2: 2.73177, renyiInf: 2.33240, tsallis05: 8.05310, tsallis2: 0.934896, lmc: 15.2381, lmcHNorm: 0.47128, lmcDisequilibrium: 0.063151, permutation: 0.7603, modesAbove1pct: 61, bandwidth: 0.01795, meanFrequency: 0.01554, sampleEntropy: 0.005, differential: -5.853 },
  two_soliton: { shannon: 3.74621, spectralShannon: 4.08015, renyi0: 5.97126, renyi2: 3.49902, renyiInf: 2.89201, tsallis05: 13.19885, tsallis2: 0.969773, lmc: 8.6932, lmcHNorm: 0.60052, lmcDisequilibrium: 0.028274, permutation: 0.4077, modesAbove1pct: 84, bandwidth: 0.03476, meanFrequency: 0.00444, sampleEntropy: 0.011, differential: -5.256 },
  breather: { shannon: 3.38358, spectralShannon: 3.17099, renyi0: 5.75890, renyi2: 3.19684, renyiInf: 2.81914, tsallis05: 10.56425, tsallis2: 0.959109, lmc: 10.8131, permutation: 0.3940, modesAbove1pct: 37, bandwidth: 0.0113, meanFrequency: 0.00777, sampleEntropy: 0.005, differential: -5.477 },
  modulation_instability: { shannon: 5.01474, spectralShannon: 1.54796, renyi0: 6.23832, renyi2: 4.85840, renyiInf: 4.47442, tsallis05: 25.45461, tsallis2: 0.992237, lmc: 2.3912, permutation: 0.9909, modesAbove1pct: 7, bandwidth: 0.0097, meanFrequency: 0, sampleEntropy: 0.027, differential: -4.955 },
};

// One published entry measures round-off, not physics: the soliton's t = 0 permutation entropy counts ordinal
// patterns of the ~1e-16 noise that IFFT(FFT(ψ₀)) leaves in tails where |ψ| ~ 1e-30. It depends on the FFT
// library's rounding: numpy 2.4 gives 0.7570, numpy 1.26 0.7614, the seed's run 0.7603. The seed's stored field
// is not available, so that entry is checked to 0.01 (the spread across FFT libraries), all others to 1e-4.
const ROUNDOFF_ARTIFACTS: Record<string, Record<string, number>> = { single_soliton: { permutation: 0.01 } };

/** The table prints k significant decimals; a value matches if it rounds to the printed one (≤ ½ unit, ≤ 1e-4). */
function decimals(v: number): number {
  const s = String(v);
  return s.includes(".") ? s.split(".")[1].length : 0;
}

describe("NLSE supplement §4.3, legacy definitions, t = 0", () => {
  beforeAll(async () => { await init(); });
  for (const [name, want] of Object.entries(published)) {
    it(`${name}: every published measure`, () => {
      const rep = analysis.snapshotReport(fx.nlse[name].psi, { complex: true, legacy: true }) as unknown as Record<string, number>;
      for (const [k, v] of Object.entries(want)) {
        const tol = ROUNDOFF_ARTIFACTS[name]?.[k] ?? Math.max(1e-4, 0.5 * 10 ** -decimals(v));
        expect(Math.abs(rep[k] - v), `${k}: got ${rep[k]}, published ${v}`).toBeLessThanOrEqual(tol);
      }
      for (const [k, v] of Object.entries(fx.nlse[name].legacy as Record<string, number>)) {
        expect(Math.abs(rep[k] - v), `${k} vs numpy re-implementation`).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(v)));
      }
    });
  }

  it("the corrected default (amplitude floor 1e-10) removes the round-off tail from R0 for the soliton", () => {
    const psi = fx.nlse.single_soliton.psi;
    const legacy = analysis.snapshotReport(psi, { legacy: true });
    const fixed = analysis.snapshotReport(psi);
    expect(fixed.renyi0).toBeLessThan(legacy.renyi0);
    expect(Math.abs(fixed.shannon - legacy.shannon)).toBeLessThan(1e-8);      // the bulk is unchanged
    expect(fixed.differential).toBeCloseTo(legacy.differential - Math.log((Math.max(...analysis.amplitude(psi, true)) - Math.min(...analysis.amplitude(psi, true))) / 50), 10);
  });
});
