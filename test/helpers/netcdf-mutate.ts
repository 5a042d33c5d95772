/**
 * Malformed NetCDF-3 inputs for the reader's fuzz test, made from real files: random byte mutations, and
 * structure-aware edits of one header field (dimension count/sizes, numrecs, vsize, begin offsets, name lengths,
 * attribute nelems and types, variable ranks and dimension ids, list tags), plus truncation and extension.
 *
 * `headerFields(bytes)` walks a WELL-FORMED file independently of src/io/netcdf-reader.ts (so a reader bug cannot
 * hide itself) and returns the offset and kind of every header field; `mutate(bytes, fields, rng)` returns one
 * mutated copy and a short description (for the failure message). Everything is driven by `rng`, a seeded
 * generator (mulberry32), so a failing input is reproduced by its seed and index.
 */

export type FieldKind = "numrecs" | "dim_tag" | "dim_count" | "name_len" | "dim_size" | "att_tag" | "att_count" | "att_type" | "nelems"
  | "var_tag" | "var_count" | "rank" | "dimid" | "var_type" | "vsize" | "begin32" | "begin64";
export interface Field { kind: FieldKind; offset: number }

/** mulberry32: a small seeded PRNG with a 2³² period — enough to pick mutations reproducibly. */
export function rng32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 4, 6: 8 };

/** Offsets of every header field of a well-formed CDF-1/CDF-2 file; the header's end is `end`. */
export function headerFields(b: Uint8Array): { fields: Field[]; end: number } {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const fields: Field[] = [];
  let p = 4;
  const u32 = (kind?: FieldKind) => { if (kind) fields.push({ kind, offset: p }); const v = dv.getUint32(p); p += 4; return v; };
  const name = () => { const n = u32("name_len"); p += (n + 3) & ~3; };
  const version = b[3];
  u32("numrecs");
  const attrs = () => {
    const tag = u32("att_tag"), n = u32("att_count");
    if (tag === 0) return;
    for (let i = 0; i < n; i++) {
      name();
      const type = u32("att_type"), cnt = u32("nelems");
      p += (cnt * SIZES[type] + 3) & ~3;
    }
  };
  const dtag = u32("dim_tag"), nd = u32("dim_count");
  if (dtag !== 0) for (let i = 0; i < nd; i++) { name(); u32("dim_size"); }
  attrs();
  const vtag = u32("var_tag"), nv = u32("var_count");
  if (vtag !== 0) {
    for (let i = 0; i < nv; i++) {
      name();
      const rank = u32("rank");
      for (let j = 0; j < rank; j++) u32("dimid");
      attrs();
      u32("var_type"); u32("vsize");
      if (version === 2) { fields.push({ kind: "begin64", offset: p }); p += 8; } else u32("begin32");
    }
  }
  return { fields, end: p };
}

const pick = <T>(rng: () => number, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

/** Values that break size arithmetic: zero, one, the edges of int32/uint32, and sizes near the file's. */
function nastyU32(rng: () => number, old: number, fileLen: number): number {
  const choices = [0, 1, 2, 3, 4, 5, 7, 8, 255, 1000, 1 << 16, 1e6, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff,
    old + 1, old - 1, old * 2, old + 4, fileLen, fileLen - 4, fileLen + 1, Math.floor(fileLen / 2), Math.floor(rng() * 2 ** 32)];
  return pick(rng, choices) >>> 0;
}

/** One mutated copy of `orig` and what was done to it. */
export function mutate(orig: Uint8Array, fields: Field[], rng: () => number): { bytes: Uint8Array; what: string } {
  const r = rng();
  const len = orig.length;
  if (r < 0.1 && fields.length) {
    // coherent size lie: numrecs and every vsize rewritten together (a record stride of 0 with many records, ...)
    const b = orig.slice(), dv = new DataView(b.buffer);
    const numrecs = pick(rng, [1e6, 0x7fffffff, 0xffffffff, 0xfffffffe, 1 << 20, Math.floor(rng() * 2 ** 32)]) >>> 0;
    const vsize = pick(rng, [0, 0, 4, 0xffffffff, 0x7fffffff, Math.floor(rng() * 2 ** 32)]) >>> 0;
    for (const f of fields) {
      if (f.kind === "numrecs") dv.setUint32(f.offset, numrecs);
      if (f.kind === "vsize") dv.setUint32(f.offset, vsize);
    }
    return { bytes: b, what: `numrecs=${numrecs}, every vsize=${vsize}` };
  }
  if (r < 0.55 && fields.length) {
    // structure-aware: one header field (sometimes two) set to a nasty value
    const b = orig.slice(), dv = new DataView(b.buffer);
    const edits: string[] = [];
    const n = 1 + Math.floor(rng() * 3);
    for (let k = 0; k < n; k++) {
      const f = pick(rng, fields);
      if (f.kind === "begin64") {
        const hi = pick(rng, [0, 0, 0, 1, 0x7fffffff, 0xffffffff, 0x00200000]);
        const lo = nastyU32(rng, dv.getUint32(f.offset + 4), len);
        dv.setUint32(f.offset, hi); dv.setUint32(f.offset + 4, lo);
        edits.push(`begin64@${f.offset}=${hi}:${lo}`);
      } else {
        const old = dv.getUint32(f.offset);
        const v = f.kind === "att_type" || f.kind === "var_type" ? pick(rng, [0, 1, 2, 3, 4, 5, 6, 7, 10, 0xffffffff])
          : f.kind.endsWith("tag") ? pick(rng, [0, 0x0a, 0x0b, 0x0c, 0xff])
          : nastyU32(rng, old, len);
        dv.setUint32(f.offset, v);
        edits.push(`${f.kind}@${f.offset}=${v}`);
      }
    }
    return { bytes: b, what: `fields ${edits.join(", ")}` };
  }
  if (r < 0.8) {
    // random bytes: 1–8 positions, mostly in the header where the sizes are
    const b = orig.slice();
    const hdr = fields.length ? fields[fields.length - 1].offset + 8 : len;
    const k = 1 + Math.floor(rng() * 8), where: number[] = [];
    for (let i = 0; i < k; i++) {
      const at = Math.floor(rng() * (rng() < 0.85 ? Math.min(hdr, len) : len));
      b[at] = rng() < 0.5 ? Math.floor(rng() * 256) : b[at] ^ (1 << Math.floor(rng() * 8));
      where.push(at);
    }
    return { bytes: b, what: `bytes at ${where.join(",")}` };
  }
  if (r < 0.9) {
    const cut = Math.floor(rng() * len);
    return { bytes: orig.slice(0, cut), what: `truncated to ${cut}` };
  }
  // insert or delete a 4-byte word in the header (shifts every later field)
  const hdr = fields.length ? fields[fields.length - 1].offset : len;
  const at = 4 * Math.floor((rng() * hdr) / 4);
  if (rng() < 0.5) {
    const b = new Uint8Array(len + 4);
    b.set(orig.subarray(0, at)); b.set(orig.subarray(at), at + 4);
    new DataView(b.buffer).setUint32(at, nastyU32(rng, 0, len));
    return { bytes: b, what: `word inserted at ${at}` };
  }
  const b = new Uint8Array(Math.max(0, len - 4));
  b.set(orig.subarray(0, at)); b.set(orig.subarray(at + 4), at);
  return { bytes: b, what: `word deleted at ${at}` };
}
