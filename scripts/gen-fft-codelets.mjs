#!/usr/bin/env node
// gen-fft-codelets.mjs — writes assembly/fft/codelets/n{R}.ts (the pass's entry and f64x2 code) and n{R}s.ts (its scalar
// code): straight-line radix-R Stockham passes (R = 8, 16, 32)
// for the power-of-two plans, in the spirit of FFTW's genfft (n1fv_R / t1fv_R): the R-point DFT is unrolled into a
// fixed sequence of complex adds, exact ±i rotations, multiplications by the constant roots of unity and (in a
// twiddled pass) by the table twiddles w^{pk}. The SAME operation list is printed twice — once as f64x2 code
// (one complex per v128) and once as scalar f64 code, lane for lane — so the SIMD and scalar builds run identical
// IEEE operations in identical order (no FMA) and agree bit for bit.
//
// Usage: node scripts/gen-fft-codelets.mjs          (writes the files)
//        node scripts/gen-fft-codelets.mjs --check  (exit 1 if a committed file differs from the output)
// The output depends only on this script (constants come from exact BigInt arithmetic, not Math.cos), so running
// it again gives identical files; test/fft-codelets.test.ts checks that.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUTDIR = path.join(root, "assembly/fft/codelets");
// The committed radices: 8 only. 16 and 32 (`--radices 8,16,32`, any power of two ≥ 8 works) were measured slower
// than the hand-written radix-4 passes under V8 (docs/fft.md), so they are not shipped.
const arg = process.argv.indexOf("--radices");
export const RADICES = arg > 0 ? process.argv[arg + 1].split(",").map(Number) : [8];

// ------------------------------------------------------------------ exact constants cos/sin(2π e/R)
const F = 256n;                          // fixed-point fraction bits
const ONE = 1n << F;
function piFixed() {                     // Machin: π = 16 atan(1/5) − 4 atan(1/239)
  const atanInv = (x) => {
    const xb = BigInt(x), x2 = xb * xb;
    let term = ONE / xb, sum = term, k = 1n, sign = -1n;
    for (;;) { term /= x2; const t = term / (2n * k + 1n); if (t === 0n) break; sum += sign * t; sign = -sign; k++; }
    return sum;
  };
  return 16n * atanInv(5) - 4n * atanInv(239);
}
const PI = piFixed();
function cosSinFixed(num, den) {         // angle 2π·num/den, Taylor series in fixed point
  const th = (2n * PI * BigInt(num)) / BigInt(den);
  const th2 = (th * th) >> F;
  let c = ONE, s = th, tc = ONE, ts = th;
  for (let k = 1n; ; k++) {
    tc = -((tc * th2) >> F) / ((2n * k - 1n) * (2n * k));
    ts = -((ts * th2) >> F) / ((2n * k) * (2n * k + 1n));
    if (tc === 0n && ts === 0n) break;
    c += tc; s += ts;
  }
  return [c, s];
}
const nearest = (x) => Number(x) / 2 ** 256;   // Number(BigInt) rounds to nearest; /2^256 is exact
const exact = (x) => BigInt(x * 2 ** 80) << (F - 80n);   // a double as fixed point (exact for |x| ≥ 2^-27)
// The constant root (c, s) ≈ (cos θ, sin θ) used: among the doubles within 4 ulps of the nearest ones, the pair with
// |c² + s² − 1| smallest (exact BigInt arithmetic; ties: the smaller angle error). A product a·(c − i s) then has
// |c − i s| = 1 to ~1e-18 rather than ~1e-16, so a codelet applied 10⁵ times does not drift a norm (the cheaper
// alternative to √½'s hi + lo products, which cost two more multiplications and adds per constant).
function normPreserving(cx, sx) {
  const ch = nearest(cx), sh = nearest(sx);
  const ulp = (x) => 2 ** (Math.floor(Math.log2(Math.abs(x))) - 52);
  const ONE2 = 1n << (2n * F);
  let best = null;
  for (let i = -4; i <= 4; i++) for (let j = -4; j <= 4; j++) {
    const c = ch + i * ulp(ch), s = sh + j * ulp(sh);
    const cb = exact(c), sb = exact(s);
    let nerr = cb * cb + sb * sb - ONE2; if (nerr < 0n) nerr = -nerr;
    const aerr = (cb - cx) * (cb - cx) + (sb - sx) * (sb - sx);
    if (!best || nerr < best.nerr || (nerr === best.nerr && aerr < best.aerr)) best = { c, s, nerr, aerr };
  }
  return [best.c, best.s];
}
const lit = (v) => {
  let s = String(v);
  if (!/[.e]/.test(s)) s += ".0";
  return s;
};

