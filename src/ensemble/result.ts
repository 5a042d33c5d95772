/**
 * Reduction of member results into one result: for every kept quantity one Float64Array, row-major over the dims
 * (grid axes…, replicate[, step][, time]) — `step` is the chain position (up, then down), `time` the kept frames.
 * Members are placed by index, so the result does not depend on the order in which members finished (or on the
 * executor). Failed members leave NaN in their cells; `status` says which (0 ok, 1 ended early, 2 failed) and
 * `messages` why.
 */
import type { NormalSpec } from "./spec.js";
import type { MemberResult } from "./member.js";
import { memberCount, chainOrder } from "./grid.js";
import { pointsPerMember } from "./member.js";

/** What `ensemble.run` returns: the reduced arrays with their dims and coordinates. */
export interface EnsembleResult {
  /** The normalised spec the result was computed from. */
  spec: NormalSpec;
  /** Number of members (jobs). */
  members: number;
  /** Dim names of the summary arrays: the grid axes, "replicate"[, "step" for chains]. */
  dims: string[];
  /** Their lengths. */
  shape: number[];
  /** Coordinate values per dim (replicate: 0…R−1; step: the chain axis value at each point). */
  coords: Record<string, Array<number | string | boolean>>;
  /** Chains: +1 (up) or −1 (down) per step; null without a chain. */
  direction: Int8Array | null;
  /** Summary quantities, row-major over `shape`. */
  summary: Record<string, Float64Array>;
  /** Series, row-major over `shape` × [time.length]. */
  series: Record<string, Float64Array>;
  /** Times of the kept series frames (those of the first member that has them). */
  time: Float64Array;
  /** Per member: 0 ok, 1 ended early, 2 failed. */
  status: Uint8Array;
  /** Members with a message other than "completed": index, status and message. */
  messages: Array<{ member: number; status: MemberResult["status"]; message: string }>;
}

const CODE = { ok: 0, early: 1, failed: 2 } as const;

/**
 * Assembles member results (any order, each index exactly once: a missing or repeated member is an error) into an
 * EnsembleResult.
 *
 * @example
 * const res = reduce(spec, results);   // results[i].index covers 0 … memberCount(spec) − 1
 */
export function reduce(spec: NormalSpec, results: Iterable<MemberResult>): EnsembleResult {
  const n = memberCount(spec), len = pointsPerMember(spec);
  const byIndex: Array<MemberResult | undefined> = new Array(n);
  for (const r of results) {
    if (!(r.index >= 0 && r.index < n)) throw new RangeError(`ensemble: member index ${r.index} is outside 0 … ${n - 1}`);
    if (byIndex[r.index] !== undefined) throw new RangeError(`ensemble: member ${r.index} has two results; every member must be present once`);
    byIndex[r.index] = r;
  }
  const missing = byIndex.findIndex((r) => r === undefined);
  if (byIndex.length !== n || missing >= 0) throw new RangeError(`ensemble: member ${missing < 0 ? byIndex.length : missing} has no result; every member 0 … ${n - 1} must be present`);
  const members = byIndex as MemberResult[];
  const dims = [...spec.axes.map((a) => a.name), "replicate"];
  const shape = [...spec.axes.map((a) => a.values.length), spec.replicates];
  const coords: EnsembleResult["coords"] = Object.fromEntries(spec.axes.map((a) => [a.name, a.values]));
  coords.replicate = Array.from({ length: spec.replicates }, (_, i) => i);
  let direction: Int8Array | null = null;
  if (spec.chain) {
    const order = chainOrder(spec.chain.values);
    dims.push("step"); shape.push(order.length);
    coords.step = order.map((p) => p.value);
    direction = Int8Array.from(order.map((p) => p.direction));
  }
  const summary: Record<string, Float64Array> = {};
  for (const k of spec.keep.summary) {
    const a = (summary[k] = new Float64Array(n * len));
    for (const r of members) a.set(r.summary[k] ?? new Float64Array(len).fill(NaN), r.index * len);
  }
  const withTime = members.find((r) => r.time.length > 0);
  const time = withTime ? withTime.time.slice() : new Float64Array(0);
  const series: Record<string, Float64Array> = {};
  for (const { name } of spec.keep.series) {
    const T = time.length, a = (series[name] = new Float64Array(n * T).fill(NaN));
    for (const r of members) { const s = r.series[name]; if (s) a.set(s.subarray(0, T), r.index * T); }
  }
  const status = Uint8Array.from(members.map((r) => CODE[r.status]));
  const messages = members.filter((r) => r.message !== "completed").map((r) => ({ member: r.index, status: r.status, message: r.message }));
  return { spec, members: n, dims, shape, coords, direction, summary, series, time, status, messages };
}
