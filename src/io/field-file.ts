/**
 * Initial fields from files, for the `initialField` option of the models (config key `initial_field`):
 *   .npy  numpy's format 1.0–3.0, little-endian float64 ('<f8') or complex128 ('<c16'), C order:
 *         nlse   complex (N,), or float (N, 2) [Re, Im], or float (2N,) interleaved     → ψ0 interleaved (2N)
 *         kg     float (2, nx): row 0 φ0, row 1 φ_t0                                    → { phi, phiT }
 *         school float (2, N, 3): [0] positions, [1] velocities                         → { positions, velocities }
 *   .nc   a file samudra wrote (readNetCDF): the LAST record of psi_real/psi_imag (nlse), phi/phi_t (kg) or
 *         positions/velocities (school) — so a run continues where an earlier one ended.
 * Contract: bytes in, the option value out; anything else is a FieldFileError naming the file and what was expected.
 * Lengths against the grid are checked by the model (it knows N, nx, nFish).
 */
import { readNetCDF } from "./netcdf-reader.js";

export class FieldFileError extends RangeError {
  constructor(message: string) { super(message); this.name = "FieldFileError"; }
}

export type FieldModel = "nlse" | "kg" | "school";

interface Npy { shape: number[]; complex: boolean; data: Float64Array }

/** Parses a .npy file (float64 or complex128, little-endian, C order). */
export function readNpy(bytes: Uint8Array, name = "file"): Npy {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
  if (bytes.length < 10 || magic.some((b, i) => bytes[i] !== b)) throw new FieldFileError(`${name}: not a .npy file (no \\x93NUMPY magic)`);
  const major = bytes[6];
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hlen = major === 1 ? dv.getUint16(8, true) : dv.getUint32(8, true), start = major === 1 ? 10 : 12;
  if (start + hlen > bytes.length) throw new FieldFileError(`${name}: truncated .npy header`);
  const header = new TextDecoder("latin1").decode(bytes.subarray(start, start + hlen));
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) throw new FieldFileError(`${name}: unreadable .npy header ${JSON.stringify(header.trim())}`);
  if (fortran === "True") throw new FieldFileError(`${name}: Fortran-ordered arrays are not supported; save with np.ascontiguousarray(a)`);
  if (descr !== "<f8" && descr !== "<c16") throw new FieldFileError(`${name}: dtype ${descr} is not supported; save float64 ('<f8') or complex128 ('<c16')`);
  const shape = shapeText.split(",").map((s) => s.trim()).filter(Boolean).map(Number);
  if (shape.some((d) => !Number.isInteger(d) || d < 0)) throw new FieldFileError(`${name}: bad shape (${shapeText})`);
  const count = shape.reduce((a, b) => a * b, 1) * (descr === "<c16" ? 2 : 1);
  const off = start + hlen;
  if (off + 8 * count > bytes.length) throw new FieldFileError(`${name}: the data are shorter than the shape (${shape.join(", ")}) says`);
  const data = new Float64Array(count);
  for (let i = 0; i < count; i++) data[i] = dv.getFloat64(off + 8 * i, true);
  return { shape, complex: descr === "<c16", data };
}

const EXPECT: Record<FieldModel, string> = {
  nlse: "complex128 (N,), float64 (N, 2) or float64 (2N,) interleaved Re/Im",
  kg: "float64 (2, nx): rows φ0 and φ_t0",
  school: "float64 (2, N, 3): positions then velocities",
};

/** The `initialField` option value for `model` from a .npy or .nc file's bytes. */
export function fieldFromFile(bytes: Uint8Array, name: string, model: FieldModel): unknown {
  if (/\.npy$/i.test(name)) {
    const a = readNpy(bytes, name), s = a.shape, shapeStr = `(${s.join(", ")})${a.complex ? " complex" : ""}`;
    if (model === "nlse") {
      if ((a.complex && s.length === 1) || (!a.complex && s.length === 2 && s[1] === 2) || (!a.complex && s.length === 1 && s[0] % 2 === 0)) return a.data;
    } else if (!a.complex && model === "kg" && s.length === 2 && s[0] === 2) {
      return { phi: a.data.slice(0, s[1]), phiT: a.data.slice(s[1]) };
    } else if (!a.complex && model === "school" && s.length === 3 && s[0] === 2 && s[2] === 3) {
      const h = s[1] * 3;
      return { positions: a.data.slice(0, h), velocities: a.data.slice(h) };
    }
    throw new FieldFileError(`${name}: shape ${shapeStr} does not fit the ${model} initial field; expected ${EXPECT[model]}`);
  }
  if (/\.nc$/i.test(name)) {
    let nc;
    try { nc = readNetCDF(bytes); } catch (e) { throw new FieldFileError(`${name}: ${(e as Error).message}`); }
    const names = { nlse: ["psi_real", "psi_imag"], kg: ["phi", "phi_t"], school: ["positions", "velocities"] }[model];
    const last = (v: string): Float64Array => {
      const d = nc.read(v);
      if (typeof d === "string") throw new FieldFileError(`${name}: variable ${v} is text, not a field`);
      const n = nc.numrecs;
      if (n < 1) throw new FieldFileError(`${name}: has no records`);
      const per = d.length / n;
      return Float64Array.from(d.subarray(per * (n - 1)));
    };
    for (const v of names) if (!nc.vars.some((x) => x.name === v)) throw new FieldFileError(`${name}: has no variable "${v}"; a ${model} initial field needs ${names.join(" and ")} (a file samudra ${model} wrote)`);
    const [a, b] = names.map(last);
    if (model === "nlse") { const out = new Float64Array(2 * a.length); for (let j = 0; j < a.length; j++) { out[2 * j] = a[j]; out[2 * j + 1] = b[j]; } return out; }
    return model === "kg" ? { phi: a, phiT: b } : { positions: a, velocities: b };
  }
  throw new FieldFileError(`${name}: an initial field file must be .npy or .nc`);
}
