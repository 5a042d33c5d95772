/**
 * Probability distributions built from a simulation field.
 *
 * - `spatialDistribution`: p_j = |ψ_j|² / Σ_k |ψ_k|² over grid points (complex ψ interleaved [re, im], or
 *   real φ). A point distribution: Σp = 1, no dx weight (NLSE supplement §4.1).
 * - `spectralDistribution`: P_m = |FFT(ψ)_m|² / Σ|FFT(ψ)|², all N bins in numpy's unshifted order.
 * - `densityOnGrid`: the Klein–Gordon supplement's "probability" p_j = φ_j² / ∫φ²dx (trapezoid, with a norm
 *   below 1e-15 replaced by 1) — a density, Σp = 1/dx (KG spec §4.1); kept for legacy parity.
 * - `histogram`: fixed range and bin count, counts or density (numpy.histogram semantics, right edge closed).
 */
import { fft as fftNs } from "../api-fft.js";
import { describe, checkNumberEntries, checkNoNaN, checkOptions, checkBool } from "../validate.js";
import { offWasm } from "./wmath.js";

/**
 * Field values as a Float64Array (validates and converts). A view on WASM memory is copied, so the
 * allocations of the analysis (FFT plans, scratch) cannot detach it half-way.
 */
export function asField(where: string, field: unknown, complex: boolean, name = "field"): Float64Array {
  if (field === null || typeof field !== "object" || typeof (field as ArrayLike<number>).length !== "number") {
    throw new TypeError(`${where}: ${name} must be a Float64Array or an array of numbers, got ${describe(field)}`);
  }
  checkNumberEntries(where, name, field as ArrayLike<unknown>);
  const f = field instanceof Float64Array ? offWasm(field) : Float64Array.from(field as ArrayLike<number>);
  if (complex && f.length % 2 !== 0) {
    throw new RangeError(`${where}: a complex field is interleaved [re, im, …] and needs an even length, got ${f.length}; pass { complex: false } for a real field`);
  }
  if (f.length === 0) {
    if (ArrayBuffer.isView(field) && field.buffer.byteLength === 0) {
      throw new RangeError(`${where}: ${name} is a view whose buffer was detached (WASM memory grew since it was taken); copy it (psi.slice()) or re-read it before other samudra calls`);
    }
    throw new RangeError(`${where}: ${name} is empty`);
  }
  return f;
}

/**
 * |ψ_j|² (complex) or φ_j² (real).
 *
 * @example
 * analysis.intensity(Float64Array.of(3, 4, 1, 0), true);   // Float64Array [25, 1]
 */
export function intensity(field: Float64Array, complex: boolean): Float64Array {
  const n = complex ? field.length / 2 : field.length;
  const out = new Float64Array(n);
  if (complex) for (let j = 0; j < n; j++) out[j] = field[2 * j] * field[2 * j] + field[2 * j + 1] * field[2 * j + 1];
  else for (let j = 0; j < n; j++) out[j] = field[j] * field[j];
  return out;
}

/**
 * |ψ_j| (complex) or |φ_j| (real).
 *
 * @example
 * analysis.amplitude(Float64Array.of(3, 4, 1, 0), true);   // Float64Array [5, 1]
 */
export function amplitude(field: Float64Array, complex: boolean): Float64Array {
  const n = complex ? field.length / 2 : field.length;
  const out = new Float64Array(n);
  // √(re² + im²): correctly rounded sqrt, so the same bits on every engine (host hypot is not)
  if (complex) for (let j = 0; j < n; j++) out[j] = Math.sqrt(field[2 * j] * field[2 * j] + field[2 * j + 1] * field[2 * j + 1]);
  else for (let j = 0; j < n; j++) out[j] = Math.abs(field[j]);
  return out;
}

function normalise(w: Float64Array, where: string): Float64Array {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i];
  if (!(s > 0) || !Number.isFinite(s)) throw new RangeError(`${where}: the field has zero or non-finite total intensity (${s}); nothing to normalise`);
  for (let i = 0; i < w.length; i++) w[i] /= s;
  return w;
}

/**
 * p_j = |ψ_j|²/Σ|ψ|². `floor` (relative to max |ψ|², default 0) zeroes points below floor·max before
 * normalising: the robust choice for entropies sensitive to round-off tails (R0, permutation entropy).
 *
 * @example
 * analysis.spatialDistribution(psi, { complex: true });            // Σp = 1
 */
export function spatialDistribution(field: ArrayLike<number>, o: { complex?: boolean; floor?: number } = {}): Float64Array {
  const where = "analysis.spatialDistribution(field)";
  o = checkOptions(where, o, ["complex", "floor"]);
  const complex = checkBool(where, "complex", o.complex, true);
  const w = intensity(asField(where, field, complex), complex);
  const floor = o.floor ?? 0;
  if (!(floor >= 0 && floor < 1)) throw new RangeError(`${where}: floor must be in [0, 1), got ${describe(o.floor)}`);
  if (floor > 0) {
    let m = 0;
    for (let i = 0; i < w.length; i++) m = Math.max(m, w[i]);
    for (let i = 0; i < w.length; i++) if (w[i] < floor * m) w[i] = 0;
  }
  return normalise(w, where);
}

