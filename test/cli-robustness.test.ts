// The CLI under faults, as a user meets them (built dist/cli.js, temporary directory): SIGINT/SIGTERM at several
// moments stop a run within 1 s (exit 130/143) with the previous output set intact; SIGKILL leaves only staging that
// the next run removes; a full disk (ulimit -f) and blow-ups (NaN) never publish a mixed or 0-byte set; the step
// budget and unusable output directories are reported with the option to change. Before, signals were ignored until
// the end, killed runs left *.partial-<pid> files, and NaN runs wrote NaN with exit 0.
import { it, expect, beforeAll, afterAll } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, readdirSync, readFileSync, writeFileSync, existsSync, statSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { root } from "./helpers/runtimes.js";
import { io } from "../src/index.js";
import { recoverStale } from "../src/cli/output-set.js";

let dir = "";
const CLI = () => path.join(root, "dist/cli.js");
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI(), ...args], { encoding: "utf8", cwd: dir });

/** Every file under d (relative path → bytes as base64), staging included. */
function snapshot(d: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (p: string) => {
    for (const n of readdirSync(p)) {
      const f = path.join(p, n);
      if (statSync(f).isDirectory()) walk(f); else out[path.relative(d, f)] = readFileSync(f).toString("base64");
    }
  };
  if (existsSync(d)) walk(d);
  return out;
}

/** Starts a run, sends `sig` after `ms`, returns the exit code, the time from the signal to the exit, and stderr. */
function interrupt(args: string[], sig: NodeJS.Signals, ms: number): Promise<{ code: number | null; signal: string | null; afterMs: number; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI(), ...args], { cwd: dir });
    let stderr = "", sent = 0;
    p.stderr.on("data", (b) => { stderr += b; });
    const timer = setTimeout(() => { sent = Date.now(); p.kill(sig); }, ms);
    p.on("exit", (code, signal) => { clearTimeout(timer); resolve({ code, signal, afterMs: sent ? Date.now() - sent : -1, stderr }); });
  });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "samudra-robust-"));
  // a legacy KG run of ~2–4 s here (746 229 leapfrog steps) with the seed's per-frame diagnostics
  writeFileSync(path.join(dir, "long.yaml"), "case: case1\nt_final: 5000\nn_frames: 400\n");
  const r = cli("kg", "case1", "--legacy", "-o", "out", "-q");       // the previous, good set
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

it("SIGINT and SIGTERM at several moments stop the run within 1 s (130/143); the previous set stays byte for byte", async () => {
  const before = snapshot(path.join(dir, "out"));
  expect(Object.keys(before)).toContain("case1_linear_wave.nc");
  for (const [sig, ms, code] of [["SIGINT", 250, 130], ["SIGTERM", 700, 143], ["SIGINT", 1500, 130]] as const) {
    const r = await interrupt(["kg", "--config", "long.yaml", "--legacy", "-o", "out", "-q"], sig, ms);
    expect(r.code, `${sig} at ${ms} ms: ${r.stderr}`).toBe(code);
    expect(r.afterMs).toBeLessThan(1000);
    expect(r.stderr).toMatch(new RegExp(`interrupted by ${sig}; the run was stopped and no files were changed`));
    expect(snapshot(path.join(dir, "out"))).toEqual(before);           // no staging, no partial, no mixed file
  }
});

