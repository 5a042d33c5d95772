/**
 * Config files: YAML (the `yaml` library, core schema), JSON, and each seed's `key = value` text grammar
 * (config-text.ts). Every key is then checked against the seed's schema (config-schema.ts).
 * Contract:
 *   - an unknown key is a ConfigError naming it, its line and the closest known key ("did you mean");
 *     every key the seeds' files define is known (those samudra does not use are accepted silently);
 *   - a wrong type or range is a ConfigError naming the key, the value as the user wrote it, and what is allowed;
 *     numbers must be finite (`inf`, `.nan`, `1e400` are refused) unless the key says otherwise;
 *   - values are scalars (a mapping or list as a value is refused); the result objects have no prototype, and
 *     `__proto__`, `constructor`, `toString`, … are refused as key names in every format;
 *   - reading is linear in the input size (10⁵ keys in milliseconds); nothing but ConfigError is thrown.
 */
import { editDistance } from "../validate.js";
import { SCHEMAS, type Seed, type KeySpec } from "./config-schema.js";
import { ConfigError, emptyObject, checkKeyName, quote, parseText, type ConfigObject, type ConfigValue } from "./config-text.js";
import { fromYaml } from "./config-yaml.js";

export { ConfigError, parseText, typeValue, type ConfigObject, type ConfigValue } from "./config-text.js";

/** What `io.readConfig` returns: the model, the typed values, warnings and where each key was written. */
export interface ParsedConfig {
  /** The model the file is for. */
  seed: Seed;
  /** Typed values of the keys (a prototype-free object). */
  values: ConfigObject;
  /** Non-fatal problems (e.g. seed keys with no effect), one sentence each. */
  warnings: string[];
  /** Line of each key in a text or YAML file (for messages). */
  lines: Record<string, number>;
  /** Each key's value as written in the file (for messages). */
  raw: Record<string, string>;
}

/** Suggestions are computed for names up to this length (edit distance is quadratic in it). */
const SUGGEST_MAX = 64;
/** Unknown keys listed in one error; the rest are counted. */
const LIST_MAX = 5;

/**
 * The known key closest to `key` (case-insensitive edit distance), or "" if none is plausible.
 *
 * @example
 * io.closestKey("nlse", "num_point");   // "num_points"
 */
export function closestKey(seed: Seed, key: string, candidates: Iterable<string> = Object.keys(SCHEMAS[seed])): string {
  if (key.length > SUGGEST_MAX) return "";
  let best = "", bd = Infinity;
  const k = key.toLowerCase();
  for (const c of candidates) { const d = editDistance(k, c.toLowerCase()); if (d < bd) { bd = d; best = c; } }
  return bd <= Math.max(2, Math.ceil(0.6 * Math.max(key.length, best.length))) ? best : "";
}

/** "did you mean" text for an unknown key (with the camelCase → snake_case hint). */
function unknownKey(seed: Seed, key: string, where: string): string {
  const snake = key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
  const hit = Object.hasOwn(SCHEMAS[seed], snake) && snake !== key ? snake : closestKey(seed, key);
  return `${where}: unknown key ${quote(key, 40)}${hit ? ` — did you mean "${hit}"?` : ` (the ${seed} keys are ${Object.keys(SCHEMAS[seed]).join(", ")})`}`;
}

function allowed(s: KeySpec): string {
  if (s.oneOf) return `one of ${s.oneOf.join(", ")}`;
  const parts = [s.type === "int" ? (s.infinite ? "an integer (or inf)" : "an integer") : s.type === "number" ? (s.infinite ? "a number (inf allowed)" : "a finite number") : s.type === "bool" ? "true or false" : s.type === "number|null" ? "a finite number or none" : "a string"];
  if (s.gt !== undefined) parts.push(`> ${s.gt}`);
  if (s.min !== undefined) parts.push(`≥ ${s.min}`);
  if (s.lt !== undefined) parts.push(`< ${s.lt}`);
  if (s.max !== undefined) parts.push(`≤ ${s.max}`);
  return parts.join(" ");
}

/** Whether `v` satisfies `s`. */
function fits(v: ConfigValue, s: KeySpec): boolean {
  if (s.type === "bool") return typeof v === "boolean";
  if (s.type === "string") return typeof v === "string" && (!s.oneOf || s.oneOf.includes(s.ci ? v.toLowerCase() : v));
  if (s.type === "number|null" && v === null) return true;
  if (typeof v !== "number" || Number.isNaN(v)) return false;
  if (s.type === "int" ? !Number.isSafeInteger(v) && !(s.infinite && v === Infinity) : !Number.isFinite(v) && !s.infinite) return false;
  return !((s.gt !== undefined && !(v > s.gt)) || (s.min !== undefined && !(v >= s.min)) || (s.lt !== undefined && !(v < s.lt)) || (s.max !== undefined && !(v <= s.max)));
}

