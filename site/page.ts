/**
 * A model page of the playground (nlse.html, kg.html, school.html; the model is `<body data-model>`): the
 * equation and explanation, every preset one click away (seed cases with their legacy face), sliders with ranges,
 * units and a live/restarts mark, play/pause/step/reset, live readouts, the legacy-vs-corrected split view for
 * the seed cases, and sharing: the URL fragment holds the state (state.ts) and is updated on every change, so a
 * reload or a copied link reproduces the run; "Copy embed code" gives an iframe of embed.html at a UI level;
 * downloads: PNG of the view, the run so far as NetCDF, the config as YAML for `samudra <model> --config`.
 */
import "../src/web/index.js";
import type { SamudraSim } from "../src/web/index.js";
import { SCHEMAS } from "../src/io/config-schema.js";
import { CATALOG, type Model, type Slider } from "./catalog.js";
import { decodeState, encodeState, type SiteState } from "./state.js";
import { configYaml } from "./yaml.js";
import { readoutRows, kinkPositions } from "./readouts.js";
import { CONTINUE_KEYS } from "../src/web/session.js";

const $ = <T extends Element = HTMLElement>(sel: string) => document.querySelector(sel) as T;
const model = document.body.dataset.model as Model;
const text = CATALOG[model];
const presets = Object.keys(text.presets);
/** Resolved-option names where they differ from the option (NLSE keeps N and L). */
const RESOLVED: Record<string, string> = { numPoints: "N", domainLength: "L" };

let state: SiteState = { model, preset: presets[0], legacy: false, seed: null, options: {} };
let split = false;
let notice = "";
try { state = decodeState(location.hash, model, presets) ?? state; } catch (e) { notice = (e as Error).message; }

// the elements are configured before they enter the document, so their first load is already the right run
const make = (id: string) => { const el = document.createElement("samudra-sim") as SamudraSim; el.id = id; el.controls = "none"; return el; };
const main = make("sim-main"), twin = make("sim-twin");
const sims = () => (split ? [main, twin] : [main]);

/** School seed cases default to the seed's rules: their corrected face asks for `legacy: false` explicitly. */
const explicitCorrected = (legacy: boolean) => model === "school" && state.preset in text.legacy && !legacy;
function configure(el: SamudraSim, legacy: boolean) {
  el.model = model; el.preset = state.preset; el.legacy = legacy; el.seed = state.seed;
  el.options = explicitCorrected(legacy) ? { ...state.options, legacy: false } : { ...state.options };
}

function apply() {
  syncSliders();
  configure(main, split ? true : state.legacy);
  twin.hidden = !split;
  if (split) configure(twin, false);
  if (split && !twin.isConnected) document.getElementById("sims")?.append(twin);   // its first load: the corrected face
  $("#diff").textContent = split ? text.legacy[state.preset] ?? "" : "";
  $("#split-labels").hidden = !split;
  renderPresets(); save();
}

function save() {
  const h = encodeState(state);
  if (location.hash !== h) history.replaceState(null, "", h);
  $<HTMLTextAreaElement>("#share-out").value = "";
}

function renderPresets() {
  const box = $("#presets");
  box.replaceChildren();
  for (const p of presets) {
    const faces = p in text.legacy ? [false, true] : [false];
    for (const legacy of faces) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "preset";
      b.dataset.preset = p; b.dataset.legacy = String(legacy);
      b.setAttribute("aria-pressed", String(state.preset === p && state.legacy === legacy && !split));
      b.title = legacy ? text.legacy[p] : text.presets[p];
      b.innerHTML = `<strong>${p}${legacy ? " (legacy)" : p in text.legacy ? " (corrected)" : ""}</strong><span>${legacy ? "the seed's algorithm, as published" : text.presets[p]}</span>`;
      b.onclick = () => { state = { model, preset: p, legacy, seed: null, options: {} }; split = false; apply(); syncSliders(); };
      box.append(b);
    }
  }
  const sb = $<HTMLButtonElement>("#split");
  sb.disabled = !(state.preset in text.legacy);
  sb.setAttribute("aria-pressed", String(split));
  sb.title = sb.disabled ? "only the seed cases have a legacy face" : "";
}

function sliderValue(s: Slider): unknown {
  if (s.key in state.options) return state.options[s.key];
  if (s.key === "seed" && state.seed !== null) return state.seed;
  const o = main.info?.options ?? {};
  return o[RESOLVED[s.key] ?? s.key];
}

function renderSliders() {
  const box = $("#sliders");
  box.replaceChildren();
  for (const s of text.sliders) {
    const id = `opt-${s.key}`, row = document.createElement("div");
    row.className = "slider";
    const mark = `<em data-mark="${s.key}"></em>`;
    if (s.choices) {
      row.innerHTML = `<label for="${id}">${s.label}</label><select id="${id}" data-key="${s.key}">${s.choices.map((c) => `<option>${c}</option>`).join("")}</select>${mark}`;
    } else {
      row.innerHTML = `<label for="${id}">${s.label}${s.unit && s.unit !== "1" ? ` <small>(${s.unit})</small>` : ""}</label>` +
        `<input id="${id}" data-key="${s.key}" type="range" min="${s.min}" max="${s.max}" step="${s.step}" aria-describedby="${id}-out">` +
        `<output id="${id}-out" for="${id}"></output>${mark}`;
    }
    box.append(row);
    const input = row.querySelector("input, select") as HTMLInputElement;
    const out = row.querySelector("output");
    input.addEventListener("input", () => { if (out) out.textContent = input.value; });
    input.addEventListener("change", () => void change(s, s.choices ? input.value : Number(input.value)));
  }
  syncSliders();
}

