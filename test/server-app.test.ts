// The HTTP service (issue 19) in Node: the built app (dist/server/index.js) against the library run directly
// (dist/index.js, a separate copy of the core with its own WASM instance) — summaries, NetCDF variables, CSV, NDJSON
// frames bit for bit; every bad-request class; admission by the work estimate; the cache.
import { it, expect, describe, beforeAll, afterAll } from "vitest";
import path from "node:path";
import { root } from "./helpers/runtimes.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
let S: any, lib: any, app: any;
const replacer = (_k: string, v: unknown) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v);
/** The library's summary as the service sends it (typed arrays → arrays, NaN → null), without wall-clock fields. */
const asJson = (v: unknown) => stripTiming(JSON.parse(JSON.stringify(v, replacer)));
function stripTiming(o: any): any {
  if (o && typeof o === "object") { delete o.timing; delete o.seconds; for (const k of Object.keys(o)) stripTiming(o[k]); }
  return o;
}
const post = (a: any, url: string, body: unknown, headers: Record<string, string> = {}) =>
  a.request(url, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers: { "Content-Type": "application/json", ...headers } });

const RUNS: Array<[string, Record<string, unknown>, (o: any) => any, string]> = [
  ["nlse", { case: "two_soliton", method: "yoshida4", tFinal: 1, nSnapshots: 6, numPoints: 256 }, (o) => lib.nlse.simulate(o), "nlse"],
  ["nlse", { case: "single_soliton", tFinal: 1, nSnapshots: 4, numPoints: 128, maxSteps: 100000 }, (o) => lib.nlse.simulate(o), "nlse"],
  ["kg", { case: "sg_kink", tFinal: 2, nFrames: 5, nx: 256 }, (o) => lib.kleinGordon.simulate(o), "kleinGordon"],
  ["school", { case: "couzin_torus", nFish: 40, nSteps: 30, saveInterval: 5 }, (o) => lib.school.simulate(o), "school"],
];

beforeAll(async () => {
  S = await import(path.join(root, "dist/server/index.js"));
  lib = await import(path.join(root, "dist/index.js"));
  await lib.init();
  app = S.createApp();
});

