/**
 * Request parsing and error bodies. A POST body is JSON (any Content-Type; empty = `{}`), read up to the body limit
 * (Content-Length checked first, then the bytes actually read, so chunked bodies are bounded too): malformed → 400,
 * larger → 413. GET query parameters become options: `true`/`false` booleans, numeric text numbers, the rest strings;
 * `format` is not an option. Errors are `{ error: { status, message, … } }`, never a stack trace.
 */

/** An error with an HTTP status and extra JSON fields. */
export class HttpError extends Error {
  /** HTTP status. */
  readonly status: 400 | 404 | 405 | 413 | 422;
  /** Extra fields of the error body. */
  readonly extra: Record<string, unknown>;
  constructor(status: HttpError["status"], message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.status = status; this.extra = extra;
  }
}

/**
 * The JSON error body.
 *
 * @example
 * errorBody(404, "unknown model");   // { error: { status: 404, message: "unknown model" } }
 */
export function errorBody(status: number, message: string, extra: Record<string, unknown> = {}): { error: Record<string, unknown> } {
  return { error: { status, message, ...extra } };
}

/**
 * Reads a JSON body of at most `limit` bytes; throws HttpError 413 / 400.
 *
 * @example
 * await parseBody(new Request("http://x/", { method: "POST", body: '{"case":"breather"}' }), 65536);   // { case: "breather" }
 */
export async function parseBody(req: Request, limit: number): Promise<Record<string, unknown>> {
  const declared = Number(req.headers.get("Content-Length") ?? NaN);
  const tooBig = (n: number) => new HttpError(413, `the request body is ${n} bytes, above the limit of ${limit} bytes; send fewer options (large initial fields do not fit)`, { limit });
  if (declared > limit) throw tooBig(declared);
  const parts: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) { await reader.cancel().catch(() => {}); throw tooBig(size); }
      parts.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const p of parts) { bytes.set(p, at); at += p.byteLength; }
  const text = new TextDecoder().decode(bytes).trim();
  if (text === "") return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new HttpError(400, `the request body is not valid JSON (${e instanceof Error ? e.message : String(e)}); send an object of options such as {"case": "single_soliton", "tFinal": 2}`);
  }
}

/**
 * Options from query parameters (shareable GET URLs); a repeated parameter is a 400.
 *
 * @example
 * parseQuery(new URLSearchParams("case=breather&tFinal=2&legacy=false&format=csv"));   // { case: "breather", tFinal: 2, legacy: false }
 */
export function parseQuery(q: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of q) {
    if (k === "format") continue;
    if (Object.hasOwn(out, k)) throw new HttpError(400, `query parameter ${k} is given twice; give it once`);
    if (k === "__proto__" || k === "constructor" || k === "prototype") throw new HttpError(400, `query parameter ${JSON.stringify(k)} is not an option name`);
    out[k] = v === "true" ? true : v === "false" ? false : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v.trim()) ? Number(v) : v;
  }
  return out;
}
