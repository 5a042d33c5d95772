// update.ts — one synchronous step of the zone model over all fish: new headings from the old (x, v), then
// x ← x + v_new·dt and the boundary. Neighbours come from the cell grid (cell ≥ r_a, 27-cell stencil).
//   legacy  (dewi-kadita's NumPy path): sums in neighbour-index order; repulsion −Σû if any, else
//           normalize(w_o·Σv̂ + Σû); NLERP turn capped at max_turn; then additive σ·randn(3) from numpy's
//           legacy stream and renormalise; blind cone on all zones; periodic cube.
//   couzin  (Couzin et al. 2002): repulsion −Σû, else ½(d̂_o + d̂_a) with the focal heading in d_o; the desired
//           direction is rotated by a wrapped Gaussian angle σ·N(0,1) about a uniformly random perpendicular
//           axis (counter-based draws keyed by seed, fish, step); then an exact rotation by at most max_turn.
import { School, ld, st, pyMod, MODE_LEGACY, BOUNDARY_PERIODIC, BOUNDARY_REFLECT } from "./state";
import { Grid, gridBuild, gi, gf, periodicLo, periodicHi } from "../neighbors/grid";
import { mtGauss } from "../random/mt19937";
import { counterUniform, counterNormalPair } from "../random/counter";

// accumulators of the fish being updated
let rx: f64 = 0, ry: f64 = 0, rz: f64 = 0, nr: i32 = 0;
let ox: f64 = 0, oy: f64 = 0, oz: f64 = 0, no: i32 = 0;
let ax: f64 = 0, ay: f64 = 0, az: f64 = 0, na: i32 = 0;

// @ts-ignore: decorator
@inline function wrap(c: i32, nc: i32): i32 { return c < 0 ? c + nc : (c >= nc ? c - nc : c); }

/** The seed's per-pair rule (numpy path: coincident fish are not skipped; unit offset of a zero offset is 0). */
// @ts-ignore: decorator
@inline function legacyPair(s: School, j: i32, dx: f64, dy: f64, dz: f64, cx: f64, cy: f64, cz: f64): void {
  const dist = Math.sqrt(dx * dx + dy * dy + dz * dz);
  if (dist >= s.ra) return;
  const dn = dist < 1e-10 ? 1.0 : dist;
  const ux = dx / dn, uy = dy / dn, uz = dz / dn;
  if (s.blindThreshold > -2 && !(cx * ux + cy * uy + cz * uz > s.blindThreshold)) return;
  if (dist < s.rr) { rx += ux; ry += uy; rz += uz; nr++; }
  else if (dist < s.ro) { const u = s.uvel; ox += ld(u, 3 * j); oy += ld(u, 3 * j + 1); oz += ld(u, 3 * j + 2); no++; }
  else { ax += ux; ay += uy; az += uz; na++; }
}

// @ts-ignore: decorator
@inline function couzinPair(s: School, j: i32, dx: f64, dy: f64, dz: f64, cx: f64, cy: f64, cz: f64, ra2: f64, rr2: f64, ro2: f64): void {
  const d2 = dx * dx + dy * dy + dz * dz;
  if (d2 >= ra2 || d2 < 1e-24) return;
  const dist = Math.sqrt(d2);
  if (s.blindThreshold > -2 && !(cx * dx + cy * dy + cz * dz > s.blindThreshold * dist)) return;
  const inv = 1.0 / dist;
  if (d2 < rr2) { rx += dx * inv; ry += dy * inv; rz += dz * inv; nr++; }
  else if (d2 < ro2) { const u = s.uvel; ox += ld(u, 3 * j); oy += ld(u, 3 * j + 1); oz += ld(u, 3 * j + 2); no++; }
  else { ax += dx * inv; ay += dy * inv; az += dz * inv; na++; }
}

// @ts-ignore: decorator
@inline function mi(d: f64, L: f64, per: bool): f64 { return per ? d - L * nearest<f64>(d / L) : d; }

