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
  if (typeof v === "boolean") return `boolean ${v}`;
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

/**
 * An array-like of numbers as a Float64Array (no copy if it already is one), with at least `min` entries.
 * Entries of plain arrays must be numbers (Float64Array.from would turn "a" into NaN and "2" into 2).
 */
export function toF64(where: string, x: unknown, min = 1, name = "x"): Float64Array {
  if (x === null || typeof x !== "object" || typeof (x as ArrayLike<number>).length !== "number") {
    throw new TypeError(`${where}: ${name} must be an array of numbers, got ${describe(x)}`);
  }
  checkNumberEntries(where, name, x as ArrayLike<unknown>);
  const a = x instanceof Float64Array ? x : Float64Array.from(x as ArrayLike<number>);
  if (a.length < min) throw new RangeError(`${where}: ${name} needs at least ${min} values, got ${a.length}`);
  return a;
}

/** Every entry of a non-typed array-like is a number (typed arrays hold numbers by construction). */
export function checkNumberEntries(where: string, name: string, x: ArrayLike<unknown>): void {
  if (ArrayBuffer.isView(x)) return;
  for (let i = 0; i < x.length; i++) {
    if (typeof x[i] !== "number") throw new TypeError(`${where}: ${name}[${i}] must be a number, got ${describe(x[i])}; convert the data to numbers first`);
  }
}

/**
 * Refuses NaN (and, with `finite`, ±Infinity) entries, naming the first one: statistics of missing values
 * are undefined, and NaN compares false so it would otherwise be ranked, binned or counted silently.
 */
export function checkNoNaN(where: string, name: string, a: ArrayLike<number>, finite = false, fix = "remove or impute missing values first"): void {
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v !== v) throw new RangeError(`${where}: ${name}[${i}] is NaN; ${fix}`);
    if (finite && (v === Infinity || v === -Infinity)) throw new RangeError(`${where}: ${name}[${i}] is ${v}; the values must be finite (${fix})`);
  }
}

/**
 * The options object of `where` (`{}` when omitted), refusing non-objects and unknown keys with the closest
 * known key ("did you mean"), so a typo is never silently ignored.
 */
export function checkOptions<T extends object>(where: string, options: T | undefined, known: Iterable<string>): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${where}: options must be an object (or omitted), got ${describe(options)}`);
  }
  const keys = [...known];
  for (const k of Object.keys(options)) {
    if (!keys.includes(k)) {
      throw new RangeError(`${where}: unknown option "${k}" — did you mean "${closestName(k, keys)}"? (options: ${keys.join(", ")})`);
    }
  }
  return options;
}

/** An optional boolean option: `fallback` when undefined, else it must be true or false ('yes', 1 are refused). */
export function checkBool(where: string, name: string, v: unknown, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  if (typeof v !== "boolean") throw new TypeError(`${where}: ${name} must be true or false, got ${describe(v)}`);
  return v;
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
