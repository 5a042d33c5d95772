/**
 * The 3-D view of a fish school, as Scene items (scene.ts): an orthographic camera (azimuth φ, elevation ε) looking
 * at the box [0, L]³, fish drawn back to front as dots with a heading stroke, coloured by depth z through viridis.
 *
 * Periodic runs: a school that crosses a face of the box has fish at both ends of the wrapped coordinates, so drawn
 * as stored it falls apart in two (or more) pieces. Along each axis whose positions cluster — mean resultant length
 * R = |⟨e^{iθ}⟩| > 0.3 with θ = 2πx/L (Mardia & Jupp, "Directional Statistics", §2.2) — the positions are unwrapped
 * about the circular-mean centre c = (L/2π) arg⟨e^{iθ}⟩: x ↦ c + ((x − c + L/2) mod L) − L/2. The school stays in
 * one piece and may stick out of the drawn box by up to half its extent (an axis with spread-out fish, R ≤ 0.3, is
 * left as stored). Depth colour uses the wrapped z ∈ [0, L). Reflecting walls: drawn as stored, box drawn.
 * Open space: no box; the view is centred on the school's mean and scaled to max(L, its extent).
 */
import type { Item } from "./scene.js";
import type { Rect } from "./axes.js";

export interface Camera { azimuth: number; elevation: number }
export type Boundary = "periodic" | "open" | "reflect";
/** The box edges' colour (tests look for it at the projected corners). */
export const BOX_COLOUR = "#808080";

/** Circular-mean centre and mean resultant length R ∈ [0, 1] of coordinate `axis` of interleaved xyz positions. */
export function circularCentre(p: ArrayLike<number>, L: number, axis: number): { c: number; R: number } {
  const n = Math.floor(p.length / 3), k = (2 * Math.PI) / L;
  let cs = 0, sn = 0;
  for (let i = 0; i < n; i++) { const a = k * p[3 * i + axis]; cs += Math.cos(a); sn += Math.sin(a); }
  if (!n) return { c: L / 2, R: 0 };
  const c = (Math.atan2(sn, cs) / k + L) % L;
  return { c, R: Math.hypot(cs, sn) / n };
}

/** The positions to draw (see the header): a copy, unwrapped about the school's centre on clustered axes. */
export function viewPositions(p: ArrayLike<number>, L: number, boundary: Boundary, out: Float64Array = new Float64Array(p.length)): Float64Array {
  for (let i = 0; i < p.length; i++) out[i] = p[i];
  if (boundary !== "periodic") return out;
  for (let a = 0; a < 3; a++) {
    const { c, R } = circularCentre(p, L, a);
    if (!(R > 0.3)) continue;
    for (let i = a; i < out.length; i += 3) out[i] = c + ((((out[i] - c + L / 2) % L) + L) % L) - L / 2;
  }
  return out;
}

export interface SchoolView {
  items: Item[];
  /** The box's 8 projected corners (x, y pairs, pixels; corner i = (i&1, i>>1&1, i>>2&1)·L), empty in open space. */
  corners: number[];
  /** The fish's projected bounding box [x0, y0, x1, y1] in pixels (dot centres and heading tips). */
  bbox: [number, number, number, number];
}

/**
 * Items of one view inside `box` (pixels): box edges (periodic/reflect), then fish back to front. `lut`: 256 × RGB
 * depth colours; `zRange`: the depth mapped to its ends (default [0, L]; open space: relative to the mean).
 */