/** Collects the neighbour candidates of fish i (all fish of the 27 cells around it) into s.cand. */
function gatherCandidates(s: School, g: Grid, i: i32): i32 {
  const per = g.periodic;
  let x = s.pos + <usize>(i * 24);
  let px = load<f64>(x), py = load<f64>(x, 8), pz = load<f64>(x, 16);
  const cx = <i32>Math.floor((px - g.ox) * g.inv), cy = <i32>Math.floor((py - g.oy) * g.inv), cz = <i32>Math.floor((pz - g.oz) * g.inv);
  const ccx = min(max(cx, 0), g.nx - 1), ccy = min(max(cy, 0), g.ny - 1), ccz = min(max(cz, 0), g.nz - 1);
  let m = 0;
  const zlo = per ? periodicLo(g.nz) : -1, zhi = per ? periodicHi(g.nz) : 1;
  const ylo = per ? periodicLo(g.ny) : -1, yhi = per ? periodicHi(g.ny) : 1;
  const xlo = per ? periodicLo(g.nx) : -1, xhi = per ? periodicHi(g.nx) : 1;
  for (let dz = zlo; dz <= zhi; dz++) {
    let z = ccz + dz; if (per) z = wrap(z, g.nz); else if (z < 0 || z >= g.nz) continue;
    for (let dy = ylo; dy <= yhi; dy++) {
      let y = ccy + dy; if (per) y = wrap(y, g.ny); else if (y < 0 || y >= g.ny) continue;
      for (let dx = xlo; dx <= xhi; dx++) {
        let xx = ccx + dx; if (per) xx = wrap(xx, g.nx); else if (xx < 0 || xx >= g.nx) continue;
        const c = xx + g.nx * (y + g.ny * z);
        const e = gi(g.cellStart, c + 1);
        for (let t = gi(g.cellStart, c); t < e; t++) { store<i32>(s.cand + (<usize>m << 2), gi(g.order, t)); m++; }
      }
    }
  }
  return m;
}

/** Insertion sort of cand[0..m) (candidate lists are short and nearly sorted: cells keep index order). */
function sortCandidates(p: usize, m: i32): void {
  for (let a = 1; a < m; a++) {
    const v = load<i32>(p + (<usize>a << 2));
    let b = a - 1;
    while (b >= 0 && load<i32>(p + (<usize>b << 2)) > v) { store<i32>(p + (<usize>(b + 1) << 2), load<i32>(p + (<usize>b << 2))); b--; }
    store<i32>(p + (<usize>(b + 1) << 2), v);
  }
}

function legacyHeading(s: School, i: i32, cx: f64, cy: f64, cz: f64): void {
  // desired direction
  let dx = cx, dy = cy, dz = cz;
  if (nr > 0) {
    const x = -rx, y = -ry, z = -rz, m = Math.sqrt(x * x + y * y + z * z);
    if (m > 1e-10) { dx = x / m; dy = y / m; dz = z / m; }
  } else {
    let x = 0.0, y = 0.0, z = 0.0;
    if (no > 0) { x = ox * s.wo; y = oy * s.wo; z = oz * s.wo; }
    if (na > 0) { x += ax; y += ay; z += az; }
    const m = Math.sqrt(x * x + y * y + z * z);
    if (m > 1e-10) { dx = x / m; dy = y / m; dz = z / m; }
  }
  // NLERP turn
  let dot = cx * dx + cy * dy + cz * dz;
  dot = dot < -1 ? -1 : (dot > 1 ? 1 : dot);
  const ang = Math.acos(dot);
  let nx = cx, ny = cy, nz = cz;
  if (ang < 1e-10) { /* keep */ }
  else if (ang <= s.maxTurn) { nx = dx; ny = dy; nz = dz; }
  else {
    const t = s.maxTurn / ang;
    nx = cx * (1 - t) + dx * t; ny = cy * (1 - t) + dy * t; nz = cz * (1 - t) + dz * t;
    const m = Math.sqrt(nx * nx + ny * ny + nz * nz);
    nx /= m; ny /= m; nz /= m;
  }
  if (s.noise > 0) {
    nx += mtGauss() * s.noise; ny += mtGauss() * s.noise; nz += mtGauss() * s.noise;
    const m = Math.sqrt(nx * nx + ny * ny + nz * nz);
    nx /= m; ny /= m; nz /= m;
  }
  const o = s.nvel + <usize>(i * 24);
  store<f64>(o, nx * s.speed); store<f64>(o, ny * s.speed, 8); store<f64>(o, nz * s.speed, 16);
}

