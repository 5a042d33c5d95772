/**
 * `samudra` command: `nlse` (the NLSE model), `kg` (Klein–Gordon), `school` (fish schools), `inspect` (NetCDF),
 * `info` (what runs here, plus an FFT self-check).
 */
import { parseArgs } from "node:util";
import { init, fft, version } from "../index.js";
import { runNlse, NLSE_HELP } from "./nlse-command.js";
import { runInspect, INSPECT_HELP } from "./inspect-command.js";
import { runKg, KG_HELP } from "./kg-command.js";
import { runSchool, SCHOOL_HELP } from "./school-command.js";

const HELP = `samudra ${version} — numerical kernels in SIMD WebAssembly

Usage:
  samudra nlse [case] [...]   run the nonlinear Schrödinger model (samudra nlse --help)
  samudra kg [case] [...]     run the nonlinear Klein–Gordon model (samudra kg --help)
  samudra school [case] [...] run the 3-D Couzin fish-school model (samudra school --help)
  samudra inspect FILE.nc     show a NetCDF-3 file's dimensions, variables and attributes
  samudra info [--scalar]     show the runtime, the WASM build in use, and run an FFT self-check
  samudra --version           print the version
  samudra --help              print this help

Options:
  --scalar                    force the scalar (non-SIMD) WASM build
  -q, --quiet                 print only errors`;

async function info(scalar: boolean, quiet: boolean): Promise<number> {
  const rt = await init(scalar ? { simd: false } : {});
  const n = 4096;
  const x = new Float64Array(2 * n);
  let s = 12345;
  for (let i = 0; i < x.length; i++) { s = (s * 1103515245 + 12345) % 2147483648; x[i] = s / 2147483648 - 0.5; }
  const X = fft.fft(x);
  const back = fft.ifft(X);
  let rt2 = 0, nx = 0;
  for (let i = 0; i < x.length; i++) { rt2 = Math.max(rt2, Math.abs(back[i] - x[i])); nx = Math.max(nx, Math.abs(x[i])); }
  let dft = 0, scale = 0;
  for (const k of [0, 1, 7, 1000, 2048, 4095]) {
    let re = 0, im = 0;
    for (let j = 0; j < n; j++) {
      const a = (-2 * Math.PI * ((j * k) % n)) / n;
      re += x[2 * j] * Math.cos(a) - x[2 * j + 1] * Math.sin(a);
      im += x[2 * j] * Math.sin(a) + x[2 * j + 1] * Math.cos(a);
    }
    dft = Math.max(dft, Math.hypot(X[2 * k] - re, X[2 * k + 1] - im));
    scale = Math.max(scale, Math.hypot(re, im));
  }
  const ok = rt2 / nx < 1e-13 && dft / scale < 1e-12;
  if (!quiet || !ok) {
    console.log(`samudra ${version}`);
    console.log(`runtime:   ${typeof process !== "undefined" ? `Node ${process.versions.node}` : "unknown"}`);
    console.log(`wasm:      ${rt.simd ? "simd (f64x2)" : "scalar"} build; engine SIMD support: ${rt.simdSupported ? "yes" : "no"}`);
    console.log(`fft n=${n}: round-trip error ${(rt2 / nx).toExponential(2)}, vs naive DFT ${(dft / scale).toExponential(2)} (relative)`);
    console.log(ok ? "self-check: ok" : "self-check: FAILED");
  }
  return ok ? 0 : 1;
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
        scalar: { type: "boolean" },
        quiet: { type: "boolean", short: "q" },
        legacy: { type: "boolean" },
        all: { type: "boolean" },
        json: { type: "boolean" },
        method: { type: "string" },
        dt: { type: "string" },
        config: { type: "string", short: "c" },
        "output-dir": { type: "string", short: "o" },
        format: { type: "string" },
        "no-entropy": { type: "boolean" },
        "save-interval": { type: "string" },
        seed: { type: "string" },
        mode: { type: "string" },
        boundary: { type: "string" },
      },
    });
  } catch (e) {
    console.error(`samudra: ${(e as Error).message}\nRun \`samudra --help\` for usage.`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) { console.log(version); return 0; }
  const [cmd, ...rest] = positionals;
  if (cmd === "nlse") {
    if (values.help) { console.log(NLSE_HELP); return 0; }
    await init(values.scalar ? { simd: false } : {});
    return runNlse({ positionals: rest, legacy: values.legacy === true, method: values.method, dt: values.dt, all: values.all === true, json: values.json === true, quiet: values.quiet === true, config: values.config, outputDir: values["output-dir"], format: values.format });
  }
  if (cmd === "kg") {
    if (values.help) { console.log(KG_HELP); return 0; }
    await init(values.scalar ? { simd: false } : {});
    return runKg({ positionals: rest, legacy: values.legacy === true, method: values.method, dt: values.dt, all: values.all === true, json: values.json === true, quiet: values.quiet === true, config: values.config, outputDir: values["output-dir"], format: values.format });
  }
  if (cmd === "school") {
    if (values.help) { console.log(SCHOOL_HELP); return 0; }
    if (values.legacy || values.method || values.dt) { console.error(`samudra school: ${values.legacy ? "--legacy" : values.method ? "--method" : "--dt"} is not a school option (use --mode legacy|couzin2002; dt comes from the config)\nRun \`samudra school --help\` for usage.`); return 2; }
    await init(values.scalar ? { simd: false } : {});
    return runSchool({ positionals: rest, all: values.all === true, json: values.json === true, quiet: values.quiet === true, config: values.config, outputDir: values["output-dir"], format: values.format, noEntropy: values["no-entropy"] === true, saveInterval: values["save-interval"], seed: values.seed, mode: values.mode, boundary: values.boundary });
  }
  for (const k of ["no-entropy", "save-interval", "seed", "mode", "boundary"] as const) {
    if (values[k] !== undefined) { console.error(`samudra: --${k} is an option of \`samudra school\` only`); return 2; }
  }
  if (cmd === "inspect") {
    if (values.help) { console.log(INSPECT_HELP); return 0; }
    return runInspect(rest);
  }
  if (values.help || positionals.length === 0) { console.log(HELP); return positionals.length === 0 && !values.help ? 2 : 0; }
  if (cmd === "info") {
    if (rest.length) { console.error(`samudra info: unexpected argument "${rest[0]}"; usage: samudra info [--scalar]`); return 2; }
    return info(values.scalar === true, values.quiet === true);
  }
  console.error(`samudra: unknown command "${cmd}"; run \`samudra --help\` for the list of commands`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { console.error(`samudra: ${(e as Error).message}`); process.exitCode = 1; },
);
