/**
 * An EnsembleResult as files, in memory: NetCDF-3 (CDF-2) with the grid axes as coordinate variables (a dimension
 * and a 1-D variable of the same name; string axes get an int index variable whose `flag_meanings` name the
 * values), `replicate`, chains' `step` (the chain axis value of each point, plus `direction` ±1), `time` for series,
 * every kept quantity as a double variable over those dims (failed cells NaN = _FillValue), `member_status` per
 * member, and the spec as global attributes (`sweep_spec` is its normalised JSON). CSV: one row per member (chains:
 * per member and step) with the coordinates, status, the summary values and the member's message.
 */
import { io, version } from "../index.js";
import type { EnsembleResult } from "./result.js";
import { QUANTITY_INFO, STATE_NAMES } from "./quantities.js";
import { memberCoords } from "./grid.js";

const ncName = (s: string) => s.replace(/[^A-Za-z0-9_]/g, "_").replace(/^([^A-Za-z_])/, "_$1");

/**
 * Writes a result as NetCDF bytes (open them with `io.readNetCDF`, netCDF4-python, xarray, ncdump).
 *
 * @example
 * const bytes = ensemble.toNetCDF(await ensemble.run(spec));
 * io.readNetCDF(bytes).variables.map((v) => v.name);   // ["velocity", "replicate", "outcome", …]
 */
export function toNetCDF(res: EnsembleResult): Uint8Array {
  const spec = res.spec;
  const dims: io.NcDimSpec[] = res.dims.map((d, i) => ({ name: ncName(d), size: res.shape[i] }));
  const vars: io.NcVarSpec[] = [];
  for (const [i, d] of res.dims.entries()) {
    const values = res.coords[d];
    if (values.every((v) => typeof v === "number")) {
      const axis = d === "step" ? spec.chain!.over : d;
      vars.push({ name: ncName(d), dims: [ncName(d)], type: "double", data: values as number[], attrs: { long_name: d === "step" ? `${axis} at each chain point (up, then down)` : d === "replicate" ? "replicate index" : d === "set" ? "index into the spec's list of option sets" : `${axis} (model option)`, units: "1" } });
    } else {
      vars.push({ name: ncName(d), dims: [ncName(d)], type: "int", data: values.map((_, k) => k), attrs: { long_name: `${d} (model option), as an index into flag_meanings`, flag_values: io.ncInt(...values.map((_, k) => k)), flag_meanings: values.map(String).join(" ") } });
    }
    void i;
  }
  if (res.direction) vars.push({ name: "direction", dims: ["step"], type: "int", data: Array.from(res.direction), attrs: { long_name: "chain direction: 1 up, -1 down" } });
  if (res.time.length) {
    dims.push({ name: "time", size: res.time.length });
    vars.push({ name: "time", dims: ["time"], type: "double", data: res.time, attrs: { long_name: "time of the kept frames", units: "1" } });
  }
  dims.push({ name: "member", size: res.members });
  const dn = res.dims.map(ncName);
  for (const [k, a] of Object.entries(res.summary)) {
    const info = QUANTITY_INFO[k];
    vars.push({ name: ncName(k), dims: dn, type: "double", data: a, attrs: { long_name: info.long, units: info.units, _FillValue: io.ncDouble(NaN), ...(k === "state" ? { flag_values: io.ncDouble(0, 1, 2, 3, 4), flag_meanings: STATE_NAMES.map((s) => s.replace(/[ /]/g, "_").toLowerCase()).join(" ") } : {}) } });
  }
  for (const [k, a] of Object.entries(res.series)) {
    const info = QUANTITY_INFO[k];
    vars.push({ name: `${ncName(k)}_series`, dims: [...dn, "time"], type: "double", data: a, attrs: { long_name: `${info.long} (every ${spec.keep.series.find((s) => s.name === k)!.every}th frame)`, units: info.units, _FillValue: io.ncDouble(NaN) } });
  }
  vars.push({ name: "member_status", dims: ["member"], type: "int", data: Array.from(res.status), attrs: { long_name: "member status", flag_values: io.ncInt(0, 1, 2), flag_meanings: "ok ended_early failed" } });
  const failures = res.messages.filter((m) => m.status !== "ok").map((m) => `member ${m.member} (${m.status}): ${m.message}`);
  const notes = res.messages.filter((m) => m.status === "ok").map((m) => `member ${m.member}: ${m.message}`);
  const attrs: Record<string, io.NcAttr> = {
    title: `samudra sweep ${spec.name}`, source: `samudra ${version} ensemble`, model: spec.model,
    sweep_spec: JSON.stringify(spec), members: io.ncInt(res.members), replicates: io.ncInt(spec.replicates), seed: io.ncDouble(spec.seed),
    seed_rule: "member m runs with seed mix32((mix32(seed) + m) mod 2^32), mix32 = MurmurHash3 fmix32; chain point p adds p",
    failed_members: io.ncInt(res.messages.filter((m) => m.status !== "ok").length),
    member_messages: failures.length ? failures.join("\n") : "none",
    ...(notes.length ? { member_notes: notes.slice(0, 200).join("\n") } : {}),
  };
  const sink = io.memorySink();
  new io.NetCDFWriter(sink, { dims, vars, attrs }).close();
  return sink.bytes();
}

const cell = (v: number) => (Number.isNaN(v) ? "" : String(v));
const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * The result as CSV text: one row per member (chains: per member and step), coordinates, status, summary values
 * (exact decimal round-trip; empty cell = NaN) and the message.
 *
 * @example
 * ensemble.toCSV(res).split("\n")[0];   // "member,velocity,replicate,status,outcome,…,message"
 */
export function toCSV(res: EnsembleResult): string {
  const spec = res.spec, keys = Object.keys(res.summary), len = res.direction ? res.direction.length : 1;
  const head = ["member", ...spec.axes.map((a) => a.name), "replicate", ...(res.direction ? [spec.chain!.over, "direction"] : []), "status", ...keys, "message"];
  const lines = [head.join(",")];
  const msg = new Map(res.messages.map((m) => [m.member, m.message]));
  const names = ["ok", "early", "failed"];
  for (let m = 0; m < res.members; m++) {
    const { point, replicate } = memberCoords(spec, m);
    const coords = spec.axes.map((a, k) => quote(String(a.values[point[k]])));
    for (let p = 0; p < len; p++) {
      const chainCols = res.direction ? [String(res.coords.step[p]), String(res.direction[p])] : [];
      lines.push([String(m), ...coords, String(replicate), ...chainCols, names[res.status[m]], ...keys.map((k) => cell(res.summary[k][m * len + p])), quote(msg.get(m) ?? "completed")].join(","));
    }
  }
  return lines.join("\n") + "\n";
}
