/** `samudra inspect FILE.nc` — dimensions, variables (shape, type, range) and attributes of a NetCDF-3 file. */
import { readFileSync, existsSync } from "node:fs";
import { readNetCDF, NetCDFError } from "../io/netcdf-reader.js";

export const INSPECT_HELP = `samudra inspect FILE.nc — print a NetCDF-3 (CDF-1/CDF-2) file's header and value ranges

Example:
  samudra inspect outputs/single_soliton.nc`;

export function runInspect(args: string[]): number {
  if (args.length !== 1) { console.error("samudra inspect: give exactly one file, e.g. `samudra inspect outputs/single_soliton.nc`"); return 2; }
  const file = args[0];
  if (!existsSync(file)) { console.error(`samudra inspect: file not found: ${file}`); return 2; }
  try {
    const nc = readNetCDF(new Uint8Array(readFileSync(file)));
    console.log(`${file}: NetCDF-3 CDF-${nc.version}, ${nc.numrecs} records`);
    console.log("dimensions:");
    for (const d of nc.dims) console.log(`  ${d.name} = ${d.size}${d.unlimited ? " (unlimited)" : ""}`);
    console.log("variables:");
    for (const v of nc.vars) {
      const data = nc.read(v.name);
      let range = "";
      if (typeof data !== "string" && data.length) {
        let lo = Infinity, hi = -Infinity;
        for (const x of data) if (Number.isFinite(x)) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
        range = lo <= hi ? `  [${lo.toPrecision(6)}, ${hi.toPrecision(6)}]` : "  [no finite values]";
      }
      const units = v.attrs.units ? ` (${v.attrs.units})` : "";
      console.log(`  ${v.type} ${v.name}(${v.dims.join(", ")})${units}${range}`);
    }
    console.log("global attributes:");
    for (const [k, v] of Object.entries(nc.attrs)) console.log(`  ${k} = ${typeof v === "string" ? JSON.stringify(v) : v.join(", ")}`);
    return 0;
  } catch (e) {
    console.error(`samudra inspect: ${file}: ${(e as Error).message}`);
    return e instanceof NetCDFError ? 1 : 1;
  }
}
