/**
 * CF-1.8 helpers for the attributes samudra writes (conventions in docs/files.md):
 *   - integers are stored as NetCDF `int` when they fit in 32 bits (seed, counts); NetCDF-3 has no unsigned or
 *     64-bit type, so a larger integer (a seed ≥ 2³¹) is stored as `double`, which holds it exactly (< 2⁵³);
 *   - `history` starts with an ISO-8601 time stamp and the command, as CF §2.6.2 recommends.
 */
import { ncDouble, ncInt, type NcAttr } from "./netcdf-format.js";

const INT32_MAX = 2 ** 31 - 1, INT32_MIN = -(2 ** 31);

/** An integer-valued attribute: `int` when it fits in 32 bits, else an exact `double`. */
export function ncCount(v: number): NcAttr {
  return Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX ? ncInt(v) : ncDouble(v);
}

/** A numeric parameter that is often an integer (e.g. a filter order): `int` when it is one, else `double`. */
export const ncNumber = ncCount;

/** A CF `history` line: "<ISO time> <what>". */
export function ncHistory(what: string, when = new Date()): string {
  return `${when.toISOString()} ${what}`;
}
