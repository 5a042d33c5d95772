/**
 * The library the app runs on, passed in rather than imported: `createApp` in src/server/index.ts hands it the main
 * entry (inline WASM: Node, Deno, Bun), src/server/workers.ts the Workers entry (WASM imported as modules). The app
 * code only uses the public face's types, so one bundle carries exactly one copy of the core and initialises it.
 */
import type * as Samudra from "../index.js";

/** The public face of samudra (`import * as samudra from "samudra"`): namespaces plus `init`. */
export type Lib = typeof Samudra;
/** Model names in URLs: `/v1/nlse/runs`, `/v1/kg/runs`, `/v1/school/runs`. */
export type ModelName = "nlse" | "kg" | "school";
/** Every model name, in URL order. */
export const MODEL_NAMES: ModelName[] = ["nlse", "kg", "school"];
