// fft-mixed-dft.mjs — the operation list of scripts/gen-fft-mixed.mjs (its header has the equations): the exact
// constants (256-bit fixed point, one correctly rounded conversion each), the committed radices with their
// prime-factor splits and staging, and build(R, twiddled), the R-point DFT as a list of complex operations that the
// generator prints twice (f64x2 and scalar). Command-line options --splits/--staged are read here.
import { cisFixed, toDouble } from "./fft-gen-exact.mjs";
export const argv = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
/** The committed radices and their prime-factor split [r1, r2] (DFTs of size r1 first). For measurements,
 *  `--splits 12=4x3,20=4x5,10=5x2 --staged 10,12,20 --out dir` writes other radices, splits and staging to dir. */
export const SPLITS = { 5: [5, 1], 6: [2, 3], 10: [2, 5], 15: [3, 5], 21: [3, 7] };
/** Radices whose f64x2 code stages the first stage's outputs Y[n2][k1 ≥ 1] in their output slots (a store and a
 *  load each; the scalar code keeps them in locals): V8 otherwise spills the inputs or Y (measured). */
export const STAGED = (argv("--staged") ?? "10,15,21").split(",").map(Number);
for (const kv of (argv("--splits") ?? "").split(",").filter(Boolean)) {
  const [R, r] = kv.split("=");
  SPLITS[R] = r.split("x").map(Number);
}

// ------------------------------------------------------------------ exact constants
export const CONST = {
  C1: toDouble(cisFixed(1, 5)[0]), C2: toDouble(cisFixed(2, 5)[0]),
  S1: toDouble(cisFixed(1, 5)[1]), S2: toDouble(cisFixed(2, 5)[1]), S3: toDouble(cisFixed(1, 3)[1]), HALF: 0.5,
};
export const lit = (x) => { let s = String(x); if (!/[.e]/.test(s)) s += ".0"; return s; };

