#!/usr/bin/env node
// gen-fft-odd.mjs — writes assembly/fft/radix{7,11,13}.ts: straight-line radix-r DIF Stockham passes for the odd
// primes 7, 11, 13, with the layout and conventions of radix5.ts (twiddles pre-splatted, 32 bytes each, (r − 1)
// per p; the inverse swaps ±j; the last pass of an inverse multiplies by 1/n). With a_l = x[q + s(p + l·m)],
// h = (r − 1)/2, C_j = cos 2πj/r, S_j = sin 2πj/r:
//   t_l = a_l + a_{r−l},  u_l = a_l − a_{r−l}                              (l = 1…h)
//   X_0 = a_0 + t_1 + … + t_h
//   A_k = a_0 + Σ_l C_{lk mod r} t_l,   B_k = Σ_l S_{lk mod r} u_l          (sums in the order of l)
//   X_k = A_k − j B_k,  X_{r−k} = A_k + j B_k                              (forward; the inverse swaps ±j)
// — the same arithmetic as pocketfft's radix-7/11 passes (numpy.fft), unrolled. The SAME operation list is
// printed twice, as f64x2 code (one complex per v128) and as scalar f64 code lane for lane, so the SIMD and
// scalar builds run identical IEEE operations in identical order (no FMA) and agree bit for bit. For 11 and 13
// the f64x2 code passes t_l, u_l through a static scratch block and stages A_k in its output slot (the same
// operations; V8 otherwise spills about as many values as the butterfly computes).
//
// Usage: node scripts/gen-fft-odd.mjs          (writes the files)
//        node scripts/gen-fft-odd.mjs --check  (exit 1 if a committed file differs from the output)
// The constants come from exact BigInt arithmetic (256-bit fixed point, then one correctly rounded conversion),
// not from Math.cos (scripts/fft-gen-exact.mjs), so the output depends only on these scripts.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { cisFixed, toDouble } from "./fft-gen-exact.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const RADICES = [7, 11, 13];

// ------------------------------------------------------------------ exact constants
function lit(x) {
  let s = String(x);
  if (!/[.e]/.test(s)) s += ".0";
  return s;
}

