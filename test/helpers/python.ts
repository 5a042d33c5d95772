/** Python interpreters for reader cross-checks: system python3 (numpy/scipy) and the netCDF4/xarray venv. */
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { root } from "./runtimes.js";

/**
 * A python with netCDF4 and xarray: $SAMUDRA_NC_PYTHON, or .venv-nc/bin/python, created on first use with
 * `python3 -m venv --system-site-packages .venv-nc && .venv-nc/bin/pip install netCDF4 xarray` (offline from this
 * machine's local wheel index; ~45 s once). .ci/run creates it up front.
 */
export function ncPython(): string {
  const p = process.env.SAMUDRA_NC_PYTHON ?? path.join(root, ".venv-nc", "bin", "python");
  if (!existsSync(p) && !process.env.SAMUDRA_NC_PYTHON) {
    const venv = path.join(root, ".venv-nc");
    spawnSync("python3", ["-m", "venv", "--system-site-packages", venv], { stdio: "ignore", timeout: 120_000 });
    spawnSync(path.join(venv, "bin", "pip"), ["install", "-q", "netCDF4", "xarray"], { stdio: "ignore", timeout: 300_000 });
  }
  if (!existsSync(p)) {
    throw new Error(`no python with netCDF4/xarray at ${p}: run \`python3 -m venv --system-site-packages .venv-nc && .venv-nc/bin/pip install netCDF4 xarray\` (as .ci/run does) or set SAMUDRA_NC_PYTHON`);
  }
  return p;
}

export function runPython(python: string, code: string, ...args: string[]): string {
  const r = spawnSync(python, ["-c", code, ...args], { encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return r.stdout;
}
