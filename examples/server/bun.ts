// samudra as an HTTP service on Bun: Bun.serve takes the app's fetch.
//   bun examples/server/bun.ts [port]
//   curl 'http://127.0.0.1:8787/v1/models'
import { createApp } from "../../dist/server/index.js";

const app = createApp({ budget: "paid" });
const server = Bun.serve({ fetch: app.fetch, port: Number(process.argv[2] ?? 8787), hostname: "127.0.0.1" });
console.log(`listening on http://127.0.0.1:${server.port}`);
