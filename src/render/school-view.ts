/**
 * Software 3-D view of a fish school: an orthographic camera (azimuth, elevation) over the cube [0, L]³,
 * fish drawn as dots with a heading stroke, coloured by depth z/L through a colormap; the cube's edges behind.
 * Used by the summary PNG (RGB raster) and the GIF (palette-indexed frames).
 */
export interface Camera { azimuth: number; elevation: number }

/** Projects (x, y, z) in [0, L]³ to the unit square (u right, v up) and returns depth for painter's order. */
export function projector(L: number, cam: Camera): (x: number, y: number, z: number) => [number, number, number] {
  const a = (cam.azimuth * Math.PI) / 180, e = (cam.elevation * Math.PI) / 180;
  const ca = Math.cos(a), sa = Math.sin(a), ce = Math.cos(e), se = Math.sin(e);
  const s = 1 / (L * Math.sqrt(3));
  return (x, y, z) => {
    const X = x - L / 2, Y = y - L / 2, Z = z - L / 2;
    const u = -sa * X + ca * Y;
    const w = ca * X + sa * Y;            // toward the viewer's depth axis
    const v = -se * w + ce * Z;
    const d = ce * w + se * Z;
    return [0.5 + u * s, 0.5 + v * s, d];
  };
}

/** Draw calls of one school view: cube edges then fish back to front. `put(x, y, colourIndex)` and `line(…)` in pixels. */
export function drawSchool(
  box: { x: number; y: number; w: number; h: number },
  positions: ArrayLike<number>, velocities: ArrayLike<number>, L: number, cam: Camera,
  draw: { line(x0: number, y0: number, x1: number, y1: number, depthColour: number): void; dot(x: number, y: number, depthColour: number): void; edge(x0: number, y0: number, x1: number, y1: number): void },
): void {
  const P = projector(L, cam), side = Math.min(box.w, box.h);
  const ox = box.x + (box.w - side) / 2, oy = box.y + (box.h - side) / 2;
  const px = (p: [number, number, number]) => [ox + p[0] * side, oy + (1 - p[1]) * side] as const;
  const corners: [number, number, number][] = [];
  for (let i = 0; i < 8; i++) corners.push([(i & 1) * L, ((i >> 1) & 1) * L, ((i >> 2) & 1) * L]);
  for (let i = 0; i < 8; i++) for (let j = i + 1; j < 8; j++) {
    const d = (i ^ j);
    if (d === 1 || d === 2 || d === 4) { const a = px(P(...corners[i])), b = px(P(...corners[j])); draw.edge(a[0], a[1], b[0], b[1]); }
  }
  const n = positions.length / 3;
  const order = Array.from({ length: n }, (_, i) => i);
  const depth = order.map((i) => P(positions[3 * i], positions[3 * i + 1], positions[3 * i + 2])[2]);
  order.sort((a, b) => depth[a] - depth[b]);
  const stroke = 0.035 * L;
  for (const i of order) {
    const x = positions[3 * i], y = positions[3 * i + 1], z = positions[3 * i + 2];
    const vx = velocities[3 * i], vy = velocities[3 * i + 1], vz = velocities[3 * i + 2];
    const m = Math.hypot(vx, vy, vz) || 1;
    const c = Math.max(0, Math.min(1, z / L));
    const a = px(P(x, y, z)), b = px(P(x + (stroke * vx) / m, y + (stroke * vy) / m, z + (stroke * vz) / m));
    draw.line(a[0], a[1], b[0], b[1], c);
    draw.dot(a[0], a[1], c);
  }
}
