/**
 * The seeds' `key = value` text grammars, and the key-name rules every config format shares.
 *   nlse  (nlse.md §5.1)       `#` lines and blanks skipped; true/false (any case) → bool; an optionally negative
 *                              all-digit value → int; containing `.` or `e` → float if it parses, else string;
 *                              values are not unquoted; no inline comments; a dotted key makes nested objects.
 *   kg    (klein-gordon §5.1)  lines without `=` refused (the seed skips them; none of its files has one); split at the first `=`; anything after `#` in the value
 *                              dropped; true/false → bool; containing `.`, `e` or `E` → float, else int, else string.
 *   school (schooling §6.1)    as kg, plus `none` → null.
 * A later duplicate key wins (as in the seeds). Contract: parsing is linear in the text; objects are built without a
 * prototype, and key names that are properties of JavaScript objects (`__proto__`, `constructor`, `toString`, …)
 * are refused with a ConfigError, so no config can reach Object.prototype or shadow its methods.
 */
import type { Seed } from "./config-schema.js";

/** A config file or value that cannot be used: the message names the file, line, key, value and the fix. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** A typed config value: boolean, number, string, null, or a nested object (YAML/JSON sections). */
export type ConfigValue = boolean | number | string | null | ConfigObject;
/** Config keys to typed values (prototype-free: keys are plain data). */
export interface ConfigObject { [key: string]: ConfigValue }

/** Names no config key may have: every property of Object.prototype, plus `prototype`. */
const RESERVED = new Set([...Object.getOwnPropertyNames(Object.prototype), "prototype"]);

/** An empty object without a prototype (keys are plain data; `__proto__` is an ordinary, refused, name). */
export function emptyObject<T = ConfigValue>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** `s` for a message: quoted with JSON escapes, cut to `max` characters. */
export function quote(s: string, max = 60): string {
  return JSON.stringify(s.length > max ? s.slice(0, max) + "…" : s);
}

/** Throws a ConfigError unless `key` is usable as a config key name. */
export function checkKeyName(key: string, where: string): void {
  if (key === "") throw new ConfigError(`${where}: missing key before the value; write "name = value"`);
  if (RESERVED.has(key)) throw new ConfigError(`${where}: "${key}" cannot be a config key (it is a built-in property name of JavaScript objects); remove it`);
}

const FLOATY = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?(inf|infinity|nan)$/i;
const toFloat = (v: string) => Number(v.replace(/^([+-]?)inf(inity)?$/i, "$1Infinity"));

/** Types one value by `seed`'s text rules (the value is already trimmed and, for kg/school, stripped of `# …`). */
export function typeValue(v: string, seed: Seed): ConfigValue {
  if (/^(true|false)$/i.test(v)) return v.toLowerCase() === "true";
  if (seed === "nlse") {
    if (/^-?\d+$/.test(v)) return Number(v);
    if (v.includes(".") || v.includes("e")) return FLOATY.test(v) ? toFloat(v) : v;
    return v;
  }
  if (seed === "school" && v.toLowerCase() === "none") return null;
  if (/[.eE]/.test(v)) return FLOATY.test(v) ? toFloat(v) : v;
  if (/^[+-]?\d+$/.test(v.replace(/_/g, ""))) return Number(v.replace(/_/g, ""));
  return v;
}

/** Splits one line into key and (typed-later) value text, or null if `seed`'s reader skips it. */
export function splitLine(raw: string, seed: Seed, where: string): { key: string; value: string } | null {
  const line = raw.trim();
  if (line === "" || line.startsWith("#")) return null;
  const eq = line.indexOf("=");
  if (eq < 0) {
    // the seeds' KG and school readers skip such lines silently; no seed file has one, and a skipped
    // "n_fish: 2000" would run with the default — so every grammar refuses them
    const colon = /^([A-Za-z_][\w.]*)\s*:\s*(.*)$/.exec(line);
    throw new ConfigError(`${where}: expected "key = value", got ${quote(line)}${colon ? `; did you mean "${colon[1]} = ${colon[2]}"?` : ""}`);
  }
  const key = line.slice(0, eq).trim();
  let value = line.slice(eq + 1).trim();
  if (seed !== "nlse") { const h = value.indexOf("#"); if (h >= 0) value = value.slice(0, h).trim(); }
  return { key, value };
}

export interface TextConfig {
  values: ConfigObject;
  /** 1-based line of each top-level key's last definition. */
  lines: Record<string, number>;
  /** The value text of each top-level key as written (after comment stripping), for messages. */
  raw: Record<string, string>;
}

/**
 * Parses a text config with the seed's grammar (no schema checks).
 *
 * @example
 * io.parseText("num_points = 256\nbeta = 0.5\n", "nlse").values;   // { num_points: 256, beta: 0.5 }
 */
export function parseText(text: string, seed: Seed, source = "config"): TextConfig {
  const values = emptyObject(), lines = emptyObject<number>(), raw = emptyObject<string>();
  let start = 0, n = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    n++;
    const where = `${source} line ${n}`;
    const kv = splitLine(text.slice(start, end), seed, where);
    start = end + 1;
    if (!kv) continue;
    const typed = typeValue(kv.value, seed);
    if (seed === "nlse" && kv.key.includes(".")) {
      const parts = kv.key.split(".");
      for (const p of parts) {
        if (p === "") throw new ConfigError(`${where}: the dotted key ${quote(kv.key)} has an empty part`);
        checkKeyName(p, where);
      }
      let o = values;
      for (const p of parts.slice(0, -1)) {
        const next = o[p];
        if (typeof next !== "object" || next === null) o[p] = emptyObject();
        o = o[p] as ConfigObject;
      }
      o[parts[parts.length - 1]] = typed;
    } else {
      checkKeyName(kv.key, where);
      values[kv.key] = typed;
    }
    const top = kv.key.split(".")[0];
    lines[top] = n;
    raw[top] = seed === "nlse" && kv.key.includes(".") ? `${kv.key.slice(top.length + 1)} = ${kv.value}` : kv.value;
  }
  return { values, lines, raw };
}
