// sincos.ts — sin and cos for the split-step nonlinear phase, bit-identical to AssemblyScript's NativeMath
// (musl) but inlined: for |x| ≤ π/4 musl evaluates its kernels __sin/__cos directly (no argument reduction),
// so repeating those kernels here with the same thresholds gives the same bits without the call; larger |x|
// falls back to Math.sin/Math.cos. Coefficients: musl src/math/__sin.c, __cos.c.

// @ts-ignore: decorator
@inline export function sinK(x: f64): f64 {
  const ux = <u32>(reinterpret<u64>(x) >> 32) & 0x7FFFFFFF;
  if (ux > 0x3FE921FB) return Math.sin(x);
  if (ux < 0x3E500000) return x;
  const S1 = reinterpret<f64>(0xBFC5555555555549), S2 = reinterpret<f64>(0x3F8111111110F8A6),
    S3 = reinterpret<f64>(0xBF2A01A019C161D5), S4 = reinterpret<f64>(0x3EC71DE357B1FE7D),
    S5 = reinterpret<f64>(0xBE5AE5E68A2B9CEB), S6 = reinterpret<f64>(0x3DE5D93A5ACFD57C);
  const z = x * x, w = z * z;
  const r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
  const v = z * x;
  return x + v * (S1 + z * r);
}

// @ts-ignore: decorator
@inline export function cosK(x: f64): f64 {
  const ux = <u32>(reinterpret<u64>(x) >> 32) & 0x7FFFFFFF;
  if (ux > 0x3FE921FB) return Math.cos(x);
  if (ux < 0x3E46A09E) return 1.0;
  const C1 = reinterpret<f64>(0x3FA555555555554C), C2 = reinterpret<f64>(0xBF56C16C16C15177),
    C3 = reinterpret<f64>(0x3EFA01A019CB1590), C4 = reinterpret<f64>(0xBE927E4F809C52AD),
    C5 = reinterpret<f64>(0x3E21EE9EBDB4B1C4), C6 = reinterpret<f64>(0xBDA8FAE9BE8838D4);
  const z = x * x;
  let w = z * z;
  const r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const hz = 0.5 * z;
  w = 1.0 - hz;
  return w + (((1.0 - w) - hz) + (z * r - x * 0.0));
}

/** Test hook: writes sinK, Math.sin, cosK, Math.cos of x into out[0..3]. */
export function sincosCheck(x: f64, out: usize): void {
  store<f64>(out, sinK(x)); store<f64>(out, Math.sin(x), 8);
  store<f64>(out, cosK(x), 16); store<f64>(out, Math.cos(x), 24);
}

/**
 * sin x for the sine-Gordon force: Cody–Waite reduction by π/2 (musl's pio2_1 + pio2_1t; exact products for
 * |x| < 1e5) and the kernels above on the reduced argument (the reduction's tail is dropped: ≤ 1 ulp from
 * Math.sin). Deterministic on every engine; |x| ≥ 1e5 and non-finite x fall back to Math.sin.
 */
// @ts-ignore: decorator
@inline export function sinFast(x: f64): f64 {
  if (!(Math.abs(x) < 1e5)) return Math.sin(x);
  const fn = Math.floor(x * 0.6366197723675814 + 0.5);                  // round(x·2/π)
  const y = (x - fn * reinterpret<f64>(0x3FF921FB54400000)) - fn * reinterpret<f64>(0x3DD0B4611A626331);
  const q = <i32>(<i64>fn);
  // both kernels (musl __sin/__cos with zero tail), selected without branches
  const z = y * y, w = z * z;
  const rs = reinterpret<f64>(0x3F8111111110F8A6) + z * (reinterpret<f64>(0xBF2A01A019C161D5) + z * reinterpret<f64>(0x3EC71DE357B1FE7D))
    + z * w * (reinterpret<f64>(0xBE5AE5E68A2B9CEB) + z * reinterpret<f64>(0x3DE5D93A5ACFD57C));
  const sn = y + z * y * (reinterpret<f64>(0xBFC5555555555549) + z * rs);
  const rc = z * (reinterpret<f64>(0x3FA555555555554C) + z * (reinterpret<f64>(0xBF56C16C16C15177) + z * reinterpret<f64>(0x3EFA01A019CB1590)))
    + w * w * (reinterpret<f64>(0xBE927E4F809C52AD) + z * (reinterpret<f64>(0x3E21EE9EBDB4B1C4) + z * reinterpret<f64>(0xBDA8FAE9BE8838D4)));
  const hz = 0.5 * z, wc = 1.0 - hz;
  const cs = wc + (((1.0 - wc) - hz) + z * rc);
  const r = select<f64>(cs, sn, (q & 1) != 0);
  return select<f64>(-r, r, (q & 2) != 0);
}

