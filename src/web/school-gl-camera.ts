/**
 * Camera of the 3-D school view: a perspective orbit camera about a target point, in f64 (the GPU gets f32
 * matrices relative to a per-frame origin, so far-drifted open-space schools keep their precision).
 *
 * World axes: z up. With azimuth a and elevation e (degrees) the eye sits at
 *   E = T + D (cos e cos a, cos e sin a, sin e),   D = zoom · R / sin(min(fovY, fovX) / 2),
 * so a sphere of radius R about the target T just fits the narrower field of view at zoom 1
 * (fovX = 2 atan(aspect · tan(fovY / 2)), aspect = width / height). The camera looks at T with up ≈ +z:
 *   f = (T − E)/D,  r = (f × ẑ)/|f × ẑ|,  u = r × f;
 * a point p has view coordinates (r·(p − E), u·(p − E), −f·(p − E)) and OpenGL clip coordinates
 *   (F/aspect · x_v, F · y_v, A z_v + B, −z_v),  F = 1/tan(fovY/2), A = (far + near)/(near − far), B = 2 far near/(near − far),
 * with near = 0.01 D and far = D + 20 R. Pixels (device px, origin top left, W × H): px = (x_c/w_c + 1) W/2,
 * py = (1 − y_c/w_c) H/2. Depth colour: s = (|p − E| − (D − R)) / 2R clamped to [0, 1], colour = viridis(1 − s)
 * (near fish yellow, far fish dark purple).
 */

/**
 * State of the orbit camera (world units and degrees); the last five fields are derived by {@link placeCamera}.
 * @example
 * const cam: SchoolGLCamera = placeCamera(defaultCamera([10, 10, 10], 17.3), 16 / 9);
 */
export interface SchoolGLCamera {
  /** The point looked at: the box centre (periodic runs) or the followed school centroid (open space). */
  target: [number, number, number];
  /** Framing radius R (world units, > 0): the sphere of radius R about the target fits the view at zoom 1. */
  radius: number;
  /** Degrees about +z, measured from +x (default 35). */
  azimuth: number;
  /** Degrees above the xy plane, kept within [−89, 89] (default 20). */
  elevation: number;
  /** Distance multiplier, within [0.05, 20]: < 1 moves closer (default 1). */
  zoom: number;
  /** Vertical field of view in degrees (default 40). */
  fovY: number;
  /** Width / height of the drawing buffer (derived). */
  aspect: number;
  /** Eye distance D from the target (derived). */
  distance: number;
  /** Eye position E (derived). */
  eye: [number, number, number];
  /** Near clipping distance 0.01 D (derived). */
  near: number;
  /** Far clipping distance D + 20 R (derived). */
  far: number;
}

const RAD = Math.PI / 180;

/**
 * A camera with the defaults (azimuth 35°, elevation 20°, zoom 1, fovY 40°) looking at `target` with radius `radius`.
 * @example
 * const cam = placeCamera(defaultCamera([5, 5, 5], 8.66), 4 / 3);   // cam.eye, cam.distance filled in
 */
export function defaultCamera(target: [number, number, number], radius: number): SchoolGLCamera {
  return { target: [target[0], target[1], target[2]], radius, azimuth: 35, elevation: 20, zoom: 1, fovY: 40, aspect: 1, distance: 0, eye: [0, 0, 0], near: 0, far: 0 };
}

/**
 * Fills the derived fields (aspect, distance, eye, near, far) of `cam` in place and returns it.
 * @example
 * placeCamera(cam, canvas.width / canvas.height).eye;   // [x, y, z]
 */
export function placeCamera(cam: SchoolGLCamera, aspect: number): SchoolGLCamera {
  const half = (cam.fovY * RAD) / 2, halfX = Math.atan(aspect * Math.tan(half));
  const D = (cam.zoom * cam.radius) / Math.sin(Math.min(half, halfX));
  const a = cam.azimuth * RAD, e = cam.elevation * RAD, T = cam.target;
  cam.aspect = aspect; cam.distance = D;
  cam.eye[0] = T[0] + D * Math.cos(e) * Math.cos(a); cam.eye[1] = T[1] + D * Math.cos(e) * Math.sin(a); cam.eye[2] = T[2] + D * Math.sin(e);
  cam.near = 0.01 * D; cam.far = D + 20 * cam.radius;
  return cam;
}

/**
 * The camera basis r (right), u (up), f (forward) as 9 numbers [r, u, f] into `out` (placed camera).
 * @example
 * const b = cameraBasis(cam, new Float64Array(9));   // f = b.subarray(6, 9) points from the eye to the target
 */
export function cameraBasis(cam: SchoolGLCamera, out: Float64Array): Float64Array {
  const D = cam.distance, E = cam.eye, T = cam.target;
  const fx = (T[0] - E[0]) / D, fy = (T[1] - E[1]) / D, fz = (T[2] - E[2]) / D;
  let rx = fy, ry = -fx;                                 // f × ẑ = (f_y, −f_x, 0)
  const rn = Math.hypot(rx, ry) || 1;
  rx /= rn; ry /= rn;
  out[0] = rx; out[1] = ry; out[2] = 0;
  out[3] = ry * fz; out[4] = -rx * fz; out[5] = rx * fy - ry * fx;   // u = r × f
  out[6] = fx; out[7] = fy; out[8] = fz;
  return out;
}

