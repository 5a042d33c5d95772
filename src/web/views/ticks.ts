/**
 * Axis ticks for the hand-drawn views: "nice" steps 1, 2, 5 × 10^k covering [lo, hi] with about `n` ticks, and a
 * compact label (≤ 4 significant digits, exponent form for very small or large magnitudes).
 */

/**
 * Tick values in [lo, hi] at a 1/2/5 × 10^k step giving about `n` ticks.
 * @example niceTicks(-25, 25, 5) // => [-20, -10, 0, 10, 20]
 */
export function niceTicks(lo: number, hi: number, n = 5): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  const raw = (hi - lo) / Math.max(1, n), p = 10 ** Math.floor(Math.log10(raw)), f = raw / p;
  const step = (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

/**
 * A short label for a tick value.
 * @example formatTick(0.30000000000000004) // => "0.3"
 */
export function formatTick(v: number): string {
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(1);
  return String(Number(v.toPrecision(4)));
}
