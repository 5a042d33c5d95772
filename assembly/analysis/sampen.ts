// sampen.ts — template-match counts for sample entropy (Richman & Moorman 2000), Chebyshev distance ≤ r.
// For templates u_i = (x_i … x_{i+m−1}), i = 0 … n−m, over pairs i < j:
//   out[0] = A: pairs among the first n−m templates whose (m+1)-extensions also match
//   out[1] = B: pairs among the first n−m templates that match over m points
//   out[2] = L: pairs among all n−m+1 templates that match over m points (the NLSE supplement's count)
// O(n²·m) with early exit; counts are exact integers held in f64.

export function sampenCounts(x: usize, n: i32, m: i32, r: f64, out: usize): void {
  let A: f64 = 0, B: f64 = 0, L: f64 = 0;
  const nt = n - m + 1;
  const mb = <usize>m << 3;
  for (let i = 0; i < nt; i++) {
    const xi = x + (<usize>i << 3);
    for (let j = i + 1; j < nt; j++) {
      const xj = x + (<usize>j << 3);
      let ok = true;
      for (let k: usize = 0; k < mb; k += 8) {
        if (Math.abs(load<f64>(xi + k) - load<f64>(xj + k)) > r) { ok = false; break; }
      }
      if (!ok) continue;
      L += 1;
      if (j < nt - 1) {
        B += 1;
        if (Math.abs(load<f64>(xi + mb) - load<f64>(xj + mb)) <= r) A += 1;
      }
    }
  }
  store<f64>(out, A);
  store<f64>(out, B, 8);
  store<f64>(out, L, 16);
}
