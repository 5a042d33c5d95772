/**
 * Response formats and their negotiation: `?format=` wins, else the first acceptable media type of `Accept` in the
 * client's q order, else JSON. `*\/*`, `application/*` and an absent Accept mean JSON; an Accept listing only
 * types the service cannot produce is 406.
 */

/** Output formats of a run. */
export type Format = "json" | "ndjson" | "netcdf" | "csv" | "png" | "svg";

/** Media type of each format. */
export const MEDIA: Record<Format, string> = {
  json: "application/json",
  ndjson: "application/x-ndjson",
  netcdf: "application/x-netcdf",
  csv: "text/csv; charset=utf-8",
  png: "image/png",
  svg: "image/svg+xml",
};

/** `?format=` names (and the file-extension aliases nc, json, …). */
const NAMES: Record<string, Format> = { json: "json", ndjson: "ndjson", netcdf: "netcdf", nc: "netcdf", csv: "csv", png: "png", svg: "svg" };

/** Every accepted `?format=` value. */
export const FORMAT_NAMES = Object.keys(NAMES);

/** A negotiation failure: 400 for a bad ?format=, 406 for an Accept the service cannot meet. */
export class FormatError extends Error {
  /** HTTP status. */
  readonly status: 400 | 406;
  constructor(message: string, status: 400 | 406) { super(message); this.status = status; }
}

/**
 * Picks the format from `?format=` and `Accept`; throws FormatError.
 *
 * @example
 * negotiate(null, "application/x-netcdf");   // "netcdf"
 * negotiate("png", "application/json");      // "png"
 */
export function negotiate(query: string | null | undefined, accept: string | null | undefined, suggest: (name: string) => string = () => ""): Format {
  if (query !== null && query !== undefined) {
    const f = NAMES[query.toLowerCase()];
    if (f) return f;
    const near = suggest(query);
    throw new FormatError(`format must be one of ${FORMAT_NAMES.join(", ")}, got ${JSON.stringify(query)}${near ? ` — did you mean "${near}"?` : ""}`, 400);
  }
  if (!accept) return "json";
  const ranges = accept.split(",").map((part, i) => {
    const [type, ...params] = part.trim().split(";").map((s) => s.trim());
    const q = params.find((p) => p.startsWith("q="));
    return { type: type.toLowerCase(), q: q ? Number(q.slice(2)) : 1, i };
  }).filter((r) => r.type && r.q > 0).sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranges) {
    if (r.type === "*/*" || r.type === "application/*" || r.type === "application/json") return "json";
    for (const [f, m] of Object.entries(MEDIA) as [Format, string][]) if (m.split(";")[0] === r.type) return f;
    if (r.type === "text/*") return "csv";
    if (r.type === "image/*") return "png";
    if (r.type === "application/netcdf" || r.type === "application/x-netcdf4") return "netcdf";
    if (r.type === "text/html") return "json";   // a browser address bar: show the JSON
  }
  if (!ranges.length) return "json";
  throw new FormatError(`cannot produce ${accept}; the formats are ${Object.values(MEDIA).map((m) => m.split(";")[0]).join(", ")} (or ?format=${FORMAT_NAMES.join("|")})`, 406);
}
