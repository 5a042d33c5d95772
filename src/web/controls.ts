/**
 * The element's controls as Lit templates. `minimal`: play/pause, reset, step, the time and frame. `full`: also
 * the preset (case) with its legacy face, the speed, the common options of the model — each marked "live" (the run
 * continues from its current state) or "restarts" (the run reloads from frame 0) — and the PNG / NetCDF exports.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { ModelName, RunInfo, RunState } from "./protocol.js";

/** One editable option in the full controls. */
interface OptionControl { key: string; label: string; live: boolean; step?: number; choices?: string[] }

/** The common options per model shown in the full controls (live = continues from the current state). */
export const OPTION_CONTROLS: Record<ModelName, OptionControl[]> = {
  nlse: [
    { key: "gamma", label: "γ (nonlinearity)", live: true, step: 0.1 },
    { key: "beta", label: "β (dispersion)", live: true, step: 0.05 },
    { key: "method", label: "method", live: true, choices: ["dop853", "rk45", "strang", "yoshida4", "yoshida6", "kahanli6", "etdrk4"] },
    { key: "numPoints", label: "grid points N", live: false, step: 64 },
    { key: "domainLength", label: "domain L", live: false, step: 5 },
  ],
  kg: [
    { key: "mass", label: "mass m", live: true, step: 0.1 },
    { key: "lambda", label: "λ", live: true, step: 0.1 },
    { key: "velocity", label: "velocity u", live: false, step: 0.05 },
    { key: "nx", label: "grid points nx", live: false, step: 64 },
  ],
  school: [
    { key: "noise", label: "noise", live: true, step: 0.01 },
    { key: "rOrientation", label: "orientation radius", live: true, step: 0.5 },
    { key: "speed", label: "fish speed", live: true, step: 0.1 },
    { key: "nFish", label: "fish N", live: false, step: 50 },
  ],
};

/** What the controls show and call. */
export interface ControlsModel {
  mode: "none" | "minimal" | "full";
  state: RunState;
  t: number;
  frame: number;
  info: RunInfo | null;
  speed: number;
  onPlayPause(): void;
  onReset(): void;
  onStep(): void;
  onPreset(preset: string, legacy: boolean): void;
  onSpeed(speed: number): void;
  onOption(key: string, value: unknown): void;
  onSnapshot(): void;
  onNetCDF(): void;
}

/**
 * The controls bar (nothing for mode "none").
 * @example render(html`${controls({ mode: "minimal", state: "paused", t: 0, frame: 1, info, speed: 2, onPlayPause, … })}`, host);
 */
export function controls(m: ControlsModel): TemplateResult | typeof nothing {
  if (m.mode === "none") return nothing;
  const playing = m.state === "playing";
  const bar = html`<div class="bar" part="controls">
    <button class="play" @click=${m.onPlayPause} ?disabled=${m.state === "loading" || m.state === "ended" || m.state === "error"}>${playing ? "❚❚ pause" : "▶ play"}</button>
    <button class="reset" @click=${m.onReset}>↺ reset</button>
    <button class="step" @click=${m.onStep} ?disabled=${m.state === "loading" || m.state === "ended" || m.state === "error"}>step</button>
    <span class="status">${m.info ? m.info.scenarioName : "loading…"} · t = ${m.t.toFixed(3)} · frame ${m.frame} · ${m.state}</span>
  </div>`;
  if (m.mode !== "full" || !m.info) return bar;
  const info = m.info;
  const presetValue = `${info.caseName}${info.legacy ? ":legacy" : ""}`;
  const presets = info.presets.flatMap((p) => info.legacyPresets.includes(p) ? [p, `${p}:legacy`] : [p]);
  return html`${bar}<div class="full" part="options">
    <label>preset <select class="preset" @change=${(e: Event) => { const [p, l] = (e.target as HTMLSelectElement).value.split(":"); m.onPreset(p, l === "legacy"); }}>
      ${presets.map((p) => html`<option value=${p} ?selected=${p === presetValue}>${p.replace(":legacy", " (legacy)")}</option>`)}
    </select> <em>restarts</em></label>
    <label>speed <input class="speed" type="range" min="-2" max="2.1" step="0.1" .value=${String(Number.isFinite(m.speed) ? Math.log10(m.speed / defaultSpeedOf(info)) : 2.1)}
      @input=${(e: Event) => { const v = Number((e.target as HTMLInputElement).value); m.onSpeed(v > 2 ? Infinity : defaultSpeedOf(info) * 10 ** v); }}>
      <span>${Number.isFinite(m.speed) ? `${m.speed.toPrecision(3)} t/s` : "max"}</span> <em>live</em></label>
    ${OPTION_CONTROLS[info.model].map((c) => optionInput(c, info, m))}
    <button class="png" @click=${m.onSnapshot}>PNG</button>
    <button class="netcdf" @click=${m.onNetCDF}>NetCDF</button>
  </div>`;
}

function optionInput(c: OptionControl, info: RunInfo, m: ControlsModel): TemplateResult {
  const value = info.options[c.key] ?? (c.key === "numPoints" ? info.options.N : c.key === "domainLength" ? info.options.L : "");
  const live = c.live && !info.legacy;   // a legacy (seed) run restarts for every change (worker.ts)
  const badge = html`<em class=${live ? "live" : "restart"}>${live ? "live" : "restarts"}</em>`;
  if (c.choices) {
    return html`<label>${c.label} <select data-option=${c.key} @change=${(e: Event) => m.onOption(c.key, (e.target as HTMLSelectElement).value)}>
      ${c.choices.map((v) => html`<option ?selected=${v === value}>${v}</option>`)}</select> ${badge}</label>`;
  }
  return html`<label>${c.label} <input data-option=${c.key} type="number" step=${c.step ?? "any"} .value=${String(value)}
    @change=${(e: Event) => m.onOption(c.key, Number((e.target as HTMLInputElement).value))}> ${badge}</label>`;
}

/**
 * The default speed (simulated time per second): field runs play their whole span in 10 s; the school one frame per
 * display frame at 60 Hz.
 * @example defaultSpeedOf(info) // e.g. 2 for the 20-time-unit single soliton
 */
export function defaultSpeedOf(info: RunInfo): number {
  if (info.tEnd !== null) return (info.tEnd - info.tStart) / 10;
  return info.frameDt * 60;
}
