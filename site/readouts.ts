/**
 * Live readouts of a model page from the element's `frame` events: NLSE — mass and H drift, error against the
 * exact solution; KG — energy drift, kink count and positions (zero crossings of φ for φ⁴ and the linear field,
 * crossings of odd multiples of π for sine-Gordon, located by linear interpolation on the state the element
 * returns); school — P, M, OSI and the seed's state name from P and M (school.classify).
 */
import type { Model } from "./catalog.js";
import { classify } from "../src/models/school/index.js";

const fmt = (v: number) => (!Number.isFinite(v) ? "—" : Math.abs(v) !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e4) ? v.toExponential(2) : v.toFixed(4));

/** Kink positions of a field φ on a uniform grid [xMin, xMax): crossings of `levels(φ)`. */
export function kinkPositions(phi: ArrayLike<number>, xMin: number, dx: number, sineGordon: boolean): number[] {
  const out: number[] = [];
  const g = (v: number) => (sineGordon ? Math.floor((v + Math.PI) / (2 * Math.PI)) : v >= 0 ? 1 : 0);   // which vacuum cell
  for (let j = 0; j + 1 < phi.length; j++) {
    const a = phi[j], b = phi[j + 1];
    if (g(a) === g(b)) continue;
    const lv = sineGordon ? (2 * Math.min(g(a), g(b)) + 1) * Math.PI : 0;   // odd multiple of π between the two vacua
    out.push(xMin + dx * (j + (lv - a) / (b - a)));
  }
  return out;
}

/** Table rows (label, value) for a frame's diagnostics. */
export function readoutRows(model: Model, d: Record<string, number>, kinks: number[] | null): [string, string][] {
  const get = (...names: string[]) => { for (const n of names) if (n in d) return d[n]; return NaN; };
  const entries = Object.entries(d);
  if (model === "school") {
    const P = get("P"), M = get("M");
    return [["polarization P", fmt(P)], ["rotation M", fmt(M)], ["OSI", fmt(get("OSI"))], ["state", Number.isFinite(P) && Number.isFinite(M) ? classify(P, M) : "—"]];
  }
  const rows: [string, string][] = entries.filter(([k]) => !/^kink/i.test(k)).map(([k, v]) => [k, fmt(v)]);
  if (model === "kg" && kinks) rows.push(["kinks", String(kinks.length)], ["kink positions x", kinks.length ? kinks.map((x) => x.toFixed(3)).join(", ") : "—"]);
  return rows;
}