// ------------------------------------------------------------------ the DFT as an operation list
// A value is {id, k}: the complex number ρ^k · (op id), ρ = −i forward, +i inverse (the direction's quarter turn).
// Quarter turns and negations are thus free (genfft's algebraic simplification): they are folded into the next
// butterfly, and only materialised ("rotk") where a value is stored.
// ops: {o: "load", k} | {o: "add"|"sub", a, b} | {o: "rotk", a, k} (ρ^k·a: a swap and a sign flip, or a negation)
//      {o: "h8", a} (a·(1 ∓ i)·√½, √½ = H + HL as in cplx.ts) | {o: "cmulc", a, e, R} (a·e^{∓2πi e/R})
function build(R, twiddled) {
  const ops = [];
  // inputs are loaded lazily, right before their first use
  const loaded = new Map();
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
  // [A + B, A − B] with A = ρ^kA a, B = ρ^kB b: = ρ^kA [a + ρ^d b, a − ρ^d b], d = kB − kA
  function bfly(A, B) {
    const d = (((B.k - A.k) % 4) + 4) % 4;
    if (d === 0) return [V(emit({ o: "add", a: A.id, b: B.id }), A.k), V(emit({ o: "sub", a: A.id, b: B.id }), A.k)];
    if (d === 2) return [V(emit({ o: "sub", a: A.id, b: B.id }), A.k), V(emit({ o: "add", a: A.id, b: B.id }), A.k)];
    // d = 1, 3: ρ^d b materialised (a swap and a sign flip), then the add/sub pair
    const rb = emit({ o: "rotk", a: B.id, k: d });
    return [V(emit({ o: "add", a: A.id, b: rb }), A.k), V(emit({ o: "sub", a: A.id, b: rb }), A.k)];
  }
  // multiply by ω_N^e (forward ω = e^{−2πi/N}; the inverse conjugates): ω_4 = ρ, ω_8^e = ω_8·ρ^{(e−1)/2}
  function omega(A, e, N) {
    e = ((e % N) + N) % N;
    if (e === 0) return A;
    const g = gcd(e, N); e /= g; N /= g;
    if (N === 2) return V(A.id, A.k + 2);
    if (N === 4) return V(A.id, A.k + e);
    if (N === 8) return V(emit({ o: "h8", a: A.id }), A.k + (e - 1) / 2);
    return V(emit({ o: "cmulc", a: A.id, e, R: N }), A.k);
  }
  function dft(xs) {
    const n = xs.length;
    if (n === 1) return xs;
    if (n === 2) return bfly(xs[0], xs[1]);
    if (n === 4) {
      const [apc, amc] = bfly(xs[0], xs[2]);
      const [bpd, bmd] = bfly(xs[1], xs[3]);
      const [y0, y2] = bfly(apc, bpd);
      const [y1, y3] = bfly(amc, V(bmd.id, bmd.k + 1));
      return [y0, y1, y2, y3];
    }
    // decimation in frequency: n = r1·M; butterflies over x[j + M t], twiddles ω_n^{t j}, then M-point DFTs
    const r1 = n === 8 ? 2 : 4, M = n / r1;
    const rows = Array.from({ length: r1 }, () => []);
    for (let j = 0; j < M; j++) {
      const u = dft(Array.from({ length: r1 }, (_, t) => xs[j + M * t]));
      for (let t = 0; t < r1; t++) rows[t].push(omega(u[t], t * j, n));
    }
    const out = new Array(n);
    rows.forEach((row, t) => dft(row).forEach((v, k) => { out[t + r1 * k] = v; }));
    return out;
  }
  const xs = Array.from({ length: R }, (_, k) => V(-1 - k));
  const ys = dft(xs).map((Y) => (Y.k === 0 ? Y.id : emit({ o: "rotk", a: Y.id, k: Y.k })));
  return { ops, ys, twiddled };
}
function gcd(a, b) { while (b) [a, b] = [b, a % b]; return a; }

