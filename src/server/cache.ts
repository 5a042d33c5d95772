/**
 * Results are pure functions of (model, canonical options, format, samudra version), so identical requests are
 * served from cache. The key is that tuple as canonical JSON (object keys sorted at every level); the ETag is the
 * first 32 hex digits of its SHA-256 (Web Crypto, on every runtime). Two stores: an in-memory LRU bounded in bytes
 * and entries (every runtime), and on Cloudflare Workers additionally the Cache API (`caches.default`, per data
 * centre) so a fresh isolate still hits.
 */

/** One cached response body. */
export interface CachedBody {
  /** The response bytes. */
  body: Uint8Array;
  /** Its Content-Type. */
  type: string;
}

/**
 * JSON with object keys sorted at every level: equal values give equal strings whatever the key order.
 *
 * @example
 * canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] });   // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

/**
 * The strong ETag of a canonical key: `"` + 32 hex digits of SHA-256 + `"`.
 *
 * @example
 * await etagOf('{"model":"nlse"}');   // '"3f…"'
 */
export async function etagOf(key: string): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key)));
  let h = "";
  for (let i = 0; i < 16; i++) h += d[i].toString(16).padStart(2, "0");
  return `"${h}"`;
}

/**
 * Whether an If-None-Match header value matches `etag` (a list, weak forms, or `*`; weak comparison).
 * @example matchesEtag('W/"ab", "cd"', '"ab"');   // true
 */
export function matchesEtag(header: string | undefined | null, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((t) => { const v = t.trim().replace(/^W\//, ""); return v === "*" || v === bare; });
}

/**
 * A least-recently-used map bounded by total bytes and entry count; an entry larger than a quarter of the byte bound
 * is not kept.
 *
 * @example
 * const lru = new Lru(32 << 20, 1000);
 * lru.set('"ab"', { body: new Uint8Array(3), type: "text/csv" });
 * lru.get('"ab"')?.type;   // "text/csv"
 */
export class Lru {
  private readonly map = new Map<string, CachedBody>();
  /** Bytes held now. */
  bytes = 0;
  /** @param maxBytes - total body bytes kept. @param maxEntries - entries kept. */
  constructor(readonly maxBytes: number, readonly maxEntries: number) {}
  /** Entries held now. */
  get size(): number { return this.map.size; }
  /** The entry, marked most recently used; undefined when absent. */
  get(key: string): CachedBody | undefined {
    const v = this.map.get(key);
    if (v) { this.map.delete(key); this.map.set(key, v); }
    return v;
  }
  /** Stores an entry, evicting the least recently used ones to stay within the bounds. */
  set(key: string, v: CachedBody): void {
    if (v.body.byteLength > this.maxBytes / 4) return;
    const old = this.map.get(key);
    if (old) { this.bytes -= old.body.byteLength; this.map.delete(key); }
    this.map.set(key, v);
    this.bytes += v.body.byteLength;
    for (const [k, e] of this.map) {
      if (this.bytes <= this.maxBytes && this.map.size <= this.maxEntries) break;
      this.map.delete(k); this.bytes -= e.body.byteLength;
    }
  }
}

/**
 * The Workers Cache API's default cache when running on Workers/workerd, else null.
 * @example edgeCache();   // null on Node; caches.default in a Worker
 */
export function edgeCache(): Cache | null {
  const c = (globalThis as { caches?: { default?: Cache } }).caches;
  return c && typeof c === "object" && c.default ? c.default : null;
}

/**
 * The synthetic URL under which the edge cache keeps an entry.
 * @example edgeKey('W/"ab12"');   // "https://samudra.cache/v1/ab12"
 */
export const edgeKey = (etag: string) => `https://samudra.cache/v1/${etag.replace(/^W\//, "").replace(/"/g, "")}`;
