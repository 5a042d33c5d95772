/**
 * `samudra/server`: the simulations as an HTTP service — one Hono app for Cloudflare Workers, Deno, Bun and Node.
 * This entry runs on the main samudra entry (WASM inlined: Node, Deno, Bun, bundlers); on Workers use
 * "samudra/server/workers"-style entry src/server/workers.ts (WASM imported as modules), which exports the same API.
 *
 * @example
 * import { createApp } from "samudra/server";
 * const app = createApp({ budget: "free" });
 * export default app;                                         // Bun, Deno (deno serve), Workers-style fetch
 * const res = await app.request("/v1/nlse/runs", { method: "POST", body: '{"tFinal": 1, "nSnapshots": 5}' });
 */
import * as samudra from "../index.js";
import { createAppWith, type AppOptions } from "./app.js";
import type { Hono } from "hono";

export { BUDGETS, BudgetError, type Budget, type Estimate } from "./budget.js";
export { createAppWith, resolveBudget, type AppOptions } from "./app.js";
export type { Lib, ModelName } from "./lib.js";

/**
 * The app on this entry's samudra (the WASM is instantiated on the first run request, once per process).
 *
 * @example
 * import { createApp } from "samudra/server";
 * const app = createApp();
 * (await app.request("/v1/models")).status;   // 200
 */
export function createApp(options: AppOptions = {}): Hono {
  return createAppWith(samudra, options);
}
