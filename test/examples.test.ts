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
