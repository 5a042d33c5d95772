/**
 * Streaming NetCDF-3 writer (CDF-2, 64-bit offsets; CDF-1 on request). The header and all fixed-size variables
 * are written at construction; record variables (those whose first dimension is the unlimited one) are appended
 * one record at a time with appendRecord(), so memory stays constant however many snapshots a run produces.
 * close() patches the record count into the header. Records are laid out as netCDF-C does: each record variable's
 * slice padded to 4 bytes, except when there is exactly one record variable, whose records are packed unpadded.
 * Attribute names that readers keep for themselves (scipy's netcdf_file.mode, a variable's `data`, ...) are
 * refused with the name to use instead. Output goes to a Sink: `memorySink()` here, a temp-file
 * sink renamed on close in the CLI (so an interrupted run leaves no truncated .nc).
 */
import { NC_TYPE_CODE, NC_TYPE_SIZE, NC_DIMENSION, NC_VARIABLE, NC_ATTRIBUTE, RESERVED_GLOBAL_NAMES, RESERVED_VARIABLE_ATTR_NAMES, pad4, type NcType, type NcAttr } from "./netcdf-format.js";

/** Where `NetCDFWriter` sends bytes: appended in order, patched in place, closed once. See `memorySink()`. */
export interface Sink {
  /** Appends bytes at the end. */
  write(bytes: Uint8Array): void;
  /** Overwrites bytes already written at `offset`. */
  patch(offset: number, bytes: Uint8Array): void;
  /** Finishes the output (e.g. renames a temp file into place). */
  close(): void;
}

/** A dimension of a NetCDF file to write. */
export interface NcDimSpec {
  /** Dimension name. */
  name: string;
  /** Length, or null for the unlimited (record) dimension (at most one). */
  size: number | null;
}
/** A variable of a NetCDF file to write. */
export interface NcVarSpec {
  /** Variable name. */
  name: string;
  /** Dimension names, slowest first; the unlimited dimension first makes it a record variable. */
  dims: string[];
  /** NetCDF type: byte, char, short, int, float or double. */
  type: Exclude<NcType, "char"> | "char";
  /** Variable attributes (units, long_name, …). */
  attrs?: Record<string, NcAttr>;
  /** Data of a fixed-size variable (all of it, row-major); record variables get data via appendRecord. */
  data?: ArrayLike<number> | string;
}
/** Everything `NetCDFWriter` writes in the header. */
export interface NcSchema {
  /** Dimensions. */
  dims: NcDimSpec[];
  /** Variables (fixed-size ones with their data). */
  vars: NcVarSpec[];
  /** Global attributes. */
  attrs?: Record<string, NcAttr>;
  /** 1: CDF-1 (32-bit offsets), 2: CDF-2 (64-bit offsets, the default). */
  version?: 1 | 2;
}

