/** Everything public except `init`, which each entry point binds to its default binary source. */
export * as fft from "./fft.js";
export * as ode from "./ode.js";
export * as neighbors from "./neighbors.js";
export * as analysis from "./analysis.js";
export * as nlse from "./nlse.js";
export * as kleinGordon from "./klein-gordon.js";
export * as school from "./school.js";
export * as io from "./io.js";
export * as render from "./render.js";
export { version } from "./version.js";
export { simdSupported, runtimeInfo } from "./wasm/load.js";
export type { InitOptions, RuntimeInfo } from "./wasm/load.js";
export type { FFTPlan, RealFFTPlan } from "./fft.js";
