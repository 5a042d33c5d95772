/**
 * `samudra inspect FILE.nc` — dimensions, variables (shape, type, units, range) and attributes of a NetCDF-3 file.
 * The reader checks every header size against the file before allocating, so a corrupt or hostile file ends in
 * one line naming the file and the problem (exit 1) instead of a crash; a missing or unreadable path exits 2.
 */
import { readFileSync, statSync } from "node:fs";
import { readNetCDF, NetCDFError } from "../io/netcdf-reader.js";

export const INSPECT_HELP = `samudra inspect FILE.nc — print a NetCDF-3 (CDF-1/CDF-2) file's header and value ranges

Example:
  samudra inspect outputs/single_soliton.nc`;

/** Node's Buffer limit: larger files are refused before reading (inspect holds the file in memory). */
const MAX_BYTES = 2 ** 31 - 1;

export function runInspect(args: string[]): number {
  if (args.length !== 1) { console.error("samudra inspect: give exactly one file, e.g. `samudra inspect outputs/single_soliton.nc`"); return 2; }
  const file = args[0];
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) { console.error(`samudra inspect: ${file} is a directory; give a .nc file inside it`); return 2; }
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    console.error(code === "ENOENT" ? `samudra inspect: file not found: ${file}` : `samudra inspect: cannot read ${file}: ${(e as Error).message}`);
    return 2;
  }
  if (size > MAX_BYTES) { console.error(`samudra inspect: ${file} is ${size} bytes; inspect reads files of at most ${MAX_BYTES} bytes (use ncdump -h for larger ones)`); return 2; }
  let bytes: Uint8Array;
  try { bytes = new Uint8Array(readFileSync(file)); } catch (e) { console.error(`samudra inspect: cannot read ${file}: ${(e as Error).message}`); return 2; }
  try {
    const nc = readNetCDF(bytes);
    const lines: string[] = [];
    lines.push(`${file}: NetCDF-3 CDF-${nc.version}, ${nc.numrecs} records`);
    lines.push("dimensions:");
    for (const d of nc.dims) lines.push(`  ${d.name} = ${d.size}${d.unlimited ? " (unlimited)" : ""}`);
    lines.push("variables:");
    for (const v of nc.vars) {
      const data = nc.read(v.name);
      let range = "";
      if (typeof data !== "string" && data.length) {
        let lo = Infinity, hi = -Infinity, missing = 0;
        for (const x of data) if (Number.isFinite(x)) { if (x < lo) lo = x; if (x > hi) hi = x; } else missing++;
        range = lo <= hi ? `  [${lo.toPrecision(6)}, ${hi.toPrecision(6)}]` : "  [no finite values]";
        if (missing && lo <= hi) range += `  (${missing} non-finite)`;
      }
      const units = typeof v.attrs.units === "string" ? ` (${v.attrs.units})` : "";
      lines.push(`  ${v.type} ${v.name}(${v.dims.join(", ")})${units}${range}`);
    }
    lines.push("global attributes:");
    for (const [k, v] of Object.entries(nc.attrs)) lines.push(`  ${k} = ${typeof v === "string" ? JSON.stringify(v) : v.join(", ")}`);
    console.log(lines.join("\n"));
    return 0;
  } catch (e) {
    if (e instanceof NetCDFError) { console.error(`samudra inspect: ${file}: ${e.message}`); return 1; }
    throw e;
  }
}
