/**
 * An evenly spaced subset of a stream of frames whose length is not known ahead, in bounded memory — what the
 * CLI's figures (space-time image, line-plot GIF) are drawn from, while the NetCDF file streams every frame.
 *
 * Frames arrive with indices 0, 1, 2, …; the reservoir keeps those at multiples of a stride s (a power of two,
 * starting at 1). When it holds `capacity` frames and another one is due, it drops every other frame (those
 * at odd multiples of s) and doubles s. So it never holds more than `capacity` frames, holds at least
 * capacity/2 once more than `capacity` have arrived, and the kept frames are evenly spaced in index (always
 * including frame 0). Dropped buffers are handed back through `fill(reuse)` so steady state allocates nothing.
 * For n ≤ capacity frames every frame is kept; for n frames with capacity < n, the stride is the smallest power
 * of two 2^k with ⌈n / 2^k⌉ ≤ capacity.
 */
export class FrameReservoir<T> {
  private items: T[] = [];
  private indices: number[] = [];
  private free: T[] = [];
  private stride = 1;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 2) throw new RangeError(`FrameReservoir: capacity must be an integer ≥ 2, got ${capacity}`);
  }

  /** Offers frame `index` (0, 1, 2, … in order); `fill` builds it (into `reuse`, a dropped buffer, if given) only if kept. */
  offer(index: number, fill: (reuse: T | undefined) => T): void {
    if (index % this.stride !== 0) return;
    if (this.items.length >= this.capacity) {
      const keepItems: T[] = [], keepIdx: number[] = [], s2 = 2 * this.stride;
      this.items.forEach((it, i) => { if (this.indices[i] % s2 === 0) { keepItems.push(it); keepIdx.push(this.indices[i]); } else this.free.push(it); });
      this.items = keepItems; this.indices = keepIdx; this.stride = s2;
      if (index % this.stride !== 0) return;
    }
    this.items.push(fill(this.free.pop()));
    this.indices.push(index);
  }

  /** The kept frames, oldest first, and their indices. */
  get frames(): readonly T[] { return this.items; }
  get frameIndices(): readonly number[] { return this.indices; }
  get length(): number { return this.items.length; }

  /** Releases every buffer. */
  clear(): void { this.items = []; this.indices = []; this.free = []; this.stride = 1; }
}

/** How many frames of `bytesPerFrame` fit in `budget` bytes, clamped to [2, max]. */
export function framesWithin(budget: number, bytesPerFrame: number, max: number): number {
  return Math.max(2, Math.min(max, Math.floor(budget / Math.max(1, bytesPerFrame))));
}