// ------------------------------------------------------------------ code
function gen(r) {
  const h = (r - 1) / 2;
  const L = [], S = [];
  const consts = [];
  for (let j = 1; j <= h; j++) {
    const [c, s] = cisFixed(j, r);
    consts.push(`const C${j}: f64 = ${lit(toDouble(c))};   // cos 2π·${j}/${r}`);
    consts.push(`const S${j}: f64 = ${lit(toDouble(s))};   // sin 2π·${j}/${r}`);
  }
  // (index into C/S, sign of S) for l·k mod r
  const term = (l, k) => { const j = (l * k) % r; return j <= h ? [j, 1] : [r - j, -1]; };
  const V = (s) => L.push("        " + s);
  const W = (s) => S.push("        " + s);
  for (let l = 0; l < r; l++) {
    V(`const a${l} = v128.load(xp${l ? ` + ${l} * sm` : ""});`);
    W(`const a${l}r = load<f64>(xp${l ? ` + ${l} * sm` : ""}), a${l}i = load<f64>(xp${l ? ` + ${l} * sm` : ""}, 8);`);
  }
  for (let l = 1; l <= h; l++) {
    V(`const t${l} = f64x2.add(a${l}, a${r - l}), u${l} = f64x2.sub(a${l}, a${r - l});`);
    W(`const t${l}r = a${l}r + a${r - l}r, t${l}i = a${l}i + a${r - l}i, u${l}r = a${l}r - a${r - l}r, u${l}i = a${l}i - a${r - l}i;`);
  }
  let x0v = "a0", x0r = "a0r", x0i = "a0i";
  for (let l = 1; l <= h; l++) { x0v = `f64x2.add(${x0v}, t${l})`; x0r = `(${x0r} + t${l}r)`; x0i = `(${x0i} + t${l}i)`; }
  V(`storeTwV(yp, ${x0v}, 0, inv, false, scaled, sc);`);
  W(`storeTwS(yp, ${x0r.slice(1, -1)}, ${x0i.slice(1, -1)}, 0, inv, false, scaled, scale);`);
  for (let k = 1; k <= h; k++) {
    let Av = "a0", Ar = "a0r", Ai = "a0i";
    let Bv = "", Br = "", Bi = "";
    for (let l = 1; l <= h; l++) {
      const [j, sg] = term(l, k);
      if (j === 0) {                                    // composite r (9): cos 0 = 1 exactly, sin 0 = 0
        Av = `f64x2.add(${Av}, t${l})`; Ar = `(${Ar} + t${l}r)`; Ai = `(${Ai} + t${l}i)`;
        continue;
      }
      Av = `f64x2.add(${Av}, f64x2.mul(t${l}, f64x2.splat(C${j})))`;
      Ar = `(${Ar} + t${l}r * C${j})`; Ai = `(${Ai} + t${l}i * C${j})`;
      const pv = `f64x2.mul(u${l}, f64x2.splat(S${j}))`, pr = `u${l}r * S${j}`, pi = `u${l}i * S${j}`;
      if (l === 1) { Bv = pv; Br = pr; Bi = pi; }          // l·k mod r = k ≤ h: positive
      else {
        const op = sg > 0 ? "add" : "sub", o = sg > 0 ? "+" : "-";
        Bv = `f64x2.${op}(${Bv}, ${pv})`; Br = `(${Br} ${o} ${pr})`; Bi = `(${Bi} ${o} ${pi})`;
      }
    }
    const strip = (e) => (e.startsWith("(") ? e.slice(1, -1) : e);
    V(`const A${k} = ${Av};`);
    V(`const jB${k} = mulj(${Bv});`);
    V(`storeTwV(yp + ${k} * ys, inv ? f64x2.add(A${k}, jB${k}) : f64x2.sub(A${k}, jB${k}), t + ${32 * (k - 1)}, inv, twiddled, scaled, sc);`);
    V(`storeTwV(yp + ${r - k} * ys, inv ? f64x2.sub(A${k}, jB${k}) : f64x2.add(A${k}, jB${k}), t + ${32 * (r - k - 1)}, inv, twiddled, scaled, sc);`);
    W(`const A${k}r = ${strip(Ar)}, A${k}i = ${strip(Ai)};`);
    W(`const j${k}r = -(${strip(Bi)}), j${k}i = ${strip(Br)};   // j·B${k}`);
    W(`if (inv) {`);
    W(`  storeTwS(yp + ${k} * ys, A${k}r + j${k}r, A${k}i + j${k}i, t + ${32 * (k - 1)}, inv, twiddled, scaled, scale);`);
    W(`  storeTwS(yp + ${r - k} * ys, A${k}r - j${k}r, A${k}i - j${k}i, t + ${32 * (r - k - 1)}, inv, twiddled, scaled, scale);`);
    W(`} else {`);
    W(`  storeTwS(yp + ${k} * ys, A${k}r - j${k}r, A${k}i - j${k}i, t + ${32 * (k - 1)}, inv, twiddled, scaled, scale);`);
    W(`  storeTwS(yp + ${r - k} * ys, A${k}r + j${k}r, A${k}i + j${k}i, t + ${32 * (r - k - 1)}, inv, twiddled, scaled, scale);`);
    W(`}`);
  }
  if (r >= 11) {
    // SIMD body for 11 and 13, same operations: t_l, u_l go through a static scratch block and A_k is staged in
    // its own output slot, so that V8 need not hold the 2h intermediates and 2h constants in 16 registers at
    // once (the straight version spilled about as many values as it computed; this one is 3–8 % faster)
    L.length = 0;
    V(`// t_l, u_l pass through SCR and A_k is staged in its output slot: fewer register spills in V8`);
    V(`const a0 = v128.load(xp);`);
    for (let l = 1; l <= h; l++)
      V(`{ const al = v128.load(xp + ${l} * sm), ar = v128.load(xp + ${r - l} * sm); v128.store(SCR, f64x2.add(al, ar), ${32 * (l - 1)}); v128.store(SCR, f64x2.sub(al, ar), ${32 * (l - 1) + 16}); }`);
    V(`{`);
    for (let l = 1; l <= h; l++) V(`  const t${l} = v128.load(SCR, ${32 * (l - 1)});`);
    let x0 = "a0";
    for (let l = 1; l <= h; l++) x0 = `f64x2.add(${x0}, t${l})`;
    V(`  storeTwV(yp, ${x0}, 0, inv, false, scaled, sc);`);
    for (let k = 1; k <= h; k++) {
      let Av = "a0";
      for (let l = 1; l <= h; l++) {
        const [j] = term(l, k);
        Av = j === 0 ? `f64x2.add(${Av}, t${l})` : `f64x2.add(${Av}, f64x2.mul(t${l}, f64x2.splat(C${j})))`;
      }
      V(`  v128.store(yp + ${k} * ys, ${Av});   // A_${k}, staged in its output slot`);
    }
    V(`}`);
    V(`{`);
    for (let l = 1; l <= h; l++) V(`  const u${l} = v128.load(SCR, ${32 * (l - 1) + 16});`);
    for (let k = 1; k <= h; k++) {
      let Bv = "";
      for (let l = 1; l <= h; l++) {
        const [j, sg] = term(l, k);
        if (j === 0) continue;
        const pv = `f64x2.mul(u${l}, f64x2.splat(S${j}))`;
        Bv = l === 1 ? pv : `f64x2.${sg > 0 ? "add" : "sub"}(${Bv}, ${pv})`;
      }
      V(`  { const A = v128.load(yp + ${k} * ys), jB = mulj(${Bv});`);
      V(`    storeTwV(yp + ${k} * ys, inv ? f64x2.add(A, jB) : f64x2.sub(A, jB), t + ${32 * (k - 1)}, inv, twiddled, scaled, sc);`);
      V(`    storeTwV(yp + ${r - k} * ys, inv ? f64x2.sub(A, jB) : f64x2.add(A, jB), t + ${32 * (r - k - 1)}, inv, twiddled, scaled, sc); }`);
    }
    V(`}`);
    consts.push(`/** SIMD scratch for t_l (at 32(l − 1)) and u_l (at 32(l − 1) + 16). */`);
    consts.push(`const SCR = memory.data(${32 * h}, 16);`);
  }
  return `// radix${r}.ts — GENERATED by scripts/gen-fft-odd.mjs (do not edit by hand). Radix-${r} DIF Stockham pass,
// same layout and conventions as radix5.ts. With a_l = x[q + s(p + l·m)], m = n0/${r}, h = ${h},
// C_j = cos 2πj/${r}, S_j = sin 2πj/${r}:
//   t_l = a_l + a_{${r}−l},  u_l = a_l − a_{${r}−l}   (l = 1…${h})
//   X_0 = a_0 + t_1 + … + t_${h}
//   A_k = a_0 + Σ_l C_{lk mod ${r}} t_l,  B_k = Σ_l S_{lk mod ${r}} u_l   (in the order of l)
//   X_k = A_k − j B_k,  X_{${r}−k} = A_k + j B_k   (forward; the inverse swaps ±j)
// then y[q + s(${r}p + k)] = w^{kp} X_k; ${r - 1} pre-splatted twiddles per p (${32 * (r - 1)} bytes). The scalar build runs
// the same IEEE operations in the same order as the SIMD build (bit-identical results).

import { mulj, storeTwV, storeTwS } from "./cplx";

${consts.join("\n")}

/** Radix-${r} pass: m butterflies of stride s·m, s lanes each; inverse passes scale by \`scale\` when m = 1. */
export function pass${r}(x: usize, y: usize, tw: usize, m: i32, s: i32, inv: bool, scale: f64): void {
  if (m == 1) {
    if (inv) body${r}(x, y, tw, 1, s, true, false, true, scale);
    else body${r}(x, y, tw, 1, s, false, false, false, 1.0);
  } else {
    if (inv) body${r}(x, y, tw, m, s, true, true, false, 1.0);
    else body${r}(x, y, tw, m, s, false, true, false, 1.0);
  }
}

// @ts-ignore: decorator
@inline function body${r}(x: usize, y: usize, tw: usize, m: i32, s: i32, inv: bool, twiddled: bool, scaled: bool, scale: f64): void {
  const sm = (<usize>s * <usize>m) << 4;
  const ys = <usize>s << 4;
  let xb = x, yb = y, t = tw;
  for (let p = 0; p < m; p++) {
    let xp = xb, yp = yb;
    const xe = xb + ys;
    while (xp < xe) {
      if (ASC_FEATURE_SIMD) {
        const sc = f64x2.splat(scale);
${L.join("\n")}
      } else {
${S.join("\n")}
      }
      xp += 16; yp += 16;
    }
    xb += ys; yb += ys * ${r}; t += ${32 * (r - 1)};
  }
}
`;
}

const check = process.argv.includes("--check");
let bad = 0;
for (const r of RADICES) {
  const file = path.join(root, `assembly/fft/radix${r}.ts`);
  const text = gen(r);
  if (check) {
    let old = "";
    try { old = readFileSync(file, "utf8"); } catch { /* missing */ }
    if (old !== text) { console.error(`${path.relative(root, file)} differs from the generator's output`); bad++; }
  } else writeFileSync(file, text);
}
if (bad) process.exit(1);
