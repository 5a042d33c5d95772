/**
 * NetCDF classic format constants (Unidata "NetCDF Classic and 64-bit Offset Format", v1.0):
 * big-endian; header = magic, numrecs, dim_list, gatt_list, var_list; names and values padded to 4 bytes;
 * CDF-1 has 32-bit variable offsets, CDF-2 (64-bit offset) 64-bit ones.
 */
export type NcType = "byte" | "char" | "short" | "int" | "float" | "double";

export const NC_TYPE_CODE: Record<NcType, number> = { byte: 1, char: 2, short: 3, int: 4, float: 5, double: 6 };
export const NC_CODE_TYPE: Record<number, NcType> = { 1: "byte", 2: "char", 3: "short", 4: "int", 5: "float", 6: "double" };
export const NC_TYPE_SIZE: Record<NcType, number> = { byte: 1, char: 1, short: 2, int: 4, float: 4, double: 8 };
export const NC_DIMENSION = 0x0a;
export const NC_VARIABLE = 0x0b;
export const NC_ATTRIBUTE = 0x0c;
export const STREAMING = 0xffffffff;

export const pad4 = (n: number) => (n + 3) & ~3;

/** An attribute: text, or typed numbers. */
export type NcAttr = string | { type: Exclude<NcType, "char">; values: ArrayLike<number> };

/** Helpers to type attribute values explicitly. */
export const ncDouble = (...v: number[]): NcAttr => ({ type: "double", values: v });
/** An `int` (32-bit) NetCDF attribute from numbers: `ncInt(1, 2)`. */
export const ncInt = (...v: number[]): NcAttr => ({ type: "int", values: v });
/** A `float` (32-bit) NetCDF attribute from numbers: `ncFloat(0.5)`. */
export const ncFloat = (...v: number[]): NcAttr => ({ type: "float", values: v });

/**
 * Names a reader library uses for its own state: scipy.io.netcdf_file copies every global attribute into the
 * file object's __dict__ and every variable attribute into the variable's, so a global `mode` overwrites
 * netcdf_file.mode (close() then fails in every `with` block and in xarray's scipy engine) and a variable
 * attribute `data` replaces the variable's values. The writer refuses these names.
 */
export const RESERVED_GLOBAL_NAMES: ReadonlySet<string> = new Set([
  "fp", "filename", "use_mmap", "mode", "version_byte", "maskandscale", "dimensions", "variables",
  "close", "createDimension", "createVariable", "flush", "sync",
]);
export const RESERVED_VARIABLE_ATTR_NAMES: ReadonlySet<string> = new Set([
  "data", "dimensions", "maskandscale", "assignValue", "getValue", "isrec", "itemsize", "shape", "typecode",
]);
