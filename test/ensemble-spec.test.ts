// Ensemble specs and members (issue 20): grid expansion, member coordinates, counter-based seeds against a BigInt
// reference of MurmurHash3's fmix32, chain order and chains against school.sweep bit for bit, members against the
// models run directly, spec validation messages, and the serial executor's reduction.
import { describe, it, expect, beforeAll } from "vitest";
import { init, kleinGordon, school, nlse } from "../src/index.js";
import { jobChunks, chunkSize } from "../src/ensemble/bullmq.js";
import { normalizeSpec, parseSpec, axisValues, memberCount, memberCoords, memberOptions, memberSeed, mix32, chainOrder, runMember, run, SpecError } from "../src/ensemble/index.js";

beforeAll(async () => { await init(); });

/** fmix32 in BigInt arithmetic: an oracle independent of Math.imul. */
function fmix32Ref(x: number): number {
  const M = 0xffffffffn;
  let h = BigInt(x >>> 0);
  h ^= h >> 16n; h = (h * 0x85ebca6bn) & M;
  h ^= h >> 13n; h = (h * 0xc2b2ae35n) & M;
  h ^= h >> 16n;
  return Number(h);
}

const KG = { case: "kink_antikink", method: "yoshida4", nx: 512, xMin: -40, xMax: 40, dt: 0.02, tFinal: 200, nFrames: 800 };

