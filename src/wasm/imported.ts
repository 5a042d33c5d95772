/**
 * Default binary source for Cloudflare Workers / workerd (the `workerd` and `worker` export
 * conditions): the .wasm files are imported as modules, which the platform precompiles, because
 * Workers forbid WebAssembly.compile/instantiate on bytes ("Wasm code generation disallowed by embedder").
 */
import type { DefaultSource } from "./load.js";
// Resolved next to dist/workers.js at bundle time (kept external by the build).
import simdModule from "./simd.wasm";
import scalarModule from "./scalar.wasm";

export const importedSource: DefaultSource = {
  kind: "imported-module",
  async load(simd: boolean) {
    return simd ? simdModule : scalarModule;
  },
};
