#!/usr/bin/env node
// gen-fft-mixed.mjs — writes assembly/fft/mixed/n{R}.ts: straight-line radix-R Stockham passes for the composite
// radices of mixed-radix plans (committed: R = 6 = 2·3, 10 = 2·5, 15 = 3·5, 21 = 3·7; 12 = 4·3 and 20 = 4·5 on
// request, measured no better), FFTW genfft style (n1fv_R / t1fv_R), and the radix-5 pass itself (R = 5, "split"
// 5·1: radix5.ts's formula, the same operations as its former hand-written loop, bit for bit; 4–15 % faster: the
// twiddles are read where they are used rather than held in registers, which V8 spilled, and ρ·(t·c) needs no sign
// flip). A radix whose code would pass 400 lines is split over several files (n{R}s.ts scalar loops, n{R}l.ts and
// n{R}sl.ts last-pass bodies, n{R}st.ts the scalar twiddled inverse body).
// The R-point DFT is the prime-factor (Good–Thomas) split R = r1·r2, gcd(r1, r2) = 1: with
//   x'[n1][n2] = x[(r2·n1 + r1·n2) mod R],   Y[n2][k1] = DFT_r1(x'[·][n2]),   X[k] = DFT_r2(Y[·][k1])[k2]
// for k ≡ k1 (mod r1), k ≡ k2 (mod r2): no twiddles inside the codelet, only index permutations, which are free in
// straight-line code. The small DFTs are those of the hand-written passes, operation for operation:
//   2, 4: butterflies with exact ±i turns (codelets/n8.ts);
//   3: t1 = b + c, t2 = a − t1·½, X0 = a + t1, X1,2 = t2 ± ρ·(b − c)·S3                         (radix3.ts)
//   5: t1 = b + e, t2 = c + d, t3 = b − e, t4 = c − d, X0 = (a + t1) + t2,
//      u1 = (a + t1·C1) + t2·C2, u2 = (a + t1·C2) + t2·C1, X1,4 = u1 ± ρ(t3·S1 + t4·S2),
//      X2,3 = u2 ± ρ(t3·S2 − t4·S1)                                                           (radix5.ts)
//   7: t_l = a_l + a_{7−l}, u_l = a_l − a_{7−l}, X0 = a0 + Σ t_l, A_k = a0 + Σ_l C_{lk} t_l,
//      X_k, X_{7−k} = A_k ± ρ·Σ_l ±S_{lk} u_l                                              (radix7.ts)
// with ρ = −i forward, +i inverse. Quarter turns and negations are carried symbolically (a value is ρ^k·op) and
// folded into the next add or into a product: ρ·(t·c) is computed as swap(t)·[c, −c] — one shuffle shared by two
// products and no sign flip; exact, since negation and the swap commute with rounding. Each codelet is a whole
// Stockham pass: twiddled (m > 1; table twiddles w^{pk} pre-splatted, 32 bytes, R − 1 per p; the s = 1 first pass
// streams p) or the twiddle-free last pass (m = 1; the inverse multiplies by 1/n). The SAME operation list is printed
// twice, as f64x2 code and as scalar code lane for lane, so the two builds agree bit for bit (no FMA). In the f64x2
// code of a STAGED radix the first stage's outputs Y[n2][k1 ≥ 1] wait in their output slots (stored, reloaded: exact)
// rather than in registers — V8 spilled the inputs otherwise (radix 10: 36 → 17 stack accesses per 10 points; 15 too).
//
// The constants, the radices' splits and the operation list (build) are in scripts/fft-mixed-dft.mjs; this file prints.
// Usage: node scripts/gen-fft-mixed.mjs          (writes the files)
//        node scripts/gen-fft-mixed.mjs --check  (exit 1 if a committed file differs from the output)
// Constants: exact BigInt arithmetic (256-bit fixed point), one correctly rounded conversion each; the output
// depends only on this script (test/fft-mixed.test.ts checks the committed files equal its output).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
import { argv, SPLITS, STAGED, CONST, lit, build } from "./fft-mixed-dft.mjs";
export { SPLITS, STAGED };
const OUTDIR = argv("--out") ? path.resolve(argv("--out")) : path.join(root, "assembly/fft/mixed");
const MAX_LINES = 390;

