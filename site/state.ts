/**
 * The playground's shareable state: model, preset, legacy face, seed and every option changed from the preset,
 * versioned and compressed into the URL fragment: `#s=<lz-string(JSON)>` with JSON `{ v: 1, m, p, l, s, o }`.
 * Opening the link reproduces the run exactly (same preset, options and seed → the same numbers). A link that
 * cannot be read (truncated, another version) gives an error message and the model's default preset.
 */
import LZString from "lz-string";
import type { Model } from "./catalog.js";

/** The state a link carries. */
export interface SiteState { model: Model; preset: string; legacy: boolean; seed: number | null; options: Record<string, unknown> }

const VERSION = 1;

/** The URL fragment for a state. */
export function encodeState(s: SiteState): string {
  const o: Record<string, unknown> = { v: VERSION, m: s.model, p: s.preset };
  if (s.legacy) o.l = 1;
  if (s.seed !== null) o.s = s.seed;
  if (Object.keys(s.options).length) o.o = s.options;
  return `#s=${LZString.compressToEncodedURIComponent(JSON.stringify(o))}`;
}

/** Reads a fragment; null when there is none; throws an Error saying what is wrong with a bad one. */
export function decodeState(hash: string, model: Model, presets: string[]): SiteState | null {
  const m = /^#s=(.+)$/.exec(hash);
  if (!m) return null;
  const text = LZString.decompressFromEncodedURIComponent(m[1]);
  let o: Record<string, unknown>;
  try { o = JSON.parse(text ?? ""); } catch { throw new Error("this link's state could not be read (it may be truncated); showing the default preset"); }
  if (!o || typeof o !== "object" || o.v !== VERSION) throw new Error(`this link was made by another version of the playground (v = ${String(o?.v)}); showing the default preset`);
  if (o.m !== model) throw new Error(`this link is for the ${String(o.m)} page, not ${model}`);
  if (typeof o.p !== "string" || !presets.includes(o.p)) throw new Error(`this link names an unknown preset ${JSON.stringify(o.p)}; showing the default preset`);
  const options = o.o && typeof o.o === "object" ? (o.o as Record<string, unknown>) : {};
  return { model, preset: o.p, legacy: o.l === 1, seed: typeof o.s === "number" ? o.s : null, options };
}