describe("runs against the library run directly", () => {
  it.each(RUNS)("%s %j: JSON summary equals the library's simulate()", async (model, opts, run) => {
    const res = await post(app, `/v1/${model}/runs`, opts);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const text = await res.text();
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(stripTiming(JSON.parse(text))).toEqual(asJson(run(opts)));
  });

  it.each(RUNS)("%s %j: NetCDF variables equal the file io.*NetCDF writes from the library's run", async (model, opts) => {
    const res = await post(app, `/v1/${model}/runs?format=netcdf`, opts);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/x-netcdf");
    const got = lib.io.readNetCDF(new Uint8Array(await res.arrayBuffer()));
    // oracle: the writer fed by the library directly
    let bytes: Uint8Array;
    if (model === "nlse") {
      const run = lib.nlse.create(opts); const nc = new lib.io.NlseNetCDF(run.options, run.x); run.dispose();
      bytes = nc.finish(lib.nlse.simulate(opts, (s: any) => nc.add(s)));
    } else if (model === "kg") {
      // with the exact-solution flag, as the CLI writes it (test/io-run-netcdf.test.ts): sg_kink carries its error series
      const run = lib.kleinGordon.create(opts); const nc = new lib.io.KgNetCDF(run.options, run.x, run.hasExact); run.dispose();
      bytes = nc.finish(lib.kleinGordon.simulate(opts, (s: any) => nc.add(s)));
    } else {
      const run = lib.school.create(opts); const nc = new lib.io.SchoolNetCDF(run.options); run.dispose();
      bytes = nc.finish(lib.school.simulate(opts, (f: any) => nc.add(f)));
    }
    const want = lib.io.readNetCDF(bytes);
    expect(got.vars.map((v: any) => v.name)).toEqual(want.vars.map((v: any) => v.name));
    expect(got.vars.length).toBeGreaterThan(3);
    if (model === "kg") expect(got.vars.map((v: any) => v.name)).toContain("error");
    for (const v of want.vars) expect(got.read(v.name), v.name).toEqual(want.read(v.name));
    const { created: _a, history: _h, ...attrs } = got.attrs, { created: _b, history: _i, ...wantAttrs } = want.attrs;
    expect(attrs).toEqual(wantAttrs);
  });

  it("CSV holds the library's diagnostics", async () => {
    const o = RUNS[1][1];   // single_soliton: has an exact solution, so an error column
    const res = await post(app, "/v1/nlse/runs?format=csv", o);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const s = lib.nlse.simulate(o), I = s.invariants;
    expect(await res.text()).toBe(lib.io.toCsv(["t", "mass", "momentum", "hamiltonian", "error"], Array.from(s.t, (t: number, i: number) => [t, I.mass[i], I.momentum[i], I.hamiltonian[i], s.error[i]])));
    const sch = await post(app, "/v1/school/runs", RUNS[3][1], { Accept: "text/csv" });
    const sum = lib.school.simulate(RUNS[3][1]);
    const lines = (await sch.text()).trim().split("\n");
    expect(lines[0]).toBe(["time", ...lib.school.METRIC_KEYS].join(","));
    expect(lines.length).toBe(sum.frames + 1);
  });

  it("PNG and SVG figures: a space-time heatmap for nlse/kg, the school summary for school", async () => {
    const { decode } = await import("fast-png");
    for (const [model, opts, w, h] of [["nlse", RUNS[0][1], 1000, 650], ["kg", RUNS[2][1], 1000, 650], ["school", RUNS[3][1], 1500, 900]] as const) {
      const png = await post(app, `/v1/${model}/runs`, opts, { Accept: "image/png" });
      expect(png.status).toBe(200);
      expect(png.headers.get("content-type")).toBe("image/png");
      const img = decode(new Uint8Array(await png.arrayBuffer()));
      expect([img.width, img.height]).toEqual([w, h]);
      const svg = await post(app, `/v1/${model}/runs?format=svg`, opts);
      expect(svg.headers.get("content-type")).toBe("image/svg+xml");
      const text = await svg.text();
      expect(text.startsWith("<svg") || text.startsWith("<?xml")).toBe(true);
      expect(text).toContain(model === "school" ? "Order parameters" : model === "nlse" ? "|ψ|²" : "φ");
    }
  });

  it("GET with query parameters is the same run as POST (same ETag, same bytes)", async () => {
    const a = await post(app, "/v1/nlse/runs", { tFinal: 0.5, nSnapshots: 3, numPoints: 64, method: "strang" });
    const b = await app.request("/v1/nlse/runs?numPoints=64&method=strang&tFinal=0.5&nSnapshots=3");
    expect(b.status).toBe(200);
    expect(b.headers.get("etag")).toBe(a.headers.get("etag"));
    expect(new Uint8Array(await b.arrayBuffer())).toEqual(new Uint8Array(await a.arrayBuffer()));
  });
});

