// The `samudra` command as a user runs it (built dist/cli.js): nlse summaries, exit codes, help.
import { it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { root } from "./helpers/runtimes.js";

const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(root, "dist/cli.js"), ...args], { encoding: "utf8" });

it("samudra nlse single_soliton --legacy prints the seed's nfev and steps; exit 0", () => {
  const r = cli("nlse", "single_soliton", "--legacy");
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/\| single_soliton \| dop853 \| 23354 \| 1920\/1 \|/);
});

it("samudra nlse --all --legacy --json gives the four seed cases as JSON", () => {
  const r = cli("nlse", "--all", "--legacy", "--json");
  expect(r.status, r.stderr).toBe(0);
  const j = JSON.parse(r.stdout);
  expect(j.map((c: { nfev: number }) => c.nfev)).toEqual([23354, 30110, 34046, 70718]);
});

it("-q prints nothing on success; bad input exits 2 with the message; --help documents the command", () => {
  const q = cli("nlse", "two_soliton", "--method", "yoshida6", "--dt", "0.01", "-q");
  expect(q.status).toBe(0);
  expect(q.stdout).toBe("");
  const bad = cli("nlse", "not_a_case");
  expect(bad.status).toBe(2);
  expect(bad.stderr).toMatch(/case must be one of single_soliton/);
  const dt = cli("nlse", "--method", "strang", "--dt", "0");
  expect(dt.status).toBe(2);
  expect(dt.stderr).toMatch(/--dt must be a positive number, got "0"/);
  const h = cli("nlse", "--help");
  expect(h.status).toBe(0);
  expect(h.stdout).toMatch(/samudra nlse — 1-D nonlinear Schrödinger solver/);
  const unknown = cli("frobnicate");
  expect(unknown.status).toBe(2);
});
