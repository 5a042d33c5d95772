/** `samudra nlse [case] [--all] [--legacy] [--method M] [--dt DT] [--json] [-q]`: runs NLSE cases, prints a summary. */
import { nlse, version } from "../index.js";

export const NLSE_HELP = `samudra nlse — 1-D nonlinear Schrödinger solver (pseudo-spectral, WASM)

Usage:
  samudra nlse [case] [options]
  samudra nlse --all [options]

Cases: ${nlse.CASES.join(", ")} (default single_soliton)

Options:
  --legacy          reproduce the seed exactly (DOP853, filter inside the RHS, max_step 0.1)
  --method NAME     dop853 | rk45 | strang | yoshida4 | yoshida6 | etdrk4
  --dt DT           step for the fixed-step methods
  --all             run the four seed cases
  --json            print the summaries as JSON
  -q, --quiet       print only errors

Examples:
  samudra nlse single_soliton --legacy        # nfev 23354, as the seed
  samudra nlse two_soliton --method yoshida6 --dt 0.005
  samudra nlse --all --legacy --json

Output files (NetCDF, CSV, GIF) are not written by this version; see the project's issues.`;

export interface NlseArgs { positionals: string[]; legacy: boolean; method?: string; dt?: string; all: boolean; json: boolean; quiet: boolean }

export function runNlse(a: NlseArgs): number {
  if (a.positionals.length > 1) { console.error(`samudra nlse: expected at most one case, got ${a.positionals.join(" ")}; run \`samudra nlse --help\``); return 2; }
  const cases = a.all ? nlse.SEED_CASES : [a.positionals[0] ?? "single_soliton"];
  let dt: number | undefined;
  if (a.dt !== undefined) {
    dt = Number(a.dt);
    if (!(dt > 0)) { console.error(`samudra nlse: --dt must be a positive number, got "${a.dt}"`); return 2; }
  }
  const out = [];
  for (const c of cases) {
    let s;
    try {
      s = nlse.simulate({ case: c as never, legacy: a.legacy, ...(a.method ? { method: a.method as never } : {}), ...(dt ? { dt } : {}) });
    } catch (e) {
      console.error(`samudra nlse: ${(e as Error).message}`);
      return e instanceof RangeError || e instanceof TypeError ? 2 : 1;
    }
    out.push(s);
    if (s.status !== "ok") { console.error(`samudra nlse ${c}: integration failed (${s.status}) at t = ${s.t[s.t.length - 1]}`); return 1; }
  }
  if (a.quiet) return 0;
  if (a.json) {
    console.log(JSON.stringify(out.map((s) => ({
      case: s.case, legacy: s.legacy, method: s.method, nfev: s.nfev, steps: s.steps, dt: s.dt,
      drift: s.invariants.drift, maxError: s.maxError, timing: s.timing, samudra: version,
    })), null, 2));
    return 0;
  }
  console.log(`samudra ${version} — nlse${out[0].legacy ? " (legacy: seed parity)" : ""}`);
  console.log("| case | method | nfev | steps acc/rej | mass drift | momentum drift | H drift | max error vs exact | time |");
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const s of out) {
    const d = s.invariants.drift;
    console.log(`| ${s.case} | ${s.method}${s.dt ? ` dt=${s.dt.toPrecision(3)}` : ""} | ${s.nfev} | ${s.steps.accepted}/${s.steps.rejected} | ${d.mass.toExponential(1)} | ${d.momentum.toExponential(1)} | ${d.hamiltonian.toExponential(1)} | ${s.maxError === null ? "—" : s.maxError.toExponential(1)} | ${s.timing.totalMs.toFixed(0)} ms |`);
  }
  return 0;
}
