/**
 * The oracle of test/web-school-gl.test.ts: an independent perspective camera (not src/web/school-gl-camera.ts),
 * pixel probes on an RGBA screenshot, the 12 edges of the unit box, a three-fish test frame and its strokes.
 */
export type V3 = [number, number, number];
export interface Frame { positions: number[]; velocities: number[]; n: number; boxSize: number; periodic: boolean; predator?: V3 | null }
/** Canvas size of the test page and its background colour. */
export const W = 320, H = 240, BG: V3 = [0x0b, 0x0d, 0x12];

// ---- the oracle camera (independent of src/web/school-gl-camera.ts) ----
export const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const dot = (a: V3, b: V3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: V3, b: V3): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
export const unit = (a: V3): V3 => { const m = Math.hypot(...a); return [a[0] / m, a[1] / m, a[2] / m]; };
export const add = (a: V3, b: V3, s = 1): V3 => [a[0] + s * b[0], a[1] + s * b[1], a[2] + s * b[2]];

export function oracle(target: V3, R: number, az = 35, el = 20, zoom = 1, fovY = 40) {
  const d = Math.PI / 180, aspect = W / H, ty = Math.tan((fovY * d) / 2), tx = aspect * ty;
  const D = (zoom * R) / Math.sin(Math.min((fovY * d) / 2, Math.atan(tx)));
  const E: V3 = add(target, [Math.cos(el * d) * Math.cos(az * d), Math.cos(el * d) * Math.sin(az * d), Math.sin(el * d)], D);
  const f = unit(sub(target, E)), r = unit(cross(f, [0, 0, 1])), u = cross(r, f);
  const project = (p: V3): [number, number] => {
    const q = sub(p, E), z = dot(f, q);
    return [((dot(r, q) / (z * tx)) + 1) * (W / 2), (1 - dot(u, q) / (z * ty)) * (H / 2)];
  };
  /** viridis index 0 … 255 of a fish at p (near = 255). */
  const colourIndex = (p: V3) => (1 - Math.min(1, Math.max(0, (Math.hypot(...sub(p, E)) - (D - R)) / (2 * R)))) * 255;
  return { D, E, f, r, u, R, project, colourIndex, len: 0.06 * R, pixelWorld: (2 * D * ty) / H };
}

export const at = (s: { px: Buffer }, x: number, y: number): V3 => {
  const i = 4 * (Math.floor(y) * W + Math.floor(x));
  return [s.px[i], s.px[i + 1], s.px[i + 2]];
};
export const diff = (a: V3, b: V3) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);
export const inked = (s: { px: Buffer }, x: number, y: number, tol = 30) => diff(at(s, x, y), BG) > tol;
/** Some pixel within ±k px of (x, y) is drawn. */
export const inkedNear = (s: { px: Buffer }, x: number, y: number, k = 1) => {
  for (let dy = -k; dy <= k; dy++) for (let dx = -k; dx <= k; dx++) {
    const X = x + dx, Y = y + dy;
    if (X >= 0 && Y >= 0 && X < W && Y < H && inked(s, X, Y)) return true;
  }
  return false;
};
export const segDist = (px: number, py: number, a: [number, number], b: [number, number]) => {
  const vx = b[0] - a[0], vy = b[1] - a[1], L2 = vx * vx + vy * vy;
  const t = L2 > 0 ? Math.max(0, Math.min(1, ((px - a[0]) * vx + (py - a[1]) * vy) / L2)) : 0;
  return Math.hypot(px - a[0] - t * vx, py - a[1] - t * vy);
};
export const BOX_EDGES = (() => {
  const e: [V3, V3][] = [];
  for (let i = 0; i < 8; i++) for (const d of [1, 2, 4]) if (!(i & d)) {
    const c = (k: number): V3 => [k & 1, (k >> 1) & 1, (k >> 2) & 1];
    e.push([c(i), c(i | d)]);
  }
  return e;
})();

/** Three fish around the centre of a box of side 10, headings along x, y and a slanted direction. */
export const THREE: Frame = {
  positions: [3, 4, 5, 6.5, 6, 4.5, 5, 3, 6.5], velocities: [1, 0, 0, 0, 1, 0, 0.6, -0.5, 0.6], n: 3, boxSize: 10, periodic: true,
};
export const stroke = (o: ReturnType<typeof oracle>, fr: Frame, i: number) => {
  const p: V3 = [fr.positions[3 * i], fr.positions[3 * i + 1], fr.positions[3 * i + 2]];
  const v = unit([fr.velocities[3 * i], fr.velocities[3 * i + 1], fr.velocities[3 * i + 2]]);
  return { head: o.project(p), tail: o.project(add(p, v, -o.len)), p };
};

