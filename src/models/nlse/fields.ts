/**
 * Initial conditions and exact solutions of the NLSE cases, evaluated in WASM (assembly/spectral/nlse_cases.ts)
 * into caller-provided WASM buffers (byte offsets), so every engine gets the same bits.
 */
import { kernel } from "../../wasm/load.js";
import type { Resolved } from "./options.js";

/** Writes ψ0 (interleaved complex, N points) at `out`; `scratch` is N doubles of WASM memory. */
export function initialField(r: Resolved, out: number, scratch: number): void {
  const k = kernel(), p = r.p, N = r.N, L = r.L;
  switch (r.caseName) {
    case "single_soliton": k.icSoliton(out, N, L, p.amplitude, p.position, p.velocity, 0, 0, 0); break;
    case "two_soliton":
      k.icSoliton(out, N, L, p.A1, p.x1, p.v1, 0, 0, 0);
      k.icSoliton(out, N, L, p.A2, p.x2, p.v2, 0, 0, 1);
      break;
    // the seed never passes `modulation` to its breather class, so legacy runs always use 0.5
    case "breather": k.icSeedBreather(out, N, L, p.amplitude, p.frequency, r.legacy ? 0.5 : p.modulation); break;
    case "modulation_instability": k.icGaussianNoise(out, N, L, p.amplitude, p.width, p.center, p.noiseLevel, p.seed, scratch); break;
    case "akhmediev": checkA(r, (a) => a > 0 && a < 0.5, "0 < a < 0.5"); k.exAkhmediev(out, N, L, p.a, r.tStart); break;
    case "peregrine": k.exPeregrine(out, N, L, r.tStart); break;
    case "kuznetsov_ma": checkA(r, (a) => a > 0.5, "a > 0.5"); k.exKuznetsovMa(out, N, L, p.a, r.tStart); break;
    case "plane_wave_mi": k.icPlaneWave(out, N, L, p.epsilon, (2 * Math.PI * p.mode) / L); break;
    case "second_order_soliton": k.icSechN(out, N, L, p.order); break;
  }
}

function checkA(r: Resolved, ok: (a: number) => boolean, rule: string): void {
  if (!ok(r.p.a)) throw new RangeError(`nlse: option a must satisfy ${rule} for case ${r.caseName}, got ${r.p.a}`);
}

/** True when the case has an exact solution (written by exactField). */
export function hasExact(r: Resolved): boolean {
  return !r.userField && (r.caseName === "single_soliton" || r.caseName === "akhmediev" || r.caseName === "peregrine" || r.caseName === "kuznetsov_ma")
    && r.beta === 0.5 && r.gamma === 1;
}

/** Writes the exact ψ(x, t) at `out` (cases with hasExact). */
export function exactField(r: Resolved, t: number, out: number): void {
  const k = kernel(), p = r.p, N = r.N, L = r.L;
  if (r.caseName === "single_soliton") k.icSoliton(out, N, L, p.amplitude, p.position, p.velocity, t, 0, 0);
  else if (r.caseName === "akhmediev") k.exAkhmediev(out, N, L, p.a, t);
  else if (r.caseName === "peregrine") k.exPeregrine(out, N, L, t);
  else if (r.caseName === "kuznetsov_ma") k.exKuznetsovMa(out, N, L, p.a, t);
}