describe("bad requests: status and a JSON error, never a stack trace", () => {
  const expectError = async (res: Response, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body.error.status).toBe(status);
    expect(typeof body.error.message).toBe("string");
    expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(js|ts):\d+/);
    return body.error;
  };
  it("malformed JSON → 400", async () => { expect((await expectError(await post(app, "/v1/nlse/runs", "{ tFinal: 1"), 400)).message).toMatch(/not valid JSON/); });
  it("unknown model → 404 with did-you-mean", async () => { expect((await expectError(await post(app, "/v1/nls/runs", {}), 404)).message).toMatch(/did you mean "nlse"/); });
  it("unknown route → 404", async () => { await expectError(await app.request("/v2/whatever"), 404); });
  it("wrong method → 405 with Allow", async () => {
    for (const m of ["PUT", "DELETE", "PATCH"]) {
      const res = await app.request("/v1/kg/runs", { method: m });
      expect(res.headers.get("allow")).toContain("POST");
      await expectError(res, 405);
    }
    await expectError(await app.request("/v1/models", { method: "POST" }), 405);
  });
  it("body > 64 KB → 413 (declared length and chunked body)", async () => {
    const big = JSON.stringify({ scenarioName: "x".repeat(70_000) });
    await expectError(await post(app, "/v1/nlse/runs", big), 413);
    const chunked = new ReadableStream({ start(c) { for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode(" ".repeat(8000))); c.close(); } });
    await expectError(await app.request("/v1/nlse/runs", { method: "POST", body: chunked, duplex: "half" } as RequestInit), 413);
  });
  it("invalid options → 422 with the library's own message", async () => {
    for (const [model, o, fn] of [["nlse", { numPoints: 5 }, (x: any) => lib.nlse.create(x)], ["kg", { nx: 7 }, (x: any) => lib.kleinGordon.create(x)], ["school", { nFish: 1.5 }, (x: any) => lib.school.create(x)], ["nlse", { method: "euler" }, (x: any) => lib.nlse.create(x)]] as const) {
      let want = "";
      try { fn(o); } catch (e) { want = (e as Error).message; }
      expect(want).not.toBe("");
      expect((await expectError(await post(app, `/v1/${model}/runs`, o), 422)).message).toBe(want);
    }
  });
  it("unknown option keys → 422 with the library's did-you-mean", async () => {
    expect((await expectError(await post(app, "/v1/nlse/runs", { numPont: 64 }), 422)).message).toMatch(/unknown option "numPont" — did you mean "numPoints"\?/);
    expect((await expectError(await app.request("/v1/school/runs?nFsh=10"), 422)).message).toMatch(/did you mean "nFish"/);
  });
  it("library hooks (signal, onProgress) → 422 naming them", async () => {
    expect((await expectError(await post(app, "/v1/nlse/runs", { signal: {} }), 422)).option).toBe("signal");
  });
  it("bad ?format= → 400 with did-you-mean; unacceptable Accept → 406", async () => {
    expect((await expectError(await post(app, "/v1/nlse/runs?format=nc4", {}), 400)).message).toMatch(/format must be one of/);
    expect((await expectError(await post(app, "/v1/nlse/runs?format=jsn", {}), 400)).message).toMatch(/did you mean "json"/);
    await expectError(await post(app, "/v1/nlse/runs", {}, { Accept: "application/xml" }), 406);
  });
  it("repeated query parameter → 400", async () => { await expectError(await app.request("/v1/nlse/runs?tFinal=1&tFinal=2"), 400); });
});

describe("admission by the work estimate", () => {
  it("an over-budget run is refused before any stepping, quickly, naming the option and the largest allowed value", async () => {
    const before = await (await app.request("/v1/stats")).json();
    const t0 = performance.now();
    // 1e5 strang steps on 65536 points: minutes of work
    const res = await post(app, "/v1/nlse/runs", { method: "strang", numPoints: 65536, tFinal: 100, dt: 1e-3, nSnapshots: 11, maxSteps: 1e9 });
    const ms = performance.now() - t0;
    expect(res.status).toBe(422);
    const e = (await res.json()).error;
    expect(e.option).toBe("tFinal");
    expect(e.largestAllowed).toBeGreaterThan(0);
    expect(e.largestAllowed).toBeLessThan(100);
    expect(e.estimate).toBeGreaterThan(e.limit);
    expect(ms).toBeLessThan(2000);   // a generous bound: the run would take minutes
    const after = await (await app.request("/v1/stats")).json();
    expect(after.runs).toBe(before.runs);
    expect(after.refused).toBe(before.refused + 1);
  });
  it("the largest allowed value is admitted (a small budget: 50 ms)", async () => {
    const small = S.createApp({ budget: { ms: 50 } });
    const o = { method: "yoshida4", numPoints: 512, tFinal: 10, dt: 1e-3, nSnapshots: 11 };
    const e = (await (await post(small, "/v1/nlse/runs", o)).json()).error;
    expect(e.option).toBe("tFinal");
    const ok = await post(small, "/v1/nlse/runs", { ...o, tFinal: e.largestAllowed });
    expect(ok.status).toBe(200);
    expect(Number(ok.headers.get("x-samudra-estimate-ms"))).toBeLessThanOrEqual(50);
    expect((await ok.json()).status).toBe("ok");
  });
  it("adaptive runs: maxSteps is capped by the budget (status budget, deterministic); a larger explicit maxSteps is refused", async () => {
    const small = S.createApp({ budget: { ms: 5 } });
    const res = await post(small, "/v1/nlse/runs", { case: "single_soliton", tFinal: 20 });
    const sum = await res.json();
    expect(sum.status).toBe("budget");
    const cap = sum.options.maxSteps;
    expect(cap).toBeGreaterThan(0);
    expect(stripTiming(sum)).toEqual(asJson(lib.nlse.simulate({ case: "single_soliton", tFinal: 20, maxSteps: cap })));
    const e = (await (await post(small, "/v1/nlse/runs", { case: "single_soliton", maxSteps: cap + 1 })).json()).error;
    expect(e).toMatchObject({ option: "maxSteps", largestAllowed: cap });
  });
  it("size caps are checked before the library allocates; frame caps per response", async () => {
    const free = S.createApp({ budget: "free" });
    const e = (await (await post(free, "/v1/nlse/runs", { numPoints: 1 << 20 })).json()).error;
    expect(e).toMatchObject({ status: 422, option: "numPoints", largestAllowed: 4096 });
    const f = (await (await post(app, "/v1/kg/runs", { case: "sg_kink", nFrames: 100000, tFinal: 1, nx: 256 })).json()).error;
    expect(f.option).toBe("nFrames");
    expect(f.largestAllowed).toBe(4999);
    const s = (await (await post(free, "/v1/school/runs", { nFish: 10, nSteps: 1000 })).json()).error;
    expect(s.option).toBe("nSteps");
  });
});

