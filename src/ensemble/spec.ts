/**
 * Sweep specs: one YAML/JSON shape for a family of runs of one model, validated once into a normalised spec.
 *
 *   model: kg | nlse | school          the model (kg = kleinGordon)
 *   base: { … }                        model options shared by every member (the model validates them)
 *   grid: { key: axis, … }             cartesian product, first key slowest; an axis is a list [a, b, …],
 *                                      { from, to, num } (num points, both ends) or { from, to, step }
 *   list: [ { … }, … ]                 option sets: one more axis named "set" (outermost), values 0…n−1
 *   replicates: R                      independent runs per grid point (models with a seed: school, nlse)
 *   seed: S                            the spec seed (default: base.seed, else 0); member seeds derive from it
 *   chain: { over: key, path: up-down } school: the axis `key` becomes one sequential hysteresis chain per member
 *   keep: [summary | name | { name, every }]   summary scalars (all, or by name) and decimated series
 *   name: stem                          output stem (default: "<model>_sweep")
 *
 * Errors name the key, the value and the fix; unknown keys get a "did you mean".
 */
import { parse as parseYaml } from "yaml";
import { SUMMARY_NAMES, SERIES_NAMES, type ModelName } from "./quantities.js";

/** A grid axis as written: explicit values, `{ from, to, num }` (both ends included) or `{ from, to, step }`. */
export type AxisInput = Array<number | string | boolean> | { from: number; to: number; num: number } | { from: number; to: number; step: number };

/** A kept decimated series: the quantity's name and every how many stored frames to keep one. */
export interface SeriesKeep {
  /** Series name (see docs/ensembles.md: kg phiCenter, energy; nlse maxAbs, mass; school polarization, rotation). */
  name: string;
  /** Keep every `every`-th frame (≥ 1; default 1). */
  every?: number;
}

/** A sweep as written in a spec file (YAML or JSON) or passed to `ensemble.run`. */
export interface SweepSpec {
  /** Which model: "kg" (kleinGordon), "nlse" or "school". */
  model: ModelName | "kleinGordon";
  /** Output stem (files `<name>.nc`, …). Default "<model>_sweep". */
  name?: string;
  /** Model options every member shares (validated by the model). */
  base?: Record<string, unknown>;
  /** Axes of the cartesian product, first key slowest. */
  grid?: Record<string, AxisInput>;
  /** Option sets: one axis "set" whose point k merges list[k] over base. */
  list?: Array<Record<string, unknown>>;
  /** Independent runs per grid point (default 1); each has its own seed. */
  replicates?: number;
  /** Spec seed (integer 0 ≤ seed < 2^32); default base.seed, else 0. */
  seed?: number;
  /** A sequential hysteresis chain over one grid axis (school only; path "up-down"), or null. */
  chain?: { over: string; path?: "up-down" } | null;
  /** What each member keeps: "summary" (all summary scalars), a summary name, or a series { name, every }. */
  keep?: Array<string | SeriesKeep>;
}

/** One axis of the normalised spec. */
export interface Axis {
  /** The model option the axis sets ("set": the index into `list`). */
  name: string;
  /** Its values, in order (numbers, strings or booleans). */
  values: Array<number | string | boolean>;
}

/** The validated, normalised spec: what members, job ids and files are computed from. */
export interface NormalSpec {
  /** The model ("kg" for kleinGordon). */
  model: ModelName;
  /** Output stem. */
  name: string;
  /** Model options every member shares. */
  base: Record<string, unknown>;
  /** Member axes (the chain axis excluded), slowest first; "set" first when `list` is given. */
  axes: Axis[];
  /** The option sets of `list`, or null. */
  list: Array<Record<string, unknown>> | null;
  /** Runs per grid point (≥ 1). */
  replicates: number;
  /** The spec seed S (member seeds are mix32((mix32(S) + m) mod 2^32)). */
  seed: number;
  /** The chain axis and its values (run up, then back down), or null. */
  chain: { over: string; values: number[]; path: "up-down" } | null;
  /** Summary quantities kept (in file order) and series with their decimation. */
  keep: { summary: string[]; series: Array<{ name: string; every: number }> };
}

