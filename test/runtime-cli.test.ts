// The built package (dist/) runs for real in Node, Deno and Bun; each result matches the known FFT
// exactly and Node's bits exactly (transcendentals are computed inside WASM, never by host Math).
import { it, expect, beforeAll } from "vitest";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { root, nodeReference, npmBin } from "./helpers/runtimes.js";

let ref: Awaited<ReturnType<typeof nodeReference>>;
beforeAll(async () => { ref = await nodeReference(); });

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8", timeout: 60_000, env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" } });
  if (r.error) throw r.error;
  expect(r.status, `${cmd} ${args.join(" ")} failed:\n${r.stderr}`).toBe(0);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

const script = path.join("test", "runtime", "cli-smoke.mjs");

it("Node: dist/index.js computes the fixed FFT exactly with the SIMD build", () => {
  const res = run(process.execPath, [script]);
  expect(res).toMatchObject({ ok: true, simd: true, source: "inline" });
  expect(res.hashes).toEqual(ref.hashes);
});

it("Deno (npm package deno): same result, bit for bit", () => {
  const deno = npmBin("deno", "deno");
  const res = run(deno, ["run", "--quiet", "--no-prompt", "--allow-read=.", script]);
  expect(res).toMatchObject({ ok: true, simd: true, source: "inline" });
  expect(res.hashes).toEqual(ref.hashes);
});

it("Bun (npm package bun): same result, bit for bit", () => {
  const bun = npmBin("bun", "bun");
  const res = run(bun, [script]);
  expect(res).toMatchObject({ ok: true, simd: true, source: "inline" });
  expect(res.hashes).toEqual(ref.hashes);
});
