/**
 * The depth colours of the 3-D school view: viridis (perceptually uniform, readable in grey and by colour-blind
 * readers), as a 256-entry RGB lookup table built from 33 stops sampled from d3-scale-chromatic's
 * `interpolateViridis` at t = k/32 and joined linearly. The table matches `interpolateViridis` within 3/255 per
 * channel (test/web-school-gl.test.ts checks it); it is kept here so that the view needs no colour library.
 */

/** 33 viridis stops (t = k/32, k = 0 … 32) as rrggbb hex, 6 characters each. */
const STOPS = "440154470d6048186a482374472d7b4537814240863e49893b528b375b8d33638d2f6b8e2c728e297a8e26828e23898e"
  + "21918c1f988b1fa08822a78528ae8032b67a3fbc734ec36b5ec96270cf5784d44b98d83eaddc30c2df23d8e219ece51bfde725";
const K = STOPS.length / 6 - 1;
let lut: Uint8Array | null = null;

/**
 * The viridis lookup table: 768 bytes, entry i (0 … 255) at [3i, 3i + 1, 3i + 2] is the colour at t = i / 255
 * (t = 0 dark purple, t = 1 yellow). Built once and shared: do not modify it.
 * @example
 * const lut = viridisLut();
 * const [r, g, b] = lut.subarray(3 * 255, 3 * 256);   // 253, 231, 37: the yellow end
 */
export function viridisLut(): Uint8Array {
  if (lut) return lut;
  const out = new Uint8Array(768);
  const stop = (k: number, c: number) => parseInt(STOPS.slice(6 * k + 2 * c, 6 * k + 2 * c + 2), 16);
  for (let i = 0; i < 256; i++) {
    const u = (i / 255) * K, k = Math.min(K - 1, Math.floor(u)), f = u - k;
    for (let c = 0; c < 3; c++) out[3 * i + c] = Math.round(stop(k, c) + (stop(k + 1, c) - stop(k, c)) * f);
  }
  return (lut = out);
}
