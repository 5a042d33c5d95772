// Generates src/render/font-data.ts: the glyph outlines of DejaVu Sans (Book) for the characters samudra's
// figures use, read from the font's TrueType tables (head, hhea, maxp, hmtx, cmap format 4, loca, glyf with
// composite glyphs), as SVG-style path strings in font units (y up). The outlines are embedded in the package so
// the rasteriser needs no font file, no network and no system fonts on any runtime.
// Usage: node scripts/make-font.mjs path/to/DejaVuSans.ttf   (Debian: fonts-dejavu-core; also dejavu-fonts.github.io)
// DejaVu fonts: Bitstream Vera Fonts licence + public-domain DejaVu changes (a free licence; see the generated header).
import { readFileSync, writeFileSync } from "node:fs";

const file = process.argv[2];
if (!file) throw new Error("usage: node scripts/make-font.mjs DejaVuSans.ttf");
const b = readFileSync(file), dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
const u16 = (o) => dv.getUint16(o), i16 = (o) => dv.getInt16(o), u32 = (o) => dv.getUint32(o);
const tables = {};
for (let i = 0, n = u16(4); i < n; i++) { const o = 12 + 16 * i; tables[b.toString("latin1", o, o + 4)] = u32(o + 8); }
const unitsPerEm = u16(tables.head + 18), longLoca = i16(tables.head + 50) === 1;
const numGlyphs = u16(tables.maxp + 4), numHMetrics = u16(tables.hhea + 34);
const ascent = i16(tables.hhea + 4), descent = i16(tables.hhea + 6);
const advance = (g) => u16(tables.hmtx + 4 * Math.min(g, numHMetrics - 1));
const loca = (g) => (longLoca ? u32(tables.loca + 4 * g) : 2 * u16(tables.loca + 2 * g));

// cmap: the first format-4 subtable of platform 3 (Windows) encoding 1 (Unicode BMP)
let cmap4 = -1;
for (let i = 0, n = u16(tables.cmap + 2); i < n; i++) {
  const o = tables.cmap + 4 + 8 * i, off = tables.cmap + u32(o + 4);
  if (u16(o) === 3 && u16(o + 2) === 1 && u16(off) === 4) { cmap4 = off; break; }
}
function glyphIndex(cp) {
  const segX2 = u16(cmap4 + 6), ends = cmap4 + 14, starts = ends + segX2 + 2, deltas = starts + segX2, ranges = deltas + segX2;
  for (let s = 0; s < segX2 / 2; s++) {
    if (u16(ends + 2 * s) < cp) continue;
    const start = u16(starts + 2 * s);
    if (start > cp) return 0;
    const ro = u16(ranges + 2 * s);
    if (ro === 0) return (cp + i16(deltas + 2 * s)) & 0xffff;
    const g = u16(ranges + 2 * s + ro + 2 * (cp - start));
    return g === 0 ? 0 : (g + i16(deltas + 2 * s)) & 0xffff;
  }
  return 0;
}

/** Contours of glyph g as arrays of {x, y, on}, composites resolved (translation offsets only). */
function contours(g, dx = 0, dy = 0) {
  const o = tables.glyf + loca(g);
  if (loca(g + 1) === loca(g)) return [];
  const nc = i16(o);
  if (nc < 0) {
    let p = o + 10, out = [], more = true;
    while (more) {
      const flags = u16(p), gi = u16(p + 2); p += 4;
      let ax, ay;
      if (flags & 1) { ax = i16(p); ay = i16(p + 2); p += 4; } else { ax = dv.getInt8(p); ay = dv.getInt8(p + 1); p += 2; }
      if (!(flags & 2)) throw new Error(`glyph ${g}: point-matched composite not supported`);
      if (flags & 8) p += 2; else if (flags & 0x40) p += 4; else if (flags & 0x80) p += 8;
      out = out.concat(contours(gi, dx + ax, dy + ay));
      more = (flags & 0x20) !== 0;
    }
    return out;
  }
  const endPts = []; for (let i = 0; i < nc; i++) endPts.push(u16(o + 10 + 2 * i));
  const n = endPts[nc - 1] + 1, insLen = u16(o + 10 + 2 * nc);
  let p = o + 12 + 2 * nc + insLen;
  const flags = [];
  while (flags.length < n) { const f = b[p++]; flags.push(f); if (f & 8) { let r = b[p++]; while (r--) flags.push(f); } }
  const xs = [], ys = [];
  let v = 0;
  for (const f of flags) { if (f & 2) { const d = b[p++]; v += f & 16 ? d : -d; } else if (!(f & 16)) { v += i16(p); p += 2; } xs.push(v); }
  v = 0;
  for (const f of flags) { if (f & 4) { const d = b[p++]; v += f & 32 ? d : -d; } else if (!(f & 32)) { v += i16(p); p += 2; } ys.push(v); }
  const out = []; let s = 0;
  for (const e of endPts) { const c = []; for (let i = s; i <= e; i++) c.push({ x: xs[i] + dx, y: ys[i] + dy, on: (flags[i] & 1) === 1 }); out.push(c); s = e + 1; }
  return out;
}