describe("cache", () => {
  it("a second identical request is a hit with the same bytes and costs no run; key order does not matter; If-None-Match → 304", async () => {
    const a = S.createApp();
    const o = { case: "breather", tFinal: 0.5, nSnapshots: 3, numPoints: 128, method: "strang" };
    const r1 = await post(a, "/v1/nlse/runs", o);
    expect(r1.headers.get("x-samudra-cache")).toBe("miss");
    const b1 = new Uint8Array(await r1.arrayBuffer());
    const runs = (await (await a.request("/v1/stats")).json()).runs;
    const reordered = Object.fromEntries(Object.entries(o).reverse());
    const r2 = await post(a, "/v1/nlse/runs", reordered);
    expect(r2.headers.get("x-samudra-cache")).toBe("hit");
    expect(r2.headers.get("etag")).toBe(r1.headers.get("etag"));
    expect(new Uint8Array(await r2.arrayBuffer())).toEqual(b1);
    const stats = await (await a.request("/v1/stats")).json();
    expect(stats.runs).toBe(runs);
    expect(stats.cacheHits).toBe(1);
    const r3 = await post(a, "/v1/nlse/runs", o, { "If-None-Match": r1.headers.get("etag")! });
    expect(r3.status).toBe(304);
    expect(r1.headers.get("cache-control")).toMatch(/max-age/);
    // another format or version of the options is another entry
    const r4 = await post(a, "/v1/nlse/runs?format=csv", o);
    expect(r4.headers.get("x-samudra-cache")).toBe("miss");
    expect(r4.headers.get("etag")).not.toBe(r1.headers.get("etag"));
  });
  it("the LRU stays within its byte bound", async () => {
    const a = S.createApp({ cacheBytes: 20_000 });
    for (let i = 0; i < 12; i++) await post(a, "/v1/nlse/runs", { tFinal: 0.1 + i / 100, nSnapshots: 3, numPoints: 64, method: "strang" });
    const s = await (await a.request("/v1/stats")).json();
    expect(s.cacheBytes).toBeLessThanOrEqual(20_000);
    expect(s.cacheEntries).toBeLessThan(12);
    expect(s.cacheEntries).toBeGreaterThan(0);
  });
});

it("school predator over HTTP: the run equals the library's with the predator; a bad predator is a 422 with the library's message", async () => {
  const o = { case: "couzin_torus", nFish: 30, nSteps: 20, saveInterval: 5, predator: { position: [10, 10, 10], radius: 4 } };
  const res = await post(app, "/v1/school/runs", o);
  expect(res.status).toBe(200);
  expect(stripTiming(await res.json())).toEqual(asJson(lib.school.simulate(o)));
  const bad = { ...o, predator: { position: [1, 2], radius: 4 } };
  let want = "";
  try { lib.school.create(bad); } catch (e) { want = (e as Error).message; }
  const r = await post(app, "/v1/school/runs", bad);
  expect(r.status).toBe(422);
  expect((await r.json()).error.message).toBe(want);
});

