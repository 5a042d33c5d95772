/**
 * embed.html: one `<samudra-sim>` filling the frame, for `<iframe>` embeds (the playground's "Copy embed code").
 * The state comes from the fragment (state.ts), the UI level from `?controls=full|minimal|none`, the model from
 * the state; the postMessage bridge is on (verbs updateParam, resetSim, pauseSim, playSim; `frame` messages out).
 */
import "../src/web/index.js";
import type { SamudraSim } from "../src/web/index.js";
import { MODELS, CATALOG, type Model } from "./catalog.js";
import { decodeState } from "./state.js";
import LZString from "lz-string";

const q = new URLSearchParams(location.search);
const controls = q.get("controls") ?? "minimal";
const el = document.createElement("samudra-sim") as SamudraSim;
let model: Model = (q.get("model") as Model) ?? "nlse";
try {
  const raw = /^#s=(.+)$/.exec(location.hash);
  const peek = raw ? JSON.parse(LZString.decompressFromEncodedURIComponent(raw[1]) ?? "{}") : {};
  if (MODELS.includes(peek.m)) model = peek.m;
  const s = decodeState(location.hash, model, Object.keys(CATALOG[model].presets));
  el.model = model;
  if (s) { el.preset = s.preset; el.legacy = s.legacy; el.seed = s.seed; el.options = s.options; }
} catch (e) {
  el.model = model;
  document.body.insertAdjacentHTML("afterbegin", `<p role="alert">${(e as Error).message}</p>`);
}
el.controls = (["full", "minimal", "none"].includes(controls) ? controls : "minimal") as SamudraSim["controls"];
el.bridge = true;
el.autoplay = q.get("autoplay") !== "0";
document.body.append(el);
