/**
 * Config files: YAML (the `yaml` library, core schema), JSON, and each seed's `key = value` text grammar.
 *   nlse  (nlse.md §5.1)       `#` lines and blanks skipped; true/false (any case) → bool; an optionally negative
 *                              all-digit value → int; containing `.` or `e` → float if it parses, else string;
 *                              values are not unquoted; no inline comments; a dotted key makes nested objects.
 *   kg    (klein-gordon §5.1)  lines without `=` skipped; split at the first `=`; anything after `#` in the value
 *                              dropped; true/false → bool; containing `.`, `e` or `E` → float, else int, else string.
 *   school (schooling §6.1)    as kg, plus `none` → null.
 * Then every key is checked against the seed's schema: unknown keys give a warning naming the closest known key;
 * wrong types or ranges throw a ConfigError naming the key, the value and what is allowed (with the line number
 * for text files).
 */
import { parseDocument } from "yaml";
import { closestName } from "../validate.js";
import { SCHEMAS, type Seed, type KeySpec } from "./config-schema.js";

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export type ConfigValue = boolean | number | string | null | ConfigObject;
export interface ConfigObject { [key: string]: ConfigValue }

export interface ParsedConfig {
  seed: Seed;
  values: ConfigObject;
  warnings: string[];
  /** Line of each key in a text file (for messages). */
  lines: Record<string, number>;
}

const FLOATY = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?(inf|infinity|nan)$/i;

function typeNlse(v: string): ConfigValue {
  if (/^(true|false)$/i.test(v)) return v.toLowerCase() === "true";
  if (/^-?\d+$/.test(v)) return Number(v);
  if (v.includes(".") || v.includes("e")) return FLOATY.test(v) ? Number(v.replace(/^([+-]?)inf(inity)?$/i, "$1Infinity")) : v;
  return v;
}

function typeKgSchool(v: string, seed: Seed): ConfigValue {
  if (/^(true|false)$/i.test(v)) return v.toLowerCase() === "true";
  if (seed === "school" && v.toLowerCase() === "none") return null;
  if (/[.eE]/.test(v)) return FLOATY.test(v) ? Number(v.replace(/^([+-]?)inf(inity)?$/i, "$1Infinity")) : v;
  if (/^[+-]?\d+$/.test(v.replace(/_/g, ""))) return Number(v.replace(/_/g, ""));
  return v;
}

/** Parses a text config with the seed's grammar (no schema checks). */
export function parseText(text: string, seed: Seed, source = "config"): { values: ConfigObject; lines: Record<string, number> } {
  const values: ConfigObject = {};
  const lines: Record<string, number> = {};
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const eq = line.indexOf("=");
    if (eq < 0) {
      if (seed === "nlse") throw new ConfigError(`${source} line ${i + 1}: expected "key = value", got "${line}"`);
      return;                                           // the KG and school readers skip such lines
    }
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    if (key === "") throw new ConfigError(`${source} line ${i + 1}: missing key before "="`);
    if (seed !== "nlse") { const h = value.indexOf("#"); if (h >= 0) value = value.slice(0, h).trim(); }
    const typed = seed === "nlse" ? typeNlse(value) : typeKgSchool(value, seed);
    if (seed === "nlse" && key.includes(".")) {
      const parts = key.split(".");
      let o = values;
      for (const p of parts.slice(0, -1)) {
        if (typeof o[p] !== "object" || o[p] === null) o[p] = {};
        o = o[p] as ConfigObject;
      }
      o[parts[parts.length - 1]] = typed;
    } else {
      values[key] = typed;
    }
    lines[key] = i + 1;
  });
  return { values, lines };
}

/** The known key closest to `key` (edit distance). */
export function closestKey(seed: Seed, key: string): string {
  return closestName(key, Object.keys(SCHEMAS[seed]));
}

function allowed(s: KeySpec): string {
  const parts: string[] = [];
  if (s.oneOf) return `one of ${s.oneOf.join(", ")}`;
  parts.push(s.type === "int" ? "an integer" : s.type === "number" ? "a number" : s.type === "bool" ? "true or false" : s.type === "number|null" ? "a number or none" : "a string");
  if (s.gt !== undefined) parts.push(`> ${s.gt}`);
  if (s.min !== undefined) parts.push(`≥ ${s.min}`);
  if (s.lt !== undefined) parts.push(`< ${s.lt}`);
  if (s.max !== undefined) parts.push(`≤ ${s.max}`);
  return parts.join(" ");
}

