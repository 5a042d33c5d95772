// The release SIMD binary really contains f64x2/v128 code in its FFT kernels; the scalar one none.
import { it, expect } from "vitest";
import { readFileSync } from "node:fs";

const wat = (name: string) => readFileSync(new URL(`../build/${name}.wat`, import.meta.url), "utf8");

function fftFunctions(text: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const chunk of text.split("\n (func ").slice(1)) {
    const name = chunk.slice(0, chunk.indexOf(" "));
    if (name.startsWith("$assembly/fft/")) m.set(name, chunk);
  }
  return m;
}

it("build/simd.wat: the radix-4 kernels use f64x2 arithmetic and v128 loads/stores", () => {
  const funcs = fftFunctions(wat("simd"));
  const r4 = [...funcs].filter(([name]) => name.includes("radix4"));
  expect(r4.length).toBeGreaterThan(0);
  for (const [name, body] of r4) {
    expect(body, name).toMatch(/f64x2\.mul/);
    expect(body, name).toMatch(/v128\.load/);
    expect(body, name).toMatch(/v128\.store/);
  }
  const total = [...funcs.values()].reduce((s, b) => s + (b.match(/f64x2\.(add|sub|mul)/g) ?? []).length, 0);
  expect(total).toBeGreaterThan(100);
});

it("build/scalar.wat has no v128 instructions at all", () => {
  expect(wat("scalar")).not.toMatch(/v128|f64x2/);
});

it("every host import the WASM modules declare is supplied by the loader and by the FFT benchmark's scalar instance", () => {
  const loader = readFileSync(new URL("../src/wasm/load.ts", import.meta.url), "utf8");
  const bench = readFileSync(new URL("../bench/fft.bench.mjs", import.meta.url), "utf8");
  for (const build of ["simd", "scalar"]) {
    const mod = new WebAssembly.Module(readFileSync(new URL(`../dist/${build}.wasm`, import.meta.url)));
    const names = WebAssembly.Module.imports(mod).filter((i) => i.kind === "function").map((i) => i.name);
    expect(names).toContain("abort");
    for (const name of names) {
      expect(loader, `src/wasm/load.ts must supply env.${name}`).toMatch(new RegExp(`\\b${name}\\b`));
      expect(bench, `bench/fft.bench.mjs must supply env.${name}`).toMatch(new RegExp(`\\b${name}\\s*\\(`));
    }
  }
});
