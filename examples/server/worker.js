// samudra as an HTTP service on Cloudflare Workers: the Hono app of "samudra/server". Under wrangler (and workerd)
// the package's `workerd` export condition selects the build whose WASM is imported as modules (Workers forbid
// compiling WASM from bytes); it is instantiated once per isolate, on the first run request.
//   cd examples/server && npx wrangler dev        then
//   curl -X POST 'http://127.0.0.1:8787/v1/nlse/runs' -d '{"case":"two_soliton","tFinal":2,"nSnapshots":5}'
//   curl 'http://127.0.0.1:8787/v1/school/runs?case=couzin_torus&nSteps=300&saveInterval=30&format=png' -o school.png
import { createApp } from "samudra/server";

// the paid plan's budget (30 s CPU per request); createApp({ budget: "free" }) for the free plan's 10 ms
export default createApp({ budget: "paid" });
