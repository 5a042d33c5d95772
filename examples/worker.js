// Cloudflare Worker: samudra's HTTP service (NLSE, Klein–Gordon and fish-school runs; JSON, NDJSON, NetCDF, CSV,
// PNG, SVG). The Worker, its wrangler.toml and the other runtimes' entries are in examples/server/ (docs/server.md):
//   cd examples/server && npx wrangler dev
export { default } from "./server/worker.js";