// ------------------------------------------------------------------ printing
function printBody(code, simd, inv, scaled) {
  const { ops, ys, twiddled } = code;
  const v = (i) => `u${i}`;
  const lines = [];
  const out = (s) => lines.push(s);
  const yIndex = new Map(ys.map((id, k) => [id, k]));
  const slotAddr = (k) => (k === 0 ? "yp" : k === 1 ? "yp + os" : `yp + ${k} * os`);
  const slotOf = new Map();
  const SIGN0 = "i64x2(-9223372036854775808, 0)", SIGN1 = "i64x2(0, -9223372036854775808)";
  const rotV = (a) => `v128.xor(swap(${a}), ${inv ? SIGN0 : SIGN1})`;   // ρ·a
  const rotV3 = (a) => `v128.xor(swap(${a}), ${inv ? SIGN1 : SIGN0})`;  // ρ³·a
  // ρ^t·z for odd t from swap(z) = [zi, zr]: lane signs (forward ρ = −i: ρz = [zi, −zr])
  const lanes = (t) => ((t === 1) !== inv ? [1, -1] : [-1, 1]);
  const storeK = (k, id) => {
    const off = k === 0 ? "yp" : k === 1 ? "yp + os" : `yp + ${k} * os`;
    const o = 32 * (k - 1);
    if (simd) {
      let e = v(id);
      if (twiddled && k > 0) e = `f64x2.${inv ? "sub" : "add"}(f64x2.mul(${e}, v128.load(t, ${o})), f64x2.mul(swap(${e}), v128.load(t, ${o + 16})))`;
      if (scaled) e = `f64x2.mul(${e}, sc)`;
      out(`v128.store(${off}, ${e});`);
    } else {
      let re = `${v(id)}r`, im = `${v(id)}i`;
      if (twiddled && k > 0) {
        const op = inv ? "-" : "+";
        out(`const w${k}r = load<f64>(t, ${o}), w${k}n = load<f64>(t, ${o + 16}), w${k}i = load<f64>(t, ${o + 24});`);
        out(`const y${k}r = ${re} * w${k}r ${op} ${im} * w${k}n, y${k}i = ${im} * w${k}r ${op} ${re} * w${k}i;`);
        re = `y${k}r`; im = `y${k}i`;
      }
      if (scaled) { re = `${re} * sc`; im = `${im} * sc`; }
      out(`store<f64>(${off}, ${re}); store<f64>(${off}, ${im}, 8);`);
    }
  };
  ops.forEach((op, i) => {
    const a = op.a !== undefined ? v(op.a) : "", b = op.b !== undefined ? v(op.b) : "";
    const addr = op.k === 0 ? "xp" : op.k === 1 ? "xp + is" : `xp + ${op.k} * is`;
    const d = v(i);
    const c = op.c ? CONST[op.c] : 0;
    if (simd) {
      switch (op.o) {
        case "load": out(`const ${d} = v128.load(${addr});`); break;
        case "add": out(`const ${d} = f64x2.add(${a}, ${b});`); break;
        case "sub": out(`const ${d} = f64x2.sub(${a}, ${b});`); break;
        case "rotk": out(`const ${d} = ${op.k === 2 ? `f64x2.neg(${a})` : op.k === 1 ? rotV(a) : rotV3(a)};`); break;
        case "swap": out(`const ${d} = swap(${a});`); break;
        case "mulr": out(`const ${d} = f64x2.mul(${a}, f64x2.splat(${lit(op.neg ? -c : c)}));`); break;
        case "mulrr": { const [s0, s1] = lanes(op.t); out(`const ${d} = f64x2.mul(${a}, f64x2(${lit(s0 * c)}, ${lit(s1 * c)}));`); break; }
        case "stage": out(`v128.store(${slotAddr(op.slot)}, ${a});`); break;
        case "unstage": out(`const ${d} = v128.load(${slotAddr(op.slot)});`); break;
      }
    } else {
      const [ar, ai, br, bi] = [`${a}r`, `${a}i`, `${b}r`, `${b}i`];
      switch (op.o) {
        case "load": out(`const ${d}r = load<f64>(${addr}), ${d}i = load<f64>(${addr}, 8);`); break;
        case "add": out(`const ${d}r = ${ar} + ${br}, ${d}i = ${ai} + ${bi};`); break;
        case "sub": out(`const ${d}r = ${ar} - ${br}, ${d}i = ${ai} - ${bi};`); break;
        case "rotk":
          if (op.k === 2) out(`const ${d}r = -${ar}, ${d}i = -${ai};`);
          else if ((op.k === 1) !== inv) out(`const ${d}r = ${ai}, ${d}i = -${ar};`);
          else out(`const ${d}r = -${ai}, ${d}i = ${ar};`);
          break;
        case "swap": out(`const ${d}r = ${ai}, ${d}i = ${ar};`); break;
        case "mulr": out(`const ${d}r = ${ar} * ${lit(op.neg ? -c : c)}, ${d}i = ${ai} * ${lit(op.neg ? -c : c)};`); break;
        case "mulrr": { const [s0, s1] = lanes(op.t); out(`const ${d}r = ${ar} * ${lit(s0 * c)}, ${d}i = ${ai} * ${lit(s1 * c)};`); break; }
        case "stage": slotOf.set(op.slot, op.a); break;
        case "unstage": { const src = v(slotOf.get(op.slot)); out(`const ${d}r = ${src}r, ${d}i = ${src}i;`); break; }
      }
    }
    if (yIndex.has(i)) storeK(yIndex.get(i), i);
  });
  return pack(lines);
}

