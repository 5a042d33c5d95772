// kg_exact.ts — exact solutions of the Klein–Gordon cases that have one, evaluated at time t on the grid x[j]
// (in WASM so that errors against them are the same bits on every engine). γ = 1/√(1 − u²).
//   sine-Gordon breather      φ = 4 atan[(ε/ω) sin(ωT)/cosh(εX)], X = γ(ξ − ut), T = γ(t − uξ) + t0, ξ = x − x0, ε = √(1 − ω²)
//   sine-Gordon kink          φ = 4 atan(e^{±γ(x − x0 − ut)})
//   sine-Gordon kink–antikink φ = 4 atan[sinh(uγ(t + τ0)) / (u cosh(γ(x − x0)))]   (Perring–Skyrme 1962: the pair
//                             passes through itself at t = −τ0), φ_t = 4uγ cosh(uγτ)·D / (D² + sinh²(uγτ)), D = u cosh(γ(x − x0))
//   φ⁴ kink                   φ = v tanh(γ(x − x0 − ut)/δ), δ = √2/(v√λ)

// @ts-ignore: decorator
@inline function X(x: usize, j: i32): f64 { return load<f64>(x + (<usize>j << 3)); }
// @ts-ignore: decorator
@inline function put(p: usize, j: i32, v: f64): void { store<f64>(p + (<usize>j << 3), v); }

export function kgExactSgBreather(x: usize, n: i32, om: f64, x0: f64, u: f64, t0: f64, t: f64, phi: usize): void {
  const eps = Math.sqrt(1.0 - om * om), g = 1.0 / Math.sqrt(1.0 - u * u);
  for (let j = 0; j < n; j++) {
    const xi = X(x, j) - x0;
    const Xx = g * (xi - u * t), T = g * (t - u * xi) + t0;
    put(phi, j, 4.0 * Math.atan((eps / om) * Math.sin(om * T) / Math.cosh(eps * Xx)));
  }
}

export function kgExactSgKink(x: usize, n: i32, x0: f64, u: f64, sign: f64, t: f64, phi: usize): void {
  const g = 1.0 / Math.sqrt(1.0 - u * u);
  for (let j = 0; j < n; j++) put(phi, j, 4.0 * Math.atan(Math.exp(sign * g * (X(x, j) - x0 - u * t))));
}

/** Writes φ (and φ_t when pi ≠ 0) of the kink–antikink solution at time t; tau0 shifts the collision to t = −tau0. */
export function kgExactSgKinkAntikink(x: usize, n: i32, x0: f64, u: f64, tau0: f64, t: f64, phi: usize, pi: usize): void {
  const g = 1.0 / Math.sqrt(1.0 - u * u), a = u * g * (t + tau0);
  const S = Math.sinh(a), C = Math.cosh(a);
  for (let j = 0; j < n; j++) {
    const D = u * Math.cosh(g * (X(x, j) - x0));
    put(phi, j, 4.0 * Math.atan(S / D));
    if (pi != 0) put(pi, j, 4.0 * u * g * C * D / (D * D + S * S));
  }
}

export function kgExactPhi4Kink(x: usize, n: i32, v: f64, x0: f64, u: f64, delta: f64, t: f64, phi: usize): void {
  const g = 1.0 / Math.sqrt(1.0 - u * u);
  for (let j = 0; j < n; j++) put(phi, j, v * Math.tanh(g * (X(x, j) - x0 - u * t) / delta));
}
