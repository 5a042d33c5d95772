/**
 * The playground worker's WASM source: instead of the base64 copies of both builds that dist/index.js inlines
 * (≈ 300 kB that gzip cannot shrink), the worker fetches the one build it needs (simd.wasm or scalar.wasm, the
 * same binaries, copied next to it by scripts/build-site.mjs) and compiles it while streaming. Same bits.
 */
import type { DefaultSource } from "../src/wasm/load.js";

export const inlineSource: DefaultSource = {
  kind: "inline",
  async load(simd: boolean) {
    const url = new URL(simd ? "./simd.wasm" : "./scalar.wasm", import.meta.url);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`samudra playground: could not load ${url.pathname} (HTTP ${res.status}); rebuild the site with npm run site`);
    return WebAssembly.compileStreaming ? await WebAssembly.compileStreaming(res) : new Uint8Array(await res.arrayBuffer());
  },
};
