/**
 * `samudra` command: `nlse` (the NLSE model), `kg` (Klein–Gordon), `school` (fish schools), `inspect` (NetCDF),
 * `info` (what runs here, plus an FFT self-check).
 */
import { init, fft, version } from "../index.js";
import { runNlse, NLSE_HELP } from "./nlse-command.js";
import { runInspect, INSPECT_HELP } from "./inspect-command.js";
import { runKg, KG_HELP } from "./kg-command.js";
import { runSchool, SCHOOL_HELP } from "./school-command.js";
import { runSweep, SWEEP_HELP, SWEEP_FLAGS } from "./sweep-command.js";
import { runWorker, WORKER_HELP, WORKER_FLAGS } from "./worker-command.js";
import { runServe, SERVE_HELP, SERVE_FLAGS } from "./serve-command.js";
import { findCommand, parseFlags, COMMAND_FLAGS } from "./flags.js";
import { UsageError } from "./run-args.js";
import { SCHEMAS } from "../io/config-schema.js";
import { closestName, editDistance } from "../validate.js";

Object.assign(COMMAND_FLAGS, { sweep: SWEEP_FLAGS, worker: WORKER_FLAGS, serve: SERVE_FLAGS });

const COMMANDS = ["nlse", "kg", "school", "sweep", "worker", "serve", "inspect", "info"];

const HELP = `samudra ${version} — numerical kernels in SIMD WebAssembly

Usage:
  samudra nlse [case] [...]   run the nonlinear Schrödinger model (samudra nlse --help)
  samudra kg [case] [...]     run the nonlinear Klein–Gordon model (samudra kg --help)
  samudra school [case] [...] run the 3-D Couzin fish-school model (samudra school --help)
  samudra sweep SPEC.yaml     run a parameter sweep / ensemble into one NetCDF (samudra sweep --help)
  samudra worker --redis URL  run sweep members from a Redis queue (samudra worker --help)
  samudra serve [--port P]    the simulations as an HTTP service (samudra serve --help)
  samudra inspect FILE.nc     show a NetCDF-3 file's dimensions, variables and attributes
  samudra info [--scalar]     show the runtime, the WASM build in use, and run an FFT self-check
  samudra --version           print the version
  samudra --help              print this help

Options:
  --scalar                    force the scalar (non-SIMD) WASM build
  -q, --quiet                 print only errors
  --set KEY=VALUE             (nlse, kg, school; repeatable) override one config key, e.g. --set t_final=5

Exit codes: 0 ok, 1 the run failed, 2 bad flags, options or config (nothing is run).`;

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
  const cmd = findCommand(argv);
  if (cmd !== "" && !Object.hasOwn(COMMAND_FLAGS, cmd)) {
    const near = closestName(cmd, COMMANDS);
    console.error(`samudra: unknown command ${JSON.stringify(cmd)}${editDistance(cmd, near) <= 2 ? ` — did you mean "${near}"` : ""}; run \`samudra --help\` for the list of commands`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseFlags(argv, cmd, cmd === "nlse" || cmd === "kg" || cmd === "school" ? Object.keys(SCHEMAS[cmd]) : []);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`samudra${cmd ? ` ${cmd}` : ""}: ${e.message}\nRun \`samudra${cmd ? ` ${cmd}` : ""} --help\` for usage.`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) { console.log(version); return 0; }
  const rest = positionals.slice(1);
  const str = (k: string) => values[k] as string | undefined;
  const bool = (k: string) => values[k] === true;
  const common = { positionals: rest, all: bool("all"), json: bool("json"), quiet: bool("quiet"), config: str("config"), outputDir: str("output-dir"), format: str("format"), set: (values.set as string[] | undefined) ?? [] };
  if (cmd === "nlse") {
    if (values.help) { console.log(NLSE_HELP); return 0; }
    await init(values.scalar ? { simd: false } : {});
    return runNlse({ ...common, legacy: bool("legacy"), method: str("method"), dt: str("dt") });
  }
  if (cmd === "kg") {
    if (values.help) { console.log(KG_HELP); return 0; }
    await init(values.scalar ? { simd: false } : {});
    return runKg({ ...common, legacy: bool("legacy"), method: str("method"), dt: str("dt") });
  }
  if (cmd === "school") {
    if (values.help) { console.log(SCHOOL_HELP); return 0; }
    await init(values.scalar ? { simd: false } : {});
    return runSchool({ ...common, noEntropy: bool("no-entropy"), saveInterval: str("save-interval"), seed: str("seed"), mode: str("mode"), boundary: str("boundary") });
  }
  if (cmd === "sweep") {
    if (values.help) { console.log(SWEEP_HELP); return 0; }
    return runSweep({ positionals: rest, values });
  }
  if (cmd === "serve") {
    if (values.help) { console.log(SERVE_HELP); return 0; }
    return runServe({ positionals: rest, values });
  }
  if (cmd === "worker") {
    if (values.help) { console.log(WORKER_HELP); return 0; }
    return runWorker({ positionals: rest, values });
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
  console.error(`samudra: unknown command ${JSON.stringify(cmd)}; run \`samudra --help\` for the list of commands`);
  return 2;
}