it("SIGKILL mid-run leaves only staging; the next run removes it, says so, and publishes a complete set", async () => {
  const before = snapshot(path.join(dir, "out"));
  const r = await interrupt(["kg", "--config", "long.yaml", "--legacy", "-o", "out", "-q"], "SIGKILL", 800);
  expect(r.signal).toBe("SIGKILL");
  const after = snapshot(path.join(dir, "out"));
  const staged = Object.keys(after).filter((f) => f.startsWith(".samudra-staging-"));
  expect(staged.length).toBeGreaterThan(0);                            // the killed run's files, kept aside
  for (const [f, b] of Object.entries(before)) expect(after[f], f).toBe(b); // and the published set untouched
  const again = cli("kg", "case1", "--legacy", "-o", "out", "-q");
  expect(again.status, again.stderr).toBe(0);
  expect(again.stderr).toMatch(/removed the unfinished files of a killed run \(\.samudra-staging-\d+-/);
  const now = snapshot(path.join(dir, "out"));
  expect(Object.keys(now).filter((f) => f.startsWith(".samudra"))).toEqual([]);
  expect(Object.keys(now).sort()).toEqual(Object.keys(before).sort());
});

it("a publish interrupted after its journal is completed by the next run (all new, never mixed)", () => {
  const root2 = path.join(dir, "journal");
  const staging = path.join(root2, ".samudra-staging-999999999-x");
  mkdirSync(path.join(staging, "sub"), { recursive: true });
  writeFileSync(path.join(root2, "a.txt"), "old a");
  writeFileSync(path.join(root2, "b.txt"), "old b");
  writeFileSync(path.join(staging, "sub", "b.txt"), "new b");          // a.txt was already renamed when the run died
  writeFileSync(path.join(staging, "PUBLISH"), `${path.join(staging, "a.txt")}\t${path.join(root2, "a.txt")}\n${path.join(staging, "sub", "b.txt")}\t${path.join(root2, "b.txt")}\n`);
  writeFileSync(path.join(root2, "a.txt"), "new a");
  const said: string[] = [];
  recoverStale(root2, (m) => said.push(m));
  expect(readFileSync(path.join(root2, "a.txt"), "utf8")).toBe("new a");
  expect(readFileSync(path.join(root2, "b.txt"), "utf8")).toBe("new b");
  expect(existsSync(staging)).toBe(false);
  expect(said.join()).toMatch(/completed the interrupted publication/);
});

it("a full disk (ulimit -f) fails cleanly: exit 1, a message that says so, no 0-byte or partial file, previous set intact", () => {
  const ok = cli("nlse", "single_soliton", "-o", "full", "-q");
  expect(ok.status, ok.stderr).toBe(0);
  const before = snapshot(path.join(dir, "full"));
  const r = spawnSync("bash", ["-c", `ulimit -f 20; exec "${process.execPath}" "${CLI()}" nlse single_soliton -o full -q`], { encoding: "utf8", cwd: dir });
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/could not write the run's files: a file exceeds the allowed file size \(ulimit -f\) \(EFBIG/);
  const after = snapshot(path.join(dir, "full"));
  const extra = Object.keys(after).filter((f) => !(f in before));
  expect(extra).toEqual(["single_soliton.failed.log"]);
  for (const [f, b] of Object.entries(before)) expect(after[f], f).toBe(b);
  for (const f of Object.keys(after)) expect(statSync(path.join(dir, "full", f)).size, f).toBeGreaterThan(0);
});

it("a blow-up exits 1, says at what t, keeps the good snapshots in <stem>.failed.* and never writes NaN", () => {
  writeFileSync(path.join(dir, "etd.yaml"), "case: single_soliton\nmethod: etdrk4\ndt: 0.02\namplitude: 50\n");
  const r = cli("nlse", "--config", "etd.yaml", "-o", "nan", "-q");
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/single_soliton: the state became non-finite \(NaN or ±Infinity\) after t = [0-9.]+; the last good snapshot is at t = /);
  const files = readdirSync(path.join(dir, "nan"));
  expect(files).toContain("single_soliton.failed.nc");
  expect(files.filter((f) => !f.startsWith("single_soliton.failed"))).toEqual([]);
  const nc = io.readNetCDF(new Uint8Array(readFileSync(path.join(dir, "nan", "single_soliton.failed.nc"))));
  expect(nc.numrecs).toBeGreaterThan(0);
  expect(Array.from(nc.read("psi_abs") as Float64Array).every(Number.isFinite)).toBe(true);
  expect(readFileSync(path.join(dir, "nan", "single_soliton.failed.log"), "utf8")).toMatch(/status = non-finite/);
  const s = cli("school", "case1", "--set", "speed=1e200", "--set", "n_steps=20", "-o", "nan2", "-q");
  expect(s.status).toBe(1);
  expect(s.stderr).toMatch(/case1: the state became non-finite/);
});

it("NLSE gamma = 1e6 ends at the step budget (exit 1) naming max_steps; a later good run replaces the failed set", () => {
  const r = cli("nlse", "single_soliton", "--set", "gamma=1e6", "--set", "max_steps=3000", "-o", "budget", "-q");
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/stopped by the step budget at t = [0-9.e-]+ after 3000 steps; raise maxSteps/);
  // only the snapshot at t = 0 was reached: the files of the failed run carry ".failed" and say why
  const failed = readdirSync(path.join(dir, "budget")).sort();
  expect(failed.every((f) => f.startsWith("single_soliton.failed"))).toBe(true);
  expect(failed).toContain("single_soliton.failed.nc");
  expect(readFileSync(path.join(dir, "budget", "single_soliton.failed.log"), "utf8")).toMatch(/status = budget/);
  const ok = cli("nlse", "single_soliton", "--format", "json", "-o", "budget", "-q");
  expect(ok.status, ok.stderr).toBe(0);
  expect(readdirSync(path.join(dir, "budget")).sort()).toEqual(["single_soliton.log", "single_soliton_summary.json"]);
});

it("an output directory that cannot be made is refused at once (exit 2), before any work", () => {
  const t0 = Date.now();
  const r = cli("nlse", "single_soliton", "-o", "/proc/samudra-x/y");
  expect(r.status).toBe(2);
  expect(Date.now() - t0).toBeLessThan(10_000);
  expect(r.stderr).toMatch(/output directory "\/proc\/samudra-x\/y": cannot create \/proc\/samudra-x \(ENOENT\); choose a writable directory with -o\/--output-dir/);
});

it("legacy and corrected runs of one case write distinct stems, and NLSE/KG print where their files went", () => {
  const a = cli("nlse", "single_soliton", "--format", "json", "-o", "stems");
  const b = cli("nlse", "single_soliton", "--legacy", "--format", "json", "-o", "stems");
  expect(a.status, a.stderr).toBe(0);
  expect(b.status, b.stderr).toBe(0);
  expect(readdirSync(path.join(dir, "stems")).sort()).toEqual(["single_soliton.log", "single_soliton_legacy.log", "single_soliton_legacy_summary.json", "single_soliton_summary.json"]);
  expect(a.stdout).toMatch(/files written:\n\s+stems\/: single_soliton_summary\.json, single_soliton\.log/);
  const k = cli("kg", "sg_kink", "--format", "json", "-o", "stems");
  expect(k.stdout).toMatch(/files written:\n\s+stems\/: sine_gordon_kink_corrected_summary\.json, sine_gordon_kink_corrected\.log/);
});