describe("grid expansion and members", () => {
  it("expands {from,to,num}, {from,to,step} and lists; the last point of num is exactly `to`", () => {
    expect(axisValues("v", { from: 0.18, to: 0.3, num: 121 })).toHaveLength(121);
    expect(axisValues("v", { from: 0.18, to: 0.3, num: 121 }).at(-1)).toBe(0.3);
    expect(axisValues("v", { from: 0.18, to: 0.3, num: 121 })[60]).toBe(0.18 + (60 * (0.3 - 0.18)) / 120);
    expect(axisValues("k", { from: 1, to: 2, step: 0.25 })).toEqual([1, 1.25, 1.5, 1.75, 2]);
    expect(axisValues("k", { from: 2, to: 1, step: -0.5 })).toEqual([2, 1.5, 1]);
    expect(axisValues("m", ["verlet", "yoshida4"])).toEqual(["verlet", "yoshida4"]);
  });

  it("orders members row-major, first axis slowest, replicate fastest", () => {
    const s = normalizeSpec({ model: "school", grid: { rOrientation: [2, 4, 6], noise: [0.05, 0.1] }, replicates: 2 });
    expect(memberCount(s)).toBe(12);
    const seen = new Set<string>();
    for (let m = 0; m < 12; m++) {
      const { point, replicate } = memberCoords(s, m);
      expect(m).toBe((point[0] * 2 + point[1]) * 2 + replicate);
      const o = memberOptions(s, m);
      expect(o.rOrientation).toBe([2, 4, 6][point[0]]);
      expect(o.noise).toBe([0.05, 0.1][point[1]]);
      seen.add(`${o.rOrientation}/${o.noise}/${replicate}`);
    }
    expect(seen.size).toBe(12);
    expect(() => memberCoords(s, 12)).toThrow(/0 ≤ m < 12/);
  });

  it("seeds are mix32((mix32(S) + m) mod 2^32): matches a BigInt fmix32, distinct per member, independent of the grid", () => {
    for (const x of [0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 123456789]) expect(mix32(x)).toBe(fmix32Ref(x));
    for (const [S, m] of [[0, 0], [7, 3], [4294967295, 5], [42, 100000]]) expect(memberSeed(S, m)).toBe(fmix32Ref((fmix32Ref(S) + m) % 2 ** 32));
    const seeds = new Set(Array.from({ length: 5000 }, (_, m) => memberSeed(9, m)));
    expect(seeds.size).toBe(5000);
    const a = normalizeSpec({ model: "school", seed: 9, grid: { noise: [0.1, 0.2] }, replicates: 3 });
    expect(Array.from({ length: 6 }, (_, m) => memberOptions(a, m).seed)).toEqual(Array.from({ length: 6 }, (_, m) => memberSeed(9, m)));
    // a seed given in base is the spec seed; a seed axis is used as given
    expect(memberOptions(normalizeSpec({ model: "school", base: { seed: 5 }, grid: { noise: [0.1] } }), 0).seed).toBe(memberSeed(5, 0));
    expect(memberOptions(normalizeSpec({ model: "school", grid: { seed: [11, 12] } }), 1).seed).toBe(12);
    expect(memberOptions(normalizeSpec({ model: "kg", grid: { velocity: [0.2] } }), 0).seed).toBeUndefined();
  });

  it("bullmq jobs: one member each up to 10^4 members, then ⌈n/10^4⌉ consecutive members; chains one per job", () => {
    const big = normalizeSpec({ model: "kg", grid: { velocity: { from: 0.1, to: 0.3, num: 50001 } } });
    expect(chunkSize(big)).toBe(6);
    const jobs = jobChunks(big);
    expect(jobs.length).toBe(Math.ceil(50001 / 6));
    expect(jobs[0]).toEqual([0, 5]);
    expect(jobs.at(-1)).toEqual([50001 - (50001 % 6 || 6), 50000]);
    expect(jobs.every(([a, b], i) => i === 0 || a === jobs[i - 1][1] + 1)).toBe(true);
    expect(jobChunks(normalizeSpec({ model: "kg", grid: { velocity: [0.1, 0.2, 0.3] } }), 2)).toEqual([[0, 1], [2, 2]]);
    expect(chunkSize(normalizeSpec({ model: "school", grid: { rOrientation: [2, 3] }, replicates: 3, chain: { over: "rOrientation" } }), 5)).toBe(1);
  });

  it("chain order is up then back down without repeating the top (school.sweep's order)", () => {
    expect(chainOrder([1, 2, 3]).map((p) => [p.value, p.direction])).toEqual([[1, 1], [2, 1], [3, 1], [2, -1], [1, -1]]);
    const s = normalizeSpec({ model: "school", grid: { rAttraction: [8, 10], rOrientation: [1.5, 2.5, 3.5] }, chain: { over: "rOrientation" } });
    expect(s.axes.map((a) => a.name)).toEqual(["rAttraction"]);
    expect(s.chain!.values).toEqual([1.5, 2.5, 3.5]);
    expect(memberCount(s)).toBe(2);
  });

  it("a chain member equals school.sweep with the member's seed, bit for bit", () => {
    const base = { case: "couzin_swarm", nFish: 30, nSteps: 60 };
    const s = normalizeSpec({ model: "school", base, seed: 3, grid: { rOrientation: [1.2, 4, 8] }, replicates: 2, chain: { over: "rOrientation", path: "up-down" } });
    for (const m of [0, 1]) {
      const r = runMember(s, m);
      expect(r.status).toBe("ok");
      const ref = school.sweep({ ...base, seed: memberSeed(3, m) } as school.SchoolOptions, [1.2, 4, 8]);
      expect(Array.from(r.summary.polarization)).toEqual(ref.map((p) => p.polarization));
      expect(Array.from(r.summary.rotation)).toEqual(ref.map((p) => p.rotation));
    }
  });
});

