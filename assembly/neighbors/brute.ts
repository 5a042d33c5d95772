// brute.ts — all-pairs O(n²) versions of the grid queries. The oracle for the tests; not used by models.
import { gi, gsi, gf, gsf, minImage, wrapBox } from "./grid";

// @ts-ignore: decorator
@inline function wrapped(v: f64, L: f64): f64 { return L > 0 ? wrapBox(v, L) : v; }

function delta(xyz: usize, i: i32, j: i32, axis: i32, L: f64): f64 {
  const d = wrapped(load<f64>(xyz + <usize>(j * 24 + axis * 8)), L) - wrapped(load<f64>(xyz + <usize>(i * 24 + axis * 8)), L);
  return L > 0 ? minImage(d, L) : d;
}

/** Pairs i < j with distance ≤ r, in (i, j) lexicographic order. Returns the count. */
export function brutePairs(xyz: usize, n: i32, box: f64, r: f64, outI: usize, outJ: usize, cap: i32): i32 {
  let count = 0;
  const r2 = r * r;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
    const dx = delta(xyz, i, j, 0, box), dy = delta(xyz, i, j, 1, box), dz = delta(xyz, i, j, 2, box);
    if (dx * dx + dy * dy + dz * dz <= r2) {
      if (count < cap) { gsi(outI, count, i); gsi(outJ, count, j); }
      count++;
    }
  }
  return count;
}

/** k nearest other points of every point, ties (equal d, or equal d² for Euclidean) to the smaller index (as gridKnn). */
export function bruteKnn(xyz: usize, n: i32, box: f64, k: i32, maxNorm: bool, outIdx: usize, outDist: usize): i32 {
  for (let i = 0; i < n; i++) {
    let found = 0;
    const bi = outIdx + <usize>(i * k * 4), bd = outDist + <usize>(i * k * 8);
    for (let j = 0; j < n; j++) {
      if (j == i) continue;
      const dx = delta(xyz, i, j, 0, box), dy = delta(xyz, i, j, 1, box), dz = delta(xyz, i, j, 2, box);
      // Euclidean: ordered by the squared distance, as gridKnn (two d² one ulp apart may share a square root)
      const d = maxNorm ? max(max(Math.abs(dx), Math.abs(dy)), Math.abs(dz)) : dx * dx + dy * dy + dz * dz;
      let m = found;
      if (m == k) {
        if (d >= gf(bd, k - 1)) continue;   // j ascending: an equal distance keeps the smaller index
        m = k - 1;
      } else found++;
      while (m > 0 && gf(bd, m - 1) > d) { gsf(bd, m, gf(bd, m - 1)); gsi(bi, m, gi(bi, m - 1)); m--; }
      gsf(bd, m, d); gsi(bi, m, j);
    }
    if (!maxNorm) for (let m = 0; m < found; m++) gsf(bd, m, Math.sqrt(gf(bd, m)));
    for (let m = found; m < k; m++) { gsi(bi, m, -1); gsf(bd, m, Infinity); }
  }
  return min(k, n - 1);
}