class Bytes {
  private parts: number[] = [];
  u8(v: number) { this.parts.push(v & 0xff); }
  u32(v: number) { this.parts.push((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff); }
  u64(v: number) { this.u32(Math.floor(v / 2 ** 32)); this.u32(v >>> 0); }
  bytes(b: Uint8Array) { for (const x of b) this.parts.push(x); }
  pad() { while (this.parts.length % 4) this.parts.push(0); }
  get length() { return this.parts.length; }
  out() { return Uint8Array.from(this.parts); }
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/**
 * Big-endian encoding of values of one type.
 *
 * @example
 * io.encode("int", [1]);   // Uint8Array [0, 0, 0, 1] (big-endian, as NetCDF stores it)
 */
export function encode(type: NcType, values: ArrayLike<number> | string): Uint8Array {
  if (type === "char") return typeof values === "string" ? utf8(values) : Uint8Array.from(values as ArrayLike<number>);
  if (typeof values === "string") throw new TypeError(`NetCDF: a ${type} variable needs numbers, got a string`);
  const buf = new Uint8Array(values.length * NC_TYPE_SIZE[type]);
  encodeInto(type, values, new DataView(buf.buffer));
  return buf;
}

/** Big-endian encoding of numbers into `dv` (which must hold values.length values of the type). */
function encodeInto(type: Exclude<NcType, "char">, values: ArrayLike<number>, dv: DataView): void {
  const n = values.length, size = NC_TYPE_SIZE[type];
  if (type === "double") { for (let i = 0; i < n; i++) dv.setFloat64(8 * i, values[i]); return; }
  for (let i = 0; i < n; i++) {
    const v = values[i], o = i * size;
    if (type === "float") dv.setFloat32(o, v);
    else if (type === "int") dv.setInt32(o, v);
    else if (type === "short") dv.setInt16(o, v);
    else dv.setInt8(o, v);
  }
}

function name(b: Bytes, s: string) {
  const e = utf8(s);
  b.u32(e.length); b.bytes(e); b.pad();
}

function attrs(b: Bytes, a: Record<string, NcAttr> | undefined, where?: Map<string, { offset: number; type: NcType; count: number }>) {
  const entries = Object.entries(a ?? {});
  if (entries.length === 0) { b.u32(0); b.u32(0); return; }
  b.u32(NC_ATTRIBUTE); b.u32(entries.length);
  for (const [k, v] of entries) {
    name(b, k);
    const type: NcType = typeof v === "string" ? "char" : v.type;
    const enc = encode(type, typeof v === "string" ? v : v.values);
    b.u32(NC_TYPE_CODE[type]);
    b.u32(typeof v === "string" ? enc.length : v.values.length);
    where?.set(k, { offset: b.length, type, count: typeof v === "string" ? enc.length : v.values.length });
    b.bytes(enc); b.pad();
  }
}

/**
 * Streaming NetCDF-3 writer: header and fixed-size variables at construction, then one record at a time with
 * `appendRecord`, `close()` to patch the record count. Memory stays constant however many records are written.
 *
 * @example
 * const sink = io.memorySink();
 * const w = new io.NetCDFWriter(sink, { dims: [{ name: "time", size: null }], vars: [{ name: "t", dims: ["time"], type: "double" }] });
 * w.appendRecord({ t: [0] });
 * w.close();
 */
export class NetCDFWriter {
  private readonly recVars: NcVarSpec[];
  private readonly recSizes: number[];
  private readonly recBytes: number[];
  /** One reusable record buffer per record variable (zero padding included): appendRecord allocates nothing. */
  private readonly scratch: Uint8Array[];
  private readonly scratchViews: DataView[];
  private readonly numrecsOffset = 4;
  private records = 0;
  private closed = false;
  private readonly globalAt = new Map<string, { offset: number; type: NcType; count: number }>();

  constructor(private readonly sink: Sink, schema: NcSchema) {
    const version = schema.version ?? 2;
    const dimIndex = new Map(schema.dims.map((d, i) => [d.name, i]));
    const unlimited = schema.dims.findIndex((d) => d.size === null);
    if (schema.dims.filter((d) => d.size === null).length > 1) throw new Error("NetCDF-3 allows at most one unlimited dimension");
    for (const k of Object.keys(schema.attrs ?? {})) {
      if (RESERVED_GLOBAL_NAMES.has(k)) throw new Error(`NetCDF: global attribute "${k}" collides with scipy.io.netcdf_file's own "${k}" (reading the file would break); rename it, e.g. "samudra_${k}"`);
    }
    for (const v of schema.vars) for (const k of Object.keys(v.attrs ?? {})) {
      if (RESERVED_VARIABLE_ATTR_NAMES.has(k)) throw new Error(`NetCDF: attribute "${k}" of variable ${v.name} collides with scipy.io.netcdf_variable's own "${k}"; rename it, e.g. "${v.name}_${k}"`);
    }
    const count = (v: NcVarSpec, skipRecord: boolean) => v.dims.reduce((p, d, i) => {
      const di = dimIndex.get(d);
      if (di === undefined) throw new Error(`NetCDF: variable ${v.name} uses undefined dimension ${d}`);
      if (di === unlimited && i !== 0) throw new Error(`NetCDF: the unlimited dimension must come first (variable ${v.name})`);
      return di === unlimited && skipRecord ? p : p * (schema.dims[di].size as number);
    }, 1);
    const isRec = (v: NcVarSpec) => unlimited >= 0 && v.dims.length > 0 && dimIndex.get(v.dims[0]) === unlimited;
    const vsize = (v: NcVarSpec) => pad4(count(v, true) * NC_TYPE_SIZE[v.type]);
    this.recVars = schema.vars.filter(isRec);
    // one record variable: its records are packed without padding (netCDF-C's NC_calcsize special case)
    this.recBytes = this.recVars.map((v) => count(v, true) * NC_TYPE_SIZE[v.type]);
    this.recSizes = this.recVars.length === 1 ? this.recBytes.slice() : this.recVars.map(vsize);
    this.scratch = this.recSizes.map((n) => new Uint8Array(n));
    this.scratchViews = this.scratch.map((b) => new DataView(b.buffer));
    // header length (begin offsets are fixed-size, so compute with zeros first)
    const build = (begins: number[]) => {
      const b = new Bytes();
      b.bytes(utf8("CDF")); b.u8(version);
      b.u32(0);                                             // numrecs, patched on close
      if (schema.dims.length) { b.u32(NC_DIMENSION); b.u32(schema.dims.length); for (const d of schema.dims) { name(b, d.name); b.u32(d.size ?? 0); } }
      else { b.u32(0); b.u32(0); }
      attrs(b, schema.attrs, this.globalAt);
      if (schema.vars.length) {
        b.u32(NC_VARIABLE); b.u32(schema.vars.length);
        schema.vars.forEach((v, i) => {
          name(b, v.name);
          b.u32(v.dims.length);
          for (const d of v.dims) b.u32(dimIndex.get(d)!);
          attrs(b, v.attrs);
          b.u32(NC_TYPE_CODE[v.type]);
          b.u32(vsize(v));
          if (version === 2) b.u64(begins[i]); else b.u32(begins[i]);
        });
      } else { b.u32(0); b.u32(0); }
      return b;
    };
    const headerLen = build(schema.vars.map(() => 0)).length;
    const begins: number[] = [];
    let off = headerLen;
    for (const v of schema.vars) if (!isRec(v)) { begins.push(off); off += vsize(v); } else begins.push(-1);
    let recOff = off;
    schema.vars.forEach((v, i) => { if (isRec(v)) { begins[i] = recOff; recOff += vsize(v); } });
    if (version === 1 && off > 2 ** 31) throw new Error("NetCDF: file too large for CDF-1; use version 2");
    sink.write(build(begins).out());
    for (const v of schema.vars) {
      if (isRec(v)) continue;
      const n = count(v, false);
      const data = v.data ?? new Float64Array(n);
      const enc = encode(v.type, data);
      if (enc.length !== n * NC_TYPE_SIZE[v.type]) throw new Error(`NetCDF: variable ${v.name} needs ${n} values, got ${enc.length / NC_TYPE_SIZE[v.type]}`);
      const padded = new Uint8Array(pad4(enc.length));
      padded.set(enc);
      sink.write(padded);
    }
  }

  /** Appends one record: a value array for every record variable (each of its per-record size). */
  appendRecord(values: Record<string, ArrayLike<number>>): void {
    if (this.closed) throw new Error("NetCDFWriter.appendRecord: the writer is closed");
    this.recVars.forEach((v, i) => {
      const data = values[v.name];
      if (!data) throw new Error(`NetCDFWriter.appendRecord: missing values for record variable "${v.name}"`);
      const buf = this.scratch[i];
      if (v.type === "char") {
        const enc = encode("char", data);
        if (enc.length !== this.recBytes[i]) throw new Error(`NetCDFWriter.appendRecord: ${v.name} needs ${this.recBytes[i]} characters per record, got ${enc.length}`);
        buf.set(enc);
      } else {
        if (data.length * NC_TYPE_SIZE[v.type] !== this.recBytes[i]) throw new Error(`NetCDFWriter.appendRecord: ${v.name} needs ${this.recBytes[i] / NC_TYPE_SIZE[v.type]} values per record, got ${data.length}`);
        encodeInto(v.type, data, this.scratchViews[i]);
      }
      this.sink.write(buf);
    });
    this.records++;
  }

  /** Records appended so far. */
  get recordCount(): number { return this.records; }

  /**
   * Overwrites the value of a numeric global attribute declared in the schema (same type and length), e.g.
   * run statistics known only at the end: declare them with placeholder values, set them before close().
   */
  setGlobalAttr(name: string, values: ArrayLike<number>): void {
    if (this.closed) throw new Error("NetCDFWriter.setGlobalAttr: the writer is closed");
    const at = this.globalAt.get(name);
    if (!at || at.type === "char") throw new Error(`NetCDFWriter.setGlobalAttr: "${name}" is not a numeric global attribute of this file`);
    if (values.length !== at.count) throw new Error(`NetCDFWriter.setGlobalAttr: "${name}" holds ${at.count} values, got ${values.length}`);
    this.sink.patch(at.offset, encode(at.type, values));
  }

  /** Writes the record count into the header and closes the sink. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, this.records);
    this.sink.patch(this.numrecsOffset, b);
    this.sink.close();
  }
}

/**
 * A sink that keeps the bytes in memory (browsers, tests); `bytes()` after close.
 *
 * @example
 * const sink = io.memorySink();
 * sink.write(Uint8Array.of(1, 2));
 * sink.close();
 * sink.bytes();   // Uint8Array [1, 2]
 */
export function memorySink(): Sink & { bytes(): Uint8Array } {
  const chunks: Uint8Array[] = [];
  let result: Uint8Array | null = null;
  const flat = () => {
    const n = chunks.reduce((s, c) => s + c.length, 0), out = new Uint8Array(n);
    let o = 0;
    for (const c of chunks) { out.set(c, o); o += c.length; }
    return out;
  };
  return {
    write(b) { chunks.push(b.slice()); },
    patch(offset, b) { const all = flat(); all.set(b, offset); chunks.length = 0; chunks.push(all); },
    close() { result = flat(); },
    bytes() { return result ?? flat(); },
  };
}
