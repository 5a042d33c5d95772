// Helpers for test/web-school-gl.test.ts and bench/web-school-gl.bench.mjs: make a view on a fresh canvas of
// w × h CSS px (devicePixelRatio 1), draw a frame, and read the canvas back as RGBA bytes (base64).
import { SchoolGLView } from "/bundle/school-gl.js";

const views = new Map();
let next = 0;

/** A view on a new canvas of w × h CSS px at (left, top) = (10, 20), drawing buffer × dpr; returns its id. */
window.mk = (w, h, options, dpr = 1) => {
  const canvas = document.createElement("canvas");
  Object.assign(canvas.style, { position: "absolute", left: "10px", top: `${20 + 0}px`, width: `${w}px`, height: `${h}px` });
  document.body.append(canvas);
  const view = new SchoolGLView(canvas, options);
  view.resize(w, h, dpr);
  const id = next++;
  views.set(id, { view, canvas });
  return { id, fallback: view.fallback };
};

const f64 = (a) => Float64Array.from(a);
const frameOf = (f) => ({ ...f, positions: f64(f.positions), velocities: f64(f.velocities) });

/** update + render, then the pixels (read in the same task), the camera and the canvas's client rect. */
window.draw = (id, frame, view) => {
  const v = views.get(id);
  if (view) v.view.setView(view);
  v.view.update(frameOf(frame));
  v.view.render();
  return { ...window.pixels(id), camera: JSON.parse(JSON.stringify(v.view.camera)), rect: v.canvas.getBoundingClientRect().toJSON() };
};

window.pixels = (id) => {
  const { canvas } = views.get(id);
  const c = document.createElement("canvas");
  c.width = canvas.width; c.height = canvas.height;
  const ctx = c.getContext("2d");
  ctx.drawImage(canvas, 0, 0);
  const d = ctx.getImageData(0, 0, c.width, c.height).data;
  let s = "";
  for (let i = 0; i < d.length; i += 0x8000) s += String.fromCharCode(...d.subarray(i, i + 0x8000));
  return { w: c.width, h: c.height, rgba: btoa(s) };
};

window.pick = (id, x, y) => views.get(id).view.pickWorld(x, y);
window.attributes = (id) => views.get(id).canvas.getContext("webgl2")?.getContextAttributes() ?? null;
window.glInfo = (id) => {
  const probe = document.createElement("canvas").getContext("webgl2");
  if (!probe) return null;
  const ext = probe.getExtension("WEBGL_debug_renderer_info");
  return ext ? probe.getParameter(ext.UNMASKED_RENDERER_WEBGL) : probe.getParameter(probe.RENDERER);
};
window.views = views;
window.SchoolGLView = SchoolGLView;
document.title = "ready";