export function schoolView(box: Rect, positions: ArrayLike<number>, velocities: ArrayLike<number>, L: number, cam: Camera,
  boundary: Boundary, lut: Uint8Array, o: { dot?: number; lw?: number; scratch?: Float64Array } = {}): SchoolView {
  const n = Math.floor(positions.length / 3), P = viewPositions(positions, L, boundary, o.scratch);
  let cx = L / 2, cy = L / 2, cz = L / 2, ref = boundary === "periodic" ? 1.3 * L : 1.05 * L;
  if (boundary === "open" && n) {
    cx = cy = cz = 0;
    for (let i = 0; i < n; i++) { cx += P[3 * i]; cy += P[3 * i + 1]; cz += P[3 * i + 2]; }
    cx /= n; cy /= n; cz /= n;
    let r = 0;
    for (let i = 0; i < n; i++) r = Math.max(r, Math.hypot(P[3 * i] - cx, P[3 * i + 1] - cy, P[3 * i + 2] - cz));
    ref = Math.max(L, 2.2 * r);
  }
  const a = (cam.azimuth * Math.PI) / 180, e = (cam.elevation * Math.PI) / 180, ca = Math.cos(a), sa = Math.sin(a), ce = Math.cos(e), se = Math.sin(e);
  const side = Math.min(box.w, box.h), s = side / (1.55 * ref), X0 = box.x + box.w / 2, Y0 = box.y + box.h / 2;
  const proj = (x: number, y: number, z: number, out: number[], at: number): number => {
    const X = x - cx, Y = y - cy, Z = z - cz, w = ca * X + sa * Y;
    out[at] = X0 + (-sa * X + ca * Y) * s; out[at + 1] = Y0 - (-se * w + ce * Z) * s;
    return ce * w + se * Z;                  // larger = nearer the viewer
  };
  const items: Item[] = [], corners: number[] = [];
  if (boundary !== "open") {
    for (let i = 0; i < 8; i++) proj((i & 1) * L, ((i >> 1) & 1) * L, ((i >> 2) & 1) * L, corners, 2 * i);
    const seg: number[] = [], rgb: number[] = [];
    for (let i = 0; i < 8; i++) for (const d of [1, 2, 4]) if (!(i & d)) { seg.push(corners[2 * i], corners[2 * i + 1], corners[2 * (i | d)], corners[2 * (i | d) + 1]); rgb.push(128, 128, 128); }
    items.push({ kind: "segments", xy: seg, rgb, lw: o.lw ?? 1 });
  }
  const xy = new Float64Array(2 * n), tip = new Float64Array(2 * n), depth = new Float64Array(n), tmp = [0, 0];
  const stroke = 0.035 * L, bb: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    const x = P[3 * i], y = P[3 * i + 1], z = P[3 * i + 2], vx = velocities[3 * i], vy = velocities[3 * i + 1], vz = velocities[3 * i + 2];
    const m = Math.hypot(vx, vy, vz) || 1;
    depth[i] = proj(x, y, z, tmp, 0); xy[2 * i] = tmp[0]; xy[2 * i + 1] = tmp[1];
    proj(x + (stroke * vx) / m, y + (stroke * vy) / m, z + (stroke * vz) / m, tmp, 0); tip[2 * i] = tmp[0]; tip[2 * i + 1] = tmp[1];
    for (const q of [xy, tip]) if (Number.isFinite(q[2 * i] + q[2 * i + 1])) {
      bb[0] = Math.min(bb[0], q[2 * i]); bb[1] = Math.min(bb[1], q[2 * i + 1]); bb[2] = Math.max(bb[2], q[2 * i]); bb[3] = Math.max(bb[3], q[2 * i + 1]);
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((p, q) => depth[p] - depth[q]);
  const segs = new Float64Array(4 * n), dots = new Float64Array(2 * n), rgb = new Uint8Array(3 * n);
  order.forEach((i, k) => {
    const z = boundary === "periodic" ? ((positions[3 * i + 2] % L) + L) % L : boundary === "open" ? P[3 * i + 2] - cz + L / 2 : positions[3 * i + 2];
    const c = 3 * Math.max(0, Math.min(255, Math.round((z / L) * 255))) || 0;
    rgb[3 * k] = lut[c]; rgb[3 * k + 1] = lut[c + 1]; rgb[3 * k + 2] = lut[c + 2];
    segs[4 * k] = xy[2 * i]; segs[4 * k + 1] = xy[2 * i + 1]; segs[4 * k + 2] = tip[2 * i]; segs[4 * k + 3] = tip[2 * i + 1];
    dots[2 * k] = xy[2 * i]; dots[2 * k + 1] = xy[2 * i + 1];
  });
  items.push({ kind: "segments", xy: segs, rgb, lw: o.lw ?? 1 }, { kind: "dots", xy: dots, rgb, r: o.dot ?? 2 });
  return { items, corners, bbox: bb };
}
