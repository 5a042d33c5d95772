/**
 * The Hono app behind `createApp`: the same code on Cloudflare Workers, Deno, Bun and Node; the library (and so
 * which WASM source `init` uses) is passed in. Routes:
 *   GET  /v1/models                      models, cases, methods, the JSON Schema of each model's options
 *   POST /v1/{model}/runs  (GET: query)  run; format by ?format= or Accept (json, ndjson, netcdf, csv, png, svg)
 *   POST /v1/fft            (GET: query)  fft / ifft / rfft / irfft of a short signal (fft-route.ts)
 *   GET  /v1/stats                       runs computed, cache hits, cache size
 *   GET  /openapi.json                   OpenAPI 3.1 description of all of it
 * Each request: parse (400 malformed, 413 > body limit) → negotiate (400/406) → ETag of (model, canonical
 * options, format, version) → 304 / cache hit → size caps → the library validates (422 with its message) →
 * budget estimate (422 naming the option and the largest allowed value) → run → cache. Never a stack trace.
 */
import { Hono, type Context } from "hono";
import { cors } from "hono/cors";
import { stream } from "hono/streaming";
import type { Lib, ModelName } from "./lib.js";
import { MODEL_NAMES } from "./lib.js";
import { BUDGETS, BudgetError, checkSize, type Budget } from "./budget.js";
import { canonicalJson, etagOf, matchesEtag, Lru, edgeCache, edgeKey, type CachedBody } from "./cache.js";
import { negotiate, FormatError, MEDIA, FORMAT_NAMES, type Format } from "./format.js";
import { optionsSchema } from "./schema.js";
import { openApi } from "./openapi.js";
import { registerFft } from "./fft-route.js";
import { parseBody, parseQuery, HttpError, errorBody } from "./request.js";
import type { Adapter, Prepared } from "./adapter.js";
import { nlseAdapter } from "./model-nlse.js";
import { kgAdapter } from "./model-kg.js";
import { schoolAdapter } from "./model-school.js";

/** Options of `createApp`. Unknown keys are refused with a did-you-mean. */
export interface AppOptions {
  /** Work budget: a preset (`"paid"`, the default: Workers paid plan, 30 s CPU; `"free"`: 10 ms) or your own limits (missing fields from "paid"). */
  budget?: "paid" | "free" | Partial<Budget>;
  /** In-memory cache bound in bytes (default 32 MiB; 0 disables it). */
  cacheBytes?: number;
  /** In-memory cache bound in entries (default 1000). */
  cacheEntries?: number;
  /** Use the Workers Cache API (`caches.default`) when present (default true). */
  edgeCache?: boolean;
  /** Largest request body in bytes (default 65536): above it, 413. */
  maxBodyBytes?: number;
  /** CORS allowed origin(s) (default "*"). */
  corsOrigin?: string | string[];
  /** Passed to `init` (e.g. `{ simd: false }`). */
  init?: { simd?: boolean; module?: WebAssembly.Module };
}

const KNOWN_OPTIONS = ["budget", "cacheBytes", "cacheEntries", "edgeCache", "maxBodyBytes", "corsOrigin", "init"];
/** The models behind /v1/{model}/runs. */
export const ADAPTERS: Record<ModelName, Adapter> = { nlse: nlseAdapter, kg: kgAdapter, school: schoolAdapter };
/** The library's run-time hooks that cannot travel in JSON. */
const NOT_OVER_HTTP = ["signal", "onProgress"];

/** One init per library object (one per bundle copy): per isolate on Workers, per process elsewhere. */
const ready = new WeakMap<object, Promise<unknown>>();
function ensureInit(lib: Lib, o: AppOptions["init"]): Promise<unknown> {
  let p = ready.get(lib);
  if (!p) {
    p = lib.runtimeInfo() ? Promise.resolve(lib.runtimeInfo()) : lib.init(o ?? {});
    p.catch(() => ready.delete(lib));
    ready.set(lib, p);
  }
  return p;
}

/**
 * Resolves the budget option into limits (fields not given come from "paid"); throws an error naming the bad field.
 * @example resolveBudget({ ms: 100 }).ms;   // 100
 */
export function resolveBudget(b: AppOptions["budget"]): Budget {
  if (b === undefined || b === "paid") return { ...BUDGETS.paid };
  if (b === "free") return { ...BUDGETS.free };
  if (typeof b !== "object" || b === null) throw new TypeError(`createApp: budget must be "paid", "free" or { ms, maxFrames, maxBytes, maxPoints, maxFish }, got ${JSON.stringify(b)}`);
  const out = { ...BUDGETS.paid, ...b };
  for (const [k, v] of Object.entries(out)) {
    if (!(k in BUDGETS.paid)) throw new RangeError(`createApp: unknown budget field "${k}"; the fields are ${Object.keys(BUDGETS.paid).join(", ")}`);
    if (typeof v !== "number" || !(v > 0)) throw new RangeError(`createApp: budget.${k} must be a number > 0, got ${JSON.stringify(v)}`);
  }
  return out;
}

