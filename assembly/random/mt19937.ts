// mt19937.ts — numpy's legacy RandomState stream, bit for bit: MT19937 (Matsumoto & Nishimura 1998) seeded
// with init_genrand (Knuth's multiplier 1812433253), doubles from two outputs as ((a>>5)·2^26 + (b>>6))/2^53,
// and legacy Gaussians by the Marsaglia polar method (return f·x2, cache f·x1), as numpy's `legacy_gauss`.
// One generator state lives in static memory (the seeds draw from one global stream).

const N: i32 = 624;
const M: i32 = 397;
const MT: usize = memory.data(624 * 4);
let mti: i32 = N + 1;
let hasGauss: bool = false;
let gaussCache: f64 = 0;

export function mtSeed(seed: u32): void {
  store<u32>(MT, seed);
  for (let i = 1; i < N; i++) {
    const prev = load<u32>(MT + (<usize>(i - 1) << 2));
    store<u32>(MT + (<usize>i << 2), 1812433253 * (prev ^ (prev >> 30)) + <u32>i);
  }
  mti = N;
  hasGauss = false;
  gaussCache = 0;
}

// @ts-ignore: decorator
@inline function mt(i: i32): u32 { return load<u32>(MT + (<usize>i << 2)); }

export function mtNext(): u32 {
  if (mti >= N) {
    if (mti == N + 1) mtSeed(5489);
    let kk = 0;
    for (; kk < N - M; kk++) {
      const y = (mt(kk) & 0x80000000) | (mt(kk + 1) & 0x7fffffff);
      store<u32>(MT + (<usize>kk << 2), mt(kk + M) ^ (y >> 1) ^ ((y & 1) ? 0x9908b0df : 0));
    }
    for (; kk < N - 1; kk++) {
      const y = (mt(kk) & 0x80000000) | (mt(kk + 1) & 0x7fffffff);
      store<u32>(MT + (<usize>kk << 2), mt(kk + (M - N)) ^ (y >> 1) ^ ((y & 1) ? 0x9908b0df : 0));
    }
    const y = (mt(N - 1) & 0x80000000) | (mt(0) & 0x7fffffff);
    store<u32>(MT + (<usize>(N - 1) << 2), mt(M - 1) ^ (y >> 1) ^ ((y & 1) ? 0x9908b0df : 0));
    mti = 0;
  }
  let y = mt(mti++);
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >> 18;
  return y;
}

/** numpy random_sample(): 53-bit double in [0, 1). */
export function mtDouble(): f64 {
  const a = mtNext() >> 5, b = mtNext() >> 6;
  return (<f64>a * 67108864.0 + <f64>b) / 9007199254740992.0;
}

/** numpy legacy standard normal (RandomState.randn). */
export function mtGauss(): f64 {
  if (hasGauss) {
    hasGauss = false;
    return gaussCache;
  }
  let x1: f64, x2: f64, r2: f64;
  do {
    x1 = 2.0 * mtDouble() - 1.0;
    x2 = 2.0 * mtDouble() - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 == 0.0);
  const f = Math.sqrt(-2.0 * Math.log(r2) / r2);
  gaussCache = f * x1;
  hasGauss = true;
  return f * x2;
}

/** Fills out[0..n) with legacy standard normals. */
export function mtGaussFill(out: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), mtGauss());
}