describe("members against the models run directly", () => {
  it("kg: energy drift and steps equal kleinGordon.simulate's; u = 0.3 one bounce, 0.2 two (the first two-bounce window), 0.215 capture", () => {
    const s = normalizeSpec({ model: "kg", base: KG, grid: { velocity: [0.3, 0.2, 0.215] } });
    const out = [0, 1, 2].map((m) => runMember(s, m));
    const direct = kleinGordon.simulate({ ...KG, velocity: 0.3 } as kleinGordon.KgOptions);
    expect(out[0].summary.energyDrift[0]).toBe(direct.invariants.drift.energy);
    expect(out[0].summary.steps[0]).toBe(direct.steps);
    expect(out.map((r) => r.summary.outcome[0])).toEqual([1, 2, 0]);
    expect(out.map((r) => r.summary.escaped[0])).toEqual([1, 1, 0]);
    expect(out[2].summary.bounces[0]).toBeGreaterThan(5);   // the bion keeps oscillating through zero
  });

  it("nlse: the MI growth rate of a seeded mode equals nlse.growthRate on the same run and the linear theory (K/2)√(4 − K²) to 1 %", () => {
    const s = normalizeSpec({ model: "nlse", base: { case: "plane_wave_mi", tFinal: 12, nSnapshots: 121 }, grid: { mode: [5, 9] } });
    for (const [m, mode] of [[0, 5], [1, 9]]) {
      const r = runMember(s, m);
      const K = (2 * Math.PI * mode) / 50, g = (K / 2) * Math.sqrt(4 - K * K);
      expect(Math.abs(r.summary.growthRate[0] - g) / g).toBeLessThan(0.01);
      const snaps: Float64Array[] = [], ts: number[] = [];
      let linear = true;
      nlse.simulate({ case: "plane_wave_mi", tFinal: 12, nSnapshots: 121, mode, seed: memberSeed(0, m) } as nlse.NlseOptions, (sn) => {
        let mx = 0;
        for (let j = 0; j < sn.psi.length; j += 2) mx = Math.max(mx, Math.hypot(sn.psi[j], sn.psi[j + 1]));
        if (linear && mx < 1.05) { snaps.push(sn.psi.slice()); ts.push(sn.t); } else linear = false;
      });
      expect(r.summary.growthRate[0]).toBe(nlse.growthRate(ts, snaps, mode).rate);
    }
  });

  it("school: P and M are school.simulate's second-half means with the member's seed", () => {
    const base = { case: "couzin_torus", nFish: 40, nSteps: 100 };
    const s = normalizeSpec({ model: "school", base, seed: 1, grid: { noise: [0.05] }, replicates: 2 });
    const r = runMember(s, 1);
    const d = school.simulate({ ...base, noise: 0.05, seed: memberSeed(1, 1), computeEntropy: false } as school.SchoolOptions);
    expect(r.summary.polarization[0]).toBe(d.mean.polarization);
    expect(r.summary.rotation[0]).toBe(d.mean.rotation);
  });

  it("zone widths: deltaOrientation/deltaAttraction become r_o = r_r + Δr_o, r_a = r_o + Δr_a", () => {
    const s = normalizeSpec({ model: "school", base: { case: "couzin_swarm", nFish: 20, nSteps: 20, deltaAttraction: 6 }, grid: { deltaOrientation: [3] } });
    const r = runMember(s, 0);
    const d = school.simulate({ case: "couzin_swarm", nFish: 20, nSteps: 20, rOrientation: 4, rAttraction: 10, seed: memberSeed(0, 0), computeEntropy: false } as school.SchoolOptions);
    expect(r.summary.polarization[0]).toBe(d.mean.polarization);
  });

  it("a member with bad options fails alone with the model's message; the serial run reduces by index", async () => {
    const res = await run({ model: "kg", base: { ...KG, tFinal: 20, nFrames: 80 }, list: [{ velocity: 0.3 }, { velocity: 1.5 }, { velocity: 0.25 }] }, { executor: "serial" });
    expect(Array.from(res.status)).toEqual([0, 2, 0]);
    expect(res.messages).toHaveLength(1);
    expect(res.messages[0]).toMatchObject({ member: 1, status: "failed" });
    expect(res.messages[0].message).toMatch(/velocity must satisfy \|u\| < 1, got 1.5/);
    expect(Number.isNaN(res.summary.energyDrift[1])).toBe(true);
    expect(res.summary.energyDrift[0]).toBe(runMember(normalizeSpec({ model: "kg", base: { ...KG, tFinal: 20, nFrames: 80 }, grid: { velocity: [0.3] } }), 0).summary.energyDrift[0]);
  });
});

