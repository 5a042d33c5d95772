// kg_cases.ts — Klein–Gordon initial conditions (φ0 and φ̇0 at grid points x[j]), in WASM so every engine gets
// the same bits. Seed versions as coded (klein-gordon.md §2) and corrected ones:
//   gaussian      φ0 = A e^{−((x−x0)/w)²}, φ̇0 = g·φ0 (the seed's "velocity" is a growth rate)
//   packet        φ0 = A e^{−((x−x0)/w)²} cos k0(x−x0), φ̇0 = A e^{…} ω0 sin k0(x−x0), ω0 = √(k0² + m²)
//   kink          φ0 = v tanh(γ(x−x0)/δ), φ̇0 = −(uvγ/δ) sech²(…); δ = √2 (seed) or √2/(v√λ) (corrected)
//   seedBreather  φ0 = 4 atan(1/(ε cosh εξ)), φ̇0 = −4ωε sinh εξ/(ε² cosh² εξ + 1), ε = √(1 − ω²)
//   sgBreather    exact: φ = 4 atan[(ε/ω) sin(ωT)/cosh(εX)], X = γ(ξ − ut), T = γ(t − uξ) + t0, at t = 0
//   kinkAntikink  seed: K + A without the −v offset and with Ȧ = +(uvγ/√2)sech²; corrected: v[tanh(γ(x+d/2)/δ)
//                 − tanh(γ(x−d/2)/δ) − 1] with both φ̇ terms −(uvγ/δ)sech²
//   sgKink        4 atan(e^{±γ(x − x0)}), φ̇0 = ∓(2uγ) sech(γ(x − x0)) (kink +, antikink −)

// @ts-ignore: decorator
@inline function X(x: usize, j: i32): f64 { return load<f64>(x + (<usize>j << 3)); }
// @ts-ignore: decorator
@inline function put(p: usize, j: i32, v: f64): void { store<f64>(p + (<usize>j << 3), v); }
function sech(z: f64): f64 { return 1.0 / Math.cosh(z); }

export function kgIcGaussian(x: usize, n: i32, A: f64, x0: f64, w: f64, g: f64, phi: usize, pi: usize): void {
  for (let j = 0; j < n; j++) { const z = (X(x, j) - x0) / w; const f = A * Math.exp(-z * z); put(phi, j, f); put(pi, j, g * f); }
}

export function kgIcPacket(x: usize, n: i32, A: f64, x0: f64, w: f64, k0: f64, m: f64, phi: usize, pi: usize): void {
  const om = Math.sqrt(k0 * k0 + m * m);
  for (let j = 0; j < n; j++) {
    const d = X(x, j) - x0, z = d / w, e = A * Math.exp(-z * z);
    put(phi, j, e * Math.cos(k0 * d)); put(pi, j, e * om * Math.sin(k0 * d));
  }
}

export function kgIcKink(x: usize, n: i32, v: f64, x0: f64, u: f64, delta: f64, phi: usize, pi: usize): void {
  const moving = Math.abs(u) >= 1e-10;
  const g = moving ? 1.0 / Math.sqrt(1.0 - u * u) : 1.0;
  for (let j = 0; j < n; j++) {
    const xi = g * (X(x, j) - x0) / delta;
    put(phi, j, v * Math.tanh(xi));
    const s = sech(xi);
    put(pi, j, moving ? -u * v * g / delta * s * s : 0.0);
  }
}

export function kgIcSeedBreather(x: usize, n: i32, om: f64, x0: f64, phi: usize, pi: usize): void {
  const ox = Math.sqrt(1.0 - om * om);
  for (let j = 0; j < n; j++) {
    const xi = ox * (X(x, j) - x0), ch = Math.cosh(xi);
    put(phi, j, 4.0 * Math.atan(1.0 / (ox * ch)));
    put(pi, j, -4.0 * om * ox * Math.sinh(xi) / (ox * ox * ch * ch + 1.0));
  }
}

export function kgIcSgBreather(x: usize, n: i32, om: f64, x0: f64, u: f64, t0: f64, phi: usize, pi: usize): void {
  const eps = Math.sqrt(1.0 - om * om), g = 1.0 / Math.sqrt(1.0 - u * u);
  for (let j = 0; j < n; j++) {
    const xi = X(x, j) - x0;
    const Xx = g * xi, T = -g * u * xi + t0;
    const ch = Math.cosh(eps * Xx), sT = Math.sin(om * T), cT = Math.cos(om * T);
    const s = (eps / om) * sT / ch;
    const c = 4.0 / (1.0 + s * s);
    const dX = -(eps / om) * sT * eps * Math.sinh(eps * Xx) / (ch * ch);
    const dT = eps * cT / ch;
    put(phi, j, 4.0 * Math.atan(s));
    put(pi, j, c * (dX * (-g * u) + dT * g));
  }
}

export function kgIcKinkAntikink(x: usize, n: i32, v: f64, d: f64, u: f64, delta: f64, corrected: i32, phi: usize, pi: usize): void {
  const g = 1.0 / Math.sqrt(1.0 - u * u);
  for (let j = 0; j < n; j++) {
    const a = g * (X(x, j) + d / 2.0) / delta, b = g * (X(x, j) - d / 2.0) / delta;
    const sa = sech(a), sb = sech(b);
    if (corrected) {
      put(phi, j, v * (Math.tanh(a) - Math.tanh(b) - 1.0));
      put(pi, j, -(u * v * g / delta) * sa * sa - (u * v * g / delta) * sb * sb);
    } else {
      put(phi, j, v * Math.tanh(a) - v * Math.tanh(b));
      put(pi, j, -(u * v * g / delta) * sa * sa + (u * v * g / delta) * sb * sb);
    }
  }
}

export function kgIcSgKink(x: usize, n: i32, x0: f64, u: f64, sign: f64, phi: usize, pi: usize): void {
  const g = 1.0 / Math.sqrt(1.0 - u * u);
  for (let j = 0; j < n; j++) {
    const z = g * (X(x, j) - x0);
    put(phi, j, 4.0 * Math.atan(Math.exp(sign * z)));
    put(pi, j, -sign * 2.0 * u * g * sech(z));
  }
}
