/** An append-only Float64Array that doubles its capacity: one allocation per doubling, not per push. */
export class GrowF64 {
  buf: Float64Array;
  length = 0;
  constructor(capacity = 64) {
    this.buf = new Float64Array(Math.max(8, capacity));
  }
  private reserve(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.length + extra) cap *= 2;
    const nb = new Float64Array(cap);
    nb.set(this.buf.subarray(0, this.length));
    this.buf = nb;
  }
  push(v: number): void {
    this.reserve(1);
    this.buf[this.length++] = v;
  }
  pushAll(v: Float64Array): void {
    this.reserve(v.length);
    this.buf.set(v, this.length);
    this.length += v.length;
  }
  /** Appends src[start … start+count) without creating a subarray. */
  pushFrom(src: Float64Array, start: number, count: number): void {
    this.reserve(count);
    const b = this.buf;
    let j = this.length;
    for (let i = 0; i < count; i++) b[j++] = src[start + i];
    this.length = j;
  }
  pop(count = 1): void {
    this.length = Math.max(0, this.length - count);
  }
  /** The filled part (a view, no copy). */
  view(): Float64Array {
    return this.buf.subarray(0, this.length);
  }
}
