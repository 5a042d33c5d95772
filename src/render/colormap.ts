/**
 * Perceptual colormaps from d3-scale-chromatic, sampled once into 256-entry RGB lookup tables.
 * Names: viridis, inferno, magma, plasma, cividis, turbo, rdbu (diverging, reversed so that red is high).
 */
import { interpolateViridis, interpolateInferno, interpolateMagma, interpolatePlasma, interpolateCividis, interpolateTurbo, interpolateRdBu } from "d3-scale-chromatic";

const SOURCES: Record<string, (t: number) => string> = {
  viridis: interpolateViridis, inferno: interpolateInferno, magma: interpolateMagma, plasma: interpolatePlasma,
  cividis: interpolateCividis, turbo: interpolateTurbo, rdbu: (t) => interpolateRdBu(1 - t),
};
/** The colormap names {@link colormap} accepts (lower case; lookup is case-insensitive): viridis, inferno, magma, plasma, cividis, turbo, rdbu. */
export const COLORMAPS = Object.keys(SOURCES);
const cache = new Map<string, Uint8Array>();

function parse(c: string): [number, number, number] {
  if (c.startsWith("#")) return [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];
  const m = c.match(/\d+(\.\d+)?/g);
  if (!m || m.length < 3) throw new Error(`colormap: cannot parse colour ${c}`);
  return [Math.round(Number(m[0])), Math.round(Number(m[1])), Math.round(Number(m[2]))];
}

/**
 * 256 × RGB lookup table of a named colormap: 768 bytes, entry i (0 … 255) at [3i, 3i + 1, 3i + 2] is the colour at
 * t = i / 255 (i = 0 for the low end). The name is case-insensitive; an unknown name throws a RangeError listing
 * {@link COLORMAPS}. Tables are built once per name and cached: the same Uint8Array is returned on every call, so
 * do not modify it.
 * @param name - one of {@link COLORMAPS}.
 * @example
 * const lut = render.colormap("viridis");
 * const [r, g, b] = lut.subarray(3 * 255, 3 * 256);   // the colour of the high end
 */
export function colormap(name: string): Uint8Array {
  const key = name.toLowerCase();
  const src = SOURCES[key];
  if (!src) throw new RangeError(`colormap: unknown colormap "${name}"; use one of ${COLORMAPS.join(", ")}`);
  let lut = cache.get(key);
  if (!lut) {
    lut = new Uint8Array(256 * 3);
    for (let i = 0; i < 256; i++) lut.set(parse(src(i / 255)), 3 * i);
    cache.set(key, lut);
  }
  return lut;
}
