// kg_split.ts — symplectic splitting for the Klein–Gordon equation (periodic grids):
//   H = [½π² + ½φ_x² + ½μ²φ²] + [V(φ) − ½μ²φ²]
//   linear flow L(h): per Fourier bin, ω = √(k² + μ²): φ̂' = cos(ωh)φ̂ + sin(ωh)/ω·π̂,  π̂' = −ω sin(ωh)φ̂ + cos(ωh)π̂
//   kick K(τ): π ← π − τ (V′(φ) − μ²φ)
// Strang L(h/2)K(h)L(h/2), composed with Yoshida's weights for orders 4 and 6 (as split_step.ts). μ² is m² for the
// linear potential (so the linear equation is solved exactly), 2λv² for φ⁴ and 1 for sine-Gordon. The state stays
// in Fourier space between kicks; one FFT pair per kick.

import { Kg, POT_LINEAR, POT_PHI4 } from "./kg";
import { realForward, realInverse } from "../fft/real";
import { allocZero } from "../fft/complex";
import { yoshidaStages, yoshidaWeights } from "./yoshida";
import { sinArray } from "./sincos";

// @ts-ignore: decorator
@unmanaged
export class KgSplit {
  ctx: usize; stages: i32; dt: f64;
  weights: usize;
  lin: usize;           // (stages + 1) × bins × [cos, sin/ω (or h), ω sin]
  fs: usize; ps: usize; // φ̂, π̂ (bins complex)
  g: usize;             // n reals (kick force)
}


export function kgSplitCreate(ctxp: usize, scheme: i32, dt: f64): usize {
  const c = changetype<Kg>(ctxp);
  const sp = changetype<KgSplit>(allocZero(offsetof<KgSplit>()));
  sp.ctx = ctxp; sp.dt = dt;
  const s = yoshidaStages(scheme);
  sp.stages = s;
  sp.weights = yoshidaWeights(scheme);
  const w = sp.weights;
  const bins = c.M / 2 + 1;
  sp.lin = allocZero(<usize>(s + 1) * <usize>bins * 24);
  for (let i = 0; i <= s; i++) {
    let ci: f64;
    if (i == 0) ci = load<f64>(w) / 2.0;
    else if (i == s) ci = load<f64>(w + (<usize>(s - 1) << 3)) / 2.0;
    else ci = (load<f64>(w + (<usize>(i - 1) << 3)) + load<f64>(w + (<usize>i << 3))) / 2.0;
    const h = ci * dt;
    for (let j = 0; j < bins; j++) {
      const k = load<f64>(c.k + (<usize>j << 3));
      const om = Math.sqrt(k * k + c.mu2);
      const q = sp.lin + (<usize>i * <usize>bins + <usize>j) * 24;
      const co = Math.cos(om * h), si = Math.sin(om * h);
      store<f64>(q, co);
      store<f64>(q, om > 0 ? si / om : h, 8);
      store<f64>(q, om * si, 16);
    }
  }
  sp.fs = allocZero(<usize>bins << 4);
  sp.ps = allocZero(<usize>bins << 4);
  sp.g = allocZero(<usize>c.n << 3);
  return changetype<usize>(sp);
}

export function kgSplitFree(p: usize): void {
  const sp = changetype<KgSplit>(p);
  heap.free(sp.weights); heap.free(sp.lin); heap.free(sp.fs); heap.free(sp.ps); heap.free(sp.g); heap.free(p);
}

function linear(sp: KgSplit, bins: i32, i: i32): void {
  const base = sp.lin + <usize>i * <usize>bins * 24;
  for (let j = 0; j < bins; j++) {
    const q = base + <usize>j * 24, o = <usize>j << 4;
    const co = load<f64>(q), sw = load<f64>(q, 8), ws = load<f64>(q, 16);
    const fr = load<f64>(sp.fs + o), fi = load<f64>(sp.fs + o, 8), pr = load<f64>(sp.ps + o), pi = load<f64>(sp.ps + o, 8);
    store<f64>(sp.fs + o, co * fr + sw * pr); store<f64>(sp.fs + o, co * fi + sw * pi, 8);
    store<f64>(sp.ps + o, co * pr - ws * fr); store<f64>(sp.ps + o, co * pi - ws * fi, 8);
  }
}

/** Advances (φ, π) (x-space, n each) by `steps` steps of dt. */
export function kgSplitRun(p: usize, phi: usize, pi: usize, steps: i32): void {
  const sp = changetype<KgSplit>(p);
  const c = changetype<Kg>(sp.ctx);
  const n = c.n, bins = c.M / 2 + 1, s = sp.stages;
  realForward(c.plan, phi, sp.fs);
  realForward(c.plan, pi, sp.ps);
  for (let st = 0; st < steps; st++) {
    linear(sp, bins, 0);
    for (let i = 0; i < s; i++) {
      const tau = load<f64>(sp.weights + (<usize>i << 3)) * sp.dt;
      if (c.potential == POT_LINEAR) {
        // the kick is zero (the linear flow is exact): no transform needed
      } else if (c.potential == POT_PHI4) {
        realInverse(c.plan, sp.fs, phi);
        for (let j = 0; j < n; j++) {
          const o = <usize>j << 3, x = load<f64>(phi + o);
          store<f64>(sp.g + o, -tau * (c.lambda * x * (x * x - c.v2) - c.mu2 * x));
        }
      } else {
        realInverse(c.plan, sp.fs, phi);
        sinArray(phi, sp.g, n);                     // sine-Gordon: V′ = sin φ, two lanes at a time
        for (let j = 0; j < n; j++) {
          const o = <usize>j << 3;
          store<f64>(sp.g + o, -tau * (load<f64>(sp.g + o) - c.mu2 * load<f64>(phi + o)));
        }
      }
      if (c.potential != POT_LINEAR) {
        realForward(c.plan, sp.g, c.spec);
        for (let j = 0; j < bins; j++) {
          const o = <usize>j << 4;
          store<f64>(sp.ps + o, load<f64>(sp.ps + o) + load<f64>(c.spec + o));
          store<f64>(sp.ps + o, load<f64>(sp.ps + o, 8) + load<f64>(c.spec + o, 8), 8);
        }
      }
      linear(sp, bins, i + 1);
    }
  }
  realInverse(c.plan, sp.fs, phi);
  realInverse(c.plan, sp.ps, pi);
  c.fValid = 0;
}
