// fft.* against numpy.fft reference outputs (test/fixtures/make_fft_fixtures.py).
import { describe, it, expect, beforeAll } from "vitest";
import { init, fft } from "../src/index.js";
import { norm, fftBound } from "./helpers/dft.js";
import { loadFftFixtures } from "./helpers/fixtures.js";

const fx = loadFftFixtures();
type Ref = [number, number];

function relErr(a: Float64Array, b: Float64Array, scale: number): number {
  expect(a.length).toBe(b.length);
  let w = 0;
  for (let i = 0; i < a.length; i++) w = Math.max(w, Math.abs(a[i] - b[i]));
  return w / scale;
}

describe(`numpy ${fx.numpy} fixtures`, () => {
  beforeAll(async () => { await init(); });

  const complexCases = fx.cases.filter((c) => c.kind === "complex");
  const realCases = fx.cases.filter((c) => c.kind === "real");

  it(`fft.fft(x) and fft.ifft(x) match numpy.fft.fft/ifft for n = ${complexCases.map((c) => c.n).join(", ")}`, () => {
    for (const c of complexCases) {
      const x = fx.get(c.input as Ref);
      // two independent FFT errors (ours and pocketfft's): 2× the single-transform bound
      expect(relErr(fft.fft(x), fx.get(c.fft as Ref), norm(x)), `fft n=${c.n}`).toBeLessThan(2 * fftBound(c.n, 4));
      expect(relErr(fft.ifft(x), fx.get(c.ifft as Ref), norm(x) / c.n), `ifft n=${c.n}`).toBeLessThan(2 * fftBound(c.n, 4));
    }
  });

  it(`fft.rfft(x) and fft.irfft(X, n) match numpy.fft.rfft/irfft for n = ${realCases.map((c) => c.n).join(", ")}`, () => {
    for (const c of realCases) {
      const x = fx.get(c.input as Ref);
      expect(relErr(fft.rfft(x), fx.get(c.rfft as Ref), norm(x)), `rfft n=${c.n}`).toBeLessThan(2 * fftBound(c.n, 4));
      const Y = fx.get(c.spectrum as Ref);
      const ref = fx.get(c.irfft as Ref);
      // irfft of a half spectrum: scale by the norm of the full Hermitian spectrum / n
      expect(relErr(fft.irfft(Y, c.n), ref, (Math.SQRT2 * norm(Y)) / c.n), `irfft n=${c.n}`).toBeLessThan(2 * fftBound(c.n, 4));
    }
  });
});