/** A unit vector perpendicular to (x, y, z) (unit), built from the axis least aligned with it. */
let px_: f64 = 0, py_: f64 = 0, pz_: f64 = 0;
function perpendicular(x: f64, y: f64, z: f64): void {
  // cross with the coordinate axis of smallest |component|
  const ax_ = Math.abs(x), ay_ = Math.abs(y), az_ = Math.abs(z);
  let u: f64, v: f64, w: f64;
  if (ax_ <= ay_ && ax_ <= az_) { u = 0; v = -z; w = y; }        // e_x × d
  else if (ay_ <= az_) { u = z; v = 0; w = -x; }                  // e_y × d
  else { u = -y; v = x; w = 0; }                                   // e_z × d
  const m = Math.sqrt(u * u + v * v + w * w);
  px_ = u / m; py_ = v / m; pz_ = w / m;
}

function couzinHeading(s: School, i: i32, cx: f64, cy: f64, cz: f64): void {
  let dx = cx, dy = cy, dz = cz;
  if (nr > 0) {
    const m = Math.sqrt(rx * rx + ry * ry + rz * rz);
    if (m > 1e-12) { dx = -rx / m; dy = -ry / m; dz = -rz / m; }
  } else if (no > 0 || na > 0) {
    let x = 0.0, y = 0.0, z = 0.0;
    if (no > 0) {
      const tx = ox + cx, ty = oy + cy, tz = oz + cz;   // the focal fish's own heading counts
      const m = Math.sqrt(tx * tx + ty * ty + tz * tz);
      if (m > 1e-12) { x = tx / m; y = ty / m; z = tz / m; }
    }
    if (na > 0) {
      const m = Math.sqrt(ax * ax + ay * ay + az * az);
      if (m > 1e-12) { x += ax / m; y += ay / m; z += az / m; }
      if (no > 0) { x *= 0.5; y *= 0.5; z *= 0.5; }
    }
    const m = Math.sqrt(x * x + y * y + z * z);
    if (m > 1e-12) { dx = x / m; dy = y / m; dz = z / m; }
  }
  // wrapped-Gaussian noise on the desired direction: rotate by σ·g about a random perpendicular axis
  if (s.noise > 0) {
    const key = <u64>i, ctr = <u64>s.step;
    const g = counterNormalPair(s.seed, key, ctr << 1);
    const psi = 2 * Math.PI * counterUniform(s.seed, key, (ctr << 1) | 1);
    perpendicular(dx, dy, dz);
    // second perpendicular = d × p
    const qx = dy * pz_ - dz * py_, qy = dz * px_ - dx * pz_, qz = dx * py_ - dy * px_;
    const a = s.noise * g, ca = Math.cos(a), sa = Math.sin(a), cp = Math.cos(psi), sp = Math.sin(psi);
    const ex = cp * px_ + sp * qx, ey = cp * py_ + sp * qy, ez = cp * pz_ + sp * qz;
    dx = ca * dx + sa * ex; dy = ca * dy + sa * ey; dz = ca * dz + sa * ez;
  }
  // exact rotation of the heading toward d by at most maxTurn
  let dot = cx * dx + cy * dy + cz * dz;
  dot = dot < -1 ? -1 : (dot > 1 ? 1 : dot);
  const ang = Math.acos(dot);
  let nx = dx, ny = dy, nz = dz;
  if (ang > s.maxTurn) {
    let wx = dx - dot * cx, wy = dy - dot * cy, wz = dz - dot * cz;
    let m = Math.sqrt(wx * wx + wy * wy + wz * wz);
    if (m < 1e-12) { perpendicular(cx, cy, cz); wx = px_; wy = py_; wz = pz_; m = 1; }
    const c = Math.cos(s.maxTurn), sn = Math.sin(s.maxTurn) / m;
    nx = c * cx + sn * wx; ny = c * cy + sn * wy; nz = c * cz + sn * wz;
  }
  const m = Math.sqrt(nx * nx + ny * ny + nz * nz);
  const o = s.nvel + <usize>(i * 24), f = s.speed / m;
  store<f64>(o, nx * f); store<f64>(o, ny * f, 8); store<f64>(o, nz * f, 16);
}

