// radix5.ts — radix-5 DIF Stockham pass. With a..e = x[q + s(p + k·m)], m = n0/5,
// c1 = cos 2π/5, c2 = cos 4π/5, s1 = sin 2π/5, s2 = sin 4π/5:
//   t1 = b + e, t2 = c + d, t3 = b − e, t4 = c − d
//   X0 = a + t1 + t2
//   u1 = a + c1 t1 + c2 t2,  v1 = s1 t3 + s2 t4,   X1 = u1 − j v1,  X4 = u1 + j v1
//   u2 = a + c2 t1 + c1 t2,  v2 = s2 t3 − s1 t4,   X2 = u2 − j v2,  X3 = u2 + j v2
// (forward; the inverse swaps ±j; pocketfft's radix-5 arithmetic, summed in this order).
// y[q + s(5p + k)] = w^{kp} X_k; 4 twiddles per p (128 bytes, pre-splatted), none in the last pass (m = 1), whose
// inverse multiplies by `scale` = 1/n.
//
// The code is generated: scripts/gen-fft-mixed.mjs writes mixed/n5.ts (f64x2 and scalar bodies, the same IEEE
// operations lane for lane), with exactly these operations — the results are those of the former hand-written loop,
// bit for bit; j·(t·c) is taken as swap(t)·[−c, c] (no sign flip) and the twiddles are read where they are used.

export { pass5 } from "./mixed/n5";