/** Checks `values` against the seed's schema; throws one ConfigError listing the unknown keys, or the first bad value. */
export function checkValues(seed: Seed, values: ConfigObject, name: string, lines: Record<string, number>, raw: Record<string, string>): void {
  const schema = SCHEMAS[seed];
  const where = (k: string) => (lines[k] ? `${name} line ${lines[k]}` : name);
  const unknown: string[] = [];
  for (const k of Object.keys(values)) if (!Object.hasOwn(schema, k)) unknown.push(k);
  if (unknown.length) {
    const listed = unknown.slice(0, LIST_MAX).map((k) => unknownKey(seed, k, where(k)));
    if (unknown.length > LIST_MAX) listed.push(`… and ${unknown.length - LIST_MAX} more unknown keys`);
    throw new ConfigError(listed.join("\n"));
  }
  for (const k of Object.keys(values)) {
    const s = schema[k];
    if (s.infinite && typeof values[k] === "string" && /^\+?inf(inity)?$/i.test(values[k] as string)) values[k] = Infinity;   // the nlse grammar keeps "inf" a string
    const v = values[k];
    if (!fits(v, s)) throw new ConfigError(`${where(k)}: ${k} = ${raw[k] !== undefined ? verbatim(raw[k]) : shown(v)} is not allowed; ${k} must be ${allowed(s)}${s.doc ? ` (${s.doc})` : ""}`);
  }
}

/** Source text for a message: cut to 60 characters, control characters escaped. */
function verbatim(s: string): string {
  const t = s.length > 60 ? s.slice(0, 60) + "…" : s;
  return t.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
}

/** A parsed value for a message when its source text is unknown. */
function shown(v: ConfigValue): string {
  if (typeof v === "number") return String(v);
  if (v !== null && typeof v === "object") return "{…}";
  return typeof v === "string" ? quote(v) : String(v);
}

/** A JSON object's members as prototype-free values. */
function fromJson(text: string, name: string): { values: ConfigObject; raw: Record<string, string> } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${name}: not valid JSON: ${String((e as Error)?.message ?? e).split("\n")[0]}`);
  }
  if (parsed === null) parsed = {};
  if (typeof parsed !== "object" || Array.isArray(parsed)) throw new ConfigError(`${name}: the top level must be an object of "key": value pairs`);
  const values = emptyObject(), raw = emptyObject<string>();
  for (const key of Object.keys(parsed as object)) {
    checkKeyName(key, name);
    const v = (parsed as Record<string, unknown>)[key];
    if (v !== null && typeof v === "object") { values[key] = emptyObject(); raw[key] = Array.isArray(v) ? "[…] (a list)" : "{…} (an object)"; continue; }
    values[key] = v as ConfigValue;
    raw[key] = typeof v === "number" && !Number.isFinite(v) ? `${v} (a number too large for a double)` : typeof v === "string" ? quote(v) : String(v);
  }
  return { values, raw };
}

/**
 * Parses and validates a config for `seed`. `format` is taken from the file name's extension when `name` is given.
 *
 * @example
 * const { values } = readConfig("domain_length = 50.0\nnum_points = 512\n", { seed: "nlse", format: "txt" });
 */
export function readConfig(text: string, o: { seed: Seed; format?: "yaml" | "json" | "txt"; name?: string }): ParsedConfig {
  if (typeof text !== "string") throw new ConfigError(`readConfig: text must be a string, got ${typeof text}`);
  if (o === null || typeof o !== "object") throw new ConfigError(`readConfig(text, options): options.seed is required (which model the config is for), got options ${o === null ? "null" : typeof o}; e.g. readConfig(text, { seed: "nlse", format: "txt" }) — seeds: ${Object.keys(SCHEMAS).join(", ")}`);
  if (!Object.hasOwn(SCHEMAS, o.seed)) throw new ConfigError(`readConfig: seed must be one of ${Object.keys(SCHEMAS).join(", ")}, got ${quote(String(o?.seed))}`);
  const name = o.name ?? "config";
  const ext = o.format ?? (/\.ya?ml$/i.test(name) ? "yaml" : /\.json$/i.test(name) ? "json" : /\.txt$/i.test(name) ? "txt" : undefined);
  if (ext !== "yaml" && ext !== "json" && ext !== "txt") throw new ConfigError(`${name}: unknown config format; use a .yaml, .yml, .json or .txt file (or pass format)`);
  let values: ConfigObject, lines = emptyObject<number>(), raw: Record<string, string>, warnings: string[] = [];
  if (ext === "txt") ({ values, lines, raw } = parseText(text, o.seed, name));
  else if (ext === "yaml") ({ values, lines, raw, warnings } = fromYaml(text, name));
  else ({ values, raw } = fromJson(text, name));
  checkValues(o.seed, values, name, lines, raw);
  return { seed: o.seed, values, warnings, lines, raw };
}

/**
 * snake_case → camelCase (`domain_length` → `domainLength`; `A1` stays `A1`).
 *
 * @example
 * io.camelCase("num_points");   // "numPoints"
 */
export function camelCase(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Seed-style file stem of a scenario name: lower case, " - ", "-", " " → "_", "__" collapsed, trailing "_" dropped.
 *
 * @example
 * io.scenarioStem("Case 1 - Linear Wave");   // "case1_linear_wave"
 */
export function scenarioStem(name: string): string {
  return name.toLowerCase().replace(/ - /g, "_").replace(/-/g, "_").replace(/ /g, "_").replace(/_+/g, "_").replace(/_$/, "").replace(/^case_(\d+)_/, "case$1_");
}
