/** Python interpreters for reader cross-checks: system python3 (numpy/scipy) and the netCDF4/xarray venv. */
import { spawnSync } from "node:child_process";
import { inject } from "vitest";
import type {} from "../global-setup.js";   // its `ProvidedContext` declaration types inject()

/**
 * A python with netCDF4 and xarray: $SAMUDRA_NC_PYTHON, or .venv-nc/bin/python. It is never created here (that
 * would happen inside a timed test): test/global-setup.ts creates `.venv-nc` once, before any test runs
 * (`python3 -m venv --system-site-packages .venv-nc && .venv-nc/bin/pip install netCDF4 xarray`, from this
 * machine's local wheel index). If that failed, this throws its reason, so the calling test fails.
 */
export function ncPython(): string {
  const env = inject("samudraTestEnv");
  if (!env) throw new Error("test/global-setup.ts did not run: run the tests with `npm test` or `npx vitest run` from the repository root");
  if (!env.ncPython) throw new Error(`no python with netCDF4/xarray: ${env.ncPythonError}`);
  return env.ncPython;
}

export function runPython(python: string, code: string, ...args: string[]): string {
  const r = spawnSync(python, ["-c", code, ...args], { encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return r.stdout;
}
