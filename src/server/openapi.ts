/**
 * GET /openapi.json: an OpenAPI 3.1 description of the service, built from the same sources as the routes (the
 * model list, the options' JSON Schemas from io.SCHEMAS, the media types, the budget in force).
 */
import type { Lib } from "./lib.js";
import { MODEL_NAMES } from "./lib.js";
import { MEDIA, FORMAT_NAMES } from "./format.js";
import { optionsSchema } from "./schema.js";
import type { Budget } from "./budget.js";

const ERROR = { type: "object", properties: { error: { type: "object", properties: { status: { type: "integer" }, message: { type: "string" }, option: { type: "string" }, largestAllowed: { type: ["number", "null"] } }, required: ["status", "message"] } } };
const err = (d: string) => ({ description: d, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

/**
 * The OpenAPI document.
 *
 * @example
 * import * as samudra from "samudra";
 * openApi(samudra, BUDGETS.paid).paths["/v1/nlse/runs"].post;
 */
export function openApi(lib: Lib, budget: Budget): Record<string, unknown> {
  const paths: Record<string, unknown> = {
    "/v1/models": { get: { summary: "Models, cases, methods and the JSON Schema of each model's options", responses: { 200: { description: "the model list", content: { "application/json": {} } } } } },
    "/v1/fft": {
      post: { summary: "FFT of a short signal: { x, kind: fft|ifft|rfft|irfft, n? } → { kind, n, spectrum }", requestBody: { content: { "application/json": { schema: { type: "object", additionalProperties: false, properties: { x: { type: "array", items: { type: "number" } }, kind: { enum: ["fft", "ifft", "rfft", "irfft"] }, n: { type: "integer", minimum: 1 } }, required: ["x"] } } } }, responses: { 200: { description: "the transform (interleaved re, im)", content: { "application/json": {} } }, 422: err("bad input or above the budget") } },
      get: { summary: "FFT with ?x=1,0,2,0&kind=fft, or ?n=N: the rfft of the ramp 0 … N−1", responses: { 200: { description: "the transform", content: { "application/json": {} } }, 422: err("bad input or above the budget") } },
    },
    "/v1/stats": { get: { summary: "Runs computed, cache hits and cache size of this process/isolate", responses: { 200: { description: "counters", content: { "application/json": {} } } } } },
  };
  const content = Object.fromEntries(Object.values(MEDIA).map((m) => [m.split(";")[0], {}]));
  for (const m of MODEL_NAMES) {
    const responses = {
      200: { description: "the run: JSON summary, NDJSON frames streamed as computed (start, frame…, end), the CLI's NetCDF file, CSV diagnostics, PNG/SVG figure", headers: { ETag: { schema: { type: "string" } }, "X-Samudra-Cache": { schema: { enum: ["hit", "miss"] } }, "X-Samudra-Estimate-Ms": { schema: { type: "string" } } }, content },
      304: { description: "If-None-Match matched the ETag" },
      400: err("malformed JSON, a bad ?format= or a repeated query parameter"),
      404: err("unknown model"), 405: err("method not allowed"), 406: err("no acceptable format"), 413: err("body above the limit (64 KB by default)"),
      422: err(`invalid options (the library's message), or above the budget (${budget.ms} ms of estimated work, ${budget.maxFrames} frames, ${budget.maxBytes} bytes): option and largestAllowed name the fix`),
    };
    const format = { name: "format", in: "query", required: false, schema: { enum: FORMAT_NAMES }, description: "response format; overrides Accept" };
    paths[`/v1/${m}/runs`] = {
      post: { summary: `Run ${m}`, parameters: [format], requestBody: { required: false, content: { "application/json": { schema: { $ref: `#/components/schemas/${m}Options` } } } }, responses },
      get: { summary: `Run ${m} with options as query parameters (shareable URLs)`, parameters: [format, { name: "options", in: "query", style: "form", explode: true, schema: { $ref: `#/components/schemas/${m}Options` } }], responses },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "samudra simulations", version: lib.version, description: "NLSE, Klein–Gordon and fish-school runs on SIMD WebAssembly; admission by a deterministic work estimate; deterministic results cached by ETag." },
    paths,
    components: { schemas: { Error: ERROR, ...Object.fromEntries(MODEL_NAMES.map((m) => [`${m}Options`, optionsSchema(lib, m)])) } },
  };
}
