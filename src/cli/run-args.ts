/**
 * What `samudra nlse`, `kg` and `school` share: the common flags' checks, config-file loading into camelCase
 * options, `--set key=value` overrides, the per-run format set, and the exit code of a failure (2 usage/config,
 * 1 run failure). Every message names the flag or key, the value as the user typed it, and the fix.
 */
import { readFileSync, existsSync, statSync } from "node:fs";
import { readConfig, camelCase, checkValues, closestKey, typeValue, ConfigError, type ConfigObject } from "../io/config.js";
import { SCHEMAS, type Seed } from "../io/config-schema.js";
import { closestName, editDistance } from "../validate.js";
import { FORMATS, type Format } from "./nlse-outputs.js";

export class UsageError extends Error {}

export interface ModelArgs {
  positionals: string[]; legacy: boolean; method?: string; dt?: string; all: boolean; json: boolean; quiet: boolean;
  config?: string; outputDir?: string; format?: string;
  /** `--set key=value` overrides, in order. */
  set?: string[];
}

/** A number as typed on the command line (decimal, optional sign and exponent, finite), else NaN. */
export function numberArg(v: string): number {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v.trim()) ? Number(v) : NaN;
}

/** Checks the flags every model command has; returns the parsed --dt and --format. Throws UsageError. */
export function commonArgs(a: ModelArgs): { dt?: number; formats: Set<Format> } {
  if (a.positionals.length > 1) throw new UsageError(`expected at most one case, got ${a.positionals.join(" ")}`);
  if (a.config && (a.all || a.positionals.length)) throw new UsageError("give a case, --all or --config, not several");
  let dt: number | undefined;
  if (a.dt !== undefined) { dt = numberArg(a.dt); if (!(dt > 0 && Number.isFinite(dt))) throw new UsageError(`--dt must be a positive number, got "${a.dt}"; e.g. --dt 0.001`); }
  let formats = new Set<Format>(FORMATS);
  if (a.format !== undefined) {
    const f = a.format.split(",").map((s) => s.trim()).filter(Boolean);
    const bad = f.find((x) => !(FORMATS as readonly string[]).includes(x));
    if (bad !== undefined || f.length === 0) throw new UsageError(`--format takes a comma-separated list of ${FORMATS.join(", ")}; got "${a.format}"`);
    formats = new Set(f as Format[]);
  }
  return { dt, formats };
}

/** Reads a config file of `seed`'s grammar into camelCase options (warnings go to `warn`). */
export function loadConfigFile(file: string, seed: Seed, warn: (m: string) => void): { options: Record<string, unknown>; raw: Record<string, unknown> } {
  if (!existsSync(file)) throw new UsageError(`config file not found: ${file}`);
  if (!statSync(file).isFile()) throw new UsageError(`--config ${file}: not a file; give a .yaml, .yml, .json or .txt config file`);
  const cfg = readConfig(readFileSync(file, "utf8"), { seed, name: file });
  cfg.warnings.forEach(warn);
  return { options: camelOptions(cfg.values), raw: cfg.values };
}

/** snake_case config values → camelCase model options (a prototype-free object). */
export function camelOptions(values: ConfigObject): Record<string, unknown> {
  const options = Object.create(null) as Record<string, unknown>;
  for (const k of Object.keys(values)) options[camelCase(k)] = values[k];
  return options;
}

/**
 * `--set key=value` overrides for `seed`. The key is a config key in the file's own snake_case grammar
 * (`t_final`) or its camelCase option name (`tFinal`); the value is typed as in a `key = value` text config of
 * that seed (true/false, numbers, `none` for school; anything else is a string) and checked like a config
 * file's value. Later --set of the same key wins. Throws UsageError (unknown key, no "=") or ConfigError.
 */
export function parseSets(sets: string[] | undefined, seed: Seed): { options: Record<string, unknown>; raw: ConfigObject } {
  const values = Object.create(null) as ConfigObject, raw = Object.create(null) as Record<string, string>;
  const schema = SCHEMAS[seed];
  const snakeOf = new Map(Object.keys(schema).map((k) => [camelCase(k), k]));
  for (const s of sets ?? []) {
    const eq = s.indexOf("=");
    if (eq < 0) throw new UsageError(`--set takes key=value, got ${JSON.stringify(s)}; e.g. --set t_final=5`);
    const given = s.slice(0, eq).trim(), value = s.slice(eq + 1).trim();
    const key = Object.hasOwn(schema, given) ? given : snakeOf.get(given);
    if (key === undefined) {
      const near = closestKey(seed, given);
      throw new UsageError(`--set ${s}: unknown ${seed} config key ${JSON.stringify(given)}${near ? ` — did you mean "${near}"?` : `; the keys are ${Object.keys(schema).join(", ")}`}`);
    }
    values[key] = typeValue(value, seed);
    raw[key] = value;
  }
  checkValues(seed, values, "--set", Object.create(null) as Record<string, number>, raw);
  return { options: camelOptions(values), raw: values };
}

/** Applies --set overrides to one run's options and raw config values (the overrides win). */
export function withSets<R extends { options: object; raw: Record<string, unknown> }>(run: R, sets: { options: Record<string, unknown>; raw: ConfigObject }): R {
  return { ...run, options: { ...run.options, ...sets.options }, raw: { ...run.raw, ...sets.raw } };
}

/** The formats of one run: save_netcdf / save_animation = false in its config drop nc / gif unless --format was given. */
export function runFormats(formats: Set<Format>, raw: Record<string, unknown>, explicit: boolean): Set<Format> {
  const f = new Set(formats);
  if (raw.save_netcdf === false && !explicit) f.delete("nc");
  if (raw.save_animation === false && !explicit) f.delete("gif");
  return f;
}

/** "unknown case" with the closest case name. */
export function unknownCase(c: string, cases: readonly string[]): string {
  const near = closestName(c, cases);
  return `unknown case ${JSON.stringify(c)}; cases: ${cases.join(", ")}${editDistance(c.toLowerCase(), near.toLowerCase()) <= 3 ? ` — did you mean "${near}"?` : ""}`;
}

/** Runs a model's option check for one run before any run starts; an error becomes a ConfigError naming the run's source. */
export function checkRun(source: string, resolve: () => unknown): void {
  try {
    resolve();
  } catch (e) {
    if (!(e instanceof RangeError || e instanceof TypeError)) throw e;
    throw new ConfigError(`${e.message.replace(/^(samudra \w+|\w+\.\w+): /, "")}${source.startsWith("built-in") ? "" : ` (options from ${source})`}`);
  }
}

/** Exit code of a failed run: 2 for bad options or config, 1 for a failure while running. */
export function exitCodeOf(e: unknown): number {
  return e instanceof UsageError || e instanceof RangeError || e instanceof TypeError || e instanceof ConfigError ? 2 : 1;
}