const TOP = ["model", "name", "base", "grid", "list", "replicates", "seed", "chain", "keep"];
const MAX_MEMBERS = 1e6;

function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? s.slice(0, 60) + "…" : s;
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) { const t = d[j]; d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1)); prev = t; }
  }
  return d[b.length];
}

/**
 * " — did you mean "x"?" for the nearest candidate, or the list of candidates.
 *
 * @example
 * didYouMean("gird", ["grid", "base"]);   // ' — did you mean "grid"?'
 */
export function didYouMean(key: string, candidates: string[]): string {
  let best = "", bd = Infinity;
  for (const c of candidates) { const d = distance(key.toLowerCase(), c.toLowerCase()); if (d < bd) { bd = d; best = c; } }
  return best && bd <= Math.max(2, Math.ceil(key.length / 2)) ? ` — did you mean "${best}"?` : ` (known: ${candidates.join(", ")})`;
}

/** Error in a sweep spec: the message names the key, the value and the fix. */
export class SpecError extends RangeError {}

function isInt(v: unknown): v is number { return typeof v === "number" && Number.isInteger(v); }

/**
 * The values of one axis (`{from,to,num}`: from + i(to − from)/(num − 1), the last exactly `to`).
 *
 * @example
 * axisValues("k", { from: 1, to: 2, step: 0.25 });   // [1, 1.25, 1.5, 1.75, 2]
 */
export function axisValues(name: string, a: unknown): Array<number | string | boolean> {
  const where = `grid.${name}`;
  if (Array.isArray(a)) {
    if (a.length === 0) throw new SpecError(`${where} is an empty list; give at least one value`);
    for (const v of a) if (!(typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v)))) throw new SpecError(`${where}: every value must be a finite number, a string or a boolean, got ${describe(v)}`);
    return a.slice();
  }
  if (a === null || typeof a !== "object") throw new SpecError(`${where} must be a list of values or { from, to, num } / { from, to, step }, got ${describe(a)}`);
  const o = a as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!["from", "to", "num", "step"].includes(k)) throw new SpecError(`${where}: unknown key "${k}"${didYouMean(k, ["from", "to", "num", "step"])}`);
  const { from, to } = o;
  if (typeof from !== "number" || !Number.isFinite(from) || typeof to !== "number" || !Number.isFinite(to)) throw new SpecError(`${where}: from and to must be finite numbers, got from ${describe(from)}, to ${describe(to)}`);
  if ((o.num === undefined) === (o.step === undefined)) throw new SpecError(`${where}: give exactly one of num (number of points) or step, e.g. { from: ${from}, to: ${to}, num: 11 }`);
  if (o.num !== undefined) {
    if (!isInt(o.num) || o.num < 1 || o.num > MAX_MEMBERS) throw new SpecError(`${where}: num must be an integer 1 ≤ num ≤ ${MAX_MEMBERS}, got ${describe(o.num)}`);
    const n = o.num;
    if (n === 1) { if (from !== to) throw new SpecError(`${where}: num 1 needs from = to, got ${from} and ${to}`); return [from]; }
    return Array.from({ length: n }, (_, i) => (i === n - 1 ? to : from + (i * (to - from)) / (n - 1)));
  }
  const step = o.step;
  if (typeof step !== "number" || !Number.isFinite(step) || step === 0 || Math.sign(step) !== Math.sign(to - from || step)) throw new SpecError(`${where}: step must be a non-zero number going from ${from} towards ${to}, got ${describe(step)}`);
  const n = Math.floor((to - from) / step + 1e-9) + 1;
  if (n > MAX_MEMBERS) throw new SpecError(`${where}: ${n} points is more than ${MAX_MEMBERS}; use a larger step`);
  return Array.from({ length: n }, (_, i) => from + i * step);
}

