/**
 * Special functions for p-values, accurate in the far tail (log-space so tiny p do not print as 0):
 *   lnGamma   Lanczos (g = 7, 9 terms), |rel err| < 2e-15 for x > 0; ln|Γ(x)| by reflection for x < 0.5 and
 *             +∞ at the poles 0, −1, −2, … and −∞ (scipy.special.gammaln)
 *   gammaQ    regularized upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a): series for x < a + 1, Lentz's
 *             continued fraction otherwise (Numerical Recipes 3rd ed. §6.2); `logGammaQ` returns ln Q directly
 *   chi2Sf    P(χ²_k > x) = Q(k/2, x/2)
 *   normSf    P(Z > z) = ½ erfc(z/√2), with erfc(y) = Q(½, y²) for y ≥ 0
 * Elementary functions come from WASM (wmath.ts) so p-values are the same bits on every engine.
 */
import { log, exp, log1p, sin } from "./wmath.js";
import { describe } from "../validate.js";

function num(where: string, name: string, v: unknown): number {
  if (typeof v !== "number" || v !== v) throw new TypeError(`${where}: ${name} must be a number, got ${describe(v)}`);
  return v;
}

function dof(where: string, k: unknown): number {
  if (typeof k !== "number" || !(k > 0) || k === Infinity) {
    throw new RangeError(`${where}: k (degrees of freedom) must be a finite number > 0, got ${describe(k)}; for a test on g groups k = g − 1`);
  }
  return k;
}

const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

/**
 * ln |Γ(x)| (Lanczos approximation, reflection for x < 0.5); +Infinity at the poles x = 0, −1, −2, … and −∞.
 * A non-number x is a `TypeError`.
 *
 * @example
 * analysis.lnGamma(5);   // ≈ 3.178054 (ln 24)
 */
export function lnGamma(x: number): number {
  if (typeof x !== "number") throw new TypeError(`analysis.lnGamma(x): x must be a number, got ${describe(x)}`);
  // poles: sin(πx) is not exactly 0 in floating point, so the reflection would give a finite value (37.78 at −1)
  if (x <= 0 && (Number.isInteger(x) || x === -Infinity)) return Infinity;
  if (x < 0.5) return log(Math.PI / Math.abs(sin(Math.PI * x))) - lnGamma(1 - x);
  x -= 1;
  let a = LANCZOS[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (x + i);
  return 0.5 * log(2 * Math.PI) + (x + 0.5) * log(t) - t + log(a);
}

const EPS = 1e-16, FPMIN = 1e-300;

/** ln P(a, x) via the series (x < a + 1). */
function logGammaPSeries(a: number, x: number): number {
  let ap = a, sum = 1 / a, del = sum;
  for (let n = 0; n < 10000; n++) {
    ap += 1;
    del *= x / ap;
    sum += del;
    if (Math.abs(del) < Math.abs(sum) * EPS) break;
  }
  return log(sum) - x + a * log(x) - lnGamma(a);
}

/** ln Q(a, x) via the continued fraction (x ≥ a + 1). */
function logGammaQCf(a: number, x: number): number {
  let b = x + 1 - a, c = 1 / FPMIN, d = 1 / b, h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b; if (Math.abs(d) < FPMIN) d = FPMIN;
    c = b + an / c; if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return log(h) - x + a * log(x) - lnGamma(a);
}

/** ln Q(a, x), finite even where Q underflows. */
export function logGammaQ(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError(`logGammaQ: a must be > 0, got ${a}`);
  if (x <= 0) return 0;
  if (x < a + 1) return log1p(-exp(logGammaPSeries(a, x)));
  return logGammaQCf(a, x);
}

export function gammaQ(a: number, x: number): number {
  return exp(logGammaQ(a, x));
}

/**
 * Survival function of χ² with k degrees of freedom.
 *
 * @example
 * analysis.chi2Sf(3.841458820694124, 1);   // ≈ 0.05
 */
export function chi2Sf(x: number, k: number): number {
  const w = "analysis.chi2Sf(x, k)";
  num(w, "x", x); dof(w, k);
  if (x === Infinity) return 0;
  return gammaQ(k / 2, x / 2);
}

/**
 * ln of the χ² survival function.
 *
 * @example
 * analysis.chi2LogSf(1000, 2);   // -500 (chi2Sf underflows to 0 there)
 */
export function chi2LogSf(x: number, k: number): number {
  const w = "analysis.chi2LogSf(x, k)";
  num(w, "x", x); dof(w, k);
  if (x === Infinity) return -Infinity;
  return logGammaQ(k / 2, x / 2);
}

/**
 * Standard normal survival function P(Z > z).
 *
 * @example
 * analysis.normSf(1.959963984540054);   // ≈ 0.025
 */
export function normSf(z: number): number {
  num("analysis.normSf(z)", "z", z);
  if (z === Infinity) return 0;
  if (z < 0) return 1 - normSf(-z);
  return 0.5 * gammaQ(0.5, (z * z) / 2);
}
