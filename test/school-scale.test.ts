// Large-school speed-ups change no bit (issue 21): positions and velocities after k steps of 15 configurations
// (legacy and couzin2002; periodic, reflect and open; predators; N = 100 … 2·10⁴) hash to the values the build
// before those changes wrote (test/fixtures/school-scale-hashes.json, by make_school_scale_hashes.mjs), in the
// SIMD build and in the scalar build.
import { it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { init, school, simdSupported, runtimeInfo } from "../src/index.js";
// @ts-ignore: a plain .mjs generator without types
import { CONFIGS, schoolHashes } from "./fixtures/make_school_scale_hashes.mjs";

const ref = JSON.parse(readFileSync(new URL("./fixtures/school-scale-hashes.json", import.meta.url), "utf8")) as Record<"simd" | "scalar", Record<string, string>>;

it("the fixture covers every configuration of the generator", () => {
  const names = (CONFIGS as [string][]).map((c) => c[0]);
  expect(Object.keys(ref.simd)).toEqual(names);
  expect(Object.keys(ref.scalar)).toEqual(names);
});

it("SIMD build: every configuration gives the old build's bits", async () => {
  expect(simdSupported()).toBe(true);
  expect(await schoolHashes({ init, school }, true)).toEqual(ref.simd);
  expect(runtimeInfo()?.simd).toBe(true);
}, 60_000);

it("scalar build: every configuration gives the old build's bits (= the SIMD build's)", async () => {
  expect(ref.scalar).toEqual(ref.simd);
  expect(await schoolHashes({ init, school }, false)).toEqual(ref.scalar);
  expect(runtimeInfo()?.simd).toBe(false);
  await init();
}, 60_000);
