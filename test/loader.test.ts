// init(): SIMD detection, forced scalar, precompiled module, raw bytes, foreign modules, abort → Error.
import { it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { init, fft, simdSupported, runtimeInfo } from "../src/index.js";
import { kernel } from "../src/wasm/load.js";

const buildDir = new URL("../build/", import.meta.url);

it("init() picks the SIMD build when the engine validates the SIMD probe", async () => {
  expect(simdSupported()).toBe(true); // Node 20 has WASM SIMD
  const info = await init();
  expect(info).toEqual({ simd: true, source: "inline", simdSupported: true });
  expect(runtimeInfo()).toEqual(info);
});

it("init({ simd: false }) forces the scalar build", async () => {
  const info = await init({ simd: false });
  expect(info.simd).toBe(false);
  expect([...fft.fft([1, 0, 1, 0])]).toEqual([2, 0, 0, 0]);
});

it("init({ module }) accepts a precompiled WebAssembly.Module and reports which build it is", async () => {
  const mod = new WebAssembly.Module(readFileSync(new URL("scalar.wasm", buildDir)));
  const info = await init({ module: mod });
  expect(info).toMatchObject({ simd: false, source: "module" });
  const simdMod = new WebAssembly.Module(readFileSync(new URL("simd.wasm", buildDir)));
  expect((await init({ module: simdMod })).simd).toBe(true);
  expect([...fft.rfft([1, 1, 1, 1])]).toEqual([4, 0, 0, 0, 0, 0]);
});

it("init({ bytes }) accepts the bytes of a .wasm file", async () => {
  const info = await init({ bytes: readFileSync(new URL("simd.wasm", buildDir)) });
  expect(info).toMatchObject({ simd: true, source: "bytes" });
});

it("init() rejects foreign modules and contradictory options with a clear message", async () => {
  const empty = new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  await expect(init({ module: empty })).rejects.toThrow(/not a samudra build \(missing export "memory"\)/);
  await expect(init({ module: empty, bytes: new Uint8Array(8) })).rejects.toThrow(/either `module` or `bytes`, not both/);
  await expect(init({ module: {} as WebAssembly.Module })).rejects.toThrow(/must be a WebAssembly\.Module/);
  await expect(init({ simd: "yes" as unknown as boolean })).rejects.toThrow(/simd must be true or false/);
});

it("a WASM abort becomes a JS Error carrying the message, file and line (debug build)", async () => {
  await init({ bytes: readFileSync(new URL("debug.wasm", buildDir)) });
  expect(() => kernel().abortForTest(1)).not.toThrow();
  expect(() => kernel().abortForTest(42)).toThrow(/samudra wasm abort: abortForTest: code 42 requested \(assembly\/index\.ts:\d+:\d+\)/);
  await init();
});