/** Live options continue the run, except in the seed's (legacy) face, where every change restarts it. */
export function isLive(s: Slider): boolean { return CONTINUE_KEYS[model].has(s.key) && !(split || state.legacy); }

function syncSliders() {
  for (const s of text.sliders) {
    const mark = document.querySelector(`em[data-mark="${s.key}"]`);
    if (mark) {
      const live = isLive(s);
      mark.className = live ? "live" : "restart";
      mark.textContent = live ? "live" : "restarts";
      mark.setAttribute("title", live ? "applies to the running simulation" : "changing it restarts the run from t = 0");
    }
    const input = document.getElementById(`opt-${s.key}`) as HTMLInputElement | null;
    if (!input) continue;
    const v = sliderValue(s);
    if (v !== undefined && v !== null) input.value = String(v);
    const out = document.getElementById(`opt-${s.key}-out`);
    if (out) out.textContent = v === undefined || v === null ? "" : String(v);
  }
}

async function change(s: Slider, value: unknown) {
  if (s.key === "seed") { state.seed = Number(value); apply(); status(`seed = ${value}: the run restarted`); return; }
  state.options = { ...state.options, [s.key]: value };
  save();
  try {
    const applied = await Promise.all(sims().map((el) => el.set({ [s.key]: value })));
    status(`${s.label} = ${value}: ${applied[0] === "continue" ? "applied to the running simulation" : "the run restarted from t = 0"}`);
  } catch (e) { status(`${s.label} = ${value} was refused: ${(e as Error).message}`); }
}

function status(m: string) { $("#status").textContent = m; }

// readouts: the main element's frames; KG kink positions from its state at most twice a second
let lastKinks = 0, kinks: number[] | null = null;
main.addEventListener("frame", (e) => {
  const d = (e as CustomEvent).detail as { t: number; frame: number; diagnostics: Record<string, number> };
  if (model === "kg" && performance.now() - lastKinks > 500 && main.info) {
    lastKinks = performance.now();
    void main.state().then((s) => {
      const phi = (s as unknown as { phi: Float64Array }).phi, info = main.info!;
      const dx = (info.xMax - info.xMin) / (phi.length - ((info.options as { boundary?: string }).boundary === "periodic" && !info.legacy ? 0 : 1));
      const potential = (info.options as { potential?: string }).potential;
      kinks = potential === "linear" ? null : kinkPositions(phi, info.xMin, dx, potential === "sine_gordon");   // a linear wave has no kinks
    }).catch(() => undefined);
  }
  const rows = readoutRows(model, d.diagnostics, kinks);
  $("#readouts").innerHTML = `<dt>t</dt><dd>${d.t.toFixed(3)}</dd><dt>frame</dt><dd>${d.frame}</dd>` + rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("");
});
main.addEventListener("statechange", (e) => {
  const d = (e as CustomEvent).detail as { state: string; message: string };
  $("#play").textContent = d.state === "playing" ? "❚❚ Pause" : "▶ Play";
  if (d.state === "paused" || d.state === "ended") syncSliders();
  if (d.state === "error") status(d.message);
});

$("#play").onclick = () => void Promise.all(sims().map((el) => (el.runState === "playing" ? el.pause() : el.play())));
$("#step").onclick = () => void Promise.all(sims().map((el) => el.advance(1)));
$("#reset").onclick = () => void Promise.all(sims().map((el) => el.reset()));
$("#split").onclick = () => { split = !split; apply(); };

const embedLevel = () => $<HTMLSelectElement>("#embed-level").value;
function shareLink() { return `${location.origin}${location.pathname}${encodeState(state)}`; }
function embedCode() {
  const src = `${location.origin}${location.pathname.replace(/[^/]*$/, "")}embed.html?controls=${embedLevel()}${encodeState(state)}`;
  return `<iframe src="${src}" width="720" height="520" style="border:0" title="samudra ${model} simulation" loading="lazy"></iframe>`;
}
async function copy(textOut: string, what: string) {
  $<HTMLTextAreaElement>("#share-out").value = textOut;
  try { await navigator.clipboard.writeText(textOut); status(`${what} copied`); } catch { status(`${what} is in the box below (the clipboard is not available here)`); }
}
$("#copy-link").onclick = () => void copy(shareLink(), "link");
$("#copy-embed").onclick = () => void copy(embedCode(), "embed code");

function download(blob: Blob, name: string) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob); a.download = name; document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 5000);
}
const stem = () => `${state.preset}${state.legacy ? "_legacy" : ""}`;
$("#dl-png").onclick = () => void main.snapshot().then((b) => download(b, `${stem()}.png`));
$("#dl-nc").onclick = () => void main.exportNetCDF().then((b) => download(b, `${stem()}.nc`)).catch((e: Error) => status(e.message));
$("#dl-yaml").onclick = () => download(new Blob([yamlText()], { type: "text/yaml" }), `${stem()}.yaml`);
/** The config file of the current run (exposed for the tests). */
export function yamlText(): string {
  const options = explicitCorrected(state.legacy) ? { ...state.options, legacy: false } : state.options;
  return configYaml(model, state.preset, state.legacy, state.seed, options, new Set(Object.keys(SCHEMAS[model])));
}
(window as unknown as { __site: unknown }).__site = { yamlText, state: () => state, encodeState, isLive, sliders: text.sliders, main, twin };

$("#title").textContent = text.title;
$("#equation").innerHTML = text.equation;
$("#explain").textContent = text.explain;
document.title = `${text.title} — samudra playground`;
if (notice) status(notice);
renderSliders();
apply();
$("#sims").append(main);
main.addEventListener("statechange", () => syncSliders(), { once: true });
