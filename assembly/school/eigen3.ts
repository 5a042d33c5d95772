// eigen3.ts — eigenvalues of a symmetric 3×3 matrix by cyclic Jacobi rotations (to full precision; the
// matrix is a covariance, so a few sweeps suffice). Written to out[0..3) in descending order.

export function eigenvalues3(a00: f64, a01: f64, a02: f64, a11: f64, a12: f64, a22: f64, out: usize): void {
  for (let sweep = 0; sweep < 50; sweep++) {
    const off = a01 * a01 + a02 * a02 + a12 * a12;
    if (off <= 1e-300 || off <= 1e-32 * (a00 * a00 + a11 * a11 + a22 * a22)) break;
    // rotate (p, q) = (0,1), (0,2), (1,2) in turn
    for (let r = 0; r < 3; r++) {
      let app: f64, aqq: f64, apq: f64;
      if (r == 0) { app = a00; aqq = a11; apq = a01; } else if (r == 1) { app = a00; aqq = a22; apq = a02; } else { app = a11; aqq = a22; apq = a12; }
      if (apq == 0) continue;
      const theta = (aqq - app) / (2 * apq);
      const t = (theta >= 0 ? 1.0 : -1.0) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1), s = t * c;
      const npp = app - t * apq, nqq = aqq + t * apq;
      if (r == 0) {
        const a02n = c * a02 - s * a12, a12n = s * a02 + c * a12;
        a00 = npp; a11 = nqq; a01 = 0; a02 = a02n; a12 = a12n;
      } else if (r == 1) {
        const a01n = c * a01 - s * a12, a12n = s * a01 + c * a12;
        a00 = npp; a22 = nqq; a02 = 0; a01 = a01n; a12 = a12n;
      } else {
        const a01n = c * a01 - s * a02, a02n = s * a01 + c * a02;
        a11 = npp; a22 = nqq; a12 = 0; a01 = a01n; a02 = a02n;
      }
    }
  }
  let e0 = a00, e1 = a11, e2 = a22, t: f64;
  if (e0 < e1) { t = e0; e0 = e1; e1 = t; }
  if (e1 < e2) { t = e1; e1 = e2; e2 = t; }
  if (e0 < e1) { t = e0; e0 = e1; e1 = t; }
  store<f64>(out, e0); store<f64>(out, e1, 8); store<f64>(out, e2, 16);
}