function modelOf(v: unknown): ModelName {
  if (v === "kg" || v === "kleinGordon") return "kg";
  if (v === "nlse" || v === "school") return v;
  throw new SpecError(`model must be "kg", "nlse" or "school", got ${describe(v)}${typeof v === "string" ? didYouMean(v, ["kg", "nlse", "school"]) : ""}`);
}

function plainObject(where: string, v: unknown): Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) throw new SpecError(`${where} must be a mapping of option: value, got ${describe(v)}`);
  return v as Record<string, unknown>;
}

const RESERVED = new Set(["signal", "onProgress", "initialField"]);

/**
 * Validates a spec and returns its normalised form (axes expanded, defaults filled). Model options themselves are
 * checked by the model when a member is set up (`checkSpec` in run.ts does that for member 0 before a sweep starts).
 *
 * @example
 * const s = normalizeSpec({ model: "kg", base: { case: "kink_antikink" }, grid: { velocity: { from: 0.2, to: 0.3, num: 11 } } });
 * s.axes[0].values.length;   // 11
 */
export function normalizeSpec(input: unknown): NormalSpec {
  const spec = plainObject("the sweep spec", input);
  for (const k of Object.keys(spec)) if (!TOP.includes(k)) throw new SpecError(`unknown spec key "${k}"${didYouMean(k, TOP)}`);
  const model = modelOf(spec.model);
  const base = spec.base === undefined ? {} : { ...plainObject("base", spec.base) };
  for (const k of Object.keys(base)) if (RESERVED.has(k)) throw new SpecError(`base.${k} cannot be part of a spec (it is not data); pass signal/onProgress to ensemble.run`);
  const name = spec.name ?? `${model}_sweep`;
  if (typeof name !== "string" || !/^[A-Za-z0-9_.-]{1,100}$/.test(name)) throw new SpecError(`name must be a file stem of letters, digits, "_", "-" or ".", got ${describe(name)}`);
  const grid = spec.grid === undefined ? {} : plainObject("grid", spec.grid);
  const axes: Axis[] = Object.entries(grid).map(([k, a]) => ({ name: k, values: axisValues(k, a) }));
  for (const ax of axes) if (RESERVED.has(ax.name) || ax.name === "set") throw new SpecError(`grid.${ax.name}: "${ax.name}" cannot be a grid axis`);
  let list: NormalSpec["list"] = null;
  if (spec.list !== undefined) {
    if (!Array.isArray(spec.list) || spec.list.length === 0) throw new SpecError(`list must be a non-empty list of option sets, got ${describe(spec.list)}`);
    list = spec.list.map((o, i) => ({ ...plainObject(`list[${i}]`, o) }));
    axes.unshift({ name: "set", values: list.map((_, i) => i) });
  }
  const replicates = spec.replicates ?? 1;
  if (!isInt(replicates) || replicates < 1) throw new SpecError(`replicates must be an integer ≥ 1, got ${describe(replicates)}`);
  if (replicates > 1 && model === "kg") throw new SpecError(`replicates: ${replicates} — the kg model has no random seed, so replicates would be identical; use replicates: 1`);
  const seed = spec.seed ?? base.seed ?? 0;
  if (!isInt(seed) || seed < 0 || seed > 4294967295) throw new SpecError(`seed must be an integer 0 ≤ seed < 2^32, got ${describe(seed)}`);
  if (replicates > 1 && axes.some((a) => a.name === "seed")) throw new SpecError(`replicates: ${replicates} with a seed axis: the seeds are given; use replicates: 1 or drop grid.seed`);
  let chain: NormalSpec["chain"] = null;
  if (spec.chain !== undefined && spec.chain !== null) {
    const c = plainObject("chain", spec.chain);
    for (const k of Object.keys(c)) if (!["over", "path"].includes(k)) throw new SpecError(`chain: unknown key "${k}"${didYouMean(k, ["over", "path"])}`);
    if (model !== "school") throw new SpecError(`chain: hysteresis chains are defined for the school model (school.sweep); model is ${model} — drop chain`);
    const i = axes.findIndex((a) => a.name === c.over);
    if (i < 0) throw new SpecError(`chain.over must name a grid axis (${axes.map((a) => a.name).join(", ") || "none given"}), got ${describe(c.over)}`);
    if ((c.path ?? "up-down") !== "up-down") throw new SpecError(`chain.path must be "up-down" (up through the axis, then back down), got ${describe(c.path)}`);
    const values = axes[i].values;
    if (!values.every((v) => typeof v === "number")) throw new SpecError(`chain.over: the axis ${c.over} must hold numbers`);
    chain = { over: String(c.over), values: values as number[], path: "up-down" };
    axes.splice(i, 1);
  }
  const keep = normalizeKeep(model, spec.keep, chain !== null);
  const members = axes.reduce((n, a) => n * a.values.length, replicates);
  if (members > MAX_MEMBERS) throw new SpecError(`the spec has ${members} members, more than ${MAX_MEMBERS}; split it into several sweeps`);
  return { model, name, base, axes, list, replicates, seed, chain, keep };
}

