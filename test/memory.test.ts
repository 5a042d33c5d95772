// Plans allocate once and dispose() returns the memory: 10⁴ create/dispose cycles must not grow WASM memory.
import { it, expect, beforeAll } from "vitest";
import { init, fft } from "../src/index.js";
import { kernel } from "../src/wasm/load.js";

beforeAll(async () => { await init(); });

it("creating and disposing 10⁴ complex and real plans does not grow WASM memory", () => {
  const sizes = [1024, 97, 3000, 8, 4096];
  for (const n of sizes) { fft.plan(n).dispose(); fft.realPlan(n).dispose(); } // warm the allocator
  const before = kernel().memory.buffer.byteLength;
  for (let i = 0; i < 10_000; i++) {
    const n = sizes[i % sizes.length];
    const p = i % 2 ? fft.plan(n) : fft.realPlan(n);
    p.dispose();
  }
  expect(kernel().memory.buffer.byteLength).toBe(before);
});

it("repeated transforms allocate nothing in WASM (memory size constant over 10⁴ calls)", () => {
  const p = fft.plan(4096);
  const x = new Float64Array(8192).fill(0.5);
  const out = new Float64Array(8192);
  p.forward(out, x);
  const before = kernel().memory.buffer.byteLength;
  for (let i = 0; i < 10_000; i++) p.forward(out, x);
  expect(kernel().memory.buffer.byteLength).toBe(before);
  p.dispose();
});
