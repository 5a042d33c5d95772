// vitest globalSetup: prepares the test environment ONCE, before any test file runs, so that no timed test
// ever installs anything. It makes
//   * the python with netCDF4 + xarray for the NetCDF reader cross-checks: `.venv-nc`, created with
//     `python3 -m venv --system-site-packages .venv-nc && .venv-nc/bin/pip install netCDF4 xarray` (pip installs
//     from this machine's local wheel index; ~45 s the first time, a 1 s import check afterwards);
//   * a headless Chromium for the browser tests: the binary that the npm devDependency `@sparticuz/chromium`
//     ships inside its package (unpacked once into node_modules/.cache/), else a system `chromium`;
//   * Debian's `redis-server` (package redis-server) for the BullMQ ensemble tests, found or installed the same way
//     (the tests start their own server on a random 127.0.0.1 port, see test/helpers/redis.ts);
//   * Debian's `udunits2` command (package udunits-bin) for the NetCDF CF-units test: when it is missing and the
//     tests run as root with apt-get, it is installed (.ci/run installs it up front too).
// What it found, or why it failed, is handed to the tests with `provide` (read with `inject`, see
// test/helpers/python.ts and test/helpers/runtimes.ts): a test that needs a missing piece fails with the reason;
// nothing is skipped. Several vitest processes may share one work tree: each piece is prepared under a lock
// directory in node_modules/.cache/ (Chromium is unpacked into a private directory and renamed into place), so
// concurrent runs wait for each other instead of using a half-built one.
import type { TestProject } from "vitest/node";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface SamudraTestEnv {
  /** python with netCDF4 + xarray, or null with the reason in ncPythonError */
  ncPython: string | null;
  ncPythonError: string | null;
  /** Chromium executable, where it came from, or null with the reason in chromiumError */
  chromium: string | null;
  chromiumSource: string | null;
  chromiumError: string | null;
  /** the udunits2 command, or null with the reason in udunits2Error */
  udunits2: string | null;
  udunits2Error: string | null;
  /** the redis-server command, or null with the reason in redisServerError */
  redisServer: string | null;
  redisServerError: string | null;
}

declare module "vitest" {
  export interface ProvidedContext {
    samudraTestEnv: SamudraTestEnv;
  }
}

const log = (msg: string) => process.stderr.write(`[test set-up] ${msg}\n`);

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function pidAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === "EPERM"; }
}

/** Runs fn while holding the lock directory `lock` (atomic mkdir; a lock whose owner died is taken over). */
function withLock<T>(lock: string, what: string, fn: () => T): T {
  const deadline = Date.now() + 15 * 60_000;
  let told = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, "pid"), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      let owner = NaN;
      try { owner = Number(readFileSync(path.join(lock, "pid"), "utf8")); } catch { /* being created or removed */ }
      let age = 0;
      try { age = Date.now() - statSync(lock).mtimeMs; } catch { continue; }
      if ((Number.isFinite(owner) && owner > 0 && !pidAlive(owner)) || (!Number.isFinite(owner) && age > 60_000)) {
        rmSync(lock, { recursive: true, force: true });   // stale: its owner died
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for another test run (pid ${owner}) to finish ${what} (lock ${lock})`);
      if (!told) { log(`waiting for another test run (pid ${owner}) that is ${what}`); told = true; }
      sleep(500);
    }
  }
  try { return fn(); } finally { rmSync(lock, { recursive: true, force: true }); }
}

// ---------------------------------------------------------------------------------------------------------
// python with netCDF4 + xarray

const NC_MODULES = "import netCDF4, xarray";

function pythonHasReaders(python: string): boolean {
  if (!existsSync(python)) return false;
  return spawnSync(python, ["-c", NC_MODULES], { stdio: "ignore", timeout: 120_000 }).status === 0;
}

function prepareNcPython(): { ncPython: string | null; ncPythonError: string | null } {
  const fromEnv = process.env.SAMUDRA_NC_PYTHON;
  if (fromEnv) {
    return pythonHasReaders(fromEnv)
      ? { ncPython: fromEnv, ncPythonError: null }
      : { ncPython: null, ncPythonError: `SAMUDRA_NC_PYTHON=${fromEnv} cannot \`${NC_MODULES}\`` };
  }
  const venv = path.join(root, ".venv-nc");
  const python = path.join(venv, "bin", "python");
  if (pythonHasReaders(python)) return { ncPython: python, ncPythonError: null };
  try {
    return withLock(path.join(root, "node_modules", ".cache", "samudra-venv-nc.lock"), "creating .venv-nc", () => {
      if (pythonHasReaders(python)) return { ncPython: python, ncPythonError: null };   // made while we waited
      log("creating .venv-nc (python3 -m venv --system-site-packages, pip install netCDF4 xarray; ~45 s, once)");
      const t0 = Date.now();
      // built in place under the lock (other runs wait for it); what a killed run left fails the import check
      // above and is rebuilt from scratch
      rmSync(venv, { recursive: true, force: true });
      const mk = spawnSync("python3", ["-m", "venv", "--system-site-packages", venv], { encoding: "utf8", timeout: 300_000 });
      if (mk.status !== 0) throw new Error(`\`python3 -m venv --system-site-packages .venv-nc\` failed: ${mk.error ?? ""}${mk.stderr}`);
      const pip = spawnSync(path.join(venv, "bin", "pip"), ["install", "-q", "netCDF4", "xarray"], { encoding: "utf8", timeout: 900_000 });
      if (pip.status !== 0) throw new Error(`\`.venv-nc/bin/pip install netCDF4 xarray\` failed: ${pip.error ?? ""}${pip.stderr}`);
      if (!pythonHasReaders(python)) throw new Error(`.venv-nc was created but \`${NC_MODULES}\` still fails in it`);
      log(`.venv-nc ready (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
      return { ncPython: python, ncPythonError: null };
    });
  } catch (e) {
    const msg = `${(e as Error).message}\nCreate it by hand with \`python3 -m venv --system-site-packages .venv-nc && ` +
      ".venv-nc/bin/pip install netCDF4 xarray`, or set SAMUDRA_NC_PYTHON to a python that has both.";
    log(msg);
    return { ncPython: null, ncPythonError: msg };
  }
}

// ---------------------------------------------------------------------------------------------------------
// headless Chromium: CHROMIUM_PATH, else the npm package @sparticuz/chromium, else a system chromium

function onPath(names: string[]): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const n of names) {
      const p = path.join(dir, n);
      if (dir && existsSync(p)) return p;
    }
  }
  return null;
}

