/**
 * NetCDF-3 reader (CDF-1 and CDF-2) for tests and `samudra inspect`: header, attributes and every variable.
 *
 * Contract: any input either parses into an NcFile or raises a NetCDFError that says what is wrong and where —
 * never a bare RangeError, and never an allocation larger than the file. Every count and size in the header is
 * checked against the bytes that are actually there BEFORE anything is allocated or looped over:
 *   - list counts (dimensions, attributes, variables, ranks) against the bytes left in the header;
 *   - each variable's size is computed from its shape and type (as netCDF-C does) and the header's vsize must
 *     agree with it (padded to 4, or 2³²−1 for a variable of 4 GiB or more);
 *   - every variable's data [begin, begin + size) and every record must lie after the header and inside the
 *     file, and all data together must fit in the file, so reading every variable costs O(file size);
 *   - numrecs = 0xFFFFFFFF (a file still being written, "streaming") is replaced by the records present.
 * The record stride is Σ vsize of the record variables, except with exactly one record variable, whose records
 * are packed unpadded (Unidata, "NetCDF Classic and 64-bit Offset Format" v1.0, note on vsize).
 */
import { NC_CODE_TYPE, NC_TYPE_SIZE, NC_DIMENSION, NC_VARIABLE, NC_ATTRIBUTE, STREAMING, pad4, type NcType } from "./netcdf-format.js";

/** A file that is not a readable NetCDF-3 file; the message names the field, its value and what was expected. */
export class NetCDFError extends Error {
  constructor(message: string) { super(message); this.name = "NetCDFError"; }
}

/** A dimension read from a NetCDF file. */
export interface NcFileDim {
  /** Dimension name. */
  name: string;
  /** Length (for the unlimited dimension: the record count). */
  size: number;
  /** True for the record dimension. */
  unlimited: boolean;
}
/** Attribute values (text, or numbers of any type) and each attribute's NetCDF type. */
export type NcAttrValues = Record<string, string | number[]>;
/** A variable read from a NetCDF file (header data; values via `NcFile.read`). */
export interface NcFileVar {
  /** Variable name. */
  name: string;
  /** Dimension names, slowest first. */
  dims: string[];
  /** NetCDF type. */
  type: NcType;
  /** Attribute values. */
  attrs: NcAttrValues;
  /** NetCDF type of each attribute. */
  attrTypes: Record<string, NcType>;
  /** Byte offset of the data (of the first record for record variables). */
  begin: number;
  /** Bytes per record (record variables) or of the whole variable, padded as in the header. */
  vsize: number;
  /** True when the first dimension is the unlimited one. */
  record: boolean;
  /** Length of each dimension. */
  shape: number[];
}
/** What `io.readNetCDF` returns: the header, and `read(name)` for a variable's values. */
export interface NcFile {
  /** 1: CDF-1 (classic), 2: CDF-2 (64-bit offsets). */
  version: 1 | 2;
  /** Number of records. */
  numrecs: number;
  /** Dimensions. */
  dims: NcFileDim[];
  /** Global attribute values. */
  attrs: NcAttrValues;
  /** NetCDF type of each global attribute. */
  attrTypes: Record<string, NcType>;
  /** Variables. */
  vars: NcFileVar[];
  /** All values of a variable (row-major), or its text for char variables. */
  read(name: string): Float64Array | string;
}

const decoder = new TextDecoder();

class Cursor {
  pos = 0;
  private dv: DataView;
  constructor(private buf: Uint8Array) { this.dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength); }
  get left() { return this.buf.length - this.pos; }
  need(n: number, what: string) {
    if (n > this.left) throw new NetCDFError(`truncated NetCDF header: ${what} needs ${n} bytes at offset ${this.pos}, file has ${this.buf.length}`);
  }
  u32(what: string) { this.need(4, what); const v = this.dv.getUint32(this.pos); this.pos += 4; return v; }
  u64(what: string) { this.need(8, what); const hi = this.dv.getUint32(this.pos), lo = this.dv.getUint32(this.pos + 4); this.pos += 8; return hi * 2 ** 32 + lo; }
  bytes(n: number, what: string) { this.need(n, what); const b = this.buf.subarray(this.pos, this.pos + n); this.pos = Math.min(this.buf.length, this.pos + pad4(n)); return b; }
  name(what: string) {
    const n = this.u32(`${what} length`);
    if (n > this.left) throw new NetCDFError(`${what} at offset ${this.pos - 4} claims ${n} bytes, but only ${this.left} are left in the file`);
    return decoder.decode(this.bytes(n, what));
  }
  /** A list count: each element needs at least `min` bytes, so more than left / min cannot be there. */
  count(what: string, min: number) {
    const at = this.pos, n = this.u32(what);
    if (n * min > this.left) throw new NetCDFError(`${what} ${n} at offset ${at} cannot fit: that needs at least ${n * min} bytes, ${this.left} are left in the file`);
    return n;
  }
}

