/**
 * NetCDF-3 reader (CDF-1 and CDF-2) for tests and `samudra inspect`: header, attributes and every variable.
 * Malformed input raises a NetCDFError that says what is wrong and where — never a bare RangeError.
 */
import { NC_CODE_TYPE, NC_TYPE_SIZE, NC_DIMENSION, NC_VARIABLE, NC_ATTRIBUTE, pad4, type NcType } from "./netcdf-format.js";

export class NetCDFError extends Error {
  constructor(message: string) { super(message); this.name = "NetCDFError"; }
}

export interface NcFileDim { name: string; size: number; unlimited: boolean }
export interface NcFileVar { name: string; dims: string[]; type: NcType; attrs: Record<string, string | number[]>; begin: number; vsize: number; record: boolean; shape: number[] }
export interface NcFile {
  version: 1 | 2;
  numrecs: number;
  dims: NcFileDim[];
  attrs: Record<string, string | number[]>;
  vars: NcFileVar[];
  /** All values of a variable (row-major), or its text for char variables. */
  read(name: string): Float64Array | string;
}

class Cursor {
  pos = 0;
  private dv: DataView;
  constructor(private buf: Uint8Array) { this.dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength); }
  need(n: number, what: string) {
    if (this.pos + n > this.buf.length) throw new NetCDFError(`truncated NetCDF header: ${what} needs ${n} bytes at offset ${this.pos}, file has ${this.buf.length}`);
  }
  u32(what: string) { this.need(4, what); const v = this.dv.getUint32(this.pos); this.pos += 4; return v; }
  u64(what: string) { this.need(8, what); const hi = this.dv.getUint32(this.pos), lo = this.dv.getUint32(this.pos + 4); this.pos += 8; return hi * 2 ** 32 + lo; }
  bytes(n: number, what: string) { this.need(n, what); const b = this.buf.subarray(this.pos, this.pos + n); this.pos = this.pos + pad4(n); return b; }
  name(what: string) {
    const n = this.u32(what);
    if (n > 1 << 16) throw new NetCDFError(`implausible name length ${n} for ${what}`);
    return new TextDecoder().decode(this.bytes(n, what));
  }
}

function values(type: NcType, b: Uint8Array): Float64Array | string {
  if (type === "char") return new TextDecoder().decode(b).replace(/\0+$/, "");
  const size = NC_TYPE_SIZE[type], n = Math.floor(b.length / size), out = new Float64Array(n);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < n; i++) {
    const o = i * size;
    out[i] = type === "double" ? dv.getFloat64(o) : type === "float" ? dv.getFloat32(o) : type === "int" ? dv.getInt32(o) : type === "short" ? dv.getInt16(o) : dv.getInt8(o);
  }
  return out;
}

