// twiddles.ts — the pre-splatted twiddle table of a Stockham pass of radix r on sub-transforms of length n0 = r·m:
//   for p < m, k = 1 … r−1:  w^{pk}, w = e^{−2πi/n0}, stored as [wr, wr, −wi, wi] (32 bytes; cis.ts storeTwiddle)
// at tw + (p·(r − 1) + k − 1)·32, p-major — or, for the pair-split passes of split.ts (`split` true), as [wr, wr, wi, wi]
// (splatted pairs: those passes need no shuffle). The table's pointer goes to the pass record (rec + 4); m = 1 needs none.

import { cisTurn, COS, SIN, storeTwiddle } from "./cis";

/**
 * Allocates and fills the table of pass record `rec` (radix r, m sub-blocks, length n0); nothing when m = 1.
 * `split`: the [wr, wr, wi, wi] layout of split.ts's passes.
 * @example splatTwiddles(rec, 4, 64, 256)   // the first pass of n = 256: 64·3 twiddles w^{pk}, w = e^{−2πi/256}
 */
export function splatTwiddles(rec: usize, r: i32, m: i32, n0: i32, split: bool = false): void {
  if (m <= 1) return;
  const tw = heap.alloc(<usize>m * (r - 1) * 32);
  for (let p = 0; p < m; p++) {
    for (let k = 1; k < r; k++) {
      cisTurn(<u64>p * k, <u64>n0);
      const e = tw + (<usize>p * (r - 1) + (k - 1)) * 32;
      if (split) { store<f64>(e, COS); store<f64>(e, COS, 8); store<f64>(e, -SIN, 16); store<f64>(e, -SIN, 24); }
      else storeTwiddle(e, COS, -SIN);
    }
  }
  store<u32>(rec, tw, 4);
}
