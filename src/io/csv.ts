/**
 * CSV and JSON output. Numbers are written as C's "%.8e" (the seeds' format: 8 digits after the point and an
 * exponent of at least two digits, e.g. 1.23456789e-05), which JS's toExponential does not do by itself.
 */

/**
 * C printf "%.{digits}e".
 *
 * @example
 * io.formatE(1234.5);      // "1.23450000e+03"
 * io.formatE(1234.5, 3);   // "1.235e+03"
 */
export function formatE(v: number, digits = 8): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
  const s = v.toExponential(digits);
  const i = s.indexOf("e");
  const mant = s.slice(0, i), exp = Number(s.slice(i + 1));
  const a = Math.abs(exp);
  return `${mant}e${exp < 0 ? "-" : "+"}${a < 10 ? "0" : ""}${a}`;
}

/**
 * A CSV table: header row plus one row per index; numbers as %.8e, strings quoted when needed.
 *
 * @example
 * toCsv(["Time", "Mass"], [[0, 4], [0.2, 4]]);   // "Time,Mass\n0.00000000e+00,4.00000000e+00\n…"
 */
export function toCsv(header: string[], rows: ArrayLike<number | string>[]): string {
  const cell = (v: number | string) => typeof v === "number" ? formatE(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  const lines = [header.join(",")];
  for (const r of rows) lines.push(Array.from(r, cell).join(","));
  return lines.join("\n") + "\n";
}

/**
 * Column-wise series → rows for toCsv.
 *
 * @example
 * io.columns([1, 2], [3, 4]);   // [[1, 3], [2, 4]]
 */
export function columns(...cols: ArrayLike<number>[]): number[][] {
  const n = Math.min(...cols.map((c) => c.length));
  return Array.from({ length: n }, (_, i) => cols.map((c) => c[i]));
}

/**
 * JSON with typed arrays as plain arrays and non-finite numbers as null (valid JSON).
 *
 * @example
 * io.toJson({ a: NaN, b: 1 });   // '{\n  "a": null,\n  "b": 1\n}\n'
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>, (x) => (Number.isFinite(x) ? x : null));
    if (typeof v === "number" && !Number.isFinite(v)) return null;
    return v;
  }, 2) + "\n";
}