function pack(lines, width = 118) {
  const res = [];
  let cur = "";
  for (const l of lines) {
    if (cur && cur.length + 1 + l.length > width) { res.push(cur); cur = l; } else cur = cur ? `${cur} ${l}` : l;
  }
  if (cur) res.push(cur);
  return res;
}

function files(R) {
  const tw = build(R, true), plain = build(R, false);
  const count = (ops, ...o) => ops.filter((x) => o.includes(x.o)).length;
  const indent = (ls) => ls.map((l) => `  ${l}`).join("\n");
  const body = (name, simd, code, inv, scaled, exp = false) => `${exp ? `/** The ${name.includes("T") ? "twiddled" : "last-pass"} radix-${R} butterfly at xp → yp (input stride is, output stride os).
 *  @example ${name}(xp, yp, is, os, t, sc)   // inlined into its loop */
` : ""}// @ts-ignore: decorator
@inline ${exp ? "export " : ""}function ${name}(xp: usize, yp: usize, is: usize, os: usize, t: usize, sc: ${simd ? "v128" : "f64"}): void {
${indent(printBody(code, simd, inv, scaled))}
}`;
  const loopT = (name, bodyName, exp) => `/** Twiddled radix-${R} pass (m > 1).${exp ? `
 *  @example ${name}(x, y, tw, m, s)   // what pass${R} runs in the scalar build` : ""} */
// @ts-ignore: decorator
@inline ${exp ? "export " : ""}function ${name}(x: usize, y: usize, tw: usize, m: i32, s: i32): void {
  const is = (<usize>s * <usize>m) << 4, os = <usize>s << 4;
  const z = ${bodyName.endsWith("V") ? "f64x2.splat(0)" : "0.0"};
  if (s == 1) {                                    // first pass: stream p (the twiddles change with every p)
    let xp = x, yp = y, t = tw;
    const xe = x + (<usize>m << 4);
    while (xp < xe) { ${bodyName}(xp, yp, is, 16, t, z); xp += 16; yp += ${16 * R}; t += ${32 * (R - 1)}; }
    return;
  }
  let xb = x, yb = y, t = tw;
  for (let p = 0; p < m; p++) {
    let xp = xb, yp = yb;
    const xe = xb + os;
    while (xp < xe) { ${bodyName}(xp, yp, is, os, t, z); xp += 16; yp += 16; }
    xb += os; yb += os * ${R}; t += ${32 * (R - 1)};
  }
}`;
  const loopL = (name, bodyName, simd, exp) => `/** Last radix-${R} pass (m = 1), times \`scale\`.${exp ? `
 *  @example ${name}(x, y, s, 1.0)   // what pass${R} runs in the scalar build` : ""} */
// @ts-ignore: decorator
@inline ${exp ? "export " : ""}function ${name}(x: usize, y: usize, s: i32, scale: f64): void {
  const sc = ${simd ? "f64x2.splat(scale)" : "scale"};
  const ss = <usize>s << 4;
  let xp = x, yp = y;
  const xe = x + ss;
  while (xp < xe) { ${bodyName}(xp, yp, ss, ss, 0, sc); xp += 16; yp += 16; }
}`;
  const [r1, r2] = SPLITS[R];
  const head = (name, what) => `// mixed/${name} — GENERATED by scripts/gen-fft-mixed.mjs; do not edit (run the script; test/fft-mixed.test.ts
// checks this file equals its output).
//
// ${what}
// One radix-${R} decimation-in-frequency Stockham pass, straight-line. With n0 = ${R}·m, s the stride, p < m, q < s:
//   y[q + s(${R}p + k)] = w^{pk} · Σ_l x[q + s(p + l·m)] · W^{lk},   w = e^{∓2πi/n0}, W = e^{∓2πi/${R}}, k < ${R}
// (− forward, + inverse). ${r2 === 1 ? `The ${R}-point DFT is radix${R}.ts's formula:` : `The ${R}-point DFT is the prime-factor split ${r1}·${r2} (no inner twiddles):`} ${count(tw.ops, "add", "sub")} complex adds,
// ${count(tw.ops, "mulr", "mulrr")} multiplications by real constants, ${count(tw.ops, "rotk")} exact ±i turns, ${count(tw.ops, "swap")} swaps; twiddles w^{pk} pre-splatted (cis.ts), 32 bytes,
// ${R - 1} per p. m = 1 is the twiddle-free last pass (an inverse's also multiplies by \`scale\` = 1/n). Bodies: T =
// twiddled, L = last; F = forward, I = inverse; V = f64x2, S = scalar (the same IEEE operations, lane for lane).
`;
  const dispatch = (scalarFrom) => `${scalarFrom}
/** Radix-${R} pass: twiddled when m > 1, else the last pass (scaled by \`scale\` when \`inv\`).
 *  @example pass${R}(x, y, tw, m, s, false, 1.0)  // one forward pass of a plan (plan-mixed.ts) */
export function pass${R}(x: usize, y: usize, tw: usize, m: i32, s: i32, inv: bool, scale: f64): void {
  if (ASC_FEATURE_SIMD) {
    if (m > 1) { if (inv) loopTIV(x, y, tw, m, s); else loopTFV(x, y, tw, m, s); }
    else if (inv) loopLIV(x, y, s, scale); else loopLFV(x, y, s, 1.0);
  } else {
    if (m > 1) { if (inv) loopTIS(x, y, tw, m, s); else loopTFS(x, y, tw, m, s); }
    else if (inv) loopLIS(x, y, s, scale); else loopLFS(x, y, s, 1.0);
  }
}
`;
  const bodies = (simd, exp) => {
    const v = simd ? "V" : "S";
    return [`${body(`bodyTF${v}`, simd, tw, false, false)}\n\n${body(`bodyTI${v}`, simd, tw, true, false)}\n`,
      `${body(`bodyLF${v}`, simd, plain, false, false, exp)}\n\n${body(`bodyLI${v}`, simd, plain, true, true, exp)}\n`];
  };
  const loopsV = `// ---------------------------------------------------------------- f64x2 (one complex per v128)

${loopT("loopTFV", "bodyTFV")}

${loopT("loopTIV", "bodyTIV")}

${loopL("loopLFV", "bodyLFV", true)}

${loopL("loopLIV", "bodyLIV", true)}
`;
  const loopsS = (exp) => `// ---------------------------------------------------------------- scalar (same operations per lane)

${loopT("loopTFS", "bodyTFS", exp)}

${loopT("loopTIS", "bodyTIS", exp)}

${loopL("loopLFS", "bodyLFS", false, exp)}

${loopL("loopLIS", "bodyLIS", false, exp)}
`;
  const name = r2 === 1 ? `Radix ${R}` : `Radix ${R} = ${r1}·${r2}`;
  const [tV, lV] = bodies(true, false), [tS, lS] = bodies(false, false);
  const one = `${head(`n${R}.ts`, r2 === 1 ? `Radix ${R} (re-exported by radix${R}.ts, which states the formula).` : `${name}.`)}${dispatch(`
import { swap } from "../cplx";
`)}
${loopsV}
${tV}
${lV}
${loopsS(false)}
${tS}
${lS}`;
  if (one.split("\n").length <= MAX_LINES) return { [`n${R}.ts`]: one };
  // too long for one file: the scalar loops and bodies go to n{R}s.ts
  const two = {
    [`n${R}.ts`]: `${head(`n${R}.ts`, `${name}: the pass and its f64x2 code (the scalar code is in n${R}s.ts).`)}${dispatch(`
import { swap } from "../cplx";
import { loopTFS, loopTIS, loopLFS, loopLIS } from "./n${R}s";
`)}
${loopsV}
${tV}
${lV}`,
    [`n${R}s.ts`]: `${head(`n${R}s.ts`, `${name}: the scalar loops of n${R}.ts's pass (the scalar build's code).`)}
${loopsS(true)}
${tS}
${lS}`,
  };
  if (Object.values(two).every((t) => t.split("\n").length <= MAX_LINES)) return two;
  // still too long: the last-pass bodies go to n{R}l.ts (f64x2) and n{R}sl.ts (scalar); if the scalar loops and
  // twiddled bodies are still too long, the inverse's twiddled scalar body goes to n{R}st.ts
  const [, lVx] = bodies(true, true), [, lSx] = bodies(false, true);
  const tFS = body("bodyTFS", false, tw, false, false), tISx = body("bodyTIS", false, tw, true, false, true);
  const sMain = (sep) => `${head(`n${R}s.ts`, `${name}: the scalar loops of n${R}.ts's pass (the scalar build's code; last-pass bodies in n${R}sl.ts${sep ? `, the inverse's twiddled body in n${R}st.ts` : ""}).`)}
import { bodyLFS, bodyLIS } from "./n${R}sl";${sep ? `
import { bodyTIS } from "./n${R}st";` : ""}

${loopsS(true)}
${sep ? `${tFS}\n` : tS}`;
  const three = {
    [`n${R}.ts`]: `${head(`n${R}.ts`, `${name}: the pass and its f64x2 code (last-pass bodies in n${R}l.ts; the scalar code is in n${R}s.ts).`)}${dispatch(`
import { swap } from "../cplx";
import { bodyLFV, bodyLIV } from "./n${R}l";
import { loopTFS, loopTIS, loopLFS, loopLIS } from "./n${R}s";
`)}
${loopsV}
${tV}`,
    [`n${R}l.ts`]: `${head(`n${R}l.ts`, `${name}: the f64x2 bodies of n${R}.ts's twiddle-free last pass.`)}
import { swap } from "../cplx";

// ---------------------------------------------------------------- f64x2 (one complex per v128)
${lVx}`,
    [`n${R}s.ts`]: sMain(false),
    [`n${R}sl.ts`]: `${head(`n${R}sl.ts`, `${name}: the scalar bodies of n${R}.ts's twiddle-free last pass.`)}
// ---------------------------------------------------------------- scalar (same operations per lane)
${lSx}`,
  };
  if (three[`n${R}s.ts`].split("\n").length <= MAX_LINES) return three;
  three[`n${R}s.ts`] = sMain(true);
  three[`n${R}st.ts`] = `${head(`n${R}st.ts`, `${name}: the scalar body of n${R}.ts's twiddled inverse pass.`)}
// ---------------------------------------------------------------- scalar (same operations per lane)
${tISx}
`;
  return three;
}

/** Every generated file: name → text.
 *  @example generate()["n10.ts"]   // the text of assembly/fft/mixed/n10.ts */
export function generate(radices = Object.keys(SPLITS).map(Number)) {
  return Object.assign({}, ...radices.map(files));
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const all = generate();
  if (process.argv.includes("--check")) {
    let bad = 0;
    for (const [name, text] of Object.entries(all)) {
      let cur = "";
      try { cur = readFileSync(path.join(OUTDIR, name), "utf8"); } catch { /* missing */ }
      if (cur !== text) { console.error(`assembly/fft/mixed/${name} differs from the generator's output`); bad++; }
    }
    process.exit(bad ? 1 : 0);
  }
  mkdirSync(OUTDIR, { recursive: true });
  for (const [name, text] of Object.entries(all)) writeFileSync(path.join(OUTDIR, name), text);
  console.log(`wrote ${Object.keys(all).map((f) => `assembly/fft/mixed/${f}`).join(", ")}`);
}
