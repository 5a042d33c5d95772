/**
 * samudra — numerical kernels in SIMD WebAssembly with one API on Node, Deno, Bun, browsers and
 * edge runtimes. This entry inlines the WASM binaries (no file or network access at run time).
 *
 * @example
 * import { init, fft } from "samudra";
 * await init();
 * const X = fft.fft([1, 0, 2, 0, 3, 0, 4, 0]);   // => [10, 0, -2, 2, -2, 0, -2, -2]
 */
import { initWith, type InitOptions, type RuntimeInfo } from "./wasm/load.js";
import { inlineSource } from "./wasm/inline.js";

export * from "./api.js";

/**
 * Instantiates samudra's WASM once; afterwards the whole API is synchronous. Picks the SIMD build
 * when the engine supports it. Options: `{ simd: false }` forces scalar, `{ module }` takes a
 * precompiled WebAssembly.Module, `{ bytes }` takes a .wasm file's bytes. Calling it again replaces
 * the instance (plans made before become invalid).
 *
 * @example
 * import { init } from "samudra";
 * const info = await init();   // { simd: true, source: "inline", … }
 * // Cloudflare Workers: import mod from "samudra/simd.wasm"; await init({ module: mod });
 */
export function init(options?: InitOptions): Promise<RuntimeInfo> {
  return initWith(inlineSource, options);
}
