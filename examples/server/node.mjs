// samudra as an HTTP service on Node (the same app as on Workers, Deno and Bun), via @hono/node-server.
//   node examples/server/node.mjs [port]        (or simply: npx samudra serve --port 8787)
//   curl 'http://127.0.0.1:8787/v1/kg/runs?case=sg_kink&tFinal=5&format=csv'
import { serve } from "@hono/node-server";
import { createApp } from "samudra/server";

const app = createApp({ budget: "paid" });
const server = serve({ fetch: app.fetch, port: Number(process.argv[2] ?? 8787), hostname: "127.0.0.1" }, (info) => {
  console.log(`listening on http://127.0.0.1:${info.port}`);
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => { server.close(); process.exit(0); });