// ------------------------------------------------------------------ the DFT as an operation list
// A value is {id, k}: ρ^k · (op id). ops: {o: "load", k} | {o: "add"|"sub", a, b} | {o: "rotk", a, k}
// | {o: "swap", a} | {o: "mulr", a, c, neg} (a·(±c)) | {o: "mulrr", a, c, s0, s1} (a·[s0·c, s1·c], a a swap)
export function build(R, twiddled) {
  const [r1, r2] = SPLITS[R] ?? [R, 1];
  const ops = [];
  const loaded = new Map(), swapped = new Map();
  const val = (a) => {
    if (a >= 0) return a;
    const k = -1 - a;
    if (!loaded.has(k)) { ops.push({ o: "load", k }); loaded.set(k, ops.length - 1); }
    return loaded.get(k);
  };
  const emit = (op) => {
    if (op.a !== undefined) op.a = val(op.a);
    if (op.b !== undefined) op.b = val(op.b);
    ops.push(op); return ops.length - 1;
  };
  const V = (id, k = 0) => ({ id, k: ((k % 4) + 4) % 4 });
  const rot = (A, k) => V(A.id, A.k + k);
  // A ± B with A = ρ^kA a, B = ρ^kB b: ρ^kA (a ± ρ^d b), d = kB − kA (d = 2 flips the operation)
  function addsub(A, B, sub) {
    const d = (((B.k - A.k) % 4) + 4) % 4;
    if (d === 0 || d === 2) return V(emit({ o: sub !== (d === 2) ? "sub" : "add", a: A.id, b: B.id }), A.k);
    const rb = emit({ o: "rotk", a: B.id, k: d });
    return V(emit({ o: sub ? "sub" : "add", a: A.id, b: rb }), A.k);
  }
  const add = (A, B) => addsub(A, B, false), sub = (A, B) => addsub(A, B, true);
  const bfly = (A, B) => [add(A, B), sub(A, B)];
  // ρ^k·A·c as a fresh value (k = 0): even turns as a signed constant, odd ones as swap(a)·[±c, ∓c]
  function mulc(A, c, k = 0) {
    const t = (((A.k + k) % 4) + 4) % 4;
    if (t === 0 || t === 2) return V(emit({ o: "mulr", a: A.id, c, neg: t === 2 }));
    let sw = swapped.get(val(A.id));
    if (sw === undefined) { sw = emit({ o: "swap", a: A.id }); swapped.set(ops[sw].a, sw); }
    // ρ·z: forward (ρ = −i) [zi, −zr], inverse [−zi, zr]; ρ³ the opposite. Signs resolved when printing (inv).
    return V(emit({ o: "mulrr", a: sw, c, t }));
  }
  function dft(xs) {
    const n = xs.length;
    if (n === 1) return xs;
    if (n === 2) return bfly(xs[0], xs[1]);
    if (n === 4) {
      const [apc, amc] = bfly(xs[0], xs[2]);
      const [bpd, bmd] = bfly(xs[1], xs[3]);
      const [y0, y2] = bfly(apc, bpd);
      const [y1, y3] = bfly(amc, rot(bmd, 1));
      return [y0, y1, y2, y3];
    }
    if (n === 3) {
      const [a, b, c] = xs;
      const t1 = add(b, c), t2 = sub(a, mulc(t1, "HALF")), t3 = mulc(sub(b, c), "S3", 1);
      return [add(a, t1), add(t2, t3), sub(t2, t3)];
    }
    if (n === 5) {
      const [a, b, c, d, e] = xs;
      const t1 = add(b, e), t2 = add(c, d), t3 = sub(b, e), t4 = sub(c, d);
      const y0 = add(add(a, t1), t2);
      const u1 = add(add(a, mulc(t1, "C1")), mulc(t2, "C2"));
      const u2 = add(add(a, mulc(t1, "C2")), mulc(t2, "C1"));
      const v1 = add(mulc(t3, "S1", 1), mulc(t4, "S2", 1));
      const v2 = sub(mulc(t3, "S2", 1), mulc(t4, "S1", 1));
      return [y0, add(u1, v1), add(u2, v2), sub(u2, v2), sub(u1, v1)];
    }
    if (n >= 7 && n % 2 === 1) {
      // odd prime p (radix7.ts's formula, gen-fft-odd.mjs): t_l = a_l + a_{p−l}, u_l = a_l − a_{p−l} (l ≤ h),
      // X_0 = a_0 + t_1 + … + t_h, A_k = a_0 + Σ_l C_{lk} t_l, ρB_k = Σ_l ±ρ u_l S_{lk} (sums in the order of l),
      // X_k = A_k + ρB_k, X_{p−k} = A_k − ρB_k
      const h = (n - 1) / 2;
      const cs = (j) => { const name = `C${n}_${j}`, sn = `S${n}_${j}`;
        if (!(name in CONST)) { const [c, si] = cisFixed(j, n); CONST[name] = toDouble(c); CONST[sn] = toDouble(si); }
        return [name, sn]; };
      const term = (l, k) => { const j = (l * k) % n; return j <= h ? [j, 1] : [n - j, -1]; };
      const t = [], u = [];
      for (let l = 1; l <= h; l++) { t[l] = add(xs[l], xs[n - l]); u[l] = sub(xs[l], xs[n - l]); }
      let x0 = xs[0];
      for (let l = 1; l <= h; l++) x0 = add(x0, t[l]);
      const out = [x0];
      for (let k = 1; k <= h; k++) {
        let A = xs[0], B = null;
        for (let l = 1; l <= h; l++) {
          const [j, sg] = term(l, k), [C, S] = cs(j);
          A = add(A, mulc(t[l], C));
          const prod = mulc(u[l], S, 1);
          B = B === null ? prod : sg > 0 ? add(B, prod) : sub(B, prod);
        }
        out[k] = add(A, B); out[n - k] = sub(A, B);
      }
      return out;
    }
    throw new Error(`no leaf DFT of size ${n}`);
  }
  const crt = (k1, k2) => { let k = 0; while (k % r1 !== k1 || k % r2 !== k2) k++; return k; };
  const xs = Array.from({ length: R }, (_, k) => V(-1 - k));
  const Y = [];                                  // Y[n2][k1]
  for (let n2 = 0; n2 < r2; n2++) {
    const y = dft(Array.from({ length: r1 }, (_, n1) => xs[(r2 * n1 + r1 * n2) % R]));
    // staging: Y[n2][k1 ≥ 1] waits in the output slot crt(k1, n2) (its final value overwrites it later)
    if (STAGED.includes(R)) {
      for (let k1 = 1; k1 < r1; k1++) {
        const slot = crt(k1, n2), w = y[k1];
        emit({ o: "stage", a: w.id, slot });
        y[k1] = { slot, k: w.k };
      }
    }
    Y.push(y);
  }
  const out = new Array(R);
  for (let k1 = 0; k1 < r1; k1++) {
    const Z = dft(Array.from({ length: r2 }, (_, n2) => {
      const w = Y[n2][k1];
      return w.slot === undefined ? w : V(emit({ o: "unstage", slot: w.slot }), w.k);
    }));
    Z.forEach((z, k2) => { out[crt(k1, k2)] = z; });
  }
  const ys = out.map((Y) => (Y.k === 0 ? Y.id : emit({ o: "rotk", a: Y.id, k: Y.k })));
  return { ops, ys, twiddled };
}

