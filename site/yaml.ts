/**
 * The config file for the command line: `samudra <model> --config run.yaml` runs what the page runs — the
 * preset (`case`), the legacy face, the seed and every changed option, in the config keys of io.SCHEMAS
 * (snake_case, as the seeds' files). An option with no config key is named in a comment instead of dropped silently.
 */
import type { Model } from "./catalog.js";

/** snake_case of a camelCase option name (numPoints → num_points, A1 → a1). */
export function snakeCase(k: string): string {
  return k.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

/** YAML text of a run's config. `keys`: the config keys the model accepts (io.SCHEMAS[model]). */
export function configYaml(model: Model, preset: string, legacy: boolean, seed: number | null, options: Record<string, unknown>, keys: Set<string>): string {
  const lines = [`# samudra ${model} --config <this file> — made by the samudra playground`, `case: ${preset}`];
  if (legacy) lines.push("legacy: true");
  if (seed !== null) lines.push(`seed: ${seed}`);
  const skipped: string[] = [];
  for (const [k, v] of Object.entries(options)) {
    const key = snakeCase(k);
    if (!keys.has(key)) { skipped.push(k); continue; }
    lines.push(`${key}: ${typeof v === "string" ? JSON.stringify(v) : String(v)}`);
  }
  if (skipped.length) lines.push(`# not expressible in a config file: ${skipped.join(", ")}`);
  return lines.join("\n") + "\n";
}
