/**
 * What `samudra nlse` and `samudra kg` share: the common flags' checks, config-file loading into camelCase
 * options, the per-run format set, and the exit code of a failure (2 usage/config, 1 run failure).
 */
import { readFileSync, existsSync } from "node:fs";
import { readConfig, camelCase, ConfigError } from "../io/config.js";
import type { Seed } from "../io/config-schema.js";
import { FORMATS, type Format } from "./nlse-outputs.js";

export class UsageError extends Error {}

export interface ModelArgs {
  positionals: string[]; legacy: boolean; method?: string; dt?: string; all: boolean; json: boolean; quiet: boolean;
  config?: string; outputDir?: string; format?: string;
}

/** Checks the flags every model command has; returns the parsed --dt and --format. Throws UsageError. */
export function commonArgs(a: ModelArgs): { dt?: number; formats: Set<Format> } {
  if (a.positionals.length > 1) throw new UsageError(`expected at most one case, got ${a.positionals.join(" ")}`);
  if (a.config && (a.all || a.positionals.length)) throw new UsageError("give a case, --all or --config, not several");
  let dt: number | undefined;
  if (a.dt !== undefined) { dt = Number(a.dt); if (!(dt > 0)) throw new UsageError(`--dt must be a positive number, got "${a.dt}"`); }
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
  const cfg = readConfig(readFileSync(file, "utf8"), { seed, name: file });
  cfg.warnings.forEach(warn);
  const options: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(cfg.values)) options[camelCase(k)] = v;
  return { options, raw: cfg.values };
}

/** The formats of one run: save_netcdf / save_animation = false in its config drop nc / gif unless --format was given. */
export function runFormats(formats: Set<Format>, raw: Record<string, unknown>, explicit: boolean): Set<Format> {
  const f = new Set(formats);
  if (raw.save_netcdf === false && !explicit) f.delete("nc");
  if (raw.save_animation === false && !explicit) f.delete("gif");
  return f;
}

/** Exit code of a failed run: 2 for bad options or config, 1 for a failure while running. */
export function exitCodeOf(e: unknown): number {
  return e instanceof UsageError || e instanceof RangeError || e instanceof TypeError || e instanceof ConfigError ? 2 : 1;
}