function check(key: string, v: ConfigValue, s: KeySpec, where: string): void {
  const bad = () => new ConfigError(`${where}: ${key} = ${JSON.stringify(v)} is not allowed; ${key} must be ${allowed(s)}${s.doc ? ` (${s.doc})` : ""}`);
  if (s.type === "bool") { if (typeof v !== "boolean") throw bad(); return; }
  if (s.type === "string") { if (typeof v !== "string" || (s.oneOf && !s.oneOf.includes(v))) throw bad(); return; }
  if (s.type === "number|null" && v === null) return;
  if (typeof v !== "number" || Number.isNaN(v)) throw bad();
  if (s.type === "int" && !Number.isInteger(v)) throw bad();
  if ((s.gt !== undefined && !(v > s.gt)) || (s.min !== undefined && !(v >= s.min)) || (s.lt !== undefined && !(v < s.lt)) || (s.max !== undefined && !(v <= s.max))) throw bad();
}

/**
 * Parses and validates a config for `seed`. `format` is taken from the file name's extension when `name` is given.
 *
 * @example
 * const { values, warnings } = readConfig("domain_length = 50.0\nnum_points = 512\n", { seed: "nlse", format: "txt" });
 */
export function readConfig(text: string, o: { seed: Seed; format?: "yaml" | "json" | "txt"; name?: string }): ParsedConfig {
  if (typeof text !== "string") throw new ConfigError(`readConfig: text must be a string, got ${typeof text}`);
  const name = o.name ?? "config";
  const ext = o.format ?? (/\.ya?ml$/i.test(name) ? "yaml" : /\.json$/i.test(name) ? "json" : /\.txt$/i.test(name) ? "txt" : undefined);
  if (!ext) throw new ConfigError(`${name}: unknown config format; use a .yaml, .yml, .json or .txt file (or pass format)`);
  let values: ConfigObject, lines: Record<string, number> = {};
  let yamlWarnings: string[] = [];
  if (ext === "txt") ({ values, lines } = parseText(text, o.seed, name));
  else {
    let parsed: unknown;
    try {
      if (ext === "json") parsed = JSON.parse(text);
      else {
        const doc = parseDocument(text, { logLevel: "silent" });
        if (doc.errors.length) throw new Error(doc.errors[0].message);
        yamlWarnings = doc.warnings.map((w) => `${name}: ${w.message.split("\n")[0]}`);
        parsed = doc.toJS({ maxAliasCount: 100 });
      }
    } catch (e) {
      throw new ConfigError(`${name}: not valid ${ext.toUpperCase()}: ${(e as Error).message.split("\n")[0]}`);
    }
    if (parsed === null || parsed === undefined) parsed = {};
    if (typeof parsed !== "object" || Array.isArray(parsed)) throw new ConfigError(`${name}: the top level must be a mapping of key: value pairs`);
    values = parsed as ConfigObject;
  }
  const schema = SCHEMAS[o.seed];
  const warnings: string[] = [...yamlWarnings];
  for (const [k, v] of Object.entries(values)) {
    const where = lines[k] ? `${name} line ${lines[k]}` : name;
    const spec = schema[k];
    if (!spec) { warnings.push(`${where}: unknown key "${k}" is ignored — did you mean "${closestKey(o.seed, k)}"?`); delete values[k]; continue; }
    check(k, v, spec, where);
  }
  return { seed: o.seed, values, warnings, lines };
}

/** snake_case → camelCase (`domain_length` → `domainLength`; `A1` stays `A1`). */
export function camelCase(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Seed-style file stem of a scenario name: lower case, " - ", "-", " " → "_", "__" collapsed, trailing "_" dropped. */
export function scenarioStem(name: string): string {
  return name.toLowerCase().replace(/ - /g, "_").replace(/-/g, "_").replace(/ /g, "_").replace(/_+/g, "_").replace(/_$/, "").replace(/^case_(\d+)_/, "case$1_");
}