/**
 * P_m = |FFT(ψ)_m|²/Σ over all N bins (numpy order). For a real φ the full (Hermitian) spectrum is used.
 *
 * @example
 * analysis.spectralDistribution(psi);      // complex ψ by default
 */
export function spectralDistribution(field: ArrayLike<number>, o: { complex?: boolean } = {}): Float64Array {
  const where = "analysis.spectralDistribution(field)";
  o = checkOptions(where, o, ["complex"]);
  const complex = checkBool(where, "complex", o.complex, true);
  const f = asField(where, field, complex);
  let z: Float64Array;
  if (complex) z = f;
  else { z = new Float64Array(2 * f.length); for (let j = 0; j < f.length; j++) z[2 * j] = f[j]; }
  return normalise(intensity(fftNs.fft(z), true), where);
}

/**
 * KG supplement density: p_j = φ_j²/∫φ²dx with the trapezoid rule on spacing dx (norm < 1e-15 → 1).
 * Σp = 1/dx, not 1: entropies of it depend on the grid (legacy parity only).
 *
 * @example
 * analysis.densityOnGrid([1, 2, 1], 0.5);   // Float64Array [0.4, 1.6, 0.4]
 */
export function densityOnGrid(field: ArrayLike<number>, dx: number, o: { complex?: boolean } = {}): Float64Array {
  const where = "analysis.densityOnGrid(field, dx)";
  o = checkOptions(where, o, ["complex"]);
  if (typeof dx !== "number" || !(dx > 0) || dx === Infinity) throw new RangeError(`${where}: dx must be a finite positive number (the grid spacing), got ${describe(dx)}`);
  const complex = checkBool(where, "complex", o.complex, false);
  const w = intensity(asField(where, field, complex), complex);
  let integral = 0;
  for (let i = 1; i < w.length; i++) integral += 0.5 * (w[i - 1] + w[i]) * dx;
  if (integral < 1e-15) integral = 1;
  for (let i = 0; i < w.length; i++) w[i] /= integral;
  return w;
}

/** What `analysis.histogram` returns: values per bin and the bin edges. */
export interface Histogram {
  /** Counts, or densities (count / (n·width)) with `density: true`. */
  values: Float64Array;
  /** bins + 1 edges. */
  edges: Float64Array;
}

/**
 * numpy.histogram: `bins` equal bins over `range` (default [min, max]); the last bin includes its right edge;
 * values outside the range are ignored.
 *
 * @example
 * analysis.histogram([1, 2, 2, 3], { bins: 2 });   // values [1, 3], edges [1, 2, 3]
 */
export function histogram(values: ArrayLike<number>, o: { bins?: number; range?: [number, number]; density?: boolean } = {}): Histogram {
  const where = "analysis.histogram(values)";
  o = checkOptions(where, o, ["bins", "range", "density"]);
  const density = checkBool(where, "density", o.density, false);
  const v = asField(where, values, false, "values");
  checkNoNaN(where, "values", v);
  const bins = o.bins ?? 10;
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`${where}: bins must be a positive integer, got ${describe(o.bins)}`);
  let lo: number, hi: number;
  if (o.range !== undefined) {
    const r = o.range as unknown;
    if (!Array.isArray(r) || r.length !== 2 || typeof r[0] !== "number" || typeof r[1] !== "number" || !Number.isFinite(r[0]) || !Number.isFinite(r[1]) || !(r[1] >= r[0])) {
      throw new RangeError(`${where}: range must be [min, max] with finite min ≤ max, got ${Array.isArray(r) ? JSON.stringify(r) : describe(r)}`);
    }
    [lo, hi] = r;
  } else {
    lo = Infinity; hi = -Infinity;
    for (let i = 0; i < v.length; i++) {
      if (!Number.isFinite(v[i])) throw new RangeError(`${where}: values[${i}] is ${v[i]}, so the automatic range is not finite; pass range: [min, max] to bin the finite values (values outside it are ignored)`);
      lo = Math.min(lo, v[i]); hi = Math.max(hi, v[i]);
    }
  }
  if (lo === hi) { lo -= 0.5; hi += 0.5; }
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i <= bins; i++) edges[i] = lo + (i * (hi - lo)) / bins;
  const counts = new Float64Array(bins);
  let n = 0;
  const norm = bins / (hi - lo);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (!(x >= lo && x <= hi)) continue;
    let b = Math.floor((x - lo) * norm);
    if (b >= bins) b = bins - 1;
    // numpy corrects the computed bin against the exact edges
    if (b > 0 && x < edges[b]) b--;
    else if (b < bins - 1 && x >= edges[b + 1]) b++;
    counts[b]++;
    n++;
  }
  if (density) for (let b = 0; b < bins; b++) counts[b] = counts[b] / (n * (edges[b + 1] - edges[b]));
  return { values: counts, edges };
}
