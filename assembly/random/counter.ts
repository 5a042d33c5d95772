// counter.ts — a counter-based generator: every draw is a pure function of (seed, stream, counter), so a
// simulation's noise does not depend on the order agents are updated in, on threads, or on the runtime.
// The mixer is SplitMix64's finaliser (Steele, Lea & Flood 2014) applied to a Weyl-spaced combination of the
// three keys, mixed twice; uniforms take the top 53 bits, normals use Box–Muller (both outputs per key).

// @ts-ignore: decorator
@inline function mix(z: u64): u64 {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
  z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
  return z ^ (z >> 31);
}

/** 64 random bits for (seed, stream, counter). */
export function counterBits(seed: u64, stream: u64, counter: u64): u64 {
  const a = mix(seed * 0x9e3779b97f4a7c15 + 0x632be59bd9b4e019);
  const b = mix(a ^ (stream * 0xd1b54a32d192ed03 + 0x8cb92ba72f3d8dd7));
  return mix(b ^ (counter * 0xaef17502108ef2d9 + 0x2545f4914f6cdd1d));
}

/** Uniform double in (0, 1) (never 0, so log is safe). */
export function counterUniform(seed: u64, stream: u64, counter: u64): f64 {
  return (<f64>(counterBits(seed, stream, counter) >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}

let cachedSecond: f64 = 0;

/** A standard normal pair from two uniforms keyed (counter·2, counter·2 + 1): returns the first, keeps the second. */
export function counterNormalPair(seed: u64, stream: u64, counter: u64): f64 {
  const u1 = counterUniform(seed, stream, counter << 1), u2 = counterUniform(seed, stream, (counter << 1) | 1);
  const r = Math.sqrt(-2.0 * Math.log(u1)), t = 6.283185307179586 * u2;
  cachedSecond = r * Math.sin(t);
  return r * Math.cos(t);
}

/** The second normal of the last counterNormalPair call. */
export function counterNormalSecond(): f64 { return cachedSecond; }
