/**
 * `samudra/web`: the `<samudra-sim>` custom element (element.ts) — a live NLSE, Klein–Gordon or fish-school
 * simulation in one tag, computed in a module Web Worker (dist/web/worker.js, found next to this file) with the
 * same f64 WASM kernels and the same bits as `samudra` in Node. Importing this module defines the element.
 *
 * @example
 * <script type="module" src="https://unpkg.com/samudra/dist/web/index.js"></script>
 * <samudra-sim model="nlse" preset="two_soliton" controls="full" autoplay></samudra-sim>
 */
import { SamudraSim } from "./element.js";

export { SamudraSim, OPTION_ATTRIBUTES, type FrameDetail, type StateDetail } from "./element.js";
export { OPTION_CONTROLS, defaultSpeedOf } from "./controls.js";
export { startBridge, type BridgeTarget, type BridgeVerb } from "./bridge.js";
export { SchoolGLView, type SchoolGLFrame } from "./school-gl.js";
export type { SchoolGLOptions } from "./school-gl-options.js";
export type { ModelName, RunState, RunInfo, ViewData, SimState } from "./protocol.js";

if (typeof customElements !== "undefined" && !customElements.get("samudra-sim")) customElements.define("samudra-sim", SamudraSim);

declare global {
  interface HTMLElementTagNameMap { "samudra-sim": SamudraSim }
}
