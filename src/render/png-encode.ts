/**
 * RGB → PNG file bytes, one function for every figure (canvas.ts rasters, images embedded in SVG). Portable default:
 * fast-png (pure JS, deflate level 1). A host with a native zlib can install it with useDeflate() — the CLI passes
 * node:zlib's deflateSync, 5–10× faster than the JS deflate (a 1500 × 975 figure: 15–60 ms and 440 kB at level 1,
 * 35–80 ms and 263 kB at level 6, instead of 200–350 ms and 420 kB) — and the PNG is assembled here: signature, IHDR
 * (8-bit RGB, no interlace), one IDAT holding the zlib stream of the scanlines (filter 0 each), IEND; every chunk
 * with its CRC-32 (ISO 3309, the PNG spec's §5.5 table method).
 */
import { encode } from "fast-png";

/** A zlib (RFC 1950) compressor: bytes in, zlib stream out. */
export type Deflate = (raw: Uint8Array) => Uint8Array;
let native: Deflate | null = null;

/** Installs (or with null removes) a native zlib for all PNG encoding in this process. */
export function useDeflate(d: Deflate | null): void { native = d; }

const CRC = new Uint32Array(256);
for (let n = 0; n < 256; n++) { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; CRC[n] = c >>> 0; }

function chunk(out: Uint8Array, at: number, type: string, data: Uint8Array): number {
  const v = new DataView(out.buffer, out.byteOffset);
  v.setUint32(at, data.length);
  for (let i = 0; i < 4; i++) out[at + 4 + i] = type.charCodeAt(i);
  out.set(data, at + 8);
  let c = 0xffffffff;
  for (let i = at + 4; i < at + 8 + data.length; i++) c = CRC[(c ^ out[i]) & 255] ^ (c >>> 8);
  v.setUint32(at + 8 + data.length, (c ^ 0xffffffff) >>> 0);
  return at + 12 + data.length;
}

/** PNG bytes of a width × height RGB image (3 bytes a pixel, rows top first). */
export function encodePng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  if (!native) return encode({ width, height, data: rgb, channels: 3, depth: 8 }, { zlib: { level: 1 } });
  const st = 3 * width, raw = new Uint8Array((st + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgb.subarray(y * st, y * st + st), y * (st + 1) + 1);
  const z = native(raw), ihdr = new Uint8Array(13), hv = new DataView(ihdr.buffer);
  hv.setUint32(0, width); hv.setUint32(4, height); ihdr[8] = 8; ihdr[9] = 2;
  const out = new Uint8Array(8 + 25 + 12 + z.length + 12);
  out.set([137, 80, 78, 71, 13, 10, 26, 10]);
  let at = chunk(out, 8, "IHDR", ihdr);
  at = chunk(out, at, "IDAT", z);
  chunk(out, at, "IEND", new Uint8Array(0));
  return out;
}