/** Advances the school by `steps` synchronous steps. */
export function schoolStep(p: usize, steps: i32): void {
  const s = changetype<School>(p);
  const n = s.n, L = s.L, per = s.boundary == BOUNDARY_PERIODIC, legacy = s.mode == MODE_LEGACY;
  const pos = s.pos, vel = s.vel, uvel = s.uvel;
  const ra2 = s.ra * s.ra, rr2 = s.rr * s.rr, ro2 = s.ro * s.ro;
  const g = changetype<Grid>(s.grid);
  for (let it = 0; it < steps; it++) {
    for (let i = 0; i < n; i++) {
      const x = ld(vel, 3 * i), y = ld(vel, 3 * i + 1), z = ld(vel, 3 * i + 2);
      let m = Math.sqrt(x * x + y * y + z * z);
      if (m < 1e-10) m = 1.0;
      st(uvel, 3 * i, x / m); st(uvel, 3 * i + 1, y / m); st(uvel, 3 * i + 2, z / m);
    }
    gridBuild(s.grid, pos, n, per ? L : 0, s.ra, 0);
    // the stencil covers every cell when no axis has more than 3 cells: loop over all fish in index order
    const all = g.nx <= 3 && g.ny <= 3 && g.nz <= 3;
    for (let i = 0; i < n; i++) {
      rx = 0; ry = 0; rz = 0; nr = 0; ox = 0; oy = 0; oz = 0; no = 0; ax = 0; ay = 0; az = 0; na = 0;
      const b = pos + <usize>(i * 24);
      const pxi = load<f64>(b), pyi = load<f64>(b, 8), pzi = load<f64>(b, 16);
      const cx = ld(uvel, 3 * i), cy = ld(uvel, 3 * i + 1), cz = ld(uvel, 3 * i + 2);
      const m = all ? n : gatherCandidates(s, g, i);
      if (legacy && !all) sortCandidates(s.cand, m);
      for (let t = 0; t < m; t++) {
        const j = all ? t : load<i32>(s.cand + (<usize>t << 2));
        if (j == i) continue;
        const bj = pos + <usize>(j * 24);
        const dx = mi(load<f64>(bj) - pxi, L, per), dy = mi(load<f64>(bj, 8) - pyi, L, per), dz = mi(load<f64>(bj, 16) - pzi, L, per);
        if (legacy) legacyPair(s, j, dx, dy, dz, cx, cy, cz);
        else couzinPair(s, j, dx, dy, dz, cx, cy, cz, ra2, rr2, ro2);
      }
      if (legacy) legacyHeading(s, i, cx, cy, cz); else couzinHeading(s, i, cx, cy, cz);
    }
    // move
    const dt = s.dt, reflect = s.boundary == BOUNDARY_REFLECT;
    for (let q = 0; q < 3 * n; q++) {
      const v = ld(s.nvel, q);
      let x = ld(pos, q) + v * dt, vv = v;
      if (per) x = pyMod(x, L);
      else if (reflect) {
        if (x < 0) { x = -x; vv = -v; } else if (x > L) { x = 2 * L - x; vv = -v; }
      }
      st(pos, q, x); st(vel, q, vv);
    }
    s.step++;
  }
}
