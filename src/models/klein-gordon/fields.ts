/**
 * Klein–Gordon fields that do not come from the integrator: the exact solutions the run is compared with
 * (kg_exact.ts in WASM — the SG breather, SG kink, SG kink–antikink and the boosted φ⁴ kink), the kink–antikink's
 * time offset τ0 from its separation, and a user's initialField (φ0, φ_t0) copied over the case's initial condition.
 */
import { kernel } from "../../wasm/load.js";
import { describe } from "../../validate.js";
import type { KgResolved } from "./options.js";

/** τ0 of the sine-Gordon kink–antikink whose kinks are `separation` apart at t = 0: |x_kink| = u|τ| − ln(u)/γ. */
export function sgPairTau0(where: string, r: KgResolved): number {
  const u = r.velocity, g = 1 / Math.sqrt(1 - u * u), half = r.separation / 2 + Math.log(u) / g;
  if (!(half > 0)) throw new RangeError(`${where}: separation must exceed −2 ln(u)/γ = ${(-2 * Math.log(u) / g).toPrecision(3)} for the sine-Gordon kink–antikink at u = ${u}, got ${r.separation}`);
  return -half / u;
}

/** The exact solution of the run's case, if it has one (corrected runs without sponge or dealiasing). */
export function exactOf(r: KgResolved): ((t: number, buf: number, out: number) => void) | null {
  if (r.legacy || r.spongeStrength > 0 || r.dealias !== "none") return null;
  const k = kernel(), n = r.nx, sg = r.potential === "sine_gordon";
  if (sg && r.icType === "breather") return (t, X, out) => k.kgExactSgBreather(X, n, r.frequency, r.position, r.velocity, r.phase, t, out);
  if (sg && r.icType === "sg_kink") return (t, X, out) => k.kgExactSgKink(X, n, r.position, r.velocity, r.sign, t, out);
  if (sg && r.icType === "sg_kink_antikink") { const tau0 = sgPairTau0("kleinGordon", r); return (t, X, out) => k.kgExactSgKinkAntikink(X, n, r.position, r.velocity, tau0, t, out, 0); }
  if (r.potential === "phi4" && r.icType === "kink") {
    const delta = Math.SQRT2 / (r.vacuum * Math.sqrt(r.lambda));
    return (t, X, out) => k.kgExactPhi4Kink(X, n, r.vacuum, r.position, r.velocity, delta, t, out);
  }
  return null;
}

/** Copies a user's φ0 and φ_t0 (validated: arrays of nx finite numbers) over the case's initial condition. */
export function setInitialField(where: string, f: unknown, phi: Float64Array, phiT: Float64Array): void {
  const n = phi.length;
  if (f === null || typeof f !== "object") throw new TypeError(`${where}: initialField must be { phi, phiT } (arrays of ${n} numbers at the grid points), got ${describe(f)}`);
  const o = f as Record<string, unknown>;
  for (const k of Object.keys(o)) if (k !== "phi" && k !== "phiT") throw new RangeError(`${where}: initialField has an unknown key "${k}"; it takes { phi, phiT }`);
  for (const [name, dst] of [["phi", phi], ["phiT", phiT]] as const) {
    const a = o[name] as ArrayLike<number> | undefined;
    if (a === null || typeof a !== "object" || typeof a.length !== "number") throw new TypeError(`${where}: initialField.${name} must be an array of ${n} numbers (one per grid point), got ${describe(a)}`);
    if (a.length !== n) throw new RangeError(`${where}: initialField.${name} must have nx = ${n} values (one per grid point), got ${a.length}`);
    for (let j = 0; j < n; j++) {
      const v = a[j];
      if (typeof v !== "number" || !Number.isFinite(v)) throw new RangeError(`${where}: initialField.${name}[${j}] must be a finite number, got ${describe(v)}`);
      dst[j] = v;
    }
  }
}
