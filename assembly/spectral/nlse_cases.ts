// nlse_cases.ts — initial conditions and exact solutions of  i ψ_t + ½ ψ_xx + |ψ|² ψ = 0  (β = ½, γ = 1),
// computed in WASM so every engine gets the same bits. All write interleaved complex ψ(x_j) for
// x_j = −L/2 + jL/N. `add` = 1 adds into `out` instead of overwriting (superpositions).
//   soliton          A sech(A(x − x0 − vt)) exp(i[vx + (A² − v²)t/2 + φ0])            (nlse.md §2.1)
//   seedBreather     √2 a sech(ax) e^{ifx} (1 + m cos 2fx)  — the seed's "breather" (§2.3: not Akhmediev)
//   gaussian         A exp(−(x − c)²/(2w²)), plus ε(ξ + iη) from numpy's legacy randn stream (§2.4)
//   akhmediev        [(1 − 4a) cosh bt + √(2a) cos Ωx + i b sinh bt]/[√(2a) cos Ωx − cosh bt] e^{it},
//                    Ω = 2√(1 − 2a), b = √(8a(1 − 2a)), 0 < a < ½                          (§2.3)
//   kuznetsovMa      a > ½: κ = 2√(2a − 1), ρ = √(8a(2a − 1)),
//                    [(1 − 4a) cos ρt + √(2a) cosh κx − iρ sin ρt]/[√(2a) cosh κx − cos ρt] e^{it}
//                    (the Akhmediev formula continued to a > ½)
//   peregrine        [1 − 4(1 + 2it)/(1 + 4x² + 4t²)] e^{it}                               (§2.5)
//   planeWave        1 + ε cos(Kx)
//   sechN            n·sech(x) (n = 2: the second-order soliton, period π/2)

import { mtSeed, mtGauss } from "../random/mt19937";

// @ts-ignore: decorator
@inline function xAt(j: i32, n: i32, L: f64): f64 { return -L / 2.0 + <f64>j * L / <f64>n; }

// @ts-ignore: decorator
@inline function put(out: usize, j: i32, re: f64, im: f64, add: i32): void {
  const o = <usize>j << 4;
  if (add) { re += load<f64>(out + o); im += load<f64>(out + o, 8); }
  store<f64>(out + o, re);
  store<f64>(out + o, im, 8);
}

function sech(z: f64): f64 { return 1.0 / Math.cosh(z); }

export function nlseGrid(out: usize, n: i32, L: f64): void {
  for (let j = 0; j < n; j++) store<f64>(out + (<usize>j << 3), xAt(j, n, L));
}

export function icSoliton(out: usize, n: i32, L: f64, A: f64, x0: f64, v: f64, t: f64, phase0: f64, add: i32): void {
  for (let j = 0; j < n; j++) {
    const x = xAt(j, n, L);
    const a = A * sech(A * (x - x0 - v * t));
    const th = v * x + (A * A - v * v) * t / 2.0 + phase0;
    put(out, j, a * Math.cos(th), a * Math.sin(th), add);
  }
}

export function icSeedBreather(out: usize, n: i32, L: f64, a: f64, f: f64, m: f64): void {
  const s2 = Math.sqrt(2.0);
  for (let j = 0; j < n; j++) {
    const x = xAt(j, n, L);
    const amp = s2 * a * sech(a * x) * (1.0 + m * Math.cos(2.0 * f * x));
    put(out, j, amp * Math.cos(f * x), amp * Math.sin(f * x), 0);
  }
}

/** Gaussian plus numpy-legacy noise: seeds the stream, draws randn(N) for Re then randn(N) for Im. */
export function icGaussianNoise(out: usize, n: i32, L: f64, A: f64, w: f64, c: f64, eps: f64, seed: u32, scratch: usize): void {
  mtSeed(seed);
  for (let j = 0; j < n; j++) store<f64>(scratch + (<usize>j << 3), mtGauss());
  for (let j = 0; j < n; j++) {
    const x = xAt(j, n, L);
    const g = A * Math.exp(-((x - c) * (x - c)) / (2.0 * w * w));
    const xi = load<f64>(scratch + (<usize>j << 3));
    const eta = mtGauss();
    put(out, j, g + eps * xi, eps * eta, 0);
  }
}

export function exAkhmediev(out: usize, n: i32, L: f64, a: f64, t: f64): void {
  const Om = 2.0 * Math.sqrt(1.0 - 2.0 * a), b = Math.sqrt(8.0 * a * (1.0 - 2.0 * a)), s = Math.sqrt(2.0 * a);
  const ch = Math.cosh(b * t), sh = Math.sinh(b * t), ct = Math.cos(t), st = Math.sin(t);
  for (let j = 0; j < n; j++) {
    const cx = Math.cos(Om * xAt(j, n, L));
    const nr = (1.0 - 4.0 * a) * ch + s * cx, ni = b * sh, d = s * cx - ch;
    const qr = nr / d, qi = ni / d;
    put(out, j, qr * ct - qi * st, qr * st + qi * ct, 0);
  }
}

export function exKuznetsovMa(out: usize, n: i32, L: f64, a: f64, t: f64): void {
  const kap = 2.0 * Math.sqrt(2.0 * a - 1.0), rho = Math.sqrt(8.0 * a * (2.0 * a - 1.0)), s = Math.sqrt(2.0 * a);
  const cr = Math.cos(rho * t), sr = Math.sin(rho * t), ct = Math.cos(t), st = Math.sin(t);
  for (let j = 0; j < n; j++) {
    const chx = Math.cosh(kap * xAt(j, n, L));
    const nr = (1.0 - 4.0 * a) * cr + s * chx, ni = -rho * sr, d = s * chx - cr;
    const qr = nr / d, qi = ni / d;
    put(out, j, qr * ct - qi * st, qr * st + qi * ct, 0);
  }
}

export function exPeregrine(out: usize, n: i32, L: f64, t: f64): void {
  const ct = Math.cos(t), st = Math.sin(t);
  for (let j = 0; j < n; j++) {
    const x = xAt(j, n, L);
    const d = 1.0 + 4.0 * x * x + 4.0 * t * t;
    const qr = 1.0 - 4.0 / d, qi = -8.0 * t / d;
    put(out, j, qr * ct - qi * st, qr * st + qi * ct, 0);
  }
}

export function icPlaneWave(out: usize, n: i32, L: f64, eps: f64, K: f64): void {
  for (let j = 0; j < n; j++) put(out, j, 1.0 + eps * Math.cos(K * xAt(j, n, L)), 0.0, 0);
}

export function icSechN(out: usize, n: i32, L: f64, order: f64): void {
  for (let j = 0; j < n; j++) put(out, j, order * sech(xAt(j, n, L)), 0.0, 0);
}
