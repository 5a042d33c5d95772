/**
 * Members of a sweep: member m ↔ (axis indices i_1 … i_k, replicate r), row-major with the first axis slowest and
 * the replicate fastest: m = ((i_1·n_2 + i_2)·n_3 + …)·R + r. A chain (school) is one member whose points run up
 * through the chain axis and back down: v_1 … v_n, v_{n−1} … v_1 (school.sweep's order).
 *
 * Seeds are counter-based: seed_m = mix32((mix32(S) + m) mod 2^32), mix32 = MurmurHash3's fmix32 (a bijection of
 * 32-bit integers), S the spec seed. Distinct members of a sweep get distinct seeds, and a member's seed depends on
 * nothing but (S, m) — not on the executor, the order or the machine. Chain point p runs with seed_m + p
 * (school.sweep's rule).
 */
import type { NormalSpec } from "./spec.js";

/**
 * MurmurHash3 fmix32: a bijective 32-bit mix (unsigned result).
 *
 * @example
 * mix32(0);   // 0
 */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The seed of member `m` of a sweep with spec seed `seed`.
 *
 * @example
 * memberSeed(0, 0);   // mix32(mix32(0) + 0) = 0
 * memberSeed(7, 3) !== memberSeed(7, 4);   // true: distinct members, distinct seeds
 */
export function memberSeed(seed: number, m: number): number {
  return mix32((mix32(seed) + m) >>> 0);
}

/**
 * Number of members (jobs) of a normalised spec: the product of the axis lengths times the replicates.
 *
 * @example
 * memberCount(normalizeSpec({ model: "school", grid: { rOrientation: [2, 4] }, replicates: 3 }));   // 6
 */
export function memberCount(spec: NormalSpec): number {
  return spec.axes.reduce((n, a) => n * a.values.length, spec.replicates);
}

/**
 * The shape of the member grid: axis lengths then the replicate count.
 *
 * @example
 * memberShape(normalizeSpec({ model: "school", grid: { noise: [0.1, 0.2] }, replicates: 3 }));   // [2, 3]
 */
export function memberShape(spec: NormalSpec): number[] {
  return [...spec.axes.map((a) => a.values.length), spec.replicates];
}

/**
 * Axis indices and replicate of member `m`.
 *
 * @example
 * memberCoords(spec, 5);   // { point: [2], replicate: 1 } for one axis and 2 replicates
 */
export function memberCoords(spec: NormalSpec, m: number): { point: number[]; replicate: number } {
  const n = memberCount(spec);
  if (!Number.isInteger(m) || m < 0 || m >= n) throw new RangeError(`member index must be an integer 0 ≤ m < ${n}, got ${m}`);
  const replicate = m % spec.replicates;
  let q = (m - replicate) / spec.replicates;
  const point = new Array<number>(spec.axes.length);
  for (let k = spec.axes.length - 1; k >= 0; k--) { const len = spec.axes[k].values.length; point[k] = q % len; q = Math.floor(q / len); }
  return { point, replicate };
}

/**
 * The order of a chain's points: indices into the chain values and the direction of each (+1 up, −1 down).
 *
 * @example
 * chainOrder([1, 2, 3]).map((p) => p.value);   // [1, 2, 3, 2, 1]
 */
export function chainOrder(values: number[]): Array<{ index: number; value: number; direction: 1 | -1 }> {
  const up = values.map((value, index) => ({ index, value, direction: 1 as const }));
  const down = values.slice(0, -1).map((value, index) => ({ index, value, direction: -1 as const })).reverse();
  return [...up, ...down];
}

/** Options derived from Couzin's zone widths: deltaOrientation Δr_o = r_o − r_r, deltaAttraction Δr_a = r_a − r_o. */
export const ZONE_WIDTHS = ["deltaOrientation", "deltaAttraction"];

/**
 * The model options of member `m` (without the chain axis): base, then the list set, then the axis values, then the
 * seed (models with one, unless `seed` is an axis). School zone widths become radii: r_o = r_r + Δr_o,
 * r_a = r_o + Δr_a (r_r from the options, else the case default, which the caller passes as `rRepulsion`).
 *
 * @example
 * memberOptions(spec, 0);   // { case: "kink_antikink", method: "yoshida4", velocity: 0.18 }
 */
export function memberOptions(spec: NormalSpec, m: number): Record<string, unknown> {
  const { point } = memberCoords(spec, m);
  const o: Record<string, unknown> = { ...spec.base };
  spec.axes.forEach((a, k) => {
    if (a.name === "set") Object.assign(o, spec.list?.[point[k]]);
    else o[a.name] = a.values[point[k]];
  });
  if (spec.model !== "kg" && !spec.axes.some((a) => a.name === "seed")) o.seed = memberSeed(spec.seed, m);
  return o;
}

/**
 * Replaces Δr_o / Δr_a by the radii, given r_r (school).
 *
 * @example
 * zoneRadii({ deltaOrientation: 3, deltaAttraction: 6 }, 1);   // { rOrientation: 4, rAttraction: 10 }
 */
export function zoneRadii(o: Record<string, unknown>, rRepulsion: number): Record<string, unknown> {
  if (o.deltaOrientation === undefined && o.deltaAttraction === undefined) return o;
  const out = { ...o };
  const rr = typeof o.rRepulsion === "number" ? o.rRepulsion : rRepulsion;
  if (o.deltaOrientation !== undefined) out.rOrientation = rr + Number(o.deltaOrientation);
  if (o.deltaAttraction !== undefined) {
    if (typeof out.rOrientation !== "number") throw new RangeError("deltaAttraction needs rOrientation or deltaOrientation in the member's options");
    out.rAttraction = (out.rOrientation as number) + Number(o.deltaAttraction);
  }
  delete out.deltaOrientation;
  delete out.deltaAttraction;
  return out;
}
