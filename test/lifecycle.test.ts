// Lifecycles of the model runs (issue 15): use after dispose() and after a later init() throws; runs dropped
// without dispose() are reclaimed by the garbage collector; the whole 4 GiB of WASM memory is usable (pointers are
// unsigned); the school refuses bad input and never traps; snapshot views survive memory growth in a callback.
// The GC and > 2 GiB checks run in a child `node --expose-gc` process on an esbuild bundle of src/.
import { it, expect, beforeAll, describe } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { init, nlse, kleinGordon, school, analysis, fft } from "../src/index.js";
import { kernel, POINTER_EXPORTS } from "../src/wasm/load.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
beforeAll(async () => { await init(); });

const small = {
  nlse: { case: "single_soliton", numPoints: 64, nSnapshots: 3 } as const,
  kg: { case: "sg_kink", nx: 64, nFrames: 2 } as const,
  school: { case: "couzin_swarm", nFish: 20 } as const,
};

/** Every public member of each run, as a thunk. */
function members(n: ReturnType<typeof nlse.create>, k: ReturnType<typeof kleinGordon.create>, s: ReturnType<typeof school.create>): Array<[string, () => unknown]> {
  return [
    ["nlse step", () => n.step()], ["nlse state", () => n.state()], ["nlse invariants", () => n.invariants()],
    ["nlse nfev", () => n.nfev], ["nlse steps", () => n.steps], ["nlse statusName", () => n.statusName],
    ["nlse tReached", () => n.tReached], ["nlse message", () => n.message], ["nlse dt", () => n.dt],
    ["kg step", () => k.step()], ["kg state", () => k.state()], ["kg summary", () => k.summary()],
    ["school step", () => s.step], ["school time", () => s.time], ["school positions", () => s.positions],
    ["school velocities", () => s.velocities], ["school advance", () => s.advance(1)], ["school finite", () => s.finite],
    ["school metricsArray", () => s.metricsArray()], ["school setState", () => s.setState(new Float64Array(60), new Float64Array(60))],
  ];
}

describe("use after dispose() or a later init()", () => {
  it("every member of a disposed nlse, kleinGordon and school run throws, naming the run and the fix", () => {
    const n = nlse.create(small.nlse), k = kleinGordon.create(small.kg), s = school.create(small.school);
    n.step(); k.step(); s.advance(1);
    n.dispose(); k.dispose(); s.dispose();
    n.dispose(); k.dispose(); s.dispose();              // idempotent
    for (const [name, f] of members(n, k, s)) expect(f, name).toThrow(/(NlseRun|KgRun|SchoolRun)\.\w+.*: this run was disposed; create a new one with (nlse|kleinGordon|school)\.create/);
  });

  it("runs made before a later init() throw \"belongs to an earlier init()\" instead of reading the new instance", async () => {
    const n = nlse.create(small.nlse), k = kleinGordon.create(small.kg), s = school.create(small.school);
    n.step(); k.step();
    await init();
    for (const [name, f] of members(n, k, s)) expect(f, name).toThrow(/belongs to an earlier init\(\); create a new one with .* after init\(\)/);
    n.dispose(); k.dispose(); s.dispose();               // harmless: the old instance took the memory with it
  });
});

describe("school input", () => {
  it("classify refuses non-finite order parameters, naming the argument", () => {
    expect(() => school.classify(NaN, NaN)).toThrow(/classify.*polarization must be a finite number.*NaN/);
    expect(() => school.classify(0.2, Infinity)).toThrow(/rotation must be a finite number/);
    expect(school.classify(0.98, 0.02)).toBe("Highly Parallel");
  });

  it("setState refuses short, long and non-finite arrays with the expected length", () => {
    const s = school.create(small.school);
    try {
      const v = s.velocities.slice();
      expect(() => s.setState(new Float64Array(3), v)).toThrow(/positions must have 3·nFish = 60 numbers.*got 3/);
      expect(() => s.setState(new Float64Array(61), v)).toThrow(/positions must have 3·nFish = 60 numbers.*got 61/);
      expect(() => s.setState(new Float64Array(60).fill(NaN), v)).toThrow(/positions\[0\] must be a finite number/);
      const bad = v.slice(); bad[7] = Infinity;
      expect(() => s.setState(new Float64Array(60), bad)).toThrow(/velocities\[7\] must be a finite number/);
    } finally { s.dispose(); }
  });

  it("a couzin2002 school whose state outgrows the grid never traps: it becomes non-finite", () => {
    const s = school.create(small.school);
    try {
      const p = new Float64Array(60).fill(1); p[0] = 1e308; p[3] = -1e308;   // finite, extent overflows
      s.setState(p, s.velocities.slice());
      expect(() => s.advance(1)).not.toThrow();                               // was "remainder by zero"
      expect(s.finite).toBe(false);
    } finally { s.dispose(); }
    const sum = school.simulate({ ...small.school, speed: 1e300, nSteps: 20 });
    expect(sum.status).toBe("non-finite");
    expect(() => school.simulate({ ...small.school, speed: 1e7, boundary: "reflect", nSteps: 5 })).toThrow(/speed = 10000000 .* use speed ≤ 200/);
  });

  it("nlse.simulate and kleinGordon.simulate refuse a non-function callback before running", () => {
    expect(() => nlse.simulate(small.nlse, 5 as never)).toThrow(/nlse\.simulate: onSnapshot must be a function/);
    expect(() => kleinGordon.simulate(small.kg, 5 as never)).toThrow(/kleinGordon\.simulate: onSnapshot must be a function.*5/);
  });
});