describe("spec validation", () => {
  const bad: Array<[unknown, RegExp]> = [
    [{ model: "kg", gird: {} }, /unknown spec key "gird" — did you mean "grid"/],
    [{ model: "klein" }, /model must be "kg", "nlse" or "school"/],
    [{ model: "kg", grid: { velocity: { from: 0.1, to: 0.2 } } }, /grid.velocity: give exactly one of num .* or step/],
    [{ model: "kg", grid: { velocity: { from: 0.1, to: 0.2, nun: 3 } } }, /grid.velocity: unknown key "nun" — did you mean "num"/],
    [{ model: "kg", grid: { velocity: { from: 0.1, to: 0.2, step: -0.1 } } }, /step must be a non-zero number going from 0.1 towards 0.2/],
    [{ model: "kg", grid: { velocity: [] } }, /grid.velocity is an empty list/],
    [{ model: "kg", replicates: 3 }, /kg model has no random seed/],
    [{ model: "school", replicates: 0 }, /replicates must be an integer ≥ 1, got 0/],
    [{ model: "school", seed: -1 }, /seed must be an integer 0 ≤ seed < 2\^32, got -1/],
    [{ model: "kg", chain: { over: "velocity" }, grid: { velocity: [0.2] } }, /hysteresis chains are defined for the school model/],
    [{ model: "school", chain: { over: "rOrientaton" }, grid: { rOrientation: [2] } }, /chain.over must name a grid axis \(rOrientation\)/],
    [{ model: "school", chain: { over: "rOrientation", path: "down" }, grid: { rOrientation: [2] } }, /chain.path must be "up-down"/],
    [{ model: "kg", keep: ["outcom"] }, /keep: "outcom" is not a kg summary quantity — did you mean "outcome"/],
    [{ model: "kg", keep: [{ name: "phiCentre", every: 2 }] }, /series "phiCentre" is not a kg series — did you mean "phiCenter"/],
    [{ model: "kg", keep: [{ name: "energy", every: 0 }] }, /energy.every must be an integer ≥ 1, got 0/],
    [{ model: "kg", base: { signal: 1 } }, /base.signal cannot be part of a spec/],
    [{ model: "kg", name: "a/b" }, /name must be a file stem/],
  ];
  for (const [spec, re] of bad) it(`refuses ${JSON.stringify(spec)}`, () => { expect(() => normalizeSpec(spec)).toThrow(SpecError); expect(() => normalizeSpec(spec)).toThrow(re); });

  it("parses YAML and names the file in messages; a base typo is refused before anything runs, with the model's did-you-mean", async () => {
    expect(parseSpec("model: nlse\nbase: { case: plane_wave_mi }\ngrid: { mode: [4, 8] }\n").axes[0].values).toEqual([4, 8]);
    expect(() => parseSpec("model: nlse\nbas: {}\n", "mi.yaml")).toThrow(/^mi.yaml: unknown spec key "bas" — did you mean "base"/);
    expect(() => parseSpec("model: [", "x.yaml")).toThrow(/x.yaml: not valid YAML/);
    await expect(run({ model: "kg", base: { velocty: 0.2 } }, { executor: "serial" })).rejects.toThrow(/member 0 .*unknown option "velocty" — did you mean "velocity"/);
    await expect(run({ model: "kg" }, { executor: "bogus" as never })).rejects.toThrow(/executor must be "serial", "threads" or "bullmq"/);
    await expect(run({ model: "kg" }, { executor: "bullmq" })).rejects.toThrow(/needs redis: "redis:\/\/host:port"/);
    await expect(run({ model: "kg" }, { concurency: 2 } as never)).rejects.toThrow(/unknown option "concurency"/);
  });

  it("an aborted serial sweep rejects with an AbortError", async () => {
    const ac = new AbortController();
    const p = run({ model: "kg", base: KG, grid: { velocity: { from: 0.2, to: 0.3, num: 20 } } }, { executor: "serial", signal: ac.signal, onProgress: (q) => { if (q.done === 2) ac.abort(); } });
    await expect(p).rejects.toMatchObject({ name: "AbortError" });
  });
});
