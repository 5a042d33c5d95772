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