// ------------------------------------------------------------------ printing
function constants(ops) {
  const used = new Map();
  for (const op of ops) if (op.o === "cmulc") {
    const key = `${op.e}_${op.R}`;
    if (used.has(key)) continue;
    const [cx, sx] = cosSinFixed(op.e, op.R);
    const [cn, sn] = normPreserving(cx, sx);
    const th = (2 * Math.PI * op.e) / op.R;
    if (Math.abs(cn - Math.cos(th)) > 2e-15 || Math.abs(sn - Math.sin(th)) > 2e-15) throw new Error(`constant ${key}`);
    used.set(key, { cn, sn });
  }
  return used;
}

// One body: `inv` (direction) and `scaled` are fixed here, not left to the optimiser, so every ±i and every sign is a
// plain instruction in the output (a runtime flag would compile to selects).
function printBody(code, simd, inv, scaled) {
  const { ops, ys, twiddled } = code;
  const consts = constants(ops);
  const v = (i) => `u${i}`;
  const lines = [];
  const out = (s) => lines.push(s);
  const yIndex = new Map(ys.map((id, k) => [id, k]));
  const SIGN0 = "i64x2(-9223372036854775808, 0)", SIGN1 = "i64x2(0, -9223372036854775808)";
  // SIMD: −i·a = [ai, −ar] = swap(a) ^ sign1 (forward); +i·a = [−ai, ar] = swap(a) ^ sign0 (inverse)
  const rotV = (a) => `v128.xor(swap(${a}), ${inv ? SIGN0 : SIGN1})`;
  const rotV3 = (a) => `v128.xor(swap(${a}), ${inv ? SIGN1 : SIGN0})`;
  const storeK = (k, id) => {
    const off = k === 0 ? "yp" : k === 1 ? "yp + os" : `yp + ${k} * os`;
    const o = 32 * (k - 1);
    if (simd) {
      let e = v(id);
      if (twiddled && k > 0) {
        // a·w = a·[wr,wr] + swap(a)·[−wi,wi]; a·conj(w) = a·[wr,wr] − swap(a)·[−wi,wi]  (cplx.ts cmulv)
        e = `f64x2.${inv ? "sub" : "add"}(f64x2.mul(${e}, v128.load(t, ${o})), f64x2.mul(swap(${e}), v128.load(t, ${o + 16})))`;
      }
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
    if (simd) {
      switch (op.o) {
        case "load": out(`const ${d} = v128.load(${addr});`); break;
        case "add": out(`const ${d} = f64x2.add(${a}, ${b});`); break;
        case "sub": out(`const ${d} = f64x2.sub(${a}, ${b});`); break;
        case "rotk": out(`const ${d} = ${op.k === 2 ? `f64x2.neg(${a})` : op.k === 1 ? rotV(a) : rotV3(a)};`); break;
        case "h8":   // t = a + rot(a); t·H + t·HL
          out(`const ${d}t = f64x2.add(${a}, ${rotV(a)});`);
          out(`const ${d} = f64x2.add(f64x2.mul(${d}t, f64x2.splat(H)), f64x2.mul(${d}t, f64x2.splat(HL)));`);
          break;
        case "cmulc": {
          // a·(c ∓ i s) = a·[c, c] + swap(a)·[±s, ∓s]  (forward: upper signs)
          const c = consts.get(`${op.e}_${op.R}`);
          const pair = (x) => (inv ? `f64x2(${lit(-x)}, ${lit(x)})` : `f64x2(${lit(x)}, ${lit(-x)})`);
          out(`const ${d} = f64x2.add(f64x2.mul(${a}, f64x2.splat(${lit(c.cn)})), f64x2.mul(swap(${a}), ${pair(c.sn)}));`);
          break;
        }
      }
    } else {
      const [ar, ai, br, bi] = [`${a}r`, `${a}i`, `${b}r`, `${b}i`];
      switch (op.o) {
        case "load": out(`const ${d}r = load<f64>(${addr}), ${d}i = load<f64>(${addr}, 8);`); break;
        case "add": out(`const ${d}r = ${ar} + ${br}, ${d}i = ${ai} + ${bi};`); break;
        case "sub": out(`const ${d}r = ${ar} - ${br}, ${d}i = ${ai} - ${bi};`); break;
        case "rotk": {
          // ρ^k·a: k = 2 → −a; forward ρ = −i: [ai, −ar], ρ³ = +i: [−ai, ar]; the inverse swaps the two
          if (op.k === 2) out(`const ${d}r = -${ar}, ${d}i = -${ai};`);
          else if ((op.k === 1) !== inv) out(`const ${d}r = ${ai}, ${d}i = -${ar};`);
          else out(`const ${d}r = -${ai}, ${d}i = ${ar};`);
          break;
        }
        case "h8":
          out(inv ? `const ${d}tr = ${ar} + -${ai}, ${d}ti = ${ai} + ${ar};` : `const ${d}tr = ${ar} + ${ai}, ${d}ti = ${ai} + -${ar};`);
          out(`const ${d}r = ${d}tr * H + ${d}tr * HL, ${d}i = ${d}ti * H + ${d}ti * HL;`);
          break;
        case "cmulc": {
          const c = consts.get(`${op.e}_${op.R}`);
          const sg = (x, lane) => lit((inv ? lane === 0 : lane === 1) ? -x : x);
          out(`const ${d}r = ${ar} * ${lit(c.cn)} + ${ai} * ${sg(c.sn, 0)}, ${d}i = ${ai} * ${lit(c.cn)} + ${ar} * ${sg(c.sn, 1)};`);
          break;
        }
      }
    }
    if (yIndex.has(i)) storeK(yIndex.get(i), i);
  });
  return pack(lines);
}

