// yoshida.ts — Yoshida's (1990) symmetric composition weights for a second-order symmetric step: scheme 2 is the
// step itself (1 stage), 4 the triple jump (3 stages), 6 solution A (7 stages). Shared by the NLSE and
// Klein–Gordon splittings.
import { allocZero } from "../fft/complex";

const Y4_1: f64 = 1.3512071919596578;   // 1/(2 − 2^{1/3})
const Y4_0: f64 = 1.0 - 2.0 * Y4_1;
// sixth order, solution A (w1, w2, w3; w0 = 1 − 2(w1 + w2 + w3))
const Y6_1: f64 = -1.17767998417887;
const Y6_2: f64 = 0.235573213359357;
const Y6_3: f64 = 0.784513610477560;
const Y6_0: f64 = 1.0 - 2.0 * (Y6_1 + Y6_2 + Y6_3);

/** Number of stages of a scheme (2 → 1, 4 → 3, 6 → 7). */
export function yoshidaStages(scheme: i32): i32 {
  return scheme == 4 ? 3 : scheme == 6 ? 7 : 1;
}

/** A new heap array of the scheme's stage weights (free with heap.free). */
export function yoshidaWeights(scheme: i32): usize {
  const s = yoshidaStages(scheme);
  const w = allocZero(<usize>s << 3);
  if (s == 1) store<f64>(w, 1.0);
  else if (s == 3) { store<f64>(w, Y4_1); store<f64>(w, Y4_0, 8); store<f64>(w, Y4_1, 16); }
  else {
    const ws: StaticArray<f64> = [Y6_3, Y6_2, Y6_1, Y6_0, Y6_1, Y6_2, Y6_3];
    for (let i = 0; i < 7; i++) store<f64>(w + (<usize>i << 3), unchecked(ws[i]));
  }
  return w;
}
