// histogram.ts — numpy's histogram binning and the normalised Shannon entropy of bin counts.
// np.histogram(x, bins=B, range=(lo, hi)): edges = linspace(lo, hi, B+1) (k·step + lo, last = hi); values
// outside [lo, hi] are dropped; the last bin is closed. The bin is first estimated as ⌊(x − lo)·B/(hi − lo)⌋
// and then corrected against the edges, exactly as numpy does, so values on an edge land where numpy puts them.

// @ts-ignore: decorator
@inline function edge(lo: f64, hi: f64, B: i32, k: i32): f64 {
  return k == B ? hi : <f64>k * ((hi - lo) / <f64>B) + lo;
}

// the edges of the last (lo, hi, B) asked for, so a loop over one histogram does no divisions
const EDGES: usize = memory.data(300 * 8);
let eLo: f64 = NaN, eHi: f64 = NaN, eB: i32 = 0, eNorm: f64 = 0;

function setEdges(lo: f64, hi: f64, B: i32): void {
  for (let k = 0; k <= B; k++) store<f64>(EDGES + (<usize>k << 3), edge(lo, hi, B, k));
  eLo = lo; eHi = hi; eB = B; eNorm = <f64>B / (hi - lo);
}

/** Bin of x among B (≤ 299) equal bins on [lo, hi], or −1 when x is outside (or NaN). */
export function binOf(x: f64, lo: f64, hi: f64, B: i32): i32 {
  if (!(x >= lo && x <= hi)) return -1;
  if (lo != eLo || hi != eHi || B != eB) setEdges(lo, hi, B);
  let k = <i32>((x - lo) * eNorm);
  if (k >= B) k = B - 1;
  if (k < 0) k = 0;
  if (x < load<f64>(EDGES + (<usize>k << 3))) k--;
  else if (k != B - 1 && x >= load<f64>(EDGES + (<usize>(k + 1) << 3))) k++;
  return k;
}

/** −(Σ p ln p) / ln(B) over counts c[0..B) (f64), p = c/Σc; 0.5 when every count is 0 (the seed's rule). */
export function countsEntropy(c: usize, B: i32, lnB: f64): f64 {
  let total = 0.0;
  for (let k = 0; k < B; k++) total += load<f64>(c + (<usize>k << 3));
  if (total == 0) return 0.5;
  let s = 0.0;
  for (let k = 0; k < B; k++) {
    const v = load<f64>(c + (<usize>k << 3));
    if (v > 0) { const p = v / total; s += p * Math.log(p); }
  }
  return -s / lnB;   // −0.0 for a single occupied bin, as numpy's −np.sum(…)
}
