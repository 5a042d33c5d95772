// init.ts — initial conditions. Legacy ones replay dewi-kadita's draws from numpy's global legacy MT19937
// stream (np.random.seed(seed), then rand(n,3)·L and randn(n,3) normalised; or the torus ring: per fish θ, r,
// z and v_z normals in that order), so a seed config's first frame equals the seed's. Couzin-mode ones draw
// from the counter-based generator keyed by (seed, fish, −1 − k).
import { School, ld, st, pyMod } from "./state";
import { mtSeed, mtDouble, mtGauss } from "../random/mt19937";
import { counterUniform, counterNormalPair, counterNormalSecond } from "../random/counter";

/** Legacy uniform positions in [0, L)³ and isotropic headings × speed (numpy draw order). */
export function schoolInitLegacyRandom(p: usize, seed: u32): void {
  const s = changetype<School>(p);
  const n = s.n, pos = s.pos, vel = s.vel;
  mtSeed(seed);
  for (let i = 0; i < 3 * n; i++) st(pos, i, mtDouble() * s.L);
  for (let i = 0; i < 3 * n; i++) st(vel, i, mtGauss());
  for (let i = 0; i < n; i++) {
    const x = ld(vel, 3 * i), y = ld(vel, 3 * i + 1), z = ld(vel, 3 * i + 2);
    let nr = Math.sqrt(x * x + y * y + z * z);
    if (nr == 0) nr = 1.0;
    st(vel, 3 * i, x / nr * s.speed); st(vel, 3 * i + 1, y / nr * s.speed); st(vel, 3 * i + 2, z / nr * s.speed);
  }
}

/** Legacy torus ring: centre (L/2)³, radius R(1 + 0.15 n₂), z spread 0.3R n₃, tangential heading (+0.1 n₄ in z). */
export function schoolInitLegacyTorus(p: usize, seed: u32, R: f64): void {
  const s = changetype<School>(p);
  const n = s.n, pos = s.pos, vel = s.vel, L = s.L, c = L / 2;
  mtSeed(seed);
  for (let i = 0; i < n; i++) {
    const theta = 2 * Math.PI * <f64>i / <f64>n + mtGauss() * 0.1;
    const r = R + mtGauss() * (R * 0.15);
    const x = c + r * Math.cos(theta), y = c + r * Math.sin(theta);
    const z = c + mtGauss() * (R * 0.3);
    st(pos, 3 * i, pyMod(x, L)); st(pos, 3 * i + 1, pyMod(y, L)); st(pos, 3 * i + 2, pyMod(z, L));
    const vx = -Math.sin(theta), vy = Math.cos(theta), vz = mtGauss() * 0.1;
    const nr = Math.sqrt(vx * vx + vy * vy + vz * vz);
    st(vel, 3 * i, vx / nr * s.speed); st(vel, 3 * i + 1, vy / nr * s.speed); st(vel, 3 * i + 2, vz / nr * s.speed);
  }
}

/**
 * Couzin mode: positions uniform in a cube of edge `extent` centred at (L/2)³ (in open space too, so
 * coordinates start positive), headings uniform on the sphere; `ring` > 0
 * instead places a ring of that radius in the xy-plane with tangential headings (a mill seed).
 */
export function schoolInitCounter(p: usize, extent: f64, ring: f64): void {
  const s = changetype<School>(p);
  const n = s.n, pos = s.pos, vel = s.vel, c = s.L / 2, seed = s.seed;
  for (let i = 0; i < n; i++) {
    const key = <u64>i;
    if (ring > 0) {
      const th = 2 * Math.PI * (<f64>i + counterUniform(seed, key, <u64>-1)) / <f64>n;
      const g1 = counterNormalPair(seed, key, <u64>-2), g2 = counterNormalSecond();
      const r = ring * (1 + 0.1 * g1);
      st(pos, 3 * i, c + r * Math.cos(th)); st(pos, 3 * i + 1, c + r * Math.sin(th)); st(pos, 3 * i + 2, c + 0.1 * ring * g2);
      st(vel, 3 * i, -Math.sin(th) * s.speed); st(vel, 3 * i + 1, Math.cos(th) * s.speed); st(vel, 3 * i + 2, 0);
    } else {
      for (let a = 0; a < 3; a++) st(pos, 3 * i + a, c + extent * (counterUniform(seed, key, <u64>(-1 - a)) - 0.5));
      const z = 2 * counterUniform(seed, key, <u64>-4) - 1, ph = 2 * Math.PI * counterUniform(seed, key, <u64>-5);
      const q = Math.sqrt(Math.max(0, 1 - z * z));
      st(vel, 3 * i, q * Math.cos(ph) * s.speed); st(vel, 3 * i + 1, q * Math.sin(ph) * s.speed); st(vel, 3 * i + 2, z * s.speed);
    }
  }
}