// several short statements per line (the files stay readable and short)
function pack(lines, width = 118) {
  const res = [];
  let cur = "";
  for (const l of lines) {
    if (cur && cur.length + 1 + l.length > width) { res.push(cur); cur = l; } else cur = cur ? `${cur} ${l}` : l;
  }
  if (cur) res.push(cur);
  return res;
}

function fileText(R) {
  const tw = build(R, true), plain = build(R, false);
  const count = (ops, o) => ops.filter((x) => x.o === o).length;
  const nAdd = count(tw.ops, "add") + count(tw.ops, "sub");
  const indent = (ls) => ls.map((l) => `  ${l}`).join("\n");
  const body = (name, simd, code, inv, scaled) => `// @ts-ignore: decorator
@inline function ${name}(xp: usize, yp: usize, is: usize, os: usize, t: usize, sc: ${simd ? "v128" : "f64"}): void {
${indent(printBody(code, simd, inv, scaled))}
}`;
  const exp = (name, on) => (on ? `/** ${name.includes("T") ? "Twiddled" : "Last"} radix-${R} pass, ${name[5] === "F" ? "forward" : "inverse"}, scalar build.
 *  @example ${name}(${name.includes("T") ? "x, y, tw, m, s" : "x, y, s, scale"})   // what pass${R} runs in the scalar build */
// @ts-ignore: decorator
@inline export function` : `// @ts-ignore: decorator
@inline function`);
  const loopT = (name, bodyName, ex = false) => `${exp(name, ex)} ${name}(x: usize, y: usize, tw: usize, m: i32, s: i32): void {
  const is = (<usize>s * <usize>m) << 4, os = <usize>s << 4;
  const z = ${bodyName.includes("V") ? "f64x2.splat(0)" : "0.0"};
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
  const loopL = (name, bodyName, simd, ex = false) => `${exp(name, ex)} ${name}(x: usize, y: usize, s: i32, scale: f64): void {
  const sc = ${simd ? "f64x2.splat(scale)" : "scale"};
  const ss = <usize>s << 4;
  let xp = x, yp = y;
  const xe = x + ss;
  while (xp < xe) { ${bodyName}(xp, yp, ss, ss, 0, sc); xp += 16; yp += 16; }
}`;
  const header = (file, what) => `// codelets/${file} — GENERATED by scripts/gen-fft-codelets.mjs; do not edit (run the script; the test
// test/fft-codelets.test.ts checks this file equals its output).
//
// ${what}
// One radix-${R} decimation-in-frequency Stockham pass, straight-line (FFTW genfft style). With n0 = ${R}·m the length
// of the sub-transforms still to do and s the stride (product of the radices already applied), for p < m, q < s:
//   y[q + s(${R}p + k)] = w^{pk} · Σ_l x[q + s(p + l·m)] · W^{lk},   w = e^{∓2πi/n0}, W = e^{∓2πi/${R}}, k < ${R}
// (− forward, + inverse). m = 1 is the twiddle-free last pass; the inverse's last pass multiplies by \`scale\` (1/n).
// The ${R}-point DFT: recursive DIF split (${R === 8 ? "2·4" : "4·" + R / 4}), ${nAdd} complex adds, ${count(tw.ops, "rotk")} exact ±i turns,
// ${count(tw.ops, "h8")} multiplications by (1 ∓ i)√½ and ${count(tw.ops, "cmulc")} by other constant roots (norm-preserving roundings of
// the constants, see the generator); twiddles w^{pk} pre-splatted (cis.ts), 32 bytes each, ${R - 1} per p.
// The scalar bodies perform the same IEEE operations as the f64x2 bodies, lane for lane. Bodies: T = twiddled,
// L = last; F = forward, I = inverse; V = f64x2, S = scalar.

`;
  const simdFile = `${header(`n${R}.ts`, `The radix-${R} pass: its entry and the f64x2 code (the scalar build's loops are in n${R}s.ts).`)}import { swap, H, HL } from "../cplx";
import { loopTFS, loopTIS, loopLFS, loopLIS } from "./n${R}s";

/** Radix-${R} pass: twiddled when m > 1, else the last pass (scaled by \`scale\` when \`inv\`).
 *  @example pass${R}(src, dst, tw, m, s, false, 1.0)   // one forward pass of a complex plan (complex.ts) */
export function pass${R}(x: usize, y: usize, tw: usize, m: i32, s: i32, inv: bool, scale: f64): void {
  if (ASC_FEATURE_SIMD) {
    if (m > 1) { if (inv) loopTIV(x, y, tw, m, s); else loopTFV(x, y, tw, m, s); }
    else if (inv) loopLIV(x, y, s, scale); else loopLFV(x, y, s, 1.0);
  } else {
    if (m > 1) { if (inv) loopTIS(x, y, tw, m, s); else loopTFS(x, y, tw, m, s); }
    else if (inv) loopLIS(x, y, s, scale); else loopLFS(x, y, s, 1.0);
  }
}

// ---------------------------------------------------------------- loops

${loopT("loopTFV", "bodyTFV")}

${loopT("loopTIV", "bodyTIV")}

${loopL("loopLFV", "bodyLFV", true)}

${loopL("loopLIV", "bodyLIV", true)}

// ---------------------------------------------------------------- SIMD (f64x2, one complex per v128)

${body("bodyTFV", true, tw, false, false)}

${body("bodyTIV", true, tw, true, false)}

${body("bodyLFV", true, plain, false, false)}

${body("bodyLIV", true, plain, true, true)}
`;
  const scalarFile = `${header(`n${R}s.ts`, `The radix-${R} pass's scalar code: the loops pass${R} (n${R}.ts) runs in the scalar build, and their bodies.`)}import { H, HL } from "../cplx";

// ---------------------------------------------------------------- loops

${loopT("loopTFS", "bodyTFS", true)}

${loopT("loopTIS", "bodyTIS", true)}

${loopL("loopLFS", "bodyLFS", false, true)}

${loopL("loopLIS", "bodyLIS", false, true)}

// ---------------------------------------------------------------- scalar (same operations per lane)

${body("bodyTFS", false, tw, false, false)}

${body("bodyTIS", false, tw, true, false)}

${body("bodyLFS", false, plain, false, false)}

${body("bodyLIS", false, plain, true, true)}
`;
  return { [`n${R}.ts`]: simdFile, [`n${R}s.ts`]: scalarFile };
}

export function generate(radices = RADICES) {
  return Object.assign({}, ...radices.map((R) => fileText(R)));
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const files = generate();
  if (process.argv.includes("--check")) {
    let bad = 0;
    for (const [name, text] of Object.entries(files)) {
      let cur = "";
      try { cur = readFileSync(path.join(OUTDIR, name), "utf8"); } catch { /* missing */ }
      if (cur !== text) { console.error(`assembly/fft/codelets/${name} differs from the generator's output`); bad++; }
    }
    process.exit(bad ? 1 : 0);
  }
  mkdirSync(OUTDIR, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(OUTDIR, name), text);
  console.log(`wrote ${Object.keys(files).map((f) => `assembly/fft/codelets/${f}`).join(", ")}`);
}