function attrList(c: Cursor, where: string): Record<string, string | number[]> {
  const tag = c.u32(`${where} attribute tag`), n = c.u32(`${where} attribute count`);
  if (tag === 0 && n === 0) return {};
  if (tag !== NC_ATTRIBUTE) throw new NetCDFError(`expected an attribute list (0x0C) for ${where}, found 0x${tag.toString(16)} at offset ${c.pos - 8}`);
  const out: Record<string, string | number[]> = {};
  for (let i = 0; i < n; i++) {
    const nm = c.name(`${where} attribute name`);
    const code = c.u32(`attribute ${nm} type`), type = NC_CODE_TYPE[code];
    if (!type) throw new NetCDFError(`attribute ${nm} of ${where} has unknown type code ${code}`);
    const cnt = c.u32(`attribute ${nm} length`);
    if (cnt * NC_TYPE_SIZE[type] > 1 << 28) throw new NetCDFError(`attribute ${nm} of ${where} is implausibly long (${cnt})`);
    const v = values(type, c.bytes(cnt * NC_TYPE_SIZE[type], `attribute ${nm} values`));
    out[nm] = typeof v === "string" ? v : Array.from(v);
  }
  return out;
}

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
  const magic = c.bytes(4, "magic");
  if (magic[0] !== 0x43 || magic[1] !== 0x44 || magic[2] !== 0x46) throw new NetCDFError("not a NetCDF-3 file (no CDF magic); NetCDF-4/HDF5 files are not supported by this reader");
  const version = magic[3];
  if (version === 5) throw new NetCDFError("CDF-5 (64-bit data) is not supported by this reader");
  if (version !== 1 && version !== 2) throw new NetCDFError(`unknown NetCDF-3 version byte ${version}`);
  const numrecs = c.u32("numrecs");
  const dims: NcFileDim[] = [];
  const dtag = c.u32("dimension tag"), dn = c.u32("dimension count");
  if (!(dtag === 0 && dn === 0)) {
    if (dtag !== NC_DIMENSION) throw new NetCDFError(`expected the dimension list (0x0A), found 0x${dtag.toString(16)}`);
    for (let i = 0; i < dn; i++) { const nm = c.name("dimension name"); const size = c.u32(`dimension ${nm} size`); dims.push({ name: nm, size: size === 0 ? numrecs : size, unlimited: size === 0 }); }
  }
  const attrs = attrList(c, "global");
  const vars: NcFileVar[] = [];
  const vtag = c.u32("variable tag"), vn = c.u32("variable count");
  if (!(vtag === 0 && vn === 0)) {
    if (vtag !== NC_VARIABLE) throw new NetCDFError(`expected the variable list (0x0B), found 0x${vtag.toString(16)}`);
    for (let i = 0; i < vn; i++) {
      const nm = c.name("variable name");
      const nd = c.u32(`variable ${nm} rank`);
      if (nd > 1024) throw new NetCDFError(`variable ${nm} has implausible rank ${nd}`);
      const ids = Array.from({ length: nd }, () => c.u32(`variable ${nm} dimension id`));
      for (const id of ids) if (id >= dims.length) throw new NetCDFError(`variable ${nm} refers to dimension ${id}, but only ${dims.length} exist`);
      const va = attrList(c, `variable ${nm}`);
      const code = c.u32(`variable ${nm} type`), type = NC_CODE_TYPE[code];
      if (!type) throw new NetCDFError(`variable ${nm} has unknown type code ${code}`);
      const vsize = c.u32(`variable ${nm} vsize`);
      const begin = version === 2 ? c.u64(`variable ${nm} offset`) : c.u32(`variable ${nm} offset`);
      const vd = ids.map((id) => dims[id]);
      vars.push({ name: nm, dims: vd.map((d) => d.name), type, attrs: va, begin, vsize, record: vd.length > 0 && vd[0].unlimited, shape: vd.map((d) => d.size) });
    }
  }
  const recVars = vars.filter((v) => v.record);
  const recSize = recVars.length === 1 ? recVars[0].vsize : recVars.reduce((s, v) => s + v.vsize, 0);
  return {
    version: version as 1 | 2, numrecs, dims, attrs, vars,
    read(name: string) {
      const v = vars.find((x) => x.name === name);
      if (!v) throw new NetCDFError(`no variable "${name}"; the file has ${vars.map((x) => x.name).join(", ")}`);
      const per = v.shape.slice(v.record ? 1 : 0).reduce((p, s) => p * s, 1) * NC_TYPE_SIZE[v.type];
      const nrec = v.record ? numrecs : 1;
      const last = v.begin + (nrec > 0 ? (nrec - 1) * (v.record ? recSize : 0) + per : 0);
      if (!Number.isSafeInteger(last) || last > buf.length) {
        throw new NetCDFError(`variable ${name} (${nrec} record(s) of ${per} bytes from offset ${v.begin}) extends past the end of the file (${buf.length} bytes; truncated or corrupt header?)`);
      }
      const out = new Uint8Array(per * nrec);
      for (let r = 0; r < nrec; r++) {
        const start = v.begin + r * (v.record ? recSize : 0);
        if (start + per > buf.length) throw new NetCDFError(`variable ${name} (record ${r}) extends past the end of the file (truncated?)`);
        out.set(buf.subarray(start, start + per), r * per);
      }
      return values(v.type, out);
    },
  };
}
