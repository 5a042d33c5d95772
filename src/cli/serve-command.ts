/**
 * `samudra serve`: the HTTP service (src/server, the same app as on Workers/Deno/Bun) on Node via @hono/node-server.
 * Prints the URL and serves until SIGINT/SIGTERM; the executable's main thread (entry.ts) then terminates the thread
 * this runs in, which closes the listening socket and every connection, and exits (130 / 143).
 */
import type { FlagSpecs, FlagValues } from "./flags.js";
import { serve } from "../server/node.js";
import { BUDGETS } from "../server/budget.js";

/** Flags of `samudra serve`. */
export const SERVE_FLAGS: FlagSpecs = {
  help: { type: "boolean", short: "h" }, version: { type: "boolean", short: "v" }, quiet: { type: "boolean", short: "q" }, scalar: { type: "boolean" },
  port: { type: "string", short: "p", value: "PORT" }, host: { type: "string", value: "ADDR" }, budget: { type: "string", value: "paid|free|MS" },
  "cache-mb": { type: "string", value: "MB" },
};

export const SERVE_HELP = `samudra serve — the simulations as an HTTP service (docs/server.md)

Usage: samudra serve [--port 8787] [--host 127.0.0.1] [--budget paid|free|MS] [--cache-mb 32]

Routes: GET /v1/models, POST|GET /v1/{nlse,kg,school}/runs (?format=json|ndjson|netcdf|csv|png|svg or Accept),
        GET /openapi.json, GET /v1/stats

Options:
  -p, --port PORT       TCP port (0: any free port; the URL printed says which). Default 8787
  --host ADDR           interface to bind. Default 127.0.0.1 (use 0.0.0.0 to serve other machines)
  --budget B            work budget of one request: paid (default: ${BUDGETS.paid.ms} ms of estimated CPU, the Workers
                        paid plan), free (${BUDGETS.free.ms} ms, the free plan), or a number of milliseconds
  --cache-mb MB         in-memory result cache, in MiB (0: off). Default 32
  --scalar              use the scalar (non-SIMD) WASM build
  -q, --quiet           print only errors

Stops on Ctrl-C (SIGINT) or SIGTERM. Exit codes: 2 bad flags, 1 the port could not be bound.`;

/**
 * Runs the service until the process is signalled; resolves only on a start-up error (with the exit code).
 *
 * @example
 * await runServe({ values: { port: "0" } });   // prints "samudra serve: listening on http://127.0.0.1:<port>"
 */
export async function runServe(o: { positionals: string[]; values: FlagValues }): Promise<number> {
  const v = o.values, err = (m: string) => { console.error(`samudra serve: ${m}\nRun \`samudra serve --help\` for usage.`); return 2; };
  if (o.positionals.length) return err(`unexpected argument "${o.positionals[0]}"; serve takes only flags`);
  const port = v.port === undefined ? 8787 : Number(v.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return err(`--port must be an integer 0 … 65535, got ${JSON.stringify(v.port)}`);
  const host = (v.host as string | undefined) ?? "127.0.0.1";
  let budget: "paid" | "free" | { ms: number } = "paid";
  if (v.budget !== undefined) {
    const b = String(v.budget);
    if (b === "paid" || b === "free") budget = b;
    else if (Number(b) > 0 && Number.isFinite(Number(b))) budget = { ms: Number(b) };
    else return err(`--budget must be paid, free or a number of milliseconds > 0, got ${JSON.stringify(b)}`);
  }
  const cacheMb = v["cache-mb"] === undefined ? 32 : Number(v["cache-mb"]);
  if (!(cacheMb >= 0) || !Number.isFinite(cacheMb)) return err(`--cache-mb must be a number ≥ 0, got ${JSON.stringify(v["cache-mb"])}`);
  try {
    const s = await serve({ port, host, app: { budget, cacheBytes: Math.round(cacheMb * 1048576), init: v.scalar ? { simd: false } : {} } });
    if (!v.quiet) {
      const b = typeof budget === "string" ? `${budget} (${BUDGETS[budget].ms} ms)` : `${budget.ms} ms`;
      console.log(`samudra serve: listening on ${s.url} (budget ${b}, cache ${cacheMb} MiB); Ctrl-C stops`);
    } else console.log(s.url);
  } catch (e) {
    console.error(`samudra serve: cannot listen on ${host}:${port}: ${(e as Error).message}`);
    return 1;
  }
  return new Promise<number>(() => { /* serves until the main thread ends this thread on a signal */ });
}
