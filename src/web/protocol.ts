/**
 * The messages between `<samudra-sim>` (main thread) and its module worker. Every request carries an `id`; the
 * worker answers each with exactly one {@link Reply} of the same id, in order. A reply that advanced or changed the
 * run carries a {@link ViewData}: what the views need to draw (the latest field or school, and the diagnostics of
 * every frame since the previous ViewData). Large arrays travel as transferred buffers (no copy).
 *
 * Frames (the unit of `advance(k)`): NLSE — one `run.step()` snapshot (nSnapshots over tStart … tStart + tFinal);
 * Klein–Gordon — one `run.step()` frame (nFrames + 1 over 0 … tFinal); school — `saveInterval` steps of `dt`.
 * Frame 0 is the initial state: after load, `frame` = 1 for NLSE/KG (the first `step()` has been taken) and 0
 * for the school.
 */

/** The three models the element runs. */
export type ModelName = "nlse" | "kg" | "school";

/** Lifecycle of the element's run, as the `statechange` event reports it. */
export type RunState = "loading" | "playing" | "paused" | "ended" | "error";

/** Requests from the element to the worker. */
export type Request =
  | { type: "load"; id: number; model: ModelName; preset: string | null; legacy: boolean; options: Record<string, unknown>; seed: number | null; heatCols: number }
  | { type: "advance"; id: number; frames: number; budgetMs: number }
  | { type: "state"; id: number }
  | { type: "bump"; id: number; x: number; amplitude: number; velocity: number }
  | { type: "predator"; id: number; predator: { position: [number, number, number]; radius: number } | null }
  | { type: "set"; id: number; options: Record<string, unknown> }
  | { type: "netcdf"; id: number }
  | { type: "dispose"; id: number };

/** Static facts about a loaded run (sent once per load/restart). */
export interface RunInfo {
  /** The model. */
  model: ModelName;
  /** The preset (case) name. */
  caseName: string;
  /** The case's title. */
  scenarioName: string;
  /** The seed's algorithm (legacy) or samudra's corrected one. */
  legacy: boolean;
  /** Simulated time per frame. */
  frameDt: number;
  /** Time of frame 0. */
  tStart: number;
  /** Time of the last frame (NLSE/KG), null for the school (it runs until its step budget). */
  tEnd: number | null;
  /** Field runs: grid range; school: [0, boxSize]. */
  xMin: number;
  /** Right end of the x range (see xMin). */
  xMax: number;
  /** True when the run has an exact solution (the `error` diagnostic is finite). */
  exact: boolean;
  /** Names of the per-frame diagnostics in {@link ViewData.diag} (fixed order). */
  diagNames: string[];
  /** Names of the field curves (NLSE: |ψ|, Re ψ, Im ψ; KG: φ, φ_t); empty for the school. */
  fieldNames: string[];
  /** The resolved options of the run (plain JSON). */
  options: Record<string, unknown>;
  /** Every preset (case) of the model. */
  presets: string[];
  /** Presets that have a legacy (seed) face. */
  legacyPresets: string[];
  /** 256 × RGB lookup table of the heatmap's colormap (render.colormap): viridis for |ψ|, rdbu for φ. */
  colormap?: Uint8Array;
  /** After `set`: whether the change continued the run from its state or reloaded it from frame 0. */
  applied?: "continue" | "restart";
}

/** What the views draw after an advance. */
export interface ViewData {
  /** Frames produced so far (frame 0 included). */
  frame: number;
  /** Time of the latest frame. */
  t: number;
  /** "ok", "ended" (NLSE/KG reached their last frame), or why the run stopped ("non-finite", "budget", …). */
  status: string;
  /** Human-readable end/failure message ("" while ok). */
  message: string;
  /** Per frame since the last ViewData: time and diagnostics (diag[name][i] belongs to times[i]). */
  times: Float64Array;
  /** Diagnostics per frame by name (diag[name][i] belongs to times[i]). */
  diag: Record<string, Float64Array>;
  /** Field runs: the grid and the latest field curves. */
  x?: Float64Array;
  /** Field runs: the latest field curves by name (fieldNames of RunInfo). */
  field?: Record<string, Float64Array>;
  /** Field runs: one heatmap row (heatCols values; |ψ| or φ) per frame since the last ViewData, row-major. */
  rows?: Float32Array;
  /** Field runs: values per heatmap row. */
  heatCols?: number;
  /** School runs: the latest positions and velocities (3N each), box and predator. */
  school?: { positions: Float64Array; velocities: Float64Array; n: number; boxSize: number; periodic: boolean; predator: [number, number, number] | null };
}

/** A state snapshot as `el.state()` returns it: copies, exactly the bits the worker's run holds. */
export interface SimState {
  /** The model. */
  model: ModelName;
  /** Frames produced so far (frame 0 included). */
  frame: number;
  /** Time of the latest frame. */
  t: number;
  /** NLSE: ψ interleaved (2N). */
  psi?: Float64Array;
  /** KG: φ and φ_t (N each). */
  phi?: Float64Array;
  /** KG: φ_t (N). */
  phiT?: Float64Array;
  /** School: positions and velocities (3N each) and the step count. */
  positions?: Float64Array;
  /** School: velocities (3N, x, y, z interleaved). */
  velocities?: Float64Array;
  /** School: model steps taken. */
  step?: number;
}

/** The worker's answer to a request. */
export type Reply =
  | { type: "reply"; id: number; ok: true; info?: RunInfo; view?: ViewData; state?: SimState; bytes?: Uint8Array }
  | { type: "reply"; id: number; ok: false; error: string };
