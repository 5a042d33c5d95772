// The examples run as written (Node example through the package's self-reference "samudra").
import { it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { root, npmBin } from "./helpers/runtimes.js";

it("examples/node-fft.mjs finds the 50 Hz and 120 Hz tones with amplitudes 1 and 0.5", () => {
  const r = spawnSync(process.execPath, ["examples/node-fft.mjs"], { cwd: root, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/50 Hz: amplitude 1\.000/);
  expect(r.stdout).toMatch(/120 Hz: amplitude 0\.500/);
});

it("examples/deno-fft.ts prints the forward and inverse transforms", () => {
  const r = spawnSync(npmBin("deno", "deno"), ["run", "--quiet", "--allow-read=.", "examples/deno-fft.ts"], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toContain("fft: [10,0,-2,2,-2,0,-2,-2]");
  expect(r.stdout).toContain("ifft: [1,0,2,0,3,0,4,0]");
});

it("examples/node-kg.mjs reproduces the seed's breather run and the corrected collision", () => {
  const r = spawnSync(process.execPath, ["examples/node-kg.mjs"], { cwd: root, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/5984 steps, 6 Δt adaptations, H 12\.301680 → 11\.427164/);
  expect(r.stdout).toMatch(/walls meet at t ≈ 29\.25, relative energy drift \d\.\de-10/);
});

it("examples/node-school.mjs prints the seed's published initial values, a swarm, a mill and a pair count", () => {
  const r = spawnSync(process.execPath, ["examples/node-school.mjs"], { cwd: root, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/case1 t = 0: P = 0\.064, M = 0\.072, OSI = 0\.809/);
  expect(r.stdout).toMatch(/case1 second half: Swarm, P = 0\.0\d\d, OSI = 0\.7\d\d/);
  expect(r.stdout).toMatch(/couzin_torus: Torus\/Milling, M = 0\.[89]\d/);
  expect(r.stdout).toMatch(/final case1 frame: \d+ pairs of fish closer than 2/);
});