/**
 * Builds the app on a given samudra entry (`import * as samudra from "samudra"` or "samudra/workers").
 *
 * @example
 * import * as samudra from "samudra";
 * const app = createAppWith(samudra, { budget: "free" });
 * const res = await app.request("/v1/models");
 */
export function createAppWith(lib: Lib, options: AppOptions = {}): Hono {
  for (const k of Object.keys(options)) {
    if (!KNOWN_OPTIONS.includes(k)) throw new RangeError(`createApp: unknown option "${k}" — did you mean "${lib.io.closestKey("nlse", k, KNOWN_OPTIONS) || KNOWN_OPTIONS.join(", ")}"?`);
  }
  const budget = resolveBudget(options.budget);
  const lru = new Lru(options.cacheBytes ?? 32 << 20, options.cacheEntries ?? 1000);
  const useEdge = options.edgeCache !== false;
  const maxBody = options.maxBodyBytes ?? 65536;
  const stats = { runs: 0, cacheHits: 0, notModified: 0, refused: 0, streaming: 0 };
  const app = new Hono();

  app.use("*", cors({ origin: options.corsOrigin ?? "*", allowMethods: ["GET", "POST", "OPTIONS"], allowHeaders: ["Content-Type", "Accept", "If-None-Match"], exposeHeaders: ["ETag", "X-Samudra-Cache", "X-Samudra-Estimate-Ms", "Content-Length"], maxAge: 86400 }));
  app.onError((e, c) => c.json(errorBody(500, `internal error: ${e instanceof Error ? e.message : String(e)}`), 500));
  app.notFound((c) => c.json(errorBody(404, `no route ${c.req.method} ${new URL(c.req.url).pathname}; see GET /openapi.json (routes: /v1/models, /v1/{${MODEL_NAMES.join("|")}}/runs, /v1/stats)`), 404));

  app.get("/", (c) => c.json({ name: "samudra", version: lib.version, models: "/v1/models", openapi: "/openapi.json", runs: MODEL_NAMES.map((m) => `/v1/${m}/runs`), fft: "/v1/fft" }));
  app.get("/v1/models", (c) => {
    c.header("Cache-Control", "public, max-age=3600");
    return c.json({
      version: lib.version, formats: Object.fromEntries(Object.entries(MEDIA).map(([k, v]) => [k, v.split(";")[0]])), budget,
      models: MODEL_NAMES.map((m) => ({ name: m, title: ADAPTERS[m].title, runs: `/v1/${m}/runs`, cases: ADAPTERS[m].cases(lib), methods: ADAPTERS[m].methods, optionsSchema: optionsSchema(lib, m) })),
    });
  });
  app.get("/openapi.json", (c) => c.json(openApi(lib, budget)));
  app.get("/v1/stats", (c) => c.json({ ...stats, cacheEntries: lru.size, cacheBytes: lru.bytes }));

  const handler = async (c: Context) => {
    const name = c.req.param("model") as string;
    if (!Object.hasOwn(ADAPTERS, name)) {
      const near = lib.io.closestKey("nlse", name, MODEL_NAMES);
      return c.json(errorBody(404, `unknown model ${JSON.stringify(name)}${near ? ` — did you mean "${near}"?` : ""}; the models are ${MODEL_NAMES.join(", ")}`), 404);
    }
    const adapter = ADAPTERS[name as ModelName];
    try {
      const url = new URL(c.req.url);
      const opts = c.req.method === "GET" ? parseQuery(url.searchParams) : await parseBody(c.req.raw, maxBody);
      const format = negotiate(url.searchParams.get("format"), c.req.header("Accept"), (q) => lib.io.closestKey("nlse", q, FORMAT_NAMES));
      for (const k of NOT_OVER_HTTP) if (opts && typeof opts === "object" && Object.hasOwn(opts, k)) throw new HttpError(422, `${k} is a library hook and cannot be sent over HTTP; remove it (a streamed run ends when the client disconnects)`, { option: k });
      // NetCDF files record their creation time: equal data, not equal bytes, so their ETag is weak
      const etag = (format === "netcdf" ? "W/" : "") + await etagOf(canonicalJson({ model: name, format, options: opts, version: lib.version }));
      // cache headers only on 200/304: an error is not a cacheable representation of the run
      const cacheable = () => { c.header("ETag", etag); c.header("Cache-Control", "public, max-age=86400"); c.header("Vary", "Accept"); };
      if (format !== "ndjson") cacheable();
      if (format !== "ndjson" && matchesEtag(c.req.header("If-None-Match"), etag)) { stats.notModified++; return c.body(null, 304); }
      if (format !== "ndjson") {
        const hit = lru.get(etag) ?? (useEdge ? await edgeGet(etag) : undefined);
        if (hit) { stats.cacheHits++; lru.set(etag, hit); c.header("X-Samudra-Cache", "hit"); c.header("Content-Type", hit.type); return c.body(hit.body as Uint8Array<ArrayBuffer>); }
      }
      c.header("ETag", undefined); c.header("Cache-Control", undefined); c.header("Vary", undefined);
      checkSize(opts, budget);
      await ensureInit(lib, options.init);
      let prepared: Prepared;
      try {
        prepared = adapter.prepare(lib, opts, budget);
      } catch (e) {
        if (e instanceof BudgetError) throw e;
        throw new HttpError(422, e instanceof Error ? e.message : String(e));
      }
      c.header("X-Samudra-Estimate-Ms", prepared.estimate.ms.toPrecision(3));
      c.header("X-Samudra-Cache", "miss");
      stats.runs++;
      if (format === "ndjson") return ndjson(c, lib, adapter, prepared, stats);
      const body = render(lib, adapter, prepared, format);
      const entry: CachedBody = { body, type: MEDIA[format] };
      lru.set(etag, entry);
      if (useEdge) {
        // on Workers the write to caches.default finishes after the response (waitUntil); elsewhere there is none
        const put = edgePut(etag, entry).catch(() => {});
        let ctx: { waitUntil(p: Promise<unknown>): void } | null = null;
        try { ctx = c.executionCtx; } catch { /* no ExecutionContext outside Workers */ }
        if (ctx) ctx.waitUntil(put); else await put;
      }
      cacheable();
      c.header("Content-Type", entry.type);
      return c.body(body as Uint8Array<ArrayBuffer>);
    } catch (e) {
      if (e instanceof BudgetError) {
        stats.refused++;
        return c.json(errorBody(422, e.message, { option: e.option, largestAllowed: e.largestAllowed, estimate: e.estimate, limit: e.limit }), 422);
      }
      if (e instanceof HttpError) return c.json(errorBody(e.status, e.message, e.extra), e.status);
      if (e instanceof FormatError) return c.json(errorBody(e.status, e.message), e.status);
      throw e;
    }
  };
  registerFft(app, lib, budget, maxBody, () => ensureInit(lib, options.init));
  app.on(["GET", "POST"], "/v1/:model/runs", handler);
  app.all("/v1/:model/runs", (c) => {
    c.header("Allow", "GET, POST, OPTIONS");
    return c.json(errorBody(405, `method ${c.req.method} is not allowed on /v1/${c.req.param("model")}/runs; use POST with a JSON body of options, or GET with query parameters`), 405);
  });
  for (const p of ["/v1/models", "/openapi.json", "/v1/stats"]) {
    app.all(p, (c) => { c.header("Allow", "GET, OPTIONS"); return c.json(errorBody(405, `method ${c.req.method} is not allowed on ${p}; use GET`), 405); });
  }
  return app;
}