describe("snapshot views in callbacks", () => {
  const grow = () => fft.plan(1 << 18).dispose();       // grows WASM memory, detaching every earlier view
  it("psi, phi/phiT and positions/velocities survive memory growth inside the callback", async () => {
    await init();
    let calls = 0;
    nlse.simulate(small.nlse, (s) => {
      analysis.snapshotReport(s.psi, { complex: true });
      grow();
      expect(s.psi.length).toBe(128);
      expect(analysis.snapshotReport(s.psi, { complex: true })).toBeTypeOf("object");
      calls++;
    });
    await init();
    kleinGordon.simulate(small.kg, (s) => {
      grow();
      expect([s.phi.length, s.phiT.length]).toEqual([64, 64]);
      expect(analysis.snapshotReport(s.phi)).toBeTypeOf("object");
      calls++;
    });
    await init();
    school.simulate({ ...small.school, nSteps: 2 }, (f) => {
      grow();
      expect([f.positions.length, f.velocities.length]).toEqual([60, 60]);
      calls++;
    });
    expect(calls).toBe(3 + 3 + 3);
  });
});

it("every pointer-returning export of assembly/ is unsigned in JS (listed in POINTER_EXPORTS)", () => {
  const files: string[] = [];
  const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (p.endsWith(".ts")) files.push(p); } };
  walk(path.join(root, "assembly"));
  const exported = new Set(Object.keys(kernel()));
  const usize = files.flatMap((f) => [...readFileSync(f, "utf8").matchAll(/export function (\w+)\([^)]*\)\s*:\s*usize/g)].map((m) => m[1]));
  const missing = usize.filter((name) => exported.has(name) && !(POINTER_EXPORTS as readonly string[]).includes(name));
  expect(missing).toEqual([]);
});

/** Runs `body` (an ES module using `S`, the bundled src/ with `kernel`) in `node --expose-gc`; returns its stdout. */
function child(body: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "samudra-lifecycle-"));
  try {
    const entry = path.join(dir, "entry.ts");
    writeFileSync(entry, `export * from ${JSON.stringify(path.join(root, "src/index.ts"))};\nexport { kernel } from ${JSON.stringify(path.join(root, "src/wasm/load.ts"))};\n`);
    esbuild.buildSync({ entryPoints: [entry], bundle: true, format: "esm", platform: "neutral", mainFields: ["module", "main"], outfile: path.join(dir, "s.mjs"), define: { __SAMUDRA_VERSION__: "\"test\"" }, logLevel: "error" });
    writeFileSync(path.join(dir, "main.mjs"), `import * as S from "./s.mjs";\nawait S.init();\n${body}\n`);
    const r = spawnSync(process.execPath, ["--expose-gc", path.join(dir, "main.mjs")], { encoding: "utf8", timeout: 240_000 });
    if (r.status !== 0) throw new Error(`child failed (${r.status ?? r.signal}): ${r.stderr}`);
    return r.stdout;
  } finally { rmSync(dir, { recursive: true, force: true }); }
}

it("nlse, kleinGordon and school runs dropped without dispose() are reclaimed by the GC (memory stops growing)", () => {
  const out = child(`
    const mem = () => S.kernel().memory.buffer.byteLength;
    const settle = async () => { for (let i = 0; i < 3; i++) { gc(); await new Promise((r) => setTimeout(r, 0)); } };
    const make = [
      () => S.nlse.create({ case: "single_soliton", numPoints: 256 }).step(),
      () => S.nlse.create({ case: "single_soliton", numPoints: 256, method: "yoshida4", dt: 1e-2 }).step(),
      () => S.kleinGordon.create({ case: "sg_kink", nx: 512 }).step(),
      () => S.school.create({ case: "couzin_swarm", nFish: 200 }).metricsArray(),
    ];
    let warm = 0;
    for (let i = 0; i < 3000; i++) {
      make[i % make.length]();
      if (i % 100 === 99) await settle();
      if (i === 499) warm = mem();
    }
    await settle();
    console.log(JSON.stringify({ warm, end: mem() }));`);
  const { warm, end } = JSON.parse(out.trim().split("\n").pop()!);
  // leaking, the 2500 runs after warm-up hold ≥ 40 MB; collected, memory stays where it was
  expect(end - warm).toBeLessThan(8 << 20);
}, 240_000);

it("with more than 2 GiB allocated, FFT plans and model runs above 2 GiB work (pointers are unsigned)", () => {
  const out = child(`
    const k = S.kernel();
    for (let i = 0; i < 3; i++) k.alloc(0.7 * 2 ** 30);     // TLSF blocks stop at 1 GiB
    const probe = k.alloc(16);
    const res = { probe };
    const p = S.fft.plan(64), x = new Float64Array(128).fill(1), y = new Float64Array(128);
    p.forward(y, x); res.fft = y[0]; p.dispose();
    res.nlse = S.nlse.simulate({ case: "single_soliton", numPoints: 64, nSnapshots: 3 }).invariants.drift.mass;
    res.kg = S.kleinGordon.simulate({ case: "sg_kink", nx: 64, nFrames: 2 }).status;
    const s = S.school.create({ case: "couzin_swarm", nFish: 20 }); s.advance(3); res.school = s.finite; s.dispose();
    console.log(JSON.stringify(res));`);
  const r = JSON.parse(out.trim().split("\n").pop()!);
  expect(r.probe).toBeGreaterThan(2 ** 31);
  expect(r).toMatchObject({ fft: 64, kg: "ok", school: true });
  expect(r.nlse).toBeLessThan(1e-10);
}, 240_000);
