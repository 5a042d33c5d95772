/**
 * Klein–Gordon model  φ_tt − φ_xx + V′(φ) = 0  (klein-gordon.md): the seed's leapfrog exactly (`legacy: true`:
 * end-point-inclusive grid, periodic with period nx·dx, adaptive Δt rule with its 5 %-threshold quirk, jittered
 * snapshot times) or, by default, fixed-step symplectic integrators (velocity Verlet; exact-linear-flow splittings of
 * order 2/4/6) on a proper periodic grid x_j = a + jL/N or a Neumann (DCT-I) grid. Forces and ICs run in WASM.
 * Diagnostics per snapshot: energy H, momentum P, zero crossings with sub-grid kink positions, max|φ|, energy
 * centroid, spectral tail fraction.
 */
import { kernel } from "../../wasm/load.js";
import { memoryBuffer } from "../../wasm/memory.js";
import { resolveKg, type KgOptions, type KgResolved } from "./options.js";

export interface KgSnapshot {
  index: number; t: number;
  /** φ and φ_t at the snapshot (views on WASM memory, valid during the callback). */
  phi: Float64Array; phiT: Float64Array;
  energy: number; momentum: number; maxAbs: number; centroid: number; tailFraction: number;
  /** sub-grid positions where φ crosses 0 (φ⁴, linear) or an odd multiple of π (sine-Gordon). */
  kinks: number[];
  /** topological charge (φ(x_max) − φ(x_min))/(2v) for φ⁴, /(2π) for sine-Gordon, 0 for the linear field. */
  charge: number;
}

export interface KgSummary {
  case: string; legacy: boolean; method: string; scenarioName: string;
  x: Float64Array; t: Float64Array; steps: number; adaptations: number; dtInitial: number; dtFinal: number;
  dtHistory: Array<{ step: number; dt: number }>;
  invariants: { energy: Float64Array; momentum: Float64Array; drift: { energy: number; momentum: number } };
  timing: { setupMs: number; integrateMs: number };
  options: KgResolved;
}

const POT = { linear: 0, phi4: 1, sine_gordon: 2 } as const;

function kinksOf(phi: Float64Array, x: Float64Array, sg: boolean): number[] {
  const out: number[] = [];
  const level = (v: number) => (sg ? Math.floor((v + Math.PI) / (2 * Math.PI)) : v >= 0 ? 1 : 0);
  for (let j = 1; j < phi.length; j++) {
    const a = phi[j - 1], b = phi[j];
    if (level(a) !== level(b)) {
      const target = sg ? (2 * Math.max(level(a), level(b)) - 1) * Math.PI : 0;
      const w = (target - a) / (b - a);
      out.push(x[j - 1] + w * (x[j] - x[j - 1]));
    }
  }
  return out;
}