/**
 * dst[j] = sinFast(src[j]) for j < n (n even), two lanes at a time with the constants held in registers
 * (lane by lane the same operations as sinFast, so the same bits); lanes with |x| ≥ 1e5 or NaN go through sinFast.
 */
export function sinArray(src: usize, dst: usize, n: i32): void {
  if (ASC_FEATURE_SIMD) {
    let j = 0;
    for (; j + 4 <= n; j += 4) {                   // two independent vectors per iteration: more overlap of the chains
      const o = <usize>j << 3, x0 = v128.load(src + o), x1 = v128.load(src + o, 16);
      if (!finite2(x0) || !finite2(x1)) { for (let i = 0; i < 4; i++) store<f64>(dst + o + (<usize>i << 3), sinFast(load<f64>(src + o + (<usize>i << 3)))); continue; }
      const r0 = sinV(x0), r1 = sinV(x1);
      v128.store(dst + o, r0); v128.store(dst + o, r1, 16);
    }
    for (; j < n; j += 2) {
      const o = <usize>j << 3, x = v128.load(src + o);
      if (!finite2(x)) { store<f64>(dst + o, sinFast(load<f64>(src + o))); store<f64>(dst + o, sinFast(load<f64>(src + o, 8)), 8); continue; }
      v128.store(dst + o, sinV(x));
    }
  } else {
    for (let j = 0; j < n; j++) store<f64>(dst + (<usize>j << 3), sinFast(load<f64>(src + (<usize>j << 3))));
  }
}

// @ts-ignore: decorator
@inline function finite2(x: v128): bool {
  return !v128.any_true(f64x2.ge(f64x2.abs(x), f64x2.splat(1e5))) && i64x2.all_true(f64x2.eq(x, x));
}

// @ts-ignore: decorator
@inline function K(c: u64): v128 { return f64x2.splat(reinterpret<f64>(c)); }

/** sinFast on both lanes (|x| < 1e5, finite): the same operations lane by lane. */
// @ts-ignore: decorator
@inline function sinV(x: v128): v128 {
  const half = f64x2.splat(0.5), one = f64x2.splat(1.0), two = f64x2.splat(2.0);
  const fn = f64x2.floor(f64x2.add(f64x2.mul(x, f64x2.splat(0.6366197723675814)), half));
  const y = f64x2.sub(f64x2.sub(x, f64x2.mul(fn, K(0x3FF921FB54400000))), f64x2.mul(fn, K(0x3DD0B4611A626331)));
  const z = f64x2.mul(y, y), w = f64x2.mul(z, z);
  const rs = f64x2.add(f64x2.add(K(0x3F8111111110F8A6), f64x2.mul(z, f64x2.add(K(0xBF2A01A019C161D5), f64x2.mul(z, K(0x3EC71DE357B1FE7D))))),
    f64x2.mul(f64x2.mul(z, w), f64x2.add(K(0xBE5AE5E68A2B9CEB), f64x2.mul(z, K(0x3DE5D93A5ACFD57C)))));
  const sn = f64x2.add(y, f64x2.mul(f64x2.mul(z, y), f64x2.add(K(0xBFC5555555555549), f64x2.mul(z, rs))));
  const rc = f64x2.add(f64x2.mul(z, f64x2.add(K(0x3FA555555555554C), f64x2.mul(z, f64x2.add(K(0xBF56C16C16C15177), f64x2.mul(z, K(0x3EFA01A019CB1590)))))),
    f64x2.mul(f64x2.mul(w, w), f64x2.add(K(0xBE927E4F809C52AD), f64x2.mul(z, f64x2.add(K(0x3E21EE9EBDB4B1C4), f64x2.mul(z, K(0xBDA8FAE9BE8838D4)))))));
  const hz = f64x2.mul(half, z), wc = f64x2.sub(one, hz);
  const cs = f64x2.add(wc, f64x2.add(f64x2.sub(f64x2.sub(one, wc), hz), f64x2.mul(z, rc)));
  const odd = f64x2.sub(fn, f64x2.mul(two, f64x2.floor(f64x2.mul(fn, half))));
  const m4 = f64x2.sub(fn, f64x2.mul(f64x2.splat(4.0), f64x2.floor(f64x2.mul(fn, f64x2.splat(0.25)))));
  const r = v128.bitselect(cs, sn, f64x2.eq(odd, one));
  return v128.bitselect(f64x2.neg(r), r, f64x2.ge(m4, two));
}

/** Test hook: out[0] = sinFast(x), out[1] = Math.sin(x), out[2..3] = sinArray of [x, −x]. */
export function sinFastCheck(x: f64, out: usize): void {
  store<f64>(out, sinFast(x)); store<f64>(out, Math.sin(x), 8);
  store<f64>(out + 16, x); store<f64>(out + 24, -x);
  sinArray(out + 16, out + 16, 2);
}
