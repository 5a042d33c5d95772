/**
 * samudra for Cloudflare Workers / workerd (selected by the `workerd` and `worker` export
 * conditions, or imported as "samudra/workers"): the same API, but `init()` uses the .wasm files
 * imported as precompiled modules, because Workers forbid compiling WASM from bytes.
 *
 * @example
 * import { init, fft } from "samudra";          // wrangler resolves the workerd condition
 * export default { async fetch() { await init(); return Response.json([...fft.fft([1, 0, 1, 0])]); } };
 */
import { initWith, type InitOptions, type RuntimeInfo } from "./wasm/load.js";
import { importedSource } from "./wasm/imported.js";

export * from "./api.js";

/** As in the main entry; the default binaries are the imported WebAssembly.Modules. */
export function init(options?: InitOptions): Promise<RuntimeInfo> {
  return initWith(importedSource, options);
}
