/**
 * `POST|GET /v1/fft`: the FFT kernels over HTTP — the analysis a free-plan budget (10 ms of CPU) still affords.
 * Body `{ x: number[], kind?: "fft" | "ifft" | "rfft" | "irfft", n?: number }` (x interleaved complex for fft/ifft/irfft,
 * real samples for rfft; n: irfft's output length), or GET `?x=1,0,2,0&kind=fft`, or GET `?n=8` for the spectrum of
 * the ramp 0 … n−1 (what examples/worker.js used to answer). Cost: ≈ 10⁻⁶ · 20 · n · log₂ n ms, refused above the
 * budget; n ≤ the budget's maxPoints. The result is `{ kind, n, spectrum }` (JSON, non-finite → null).
 */
import type { Hono, Context } from "hono";
import type { Lib } from "./lib.js";
import { BudgetError, type Budget } from "./budget.js";
import { parseBody, HttpError, errorBody } from "./request.js";
import { canonicalJson, etagOf, matchesEtag } from "./cache.js";

const KINDS = ["fft", "ifft", "rfft", "irfft"] as const;
const KEYS = ["x", "kind", "n"];
/** ns per n·log₂n of one transform (an upper bound of the measured complex FFT, bench/fft.bench.mjs). */
const FFT_NS = 20;

/**
 * Adds the FFT routes to `app`.
 *
 * @example
 * registerFft(app, samudra, BUDGETS.free, 65536);
 */
export function registerFft(app: Hono, lib: Lib, budget: Budget, maxBody: number, ready: () => Promise<unknown>): void {
  const handler = async (c: Context) => {
    try {
      const url = new URL(c.req.url);
      let o: Record<string, unknown>;
      if (c.req.method === "GET") {
        o = {};
        for (const [k, v] of url.searchParams) o[k] = k === "x" ? v.split(",").map((t) => (t.trim() === "" ? NaN : Number(t))) : k === "n" ? Number(v) : v;
      } else o = await parseBody(c.req.raw, maxBody);
      if (o === null || typeof o !== "object" || Array.isArray(o)) throw new HttpError(422, `the body must be an object like {"x": [1, 0, 2, 0], "kind": "fft"}`);
      for (const k of Object.keys(o)) if (!KEYS.includes(k)) throw new HttpError(422, `unknown key "${k}"${lib.io.closestKey("nlse", k, KEYS) ? ` — did you mean "${lib.io.closestKey("nlse", k, KEYS)}"?` : ""}; the keys are ${KEYS.join(", ")}`, { option: k });
      let x = o.x as unknown;
      if (x === undefined && c.req.method === "GET" && o.n !== undefined) {   // the ramp 0 … n−1, real
        const n = o.n as number;
        if (!Number.isInteger(n) || n < 1) throw new HttpError(422, `n must be an integer ≥ 1, got ${JSON.stringify(o.n)}`, { option: "n" });
        if (n > budget.maxPoints) throw new BudgetError(`n = ${n} is above this server's limit of ${budget.maxPoints}; the largest allowed n is ${budget.maxPoints}`, "n", budget.maxPoints, n, budget.maxPoints);
        x = Array.from({ length: n }, (_, i) => i);
        o = { kind: "rfft", x };
      }
      const kind = (o.kind ?? "fft") as (typeof KINDS)[number];
      if (!KINDS.includes(kind)) throw new HttpError(422, `kind must be one of ${KINDS.join(", ")}, got ${JSON.stringify(o.kind)}`, { option: "kind" });
      if (!Array.isArray(x)) throw new HttpError(422, `x must be an array of numbers (interleaved re, im for fft/ifft/irfft; real samples for rfft), got ${x === undefined ? "nothing" : typeof x}`, { option: "x" });
      const n = x.length;
      if (n > 2 * budget.maxPoints) throw new BudgetError(`x has ${n} numbers, above this server's limit of ${2 * budget.maxPoints}`, "x", 2 * budget.maxPoints, n, 2 * budget.maxPoints);
      const ms = 1e-6 * FFT_NS * n * Math.log2(Math.max(2, n));
      if (ms > budget.ms) throw new BudgetError(`a transform of ${n} numbers is about ${ms.toPrecision(3)} ms of work, above the budget of ${budget.ms} ms`, "x", null, ms, budget.ms);
      const etag = await etagOf(canonicalJson({ route: "fft", o, version: lib.version }));
      c.header("ETag", etag);
      c.header("Cache-Control", "public, max-age=86400");
      if (matchesEtag(c.req.header("If-None-Match"), etag)) return c.body(null, 304);
      await ready();
      let out: Float64Array;
      try {
        out = kind === "fft" ? lib.fft.fft(x) : kind === "ifft" ? lib.fft.ifft(x) : kind === "rfft" ? lib.fft.rfft(x) : lib.fft.irfft(x, o.n as number | undefined);
      } catch (e) {
        throw new HttpError(422, e instanceof Error ? e.message : String(e));
      }
      return c.json({ kind, n: kind === "rfft" || kind === "irfft" ? (kind === "rfft" ? n : out.length) : n / 2, spectrum: Array.from(out, (v) => (Number.isFinite(v) ? v : null)) });
    } catch (e) {
      c.header("ETag", undefined); c.header("Cache-Control", undefined);
      if (e instanceof BudgetError) return c.json(errorBody(422, e.message, { option: e.option, largestAllowed: e.largestAllowed, estimate: e.estimate, limit: e.limit }), 422);
      if (e instanceof HttpError) return c.json(errorBody(e.status, e.message, e.extra), e.status);
      throw e;
    }
  };
  app.on(["GET", "POST"], "/v1/fft", handler);
  app.all("/v1/fft", (c) => { c.header("Allow", "GET, POST, OPTIONS"); return c.json(errorBody(405, `method ${c.req.method} is not allowed on /v1/fft; use POST {"x": [...]} or GET ?x=…`), 405); });
}