function values(type: NcType, b: Uint8Array): Float64Array | string {
  if (type === "char") return decoder.decode(b).replace(/\0+$/, "");
  const size = NC_TYPE_SIZE[type], n = Math.floor(b.length / size), out = new Float64Array(n);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (type === "double") for (let i = 0; i < n; i++) out[i] = dv.getFloat64(8 * i);
  else if (type === "float") for (let i = 0; i < n; i++) out[i] = dv.getFloat32(4 * i);
  else if (type === "int") for (let i = 0; i < n; i++) out[i] = dv.getInt32(4 * i);
  else if (type === "short") for (let i = 0; i < n; i++) out[i] = dv.getInt16(2 * i);
  else for (let i = 0; i < n; i++) out[i] = dv.getInt8(i);
  return out;
}

/** Sets an own property even for names like "__proto__" (a file's names must not reach the prototype chain). */
function put<T>(o: Record<string, T>, k: string, v: T) {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function attrList(c: Cursor, where: string): { attrs: NcAttrValues; types: Record<string, NcType> } {
  const at = c.pos;
  const tag = c.u32(`${where} attribute tag`), n = c.count(`${where} attribute count`, 12);
  const out: NcAttrValues = {}, types: Record<string, NcType> = {};
  if (tag === 0 && n === 0) return { attrs: out, types };
  if (tag !== NC_ATTRIBUTE) throw new NetCDFError(`expected an attribute list (0x0C) for ${where} at offset ${at}, found 0x${tag.toString(16)}`);
  for (let i = 0; i < n; i++) {
    const nm = c.name(`${where} attribute name`);
    const code = c.u32(`attribute ${nm} type`), type = NC_CODE_TYPE[code];
    if (!type) throw new NetCDFError(`attribute ${nm} of ${where} has unknown type code ${code} (expected 1-6: byte, char, short, int, float, double)`);
    const cnt = c.u32(`attribute ${nm} length`), bytes = cnt * NC_TYPE_SIZE[type];
    if (bytes > c.left) throw new NetCDFError(`attribute ${nm} of ${where} claims ${cnt} ${type} values (${bytes} bytes), but only ${c.left} bytes are left in the file`);
    const v = values(type, c.bytes(bytes, `attribute ${nm} values`));
    put(out, nm, typeof v === "string" ? v : Array.from(v));
    put(types, nm, type);
  }
  return { attrs: out, types };
}

interface Layout { bytes: number; nrec: number }

/**
 * Parses a NetCDF-3 file held in memory.
 *
 * @example
 * const nc = io.readNetCDF(bytes);
 * nc.read("t");           // Float64Array of times
 */
export function readNetCDF(buf: Uint8Array): NcFile {
  if (!(buf instanceof Uint8Array)) throw new NetCDFError("readNetCDF: expected a Uint8Array of the file's bytes");
  const c = new Cursor(buf);
  if (buf.length < 4) throw new NetCDFError(`not a NetCDF-3 file: ${buf.length} bytes, shorter than the 4-byte magic "CDF\\x01"`);
  const magic = c.bytes(4, "magic");
  if (magic[0] !== 0x43 || magic[1] !== 0x44 || magic[2] !== 0x46) throw new NetCDFError("not a NetCDF-3 file (no CDF magic); NetCDF-4/HDF5 files are not supported by this reader");
  const version = magic[3];
  if (version === 5) throw new NetCDFError("CDF-5 (64-bit data) is not supported by this reader");
  if (version !== 1 && version !== 2) throw new NetCDFError(`unknown NetCDF-3 version byte ${version} (expected 1 or 2)`);
  let numrecs = c.u32("numrecs");
  const dims: NcFileDim[] = [];
  const dtag = c.u32("dimension tag"), dn = c.count("dimension count", 8);
  if (!(dtag === 0 && dn === 0)) {
    if (dtag !== NC_DIMENSION) throw new NetCDFError(`expected the dimension list (0x0A) at offset 8, found 0x${dtag.toString(16)}`);
    for (let i = 0; i < dn; i++) {
      const nm = c.name("dimension name");
      const size = c.u32(`dimension ${nm} size`);
      if (size === 0 && dims.some((d) => d.unlimited)) throw new NetCDFError(`dimension ${nm} is a second unlimited dimension; NetCDF-3 allows one`);
      dims.push({ name: nm, size, unlimited: size === 0 });
    }
  }
  const { attrs, types: attrTypes } = attrList(c, "global");
  const vars: NcFileVar[] = [];
  const vtag = c.u32("variable tag"), vn = c.count("variable count", version === 2 ? 32 : 28);
  if (!(vtag === 0 && vn === 0)) {
    if (vtag !== NC_VARIABLE) throw new NetCDFError(`expected the variable list (0x0B) at offset ${c.pos - 8}, found 0x${vtag.toString(16)}`);
    for (let i = 0; i < vn; i++) {
      const nm = c.name("variable name");
      const nd = c.count(`variable ${nm} rank`, 4);
      const ids: number[] = [];
      for (let j = 0; j < nd; j++) {
        const id = c.u32(`variable ${nm} dimension id`);
        if (id >= dims.length) throw new NetCDFError(`variable ${nm} refers to dimension ${id}, but only ${dims.length} exist`);
        if (dims[id].unlimited && j > 0) throw new NetCDFError(`variable ${nm} uses the unlimited dimension ${dims[id].name} in position ${j}; it must come first`);
        ids.push(id);
      }
      const va = attrList(c, `variable ${nm}`);
      const code = c.u32(`variable ${nm} type`), type = NC_CODE_TYPE[code];
      if (!type) throw new NetCDFError(`variable ${nm} has unknown type code ${code} (expected 1-6: byte, char, short, int, float, double)`);
      const vsize = c.u32(`variable ${nm} vsize`);
      const begin = version === 2 ? c.u64(`variable ${nm} offset`) : c.u32(`variable ${nm} offset`);
      const vd = ids.map((id) => dims[id]);
      vars.push({ name: nm, dims: vd.map((d) => d.name), type, attrs: va.attrs, attrTypes: va.types, begin, vsize, record: vd.length > 0 && vd[0].unlimited, shape: vd.map((d) => d.size) });
    }
  }
  const headerEnd = c.pos;

  // sizes from the shapes, checked against the header and the file before anything is allocated
  const layout = new Map<NcFileVar, Layout>();
  for (const v of vars) {
    let n = 1;
    for (let j = v.record ? 1 : 0; j < v.shape.length; j++) {
      n *= v.shape[j];
      if (n * NC_TYPE_SIZE[v.type] > buf.length && !v.record) {
        throw new NetCDFError(`variable ${v.name} (${v.type}, shape ${v.shape.join(" × ")}) needs more bytes than the whole file has (${buf.length})`);
      }
      if (!Number.isSafeInteger(n * 8)) throw new NetCDFError(`variable ${v.name} has an implausible shape ${v.shape.join(" × ")}`);
    }
    const bytes = n * NC_TYPE_SIZE[v.type];
    if (v.vsize !== pad4(bytes) && v.vsize !== bytes && !(v.vsize === 0xffffffff && pad4(bytes) >= 0xffffffff)) {
      throw new NetCDFError(`variable ${v.name}: the header's vsize ${v.vsize} disagrees with its shape ${v.shape.join(" × ") || "(scalar)"} of ${v.type} (${pad4(bytes)} bytes${v.record ? " per record" : ""}); the header is corrupt`);
    }
    if (v.begin < headerEnd) throw new NetCDFError(`variable ${v.name} begins at offset ${v.begin}, inside the header (which ends at ${headerEnd}); the header is corrupt`);
    layout.set(v, { bytes, nrec: 1 });
  }
  const recVars = vars.filter((v) => v.record);
  const recSize = recVars.length === 1 ? layout.get(recVars[0])!.bytes : recVars.reduce((s, v) => s + pad4(layout.get(v)!.bytes), 0);
  if (numrecs === STREAMING) {
    // a file still being written: as many whole records as are present
    const first = recVars.reduce((m, v) => Math.min(m, v.begin), Infinity);
    numrecs = recSize > 0 && first < buf.length ? Math.floor((buf.length - first) / recSize) : 0;
  }
  for (const d of dims) if (d.unlimited) d.size = numrecs;
  for (const v of recVars) { v.shape[0] = numrecs; layout.get(v)!.nrec = numrecs; }
  let total = 0;
  for (const v of vars) {
    const { bytes, nrec } = layout.get(v)!;
    if (nrec === 0) continue;
    const stride = v.record ? recSize : 0;
    const end = v.begin + (nrec - 1) * stride + bytes;
    if (!Number.isSafeInteger(end) || end > buf.length) {
      throw new NetCDFError(`variable ${v.name} (${nrec} record(s) of ${bytes} bytes from offset ${v.begin}${v.record ? `, record stride ${recSize}` : ""}) extends past the end of the file (${buf.length} bytes; truncated file, or corrupt numrecs/begin in the header?)`);
    }
    total += v.record ? bytes * nrec : bytes;
  }
  if (total > buf.length - headerEnd) {
    throw new NetCDFError(`the variables claim ${total} bytes of data, but the file has ${buf.length - headerEnd} after its header; variables overlap (corrupt begin offsets or numrecs)`);
  }

  const byName = new Map<string, NcFileVar>();
  for (const v of vars) if (!byName.has(v.name)) byName.set(v.name, v);
  return {
    version: version as 1 | 2, numrecs, dims, attrs, attrTypes, vars,
    read(name: string) {
      const v = byName.get(name);
      if (!v) throw new NetCDFError(`no variable "${name}"; the file has ${vars.map((x) => x.name).join(", ") || "no variables"}`);
      const { bytes, nrec } = layout.get(v)!;
      if (!v.record) return values(v.type, buf.subarray(v.begin, v.begin + bytes));
      const out = new Uint8Array(bytes * nrec);
      for (let r = 0; r < nrec; r++) {
        const start = v.begin + r * recSize;
        out.set(buf.subarray(start, start + bytes), r * bytes);
      }
      return values(v.type, out);
    },
  };
}