/** A contour of on/off-curve points as an M/L/Q/Z path (implied on-curve midpoints between two off-curve points). */
function toPath(c) {
  if (c.length < 2) return "";
  let start = c.findIndex((q) => q.on), pts = c;
  if (start < 0) { pts = []; for (let i = 0; i < c.length; i++) { const a = c[i], z = c[(i + 1) % c.length]; pts.push(a, { x: (a.x + z.x) / 2, y: (a.y + z.y) / 2, on: true }); } start = 1; }
  const seq = pts.slice(start).concat(pts.slice(0, start)), r = (v) => Math.round(v);
  let d = `M${r(seq[0].x)} ${r(seq[0].y)}`;
  for (let i = 1; i <= seq.length; i++) {
    const q = seq[i % seq.length];
    if (q.on) { d += `L${r(q.x)} ${r(q.y)}`; continue; }
    const nx = seq[(i + 1) % seq.length];
    const end = nx.on ? nx : { x: (q.x + nx.x) / 2, y: (q.y + nx.y) / 2 };
    d += `Q${r(q.x)} ${r(q.y)} ${r(end.x)} ${r(end.y)}`;
    if (nx.on) i++;
  }
  return d + "Z";
}

const chars = [];
for (let c = 32; c < 127; c++) chars.push(String.fromCharCode(c));
chars.push(..."°±²³·×÷ⁱ⁰¹⁴⁵⁶⁷⁸⁹⁻⁺₀₁₂₃₄₅₆₇₈₉ₖₓₜΓΔΘΛΞΠΣΦΨΩαβγδεζηθκλμνξπρστφχψωϕ−∂∇∫√∞≈≠≤≥∈‖⟨⟩…–—’\u0302\u0305");
const glyphs = {};
for (const ch of chars) {
  const g = glyphIndex(ch.codePointAt(0));
  if (!g) { console.warn(`no glyph for U+${ch.codePointAt(0).toString(16)}`); continue; }
  glyphs[ch] = [advance(g), contours(g).map(toPath).join("")];
}
const body = Object.entries(glyphs).map(([ch, [a, d]]) => `  ${JSON.stringify(ch)}: [${a}, ${JSON.stringify(d)}],`).join("\n");
const LICENSE = `Copyright (c) 2003 by Bitstream, Inc. All Rights Reserved. Bitstream Vera is a trademark of Bitstream, Inc.
DejaVu changes are in public domain.

Permission is hereby granted, free of charge, to any person obtaining a copy
of the fonts accompanying this license ("Fonts") and associated
documentation files (the "Font Software"), to reproduce and distribute the
Font Software, including without limitation the rights to use, copy, merge,
publish, distribute, and/or sell copies of the Font Software, and to permit
persons to whom the Font Software is furnished to do so, subject to the
following conditions:

The above copyright and trademark notices and this permission notice shall
be included in all copies of one or more of the Font Software typefaces.

The Font Software may be modified, altered, or added to, and in particular
the designs of glyphs or characters in the Fonts may be modified and
additional glyphs or characters may be added to the Fonts, only if the fonts
are renamed to names not containing either the words "Bitstream" or the word
"Vera".

This License becomes null and void to the extent applicable to Fonts or Font
Software that has been modified and is distributed under the "Bitstream
Vera" names.

The Font Software may be sold as part of a larger software package but no
copy of one or more of the Font Software typefaces may be sold by itself.

THE FONT SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS
OR IMPLIED, INCLUDING BUT NOT LIMITED TO ANY WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT OF COPYRIGHT, PATENT,
TRADEMARK, OR OTHER RIGHT. IN NO EVENT SHALL BITSTREAM OR THE GNOME
FOUNDATION BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, INCLUDING
ANY GENERAL, SPECIAL, INDIRECT, INCIDENTAL, OR CONSEQUENTIAL DAMAGES,
WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF
THE USE OR INABILITY TO USE THE FONT SOFTWARE OR FROM OTHER DEALINGS IN THE
FONT SOFTWARE.

Except as contained in this notice, the names of Gnome, the Gnome
Foundation, and Bitstream Inc., shall not be used in advertising or
otherwise to promote the sale, use or other dealings in this Font Software
without prior written authorization from the Gnome Foundation or Bitstream
Inc., respectively. For further information, contact: fonts at gnome dot
org.`;
writeFileSync(new URL("../src/render/font-data.ts", import.meta.url), `// generated by scripts/make-font.mjs — do not edit
/*! samudra-sans: a subset of the outlines of DejaVu Sans (Book), https://dejavu-fonts.github.io — renamed as its
licence asks of modified versions. Licence of DejaVu Sans (Bitstream Vera Fonts licence):

${LICENSE}
*/
/** Font units per em, ascent and descent (hhea). */
export const UNITS_PER_EM = ${unitsPerEm}, ASCENT = ${ascent}, DESCENT = ${descent};
/** character → [advance width, outline path (M/L/Q/Z, font units, y up)] */
export const GLYPHS: Record<string, [number, string]> = {
${body}
};
`);
console.log(`${Object.keys(glyphs).length} glyphs, unitsPerEm ${unitsPerEm}`);
