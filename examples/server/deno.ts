// samudra as an HTTP service on Deno: `deno serve` runs the default export's fetch.
//   deno serve --allow-read --port 8787 examples/server/deno.ts
//   curl -X POST 'http://127.0.0.1:8787/v1/nlse/runs?format=ndjson' -d '{"tFinal":2,"nSnapshots":5}'
// (from npm: import { createApp } from "npm:samudra/server")
import { createApp } from "../../dist/server/index.js";

export default createApp({ budget: "paid" });
