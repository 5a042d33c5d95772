/**
 * `createApp` for Cloudflare Workers / workerd: the same app on samudra's Workers entry, whose `init` uses the .wasm
 * files imported as modules (Workers forbid compiling WASM from bytes). Built to dist/server/workers.js with the
 * .wasm imports kept external (../simd.wasm, ../scalar.wasm next to it), as dist/workers.js is.
 *
 * @example
 * import { createApp } from "samudra/server/workers";   // dist/server/workers.js
 * export default createApp({ budget: "paid" });          // a Worker: { fetch }
 */
import * as samudra from "../workers.js";
import { createAppWith, type AppOptions } from "./app.js";
import type { Hono } from "hono";

export { BUDGETS, BudgetError, type Budget, type Estimate } from "./budget.js";
export { createAppWith, resolveBudget, type AppOptions } from "./app.js";

/**
 * The app on the Workers entry (WASM instantiated once per isolate, on the first run request).
 *
 * @example
 * export default createApp();
 */
export function createApp(options: AppOptions = {}): Hono {
  return createAppWith(samudra, options);
}
