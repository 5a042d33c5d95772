// ode.solve's result.y is an own enumerable accessor whose row views are made on first read (src/ode/solve.ts):
// it must behave as the plain array it replaced — the same rows, bit for bit, for every reader: indexing, spreading,
// JSON, structuredClone, util.inspect (console.log), assignment — and the rows stay valid after later WASM work.
import { it, expect, beforeAll } from "vitest";
import { inspect } from "node:util";
import { init, ode, fft } from "../src/index.js";

beforeAll(async () => { await init(); });

const run = () => ode.solve("DOP853", ode.systems.lorenz(), [0, 2], [1, 1, 1], { rtol: 1e-9, atol: 1e-12 });
const bits = (rows: ArrayLike<number>[]) => rows.map((r) => Array.from(new Uint32Array(Float64Array.from(r).buffer)).join(",")).join(";");

it("every way of reading y gives the same rows, one per time", () => {
  const r = run();
  const rows = r.y;
  expect(rows.length).toBe(r.t.length);
  expect(r.y).toBe(rows);                                   // made once
  expect(rows.every((v) => v instanceof Float64Array && v.length === 3)).toBe(true);
  const ref = bits(rows);
  expect(bits(run().y)).toBe(ref);                          // deterministic
  expect(bits({ ...run() }.y)).toBe(ref);                    // spread reads the accessor
  expect(bits(structuredClone(run()).y)).toBe(ref);          // structuredClone too
  const viaJson = JSON.parse(JSON.stringify(run(), (_k, v) => (v instanceof Float64Array ? Array.from(v) : v)));
  expect(bits(viaJson.y)).toBe(ref);
  expect(Object.keys(run())).toContain("y");
  expect(rows[0]).toEqual(new Float64Array([1, 1, 1]));
});

it("console.log shows the rows, not [Getter/Setter]", () => {
  const s = inspect(run(), { depth: 4 });
  expect(s).not.toMatch(/Getter|Setter/);
  expect(s).toMatch(/y: \[\s*Float64Array\(3\) \[ 1, 1, 1 \]/);
});

it("y can be replaced, and rows read late survive later WASM allocations (they are a copy)", () => {
  const r = run();
  const before = bits(run().y);
  for (let i = 0; i < 20; i++) fft.plan(1 << 16).dispose();   // grow and reuse WASM memory
  expect(bits(r.y)).toBe(before);
  r.y = [];
  expect(r.y).toEqual([]);
});