/** The whole response body of a non-streamed format. */
function render(lib: Lib, adapter: Adapter, p: Prepared, format: Format): Uint8Array {
  const enc = new TextEncoder();
  switch (format) {
    case "json": return enc.encode(JSON.stringify(adapter.summary(lib, p), replacer));
    case "netcdf": return adapter.netcdf(lib, p);
    case "csv": return enc.encode(adapter.csv(lib, p));
    case "png": return lib.render.sceneToPng(adapter.figure(lib, p));
    case "svg": return enc.encode(lib.render.sceneToSvg(adapter.figure(lib, p)));
    default: throw new Error(`format ${format} is streamed`);
  }
}

/** NDJSON: one line per frame, flushed as computed; the run stops when the client goes away. */
function ndjson(c: Context, lib: Lib, adapter: Adapter, p: Prepared, stats: { streaming: number }): Response {
  c.header("Content-Type", MEDIA.ndjson);
  c.header("Cache-Control", "no-store");
  return stream(c, async (s) => {
    stats.streaming++;
    try { await lines(s); } finally { stats.streaming--; }
  }, async (e, s) => { await s.writeln(JSON.stringify({ type: "error", message: e.message })); });
  async function lines(s: Parameters<Parameters<typeof stream>[1]>[0]) {
    let gone = false;
    s.onAbort(() => { gone = true; });
    let pending = 0;
    for (const line of adapter.frames(lib, p, () => gone)) {
      const text = JSON.stringify(line, replacer);
      await s.writeln(text);
      pending += text.length;
      // give the event loop a turn so written lines leave the process while the next frames are computed
      if (pending > 1 << 16 || line.type !== "frame") { pending = 0; await macrotask(); }
      if (gone) break;
    }
  }
}

const macrotask = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * JSON.stringify replacer: typed arrays as arrays (non-finite numbers become null, as JSON.stringify does anyway).
 * @example JSON.stringify({ a: new Float64Array([1, NaN]) }, replacer);   // '{"a":[1,null]}'
 */
export function replacer(_k: string, v: unknown): unknown {
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
  return v;
}

async function edgeGet(etag: string): Promise<CachedBody | undefined> {
  const cache = edgeCache();
  if (!cache) return undefined;
  const r = await cache.match(edgeKey(etag));
  if (!r) return undefined;
  return { body: new Uint8Array(await r.arrayBuffer()), type: r.headers.get("Content-Type") ?? MEDIA.json };
}

async function edgePut(etag: string, e: CachedBody): Promise<void> {
  const cache = edgeCache();
  if (!cache) return;
  await cache.put(edgeKey(etag), new Response(e.body as Uint8Array<ArrayBuffer>, { headers: { "Content-Type": e.type, "Cache-Control": "public, max-age=86400" } }));
}
