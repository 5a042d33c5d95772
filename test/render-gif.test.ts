// GIF frames that cover only the changing rectangle (GifWriter after frame 1): decoding the file with a small
// reference decoder (GIF89a spec: image descriptors at an offset, LZW with variable code size) and compositing the
// frames must give, at every frame, the picture that was drawn (up to the fixed palette's quantisation).
import { it, expect } from "vitest";
import { LineAnimation } from "../src/render/animation.js";
import { SchoolAnimation } from "../src/render/school-animation.js";

function lzw(min: number, data: Uint8Array, n: number): Uint8Array {
  const out = new Uint8Array(n), clear = 1 << min, eoi = clear + 1;
  let dict: number[][] = [], size = min + 1, pos = 0, o = 0, prev: number[] | null = null;
  const reset = () => { dict = Array.from({ length: clear + 2 }, (_, i) => [i]); size = min + 1; prev = null; };
  reset();
  for (;;) {
    let code = 0;
    for (let b = 0; b < size; b++, pos++) code |= ((data[pos >> 3] >> (pos & 7)) & 1) << b;
    if (pos > data.length * 8 || code === eoi) break;
    if (code === clear) { reset(); continue; }
    const entry: number[] = code < dict.length ? dict[code] : [...prev!, prev![0]];
    if (prev && dict.length < 4096) dict.push([...prev, entry[0]]);
    for (const v of entry) if (o < n) out[o++] = v;
    prev = entry;
    if (dict.length === 1 << size && size < 12) size++;
  }
  return out;
}

/** Every composited frame of a GIF as RGB. */
function decodeGif(b: Uint8Array): { w: number; h: number; frames: Uint8Array[] } {
  const w = b[6] | (b[7] << 8), h = b[8] | (b[9] << 8), gct = 3 * (1 << ((b[10] & 7) + 1)), pal = b.subarray(13, 13 + gct);
  const screen = new Uint8Array(w * h * 3), frames: Uint8Array[] = [];
  let p = 13 + gct;
  const blocks = () => { const parts: number[] = []; while (b[p]) { parts.push(...b.subarray(p + 1, p + 1 + b[p])); p += b[p] + 1; } p++; return Uint8Array.from(parts); };
  while (b[p] !== 0x3b) {
    if (b[p] === 0x21) { p += 2; blocks(); continue; }
    expect(b[p]).toBe(0x2c);
    const x0 = b[p + 1] | (b[p + 2] << 8), y0 = b[p + 3] | (b[p + 4] << 8), fw = b[p + 5] | (b[p + 6] << 8), fh = b[p + 7] | (b[p + 8] << 8);
    expect(b[p + 9] & 0x80).toBe(0);                        // no local palette
    const min = b[p + 10];
    p += 11;
    const idx = lzw(min, blocks(), fw * fh);
    for (let y = 0; y < fh; y++) for (let x = 0; x < fw; x++) { const q = ((y0 + y) * w + x0 + x) * 3, i = 3 * idx[y * fw + x]; screen[q] = pal[i]; screen[q + 1] = pal[i + 1]; screen[q + 2] = pal[i + 2]; }
    frames.push(screen.slice());
  }
  return { w, h, frames };
}

function offFraction(a: Uint8Array, b: Uint8Array): number {
  let bad = 0;
  for (let i = 0; i < a.length; i += 3) if (Math.max(Math.abs(a[i] - b[i]), Math.abs(a[i + 1] - b[i + 1]), Math.abs(a[i + 2] - b[i + 2])) > 80) bad++;
  return bad / (a.length / 3);
}

it("line animation: partial GIF frames composite to the drawn frames (nothing stale from earlier frames)", () => {
  const a = new LineAnimation({ title: "anim", x: { lo: -1, hi: 1, label: "x" }, y: { lo: -1.2, hi: 1.2, label: "ψ" }, labels: ["a", "b"], delay: 40, dpi: 40 });
  const x = Array.from({ length: 64 }, (_, j) => -1 + (2 * j) / 63), drawn: Uint8Array[] = [];
  for (let k = 0; k < 4; k++) { a.frame(x, [x.map((v) => Math.sin(3 * v + k)), x.map((v) => Math.cos(5 * v - k))], k / 10); drawn.push(a.lastFrame.data.slice()); }
  const g = decodeGif(a.finish());
  expect(g.frames.length).toBe(4);
  g.frames.forEach((f, k) => expect(offFraction(f, drawn[k]), `frame ${k}`).toBeLessThan(1e-3));
});

for (const boundary of ["periodic", "open"] as const) it(`school animation (${boundary}, a shrinking school): partial frames composite to the drawn frames`, () => {
  const n = 40, L = 20, pos = new Float64Array(3 * n), vel = new Float64Array(3 * n), drawn: Uint8Array[] = [];
  const a = new SchoolAnimation({ boxSize: L, frames: 5, delay: 40, title: "school", boundary, dpi: 40 });
  for (let k = 0; k < 5; k++) {
    for (let i = 0; i < n; i++) for (let d = 0; d < 3; d++) { pos[3 * i + d] = 10 + k + (8 - 1.8 * k) * Math.sin(i * 1.3 + 2 * d); vel[3 * i + d] = d === 0 ? 1 : 0.2; }
    a.frame(pos, vel, `t = ${k}.0     P = 0.9${k}0     M = 0.100`);
    drawn.push(a.lastFrame.data.slice());
  }
  const g = decodeGif(a.finish());
  expect(g.frames.length).toBe(5);
  g.frames.forEach((f, k) => expect(offFraction(f, drawn[k]), `frame ${k}`).toBeLessThan(1e-3));
});