describe("FFT route", () => {
  it("fft, ifft, rfft, irfft equal the library's bit for bit; GET ?n= is the rfft of the ramp; errors name the key", async () => {
    const x = Array.from({ length: 24 }, (_, i) => Math.sin(i * 0.7) + i / 10);
    for (const kind of ["fft", "ifft", "rfft", "irfft"] as const) {
      const res = await post(app, "/v1/fft", { x, kind });
      expect(res.status).toBe(200);
      const want = Array.from(lib.fft[kind](x));
      expect((await res.json()).spectrum).toEqual(want);
    }
    const ramp = await (await app.request("/v1/fft?n=8")).json();
    expect(ramp).toEqual({ kind: "rfft", n: 8, spectrum: Array.from(lib.fft.rfft([0, 1, 2, 3, 4, 5, 6, 7])) });
    const q = await (await app.request("/v1/fft?x=1,0,2,0,3,0,4,0")).json();
    expect(q.spectrum).toEqual([10, 0, -2, 2, -2, 0, -2, -2]);
    const bad = await post(app, "/v1/fft", { x: [1, 2, 3] });
    expect(bad.status).toBe(422);
    let want = "";
    try { lib.fft.fft([1, 2, 3]); } catch (e) { want = (e as Error).message; }
    expect((await bad.json()).error.message).toBe(want);
    expect((await (await post(app, "/v1/fft", { xs: [1, 0] })).json()).error.message).toMatch(/did you mean "x"/);
    const free = S.createApp({ budget: "free" });
    expect((await (await free.request("/v1/fft?n=100000")).json()).error).toMatchObject({ option: "n", largestAllowed: 4096 });
    expect((await app.request("/v1/fft", { method: "PUT" })).status).toBe(405);
  });
});

describe("discovery", () => {
  it("/v1/models lists models, cases, methods and a JSON Schema per model generated from io.SCHEMAS", async () => {
    const m = await (await app.request("/v1/models")).json();
    expect(m.models.map((x: any) => x.name)).toEqual(["nlse", "kg", "school"]);
    const [n, k, s] = m.models;
    expect(n.cases).toEqual(lib.nlse.CASES);
    expect(k.cases).toEqual(lib.kleinGordon.KG_CASES);
    expect(s.cases).toEqual(lib.school.SCHOOL_CASES);
    for (const [x, seed] of [[n, "nlse"], [k, "kg"], [s, "school"]] as const) {
      // every config key (camelCase), plus the library options that are not config keys (school: predator)
      expect(Object.keys(x.optionsSchema.properties).sort()).toEqual([...Object.keys(lib.io.SCHEMAS[seed]).map(lib.io.camelCase), ...(seed === "school" ? ["predator"] : [])].sort());
      expect(x.optionsSchema.additionalProperties).toBe(false);
    }
    expect(n.optionsSchema.properties.numPoints).toMatchObject({ type: "integer", minimum: 8, maximum: 1 << 20 });
  });
  it("/openapi.json describes every run route and reuses the same schemas; CORS preflight is answered", async () => {
    const doc = await (await app.request("/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    for (const m of ["nlse", "kg", "school"]) expect(Object.keys(doc.paths[`/v1/${m}/runs`]).sort()).toEqual(["get", "post"]);
    const models = await (await app.request("/v1/models")).json();
    expect(doc.components.schemas.nlseOptions).toEqual(models.models[0].optionsSchema);
    const pre = await app.request("/v1/nlse/runs", { method: "OPTIONS", headers: { Origin: "http://example.test", "Access-Control-Request-Method": "POST" } });
    expect(pre.status).toBeLessThan(300);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    const r = await app.request("/v1/models", { headers: { Origin: "http://example.test" } });
    expect(r.headers.get("access-control-allow-origin")).toBe("*");
  });
});