/** Runs a case, calling onSnapshot per stored frame; returns the summary. */
export function simulateKg(o: KgOptions, onSnapshot?: (s: KgSnapshot) => void, where = "kleinGordon.simulate"): KgSummary {
  const t0 = performance.now();
  const r = resolveKg(where, o);
  const k = kernel();
  const n = r.nx, L = r.xMax - r.xMin;
  const neumann = r.boundary === "neumann" && !r.legacy;
  const inclusive = r.legacy || neumann;
  const dx = inclusive ? L / (n - 1) : L / n;
  const ctx = k.kgCreate(n, dx, neumann ? 1 : 0, POT[r.potential], r.mass, r.lambda, r.vacuum);
  if (r.dealias !== "none") k.kgSetDealias(ctx, r.dealias === "two_thirds" ? 1 : 2);
  const buf = k.alloc(8 * (6 * n + 4));
  const X = buf, A = buf + 8 * n, B = buf + 16 * n, C = buf + 24 * n, D = buf + 32 * n, DIAG = buf + 48 * n;
  const view = (p: number) => new Float64Array(memoryBuffer(), p, n);
  try {
    const xs = view(X);
    for (let j = 0; j < n; j++) xs[j] = inclusive ? r.xMin + (j * L) / (n - 1) : r.xMin + (j * L) / n;
    if (r.legacy) for (let j = 0; j < n; j++) xs[j] = r.xMin + j * ((r.xMax - r.xMin) / (n - 1));   // numpy linspace
    const x = Float64Array.from(xs);
    // initial condition into A (φ) and B (φ̇)
    const v = r.vacuum, delta = r.legacy ? Math.SQRT2 : Math.SQRT2 / (v * Math.sqrt(r.lambda));
    switch (r.icType) {
      case "gaussian": k.kgIcGaussian(X, n, r.amplitude, r.position, r.width, r.velocity, A, B); break;
      case "packet": k.kgIcPacket(X, n, r.amplitude, r.position, r.width, r.k0, r.potential === "linear" ? r.mass : 0, A, B); break;
      case "kink": k.kgIcKink(X, n, v, r.position, r.velocity, delta, A, B); break;
      case "breather":
        if (r.legacy) k.kgIcSeedBreather(X, n, r.frequency, r.position, A, B);
        else k.kgIcSgBreather(X, n, r.frequency, r.position, r.velocity, r.phase, A, B);
        break;
      case "kink_antikink": k.kgIcKinkAntikink(X, n, v, r.separation, r.velocity, delta, r.legacy ? 0 : 1, A, B); break;
      case "kink_pair": k.kgIcKinkAntikink(X, n, v, r.separation, 0, delta, 1, A, B); break;
      case "sg_kink": k.kgIcSgKink(X, n, r.position, r.velocity, r.sign, A, B); break;
    }
    const sg = r.potential === "sine_gordon";
    const frames: number[] = [], energy: number[] = [], momentum: number[] = [];
    let index = 0;
    const emit = (t: number, phi: number, phiT: number) => {
      k.kgDiagnostics(ctx, phi, phiT, DIAG);
      const dg = new Float64Array(memoryBuffer(), DIAG, 4);
      const ph = view(phi), pt = view(phiT);
      let maxAbs = 0;
      for (let j = 0; j < n; j++) maxAbs = Math.max(maxAbs, Math.abs(ph[j]));
      frames.push(t); energy.push(dg[0]); momentum.push(dg[1]);
      onSnapshot?.({ index: index++, t, phi: ph, phiT: pt, energy: dg[0], momentum: dg[1], maxAbs, centroid: x[0] + dg[3] * (x[1] - x[0]), tailFraction: dg[2], kinks: kinksOf(ph, x, sg), charge: r.potential === "linear" ? 0 : (ph[n - 1] - ph[0]) / (sg ? 2 * Math.PI : 2 * r.vacuum) });
    };
    const tA = performance.now();
    let steps = 0, adaptations = 0, dtInitial: number, dtFinal: number;
    const dtHistory: Array<{ step: number; dt: number }> = [];
    if (r.legacy) {
      // the seed's KGSolver.solve, step for step (klein-gordon.md §1.3–1.5)
      const kmax = Math.PI / dx, dtMin = 0.1 / kmax, dtMax = 0.5 / kmax;
      let dt = Math.max(dtMin, Math.min(r.dt, dtMax));
      dtInitial = dt;
      dtHistory.push({ step: 0, dt });
      // φ_old = φ0 − Δt φ̇0 + ½Δt² F(φ0)  into C
      k.kgForce(ctx, A, D);
      const a = view(A), b = view(B), c = view(C), f = view(D);
      for (let j = 0; j < n; j++) c[j] = a[j] - dt * b[j] + 0.5 * dt * dt * f[j];
      if (!Number.isFinite(k.kgMaxAbs(C, n))) throw new Error("kleinGordon: the initial condition is not finite");
      // snapshot 0: φ0 with φ̇0
      emit(0, A, B);
      let phi = A, old = C;
      const PREV = B, PT = D;                        // φ̇0 in B is free after snapshot 0
      let t = 0, maxPhi = k.kgMaxAbs(A, n);
      const interval = r.tFinal / r.nFrames;
      let next = interval;
      const maxSteps = Math.trunc(r.tFinal / dtMin) * 10;
      while (t < r.tFinal && steps < maxSteps) {
        const dtUsed = dt;
        // the seed adapts after the update but from φ^n, so deciding first changes nothing
        if (r.adaptiveDt && steps % 20 === 0) {
          const m = maxPhi;
          let d = m > 100 ? dt * 0.7 : m > 10 ? dt * 0.9 : dt * 1.05;
          d = Math.max(dtMin, Math.min(d, dtMax));
          if (Math.abs(d - dt) / dt > 0.05) { dt = d; adaptations++; dtHistory.push({ step: steps, dt }); }
        }
        const snap = t >= next || t + dtUsed >= r.tFinal;
        if (snap) view(PREV).set(view(old));          // φ^{n−1}, for φ_t = (φ^{n+1} − φ^{n−1})/(2Δt)
        maxPhi = k.kgLeapfrog(ctx, phi, old, dtUsed);   // old ← φ^{n+1}; returns max|φ^{n+1}|
        if (snap) {
          const np = view(old), pv = view(PREV), pt = view(PT);
          for (let j = 0; j < n; j++) pt[j] = (np[j] - pv[j]) / (2 * dtUsed);
          emit(t, phi, PT);
          next += interval;
        }
        const tmp = phi; phi = old; old = tmp;
        t += dt;
        steps++;
        if (!Number.isFinite(maxPhi)) throw new Error(`kleinGordon: the simulation became unstable at t = ${t.toFixed(4)}, step ${steps}`);
      }
      dtFinal = dt;
    } else {
      const interval = r.tFinal / r.nFrames;
      const sub = Math.max(1, Math.ceil(interval / r.dt - 1e-9));
      const dt = interval / sub;
      dtInitial = dtFinal = dt;
      const kmax = Math.PI / dx;
      const maxV2 = r.potential === "linear" ? r.mass ** 2 : r.potential === "phi4" ? 2 * r.lambda * r.vacuum ** 2 : 1;
      if (r.method === "verlet" && dt * Math.sqrt(kmax * kmax + maxV2) >= 2) {
        throw new RangeError(`${where}: dt = ${dt} is unstable for velocity Verlet on this grid (dt·√(k_max² + max V″) = ${(dt * Math.sqrt(kmax * kmax + maxV2)).toFixed(3)} ≥ 2); use dt < ${(2 / Math.sqrt(kmax * kmax + maxV2)).toPrecision(3)}`);
      }
      if (r.spongeWidth > 0 && r.spongeStrength > 0) {
        const f = view(D);                        // e^{−σ(x_j)Δt/2}, σ = s·(1 − d/w)² within w of an end
        for (let j = 0; j < n; j++) {
          const d = Math.min(x[j] - r.xMin, r.xMax - x[j]);
          const sigma = d < r.spongeWidth ? r.spongeStrength * (1 - d / r.spongeWidth) ** 2 : 0;
          f[j] = Math.exp(-sigma * dt / 2);
        }
        k.kgSetSponge(ctx, D);
      }
      const split = r.method === "verlet" ? 0 : k.kgSplitCreate(ctx, r.method === "strang_exact" ? 2 : r.method === "yoshida4" ? 4 : 6, dt);
      try {
        emit(0, A, B);
        for (let i = 1; i <= r.nFrames; i++) {
          if (split) k.kgSplitRun(split, A, B, sub); else k.kgKdk(ctx, A, B, dt, sub);
          steps += sub;
          if (!Number.isFinite(k.kgMaxAbs(A, n))) throw new Error(`kleinGordon: the simulation became unstable at t = ${(i * interval).toFixed(4)}`);
          emit(i * interval, A, B);
        }
      } finally {
        if (split) k.kgSplitFree(split);
      }
    }
    const tB = performance.now();
    const drift = (q: number[], rel: boolean) => { let m = 0; for (const v2 of q) m = Math.max(m, Math.abs(v2 - q[0])); return rel && Math.abs(q[0]) > 1e-12 ? m / Math.abs(q[0]) : m; };
    return {
      case: r.caseName, legacy: r.legacy, method: r.method, scenarioName: r.scenarioName,
      x, t: Float64Array.from(frames), steps, adaptations, dtInitial, dtFinal, dtHistory,
      invariants: { energy: Float64Array.from(energy), momentum: Float64Array.from(momentum), drift: { energy: drift(energy, true), momentum: drift(momentum, false) } },
      timing: { setupMs: tA - t0, integrateMs: tB - tA }, options: r,
    };
  } finally {
    k.free(buf);
    k.kgFree(ctx);
  }
}
