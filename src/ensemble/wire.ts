/**
 * What crosses Redis: content hashes and compact member results. specHash = SHA-256 of the canonical JSON (keys
 * sorted) of { samudra version, normalised spec }; a job's id is "m-" + SHA-256(specHash, first member, last
 * member), the sweep's parent job "sweep-" + specHash — so adding the same sweep twice adds nothing new (BullMQ
 * keeps a job id once) and a re-run finds its finished members. Member results travel as base64 of their
 * Float64Arrays (exact bits, NaN included; JSON numbers would lose NaN).
 */
import { createHash } from "node:crypto";
import { version } from "../index.js";
import type { NormalSpec } from "./spec.js";
import type { MemberResult } from "./member.js";

/**
 * JSON with object keys sorted at every level (the same text for the same value).
 *
 * @example
 * canonical({ b: 1, a: [2, { d: 3, c: 4 }] });   // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v !== null && typeof v === "object") return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(",")}}`;
  return JSON.stringify(v) ?? "null";
}

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

/**
 * Content hash of a normalised spec (and the samudra version that computes it), 32 hex digits.
 *
 * @example
 * specHash(normalizeSpec({ model: "kg", grid: { velocity: [0.3] } }));   // "3f9c…" (32 hex digits)
 */
export function specHash(spec: NormalSpec): string {
  return sha(canonical({ samudra: version, spec })).slice(0, 32);
}

/**
 * The BullMQ job id of the members first … last of a sweep (one member: first = last).
 *
 * @example
 * jobId(spec, 4);   // "m-" + 32 hex digits, the same on every machine
 */
export function jobId(spec: NormalSpec | string, first: number, last = first): string {
  const h = typeof spec === "string" ? spec : specHash(spec);
  return `m-${sha(`${h}:${first}:${last}`).slice(0, 32)}`;
}

/** A member result as JSON-safe text fields. */
export interface WireResult {
  /** Member index. */
  i: number;
  /** Status. */
  s: MemberResult["status"];
  /** Message. */
  m: string;
  /** Summary arrays, base64 of their Float64Array bytes. */
  v: Record<string, string>;
  /** Series arrays, base64. */
  se: Record<string, string>;
  /** Series times, base64. */
  t: string;
}

const b64 = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");
const f64 = (s: string) => { const b = Buffer.from(s, "base64"); const out = new Float64Array(b.length / 8); new Uint8Array(out.buffer).set(b); return out; };
const mapValues = <A, B>(o: Record<string, A>, f: (a: A) => B) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

/**
 * Encodes a member result for Redis.
 *
 * @example
 * decodeResult(encodeResult(r));   // the same arrays, bit for bit
 */
export function encodeResult(r: MemberResult): WireResult {
  return { i: r.index, s: r.status, m: r.message, v: mapValues(r.summary, b64), se: mapValues(r.series, b64), t: b64(r.time) };
}

/**
 * Decodes encodeResult's output (bit for bit).
 *
 * @example
 * const r = decodeResult(JSON.parse(text));
 */
export function decodeResult(w: WireResult): MemberResult {
  return { index: w.i, status: w.s, message: w.m, summary: mapValues(w.v, f64), series: mapValues(w.se, f64), time: f64(w.t) };
}