/**
 * The view-projection matrix (column-major, OpenGL clip space) of a placed camera, for points p − origin:
 * clip = M · (p − origin, 1). `basis` is scratch for 9 numbers.
 * @example
 * const m = viewProjection(cam, [0, 0, 0], new Float64Array(16), new Float64Array(9));
 */
export function viewProjection(cam: SchoolGLCamera, origin: ArrayLike<number>, out: Float64Array | Float32Array, basis: Float64Array): Float64Array | Float32Array {
  const b = cameraBasis(cam, basis), E = cam.eye, n = cam.near, fa = cam.far;
  const F = 1 / Math.tan((cam.fovY * RAD) / 2), A = (fa + n) / (n - fa), B = (2 * fa * n) / (n - fa);
  const ex = E[0] - origin[0], ey = E[1] - origin[1], ez = E[2] - origin[2];
  const dot = (k: number) => b[k] * ex + b[k + 1] * ey + b[k + 2] * ez;
  const rE = dot(0), uE = dot(3), fE = dot(6), sx = F / cam.aspect;
  for (let c = 0; c < 3; c++) {
    out[4 * c] = sx * b[c]; out[4 * c + 1] = F * b[3 + c]; out[4 * c + 2] = -A * b[6 + c]; out[4 * c + 3] = b[6 + c];
  }
  out[12] = -sx * rE; out[13] = -F * uE; out[14] = A * fE + B; out[15] = -fE;
  return out;
}

/**
 * Projects world point (x, y, z) − origin through `m` to device pixels of a W × H buffer: out = [px, py]; returns
 * the clip w (> 0 in front of the eye).
 * @example
 * const w = projectPoint(m, 5, 5, 5, 640, 480, xy);   // xy = [320, 240]: the target is at the centre
 */
export function projectPoint(m: ArrayLike<number>, x: number, y: number, z: number, W: number, H: number, out: Float64Array | number[]): number {
  const cx = m[0] * x + m[4] * y + m[8] * z + m[12], cy = m[1] * x + m[5] * y + m[9] * z + m[13];
  const w = m[3] * x + m[7] * y + m[11] * z + m[15];
  out[0] = (cx / w + 1) * (W / 2); out[1] = (1 - cy / w) * (H / 2);
  return w;
}

/**
 * The world point that normalized device coordinates (ndcX, ndcY ∈ [−1, 1], y up) hit on the plane through the
 * target facing the camera: T + D (ndcX · tan(fovX/2) r + ndcY · tan(fovY/2) u). `basis`: scratch for 9 numbers.
 * @example
 * pickOnTargetPlane(cam, 0, 0, new Float64Array(9));   // the target itself
 */
export function pickOnTargetPlane(cam: SchoolGLCamera, ndcX: number, ndcY: number, basis: Float64Array): [number, number, number] {
  const b = cameraBasis(cam, basis), ty = Math.tan((cam.fovY * RAD) / 2), tx = ty * cam.aspect, D = cam.distance, T = cam.target;
  const p: [number, number, number] = [0, 0, 0];
  for (let c = 0; c < 3; c++) p[c] = T[c] + D * (ndcX * tx * b[c] + ndcY * ty * b[3 + c]);
  return p;
}

/**
 * Where the camera should look for a frame: the box centre and half-diagonal (√3/2) L for periodic runs; else the
 * centroid of the finite positions and R = max(1.5 · rms distance from it, 0.05 L). Writes [x, y, z, R] into `out`.
 * @example
 * frameFocus(positions, 100, 25, false, focus);   // focus = [cx, cy, cz, R]
 */
export function frameFocus(p: ArrayLike<number>, n: number, L: number, periodic: boolean, out: Float64Array): Float64Array {
  if (periodic || n === 0) { out[0] = out[1] = out[2] = L / 2; out[3] = (Math.sqrt(3) / 2) * L; return out; }
  let sx = 0, sy = 0, sz = 0, k = 0;
  for (let i = 0; i < n; i++) {
    const x = p[3 * i], y = p[3 * i + 1], z = p[3 * i + 2];
    if (Number.isFinite(x + y + z)) { sx += x; sy += y; sz += z; k++; }
  }
  if (k === 0) { out[0] = out[1] = out[2] = L / 2; out[3] = (Math.sqrt(3) / 2) * L; return out; }
  sx /= k; sy /= k; sz /= k;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const dx = p[3 * i] - sx, dy = p[3 * i + 1] - sy, dz = p[3 * i + 2] - sz, d2 = dx * dx + dy * dy + dz * dz;
    if (Number.isFinite(d2)) ss += d2;
  }
  out[0] = sx; out[1] = sy; out[2] = sz; out[3] = Math.max(1.5 * Math.sqrt(ss / k), 0.05 * L);
  return out;
}