function normalizeKeep(model: ModelName, v: unknown, chained: boolean): NormalSpec["keep"] {
  const items = v === undefined ? ["summary"] : v;
  if (!Array.isArray(items) || items.length === 0) throw new SpecError(`keep must be a non-empty list such as [summary] or [polarization, { name: rotation, every: 10 }], got ${describe(v)}`);
  const names = SUMMARY_NAMES[model], seriesNames = SERIES_NAMES[model];
  const summary: string[] = [], series: Array<{ name: string; every: number }> = [];
  for (const it of items) {
    if (it === "summary") { for (const n of names) if (!summary.includes(n)) summary.push(n); continue; }
    if (typeof it === "string") {
      if (!names.includes(it)) throw new SpecError(`keep: "${it}" is not a ${model} summary quantity${didYouMean(it, ["summary", ...names])}; series are kept as { name, every }`);
      if (!summary.includes(it)) summary.push(it);
      continue;
    }
    const o = plainObject("keep entry", it);
    for (const k of Object.keys(o)) if (!["name", "every"].includes(k)) throw new SpecError(`keep: unknown key "${k}"${didYouMean(k, ["name", "every"])}`);
    if (typeof o.name !== "string" || !seriesNames.includes(o.name)) throw new SpecError(`keep: series ${describe(o.name)} is not a ${model} series${typeof o.name === "string" ? didYouMean(o.name, seriesNames) : ` (${seriesNames.join(", ")})`}`);
    const every = o.every ?? 1;
    if (!isInt(every) || every < 1) throw new SpecError(`keep: ${o.name}.every must be an integer ≥ 1, got ${describe(every)}`);
    if (chained) throw new SpecError(`keep: series are not kept for chains (each chain point keeps its P and M); drop { name: ${o.name} }`);
    series.push({ name: o.name, every });
  }
  if (chained && summary.some((n) => !["polarization", "rotation", "state"].includes(n))) {
    const chainNames = summary.filter((n) => ["polarization", "rotation", "state"].includes(n));
    summary.splice(0, summary.length, ...chainNames);
    if (summary.length === 0) throw new SpecError("keep: a chain keeps polarization, rotation and state per point; keep one of them (or summary)");
  }
  return { summary, series };
}

/**
 * Parses a spec file's text (YAML, of which JSON is a subset) and normalises it. `name` is used in messages.
 *
 * @example
 * const s = parseSpec("model: nlse\nbase: { case: plane_wave_mi }\ngrid: { mode: [4, 8] }\n");
 */
export function parseSpec(text: string, name = "spec"): NormalSpec {
  let doc: unknown;
  try { doc = parseYaml(text); } catch (e) { throw new SpecError(`${name}: not valid YAML/JSON: ${(e as Error).message.split("\n")[0]}`); }
  try { return normalizeSpec(doc); } catch (e) { if (e instanceof SpecError) throw new SpecError(`${name}: ${e.message}`); throw e; }
}
