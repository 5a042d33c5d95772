/**
 * index.html: the three models with their short descriptions and a thumbnail per preset (rendered at build time
 * in Node by scripts/build-site.mjs from a short run of the preset with samudra itself); each thumbnail links to
 * the model page with that preset selected (a state link, state.ts).
 */
import { MODELS, CATALOG } from "./catalog.js";
import { encodeState } from "./state.js";

const main = document.querySelector("main")!;
for (const m of MODELS) {
  const t = CATALOG[m], sec = document.createElement("section");
  sec.innerHTML = `<h2><a href="${m}.html">${t.title}</a></h2><p>${t.short}</p><p class="eq">${t.equation}</p>`;
  const grid = document.createElement("ul");
  grid.className = "thumbs";
  for (const [p, d] of Object.entries(t.presets)) {
    const li = document.createElement("li");
    const href = `${m}.html${encodeState({ model: m, preset: p, legacy: false, seed: null, options: {} })}`;
    li.innerHTML = `<a href="${href}"><img src="thumbs/${m}-${p}.png" alt="${p}: ${d}" width="192" height="120" loading="lazy"><strong>${p}</strong><span>${d}</span></a>`;
    grid.append(li);
  }
  sec.append(grid);
  main.append(sec);
}
