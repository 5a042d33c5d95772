/** Option and argument checks shared by the API; every message names the argument, the value and the fix. */

/** Short description of a value for error messages ("Float64Array(10)", "Array(3)", "number 5"). */
export function describe(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (ArrayBuffer.isView(v)) {
    const len = (v as unknown as { length?: number }).length;
    return `${v.constructor.name}(${len ?? v.byteLength})`;
  }
  if (Array.isArray(v)) return `Array(${v.length})`;
  if (typeof v === "number") return `number ${v}`;
  if (typeof v === "string") return `string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v)}`;
  return typeof v;
}

/** Integer in [min, max], else an Error naming `what`. */
export function checkInt(what: string, v: unknown, min: number, max: number, fix: string): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
    throw new RangeError(`${what} must be an integer ${min} ≤ ${what.split(" ").pop()} ≤ ${max}, got ${describe(v)}; ${fix}`);
  }
  return v;
}

/** A Float64Array of exactly `length`, else an Error saying what to pass. */
export function checkF64(where: string, name: string, v: unknown, length: number, meaning: string): Float64Array {
  if (!(v instanceof Float64Array)) {
    throw new TypeError(`${where}: ${name} must be a Float64Array of length ${length} (${meaning}), got ${describe(v)}`);
  }
  if (v.length === 0 && v.buffer.byteLength === 0 && length > 0) {
    throw new RangeError(`${where}: ${name} is a view whose buffer was detached (WASM memory grew since it was taken); re-read plan.input / plan.output (or the plan's other views) after creating plans`);
  }
  if (v.length !== length) {
    throw new RangeError(`${where}: ${name} must have length ${length} (${meaning}), got length ${v.length}`);
  }
  return v;
}

/** An array-like of numbers as a Float64Array (no copy if it already is one), with at least `min` entries. */
export function toF64(where: string, x: unknown, min = 1): Float64Array {
  if (x === null || typeof x !== "object" || typeof (x as ArrayLike<number>).length !== "number") {
    throw new TypeError(`${where}: expected an array of numbers, got ${describe(x)}`);
  }
  const a = x instanceof Float64Array ? x : Float64Array.from(x as ArrayLike<number>);
  if (a.length < min) throw new RangeError(`${where}: needs at least ${min} values, got ${a.length}`);
  return a;
}

/** Levenshtein edit distance. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) {
    d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

/** The candidate closest to `name` (case-insensitive edit distance), for "did you mean" messages. */
export function closestName(name: string, candidates: Iterable<string>): string {
  let best = "", bd = Infinity;
  for (const c of candidates) { const d = editDistance(name.toLowerCase(), c.toLowerCase()); if (d < bd) { bd = d; best = c; } }
  return best;
}
