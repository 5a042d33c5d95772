/** Default binary source for Node, Deno, Bun, browsers and bundlers: base64 inlined at build time. */
import type { DefaultSource } from "./load.js";
import { decodeBase64 } from "./base64.js";
import { SIMD_WASM_BASE64 } from "./generated/simd.js";
import { SCALAR_WASM_BASE64 } from "./generated/scalar.js";

export const inlineSource: DefaultSource = {
  kind: "inline",
  async load(simd: boolean) {
    return decodeBase64(simd ? SIMD_WASM_BASE64 : SCALAR_WASM_BASE64);
  },
};
