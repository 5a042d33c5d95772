/**
 * The config key `initial_field = FILE` (or `--set initial_field=FILE`): reads the .npy/.nc file (io/field-file.ts)
 * and puts the array(s) into the run's `initialField` option. A relative path is taken from the config file's
 * directory when the key came from a config file, else from the current directory. Errors are usage errors (exit 2).
 */
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fieldFromFile, type FieldModel } from "../io/field-file.js";
import { UsageError } from "./run-args.js";

export function withFieldFile<R extends { options: object }>(run: R, model: FieldModel, baseDir: string): R {
  const f = (run.options as { initialField?: unknown }).initialField;
  if (typeof f !== "string") return run;
  const file = path.resolve(baseDir, f);
  if (!existsSync(file)) throw new UsageError(`initial_field: file not found: ${f} (looked in ${path.relative(process.cwd(), file) || file}); give a .npy or .nc path relative to the config file (or the current directory with --set)`);
  const value = fieldFromFile(new Uint8Array(readFileSync(file)), f, model);
  return { ...run, options: { ...run.options, initialField: value } };
}