function chromiumRuns(exe: string): string | null {
  const r = spawnSync(exe, ["--headless", "--no-sandbox", "--version"], { encoding: "utf8", timeout: 60_000 });
  return r.status === 0 ? null : `\`${exe} --version\` failed: ${r.error ?? ""}${r.stderr}`.trim();
}

async function npmChromium(): Promise<{ exe: string; version: string } | { error: string }> {
  let pkgDir: string;
  let version: string;
  try {
    // its exports map hides package.json: resolve the entry point, then read the package.json above it
    const entry = createRequire(path.join(root, "package.json")).resolve("@sparticuz/chromium");
    pkgDir = entry.slice(0, entry.lastIndexOf(`${path.sep}build${path.sep}`));
    version = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8")).version;
  } catch (e) {
    return { error: `the devDependency @sparticuz/chromium is not installed (run \`npm install\`): ${(e as Error).message}` };
  }
  const cache = path.join(root, "node_modules", ".cache", `samudra-chromium-${version}`);
  const exe = path.join(cache, "chromium");
  if (existsSync(exe)) return { exe, version };
  // @sparticuz/chromium unpacks its brotli archives into os.tmpdir(); point that at a private directory,
  // then rename the directory into the cache (the binary finds its libraries relative to itself)
  const partial = `${cache}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = partial;
  try {
    log(`unpacking the Chromium ${version} that @sparticuz/chromium ships (once)`);
    const mod = await import(path.join(pkgDir, "build", "esm", "index.js"));
    const got: string = await mod.default.executablePath(path.join(pkgDir, "bin"));
    if (path.resolve(got) !== path.join(partial, "chromium")) throw new Error(`unpacked to an unexpected place: ${got}`);
  } catch (e) {
    rmSync(partial, { recursive: true, force: true });
    return { error: `could not unpack @sparticuz/chromium ${version}: ${(e as Error).message}` };
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = savedTmp;
  }
  try {
    renameSync(partial, cache);
  } catch {
    rmSync(partial, { recursive: true, force: true });   // another run put it there first
  }
  return existsSync(exe) ? { exe, version } : { error: `unpacked @sparticuz/chromium but ${exe} is missing` };
}

async function prepareChromium(): Promise<{ chromium: string | null; chromiumSource: string | null; chromiumError: string | null }> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    const bad = existsSync(fromEnv) ? chromiumRuns(fromEnv) : `CHROMIUM_PATH=${fromEnv} does not exist`;
    return bad ? { chromium: null, chromiumSource: null, chromiumError: bad }
      : { chromium: fromEnv, chromiumSource: "CHROMIUM_PATH", chromiumError: null };
  }
  const problems: string[] = [];
  const npm = await npmChromium();
  if ("exe" in npm) {
    const bad = chromiumRuns(npm.exe);
    if (!bad) return { chromium: npm.exe, chromiumSource: `npm @sparticuz/chromium ${npm.version}`, chromiumError: null };
    problems.push(bad);
  } else {
    problems.push(npm.error);
  }
  const sys = onPath(["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]);
  if (sys) {
    const bad = chromiumRuns(sys);
    if (!bad) return { chromium: sys, chromiumSource: `system ${sys}`, chromiumError: null };
    problems.push(bad);
  } else {
    problems.push("no chromium, chromium-browser or google-chrome on PATH");
  }
  const msg = `no usable headless Chromium:\n  - ${problems.join("\n  - ")}\n` +
    "Run `npm install` (it brings @sparticuz/chromium), or install Debian's `chromium`, or set CHROMIUM_PATH.";
  log(msg);
  return { chromium: null, chromiumSource: null, chromiumError: msg };
}

// ---------------------------------------------------------------------------------------------------------
// udunits2 (Debian udunits-bin)

function prepareUdunits(): { udunits2: string | null; udunits2Error: string | null } {
  const found = onPath(["udunits2"]);
  if (found) return { udunits2: found, udunits2Error: null };
  const howTo = "install Debian's udunits-bin (`apt-get update && apt-get install -y udunits-bin`; .ci/run does it)";
  if (process.getuid?.() !== 0 || !onPath(["apt-get"])) {
    const msg = `the udunits2 command is missing: ${howTo}`;
    log(msg);
    return { udunits2: null, udunits2Error: msg };
  }
  try {
    return withLock(path.join(root, "node_modules", ".cache", "samudra-apt.lock"), "installing udunits-bin", () => {
      const again = onPath(["udunits2"]);
      if (again) return { udunits2: again, udunits2Error: null };
      log("installing Debian's udunits-bin (the udunits2 command) with apt-get (once)");
      const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
      const upd = spawnSync("apt-get", ["update", "-qq"], { encoding: "utf8", env, timeout: 600_000 });
      const ins = upd.status === 0
        ? spawnSync("apt-get", ["install", "-y", "-qq", "udunits-bin"], { encoding: "utf8", env, timeout: 600_000 })
        : upd;
      const exe = onPath(["udunits2"]);
      if (ins.status !== 0 || !exe) throw new Error(`apt-get failed: ${ins.error ?? ""}${ins.stderr}`);
      return { udunits2: exe, udunits2Error: null };
    });
  } catch (e) {
    const msg = `the udunits2 command is missing and installing it failed (${(e as Error).message.trim()}): ${howTo}`;
    log(msg);
    return { udunits2: null, udunits2Error: msg };
  }
}

// ---------------------------------------------------------------------------------------------------------
// redis-server (Debian redis-server), installed like udunits-bin when missing

function prepareRedis(): { redisServer: string | null; redisServerError: string | null } {
  const found = onPath(["redis-server"]);
  if (found) return { redisServer: found, redisServerError: null };
  const howTo = "install Debian's redis-server (`apt-get update && apt-get install -y redis-server`; .ci/run does it)";
  if (process.getuid?.() !== 0 || !onPath(["apt-get"])) {
    const msg = `the redis-server command is missing: ${howTo}`;
    log(msg);
    return { redisServer: null, redisServerError: msg };
  }
  try {
    return withLock(path.join(root, "node_modules", ".cache", "samudra-apt.lock"), "installing redis-server", () => {
      const again = onPath(["redis-server"]);
      if (again) return { redisServer: again, redisServerError: null };
      log("installing Debian's redis-server with apt-get (once)");
      const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
      const upd = spawnSync("apt-get", ["update", "-qq"], { encoding: "utf8", env, timeout: 600_000 });
      const ins = upd.status === 0 ? spawnSync("apt-get", ["install", "-y", "-qq", "redis-server"], { encoding: "utf8", env, timeout: 600_000 }) : upd;
      const exe = onPath(["redis-server"]);
      if (ins.status !== 0 || !exe) throw new Error(`apt-get failed: ${ins.error ?? ""}${ins.stderr}`);
      return { redisServer: exe, redisServerError: null };
    });
  } catch (e) {
    const msg = `the redis-server command is missing and installing it failed (${(e as Error).message.trim()}): ${howTo}`;
    log(msg);
    return { redisServer: null, redisServerError: msg };
  }
}

export default async function setup(project: TestProject) {
  mkdirSync(path.join(root, "node_modules", ".cache"), { recursive: true });
  const env: SamudraTestEnv = { ...prepareNcPython(), ...(await prepareChromium()), ...prepareUdunits(), ...prepareRedis() };
  project.provide("samudraTestEnv", env);
}
