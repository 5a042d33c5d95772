// `samudra` flags and config files as a user types them (built dist/cli.js, temporary directory): unknown flags and
// keys get "did you mean", negative numbers parse, messages quote what the user typed, --set overrides any key,
// built-in property names never switch a run, NLSE honours case: and kahanli6 in YAML, school configs record their
// case, and a usage error (exit 2) never leaves a partial set of runs.
import { it, expect, beforeAll, afterAll } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { root } from "./helpers/runtimes.js";
import { io } from "../src/index.js";

let dir = "";
beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), "samudra-flags-")); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });
const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(root, "dist/cli.js"), ...args], { encoding: "utf8", cwd: dir });
const file = (name: string, text: string) => { writeFileSync(path.join(dir, name), text); return name; };
/** Runs, expects exit 2, a message matching `re`, and no output directory. */
const usage = (args: string[], re: RegExp) => {
  const out = `u${Math.random().toString(36).slice(2)}`;
  const r = cli(...args, "-o", out);
  expect(r.status, `${args.join(" ")}: ${r.stderr}`).toBe(2);
  expect(r.stderr).toMatch(re);
  expect(existsSync(path.join(dir, out)), args.join(" ")).toBe(false);
  return r.stderr;
};

it("unknown flags: did you mean, per command, with the way to say it (never node's raw parseArgs text)", () => {
  const e = usage(["nlse", "--dtt", "0.1"], /unknown option --dtt for samudra nlse — did you mean --dt\?/);
  expect(e).not.toMatch(/Unknown option '--dtt'|parseArgs|positional argument/);
  usage(["kg", "--metod", "verlet"], /did you mean --method\?/);
  usage(["nlse", "--meth", "yoshida4"], /unknown option --meth for samudra nlse — did you mean --method\?/);   // a unique prefix
  usage(["nlse", "--seed", "3"], /--seed .*use --set seed=VALUE/);
  usage(["nlse", "--t-final", "3"], /use --set t_final=VALUE/);
  usage(["school", "--dt", "0.1"], /--dt is not a school option; use --set dt=VALUE/);
  usage(["nlse", "--legacy=yes"], /--legacy takes no value/);
  usage(["nlse", "--config"], /--config needs a value: --config FILE/);
  usage(["nlsee"], /unknown command "nlsee" — did you mean "nlse"/);
});

it("negative numbers parse as values and are refused for what they are, quoting the value typed", () => {
  for (const args of [["nlse", "--dt", "-1"], ["nlse", "--dt=-1"]]) usage(args, /--dt must be a positive number, got "-1"/);
  usage(["school", "--seed", "-3"], /--seed must be an integer ≥ 0, got "-3"/);
  usage(["nlse", "--dt", "Infinity"], /--dt must be a positive number, got "Infinity"/);
});

it("kg --dt 1 quotes the dt the user gave (not the rounded internal step), and nothing of --all runs", () => {
  const e = usage(["kg", "case3", "--dt", "1"], /dt = 1 \(0\.26666666666666666 once rounded down so that frames fall on steps\) is unstable for velocity Verlet.*use dt < /);
  expect(e).not.toMatch(/dt = 0\.2666\S* is unstable/);
  usage(["kg", "--all", "--dt", "1"], /dt = 1 .*is unstable/);          // case1 (strang_exact) would run; case2 fails: no run starts
});

it("--set key=value overrides any key (snake_case or camelCase), typed like the file; unknown keys get did you mean", () => {
  const r = cli("nlse", "--set", "t_final=2", "--set", "nSnapshots=5", "--format", "json", "-q", "-o", "set1");
  expect(r.status, r.stderr).toBe(0);
  const s = JSON.parse(readFileSync(path.join(dir, "set1/single_soliton_summary.json"), "utf8"));
  expect(s.t).toEqual([0, 0.5, 1, 1.5, 2]);
  const k = cli("kg", "case1", "--set", "nx=128", "--set", "t_final=1", "--set", "n_frames=2", "--format", "json", "--json", "-o", "set2");
  expect(k.status, k.stderr).toBe(0);
  expect(JSON.parse(k.stdout)[0].frames).toBe(3);
  usage(["nlse", "--set", "t_finl=2"], /--set t_finl=2: unknown nlse config key "t_finl" — did you mean "t_final"\?/);
  usage(["nlse", "--set", "t_final=inf"], /--set: t_final = inf is not allowed; t_final must be a finite number > 0/);
  usage(["school", "--set", "n_fish=1.5"], /n_fish = 1\.5 is not allowed; n_fish must be an integer ≥ 2/);
  usage(["nlse", "--set", "t_final"], /--set takes key=value, got "t_final"/);
  usage(["nlse", "--set", "__proto__=1"], /unknown nlse config key "__proto__"/);
});

it("built-in property names in a config never switch a run: __proto__.legacy, toString, constructor, valueOf", () => {
  usage(["nlse", "--config", file("p.txt", "__proto__.legacy = true\nt_final = 1\n")], /p\.txt line 1: "__proto__" cannot be a config key/);
  for (const n of ["toString", "constructor", "valueOf"]) {
    usage(["nlse", "--config", file(`${n}.yaml`, `${n}: 1\n`)], new RegExp(`${n}\\.yaml line 1: "${n}" cannot be a config key`));
    usage(["kg", "--config", file(`${n}.txt`, `${n} = 1\n`)], new RegExp(`"${n}" cannot be a config key`));
  }
  usage(["school", "--config", file("p.json", '{"__proto__": {"legacy": true}}')], /"__proto__" cannot be a config key/);
});

it("config files: unknown keys are errors with did you mean; inf/nan refused; NLSE honours case: and kahanli6", () => {
  usage(["kg", "--config", file("u.yaml", "nx: 128\ncolour: red\n")], /u\.yaml line 2: unknown key "colour" — did you mean "colormap"\?/);
  usage(["school", "--config", file("u.txt", "n_fsh = 20\n")], /unknown key "n_fsh" — did you mean "n_fish"\?/);
  usage(["nlse", "--config", file("i.yaml", "t_final: .inf\n")], /i\.yaml line 1: t_final = \.inf is not allowed; t_final must be a finite number > 0/);
  usage(["kg", "--config", file("n.txt", "amplitude = nan\n")], /amplitude = nan is not allowed/);
  const c = cli("nlse", "--config", file("c.yaml", "case: peregrine\nt_start: -1\nt_final: 1\nn_snapshots: 3\nmethod: kahanli6\ndt: 0.01\n"), "--format", "json", "--json", "-o", "cy");
  expect(c.status, c.stderr).toBe(0);
  expect(c.stderr).not.toMatch(/warning/);
  expect(JSON.parse(c.stdout)[0]).toMatchObject({ case: "peregrine", method: "kahanli6" });
});

it("school runs from the seed's config files record their own case", () => {
  const seedDir = path.join(root, "test/fixtures/seed-configs/schooling");
  for (const f of readdirSync(seedDir)) {
    const out = `sc_${f}`;
    const r = cli("school", "--config", path.join(seedDir, f), "--set", "n_steps=4", "--set", "n_fish=12", "--no-entropy", "--format", "nc", "-q", "-o", out);
    expect(r.status, r.stderr).toBe(0);
    const [nc] = readdirSync(path.join(dir, out, "netcdf"));
    expect(io.readNetCDF(new Uint8Array(readFileSync(path.join(dir, out, "netcdf", nc)))).attrs.case, f).toBe(f.slice(0, 5));
  }
});
