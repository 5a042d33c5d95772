/**
 * The `samudra` executable. The main thread only starts a worker thread that runs the command (main.ts) and
 * handles SIGINT/SIGTERM: it terminates the worker — which stops even inside a WASM loop — removes the run's
 * unfinished staging (or completes a publish already journaled, see output-set.ts), so the previous output set
 * stays intact, and exits with 130 (SIGINT) or 143 (SIGTERM) within a second of the signal.
 */
import { Worker, isMainThread, workerData, parentPort } from "node:worker_threads";
import { recoverStaging } from "./output-set.js";

if (isMainThread) {
  const argv = process.argv.slice(2);
  // long-running services (the HTTP server, the ensemble worker) keep the young generation small: a server's peak
  // memory under load stays well below the 128 MB a Workers isolate gets (docs/server.md), at a little more GC
  const service = argv[0] === "serve" || argv[0] === "worker";
  const stagings = new Set<string>();
  let code: number | null = null, stopping = false;
  let worker: Worker | null = null;
  // handlers first: a signal that arrives while the worker starts still ends the run cleanly
  for (const [sig, exit] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      void (worker ? worker.terminate() : Promise.resolve()).finally(() => {
        let note = "no files were changed";
        for (const d of stagings) {
          try { if (recoverStaging(d) === "completed") note = "the run's files were already complete and are published"; } catch { /* best effort */ }
        }
        process.stderr.write(service ? `\nsamudra: ${argv[0]} stopped by ${sig}\n` : `\nsamudra: interrupted by ${sig}; the run was stopped and ${note} (previous outputs kept)\n`);
        process.exit(exit);
      });
    });
  }
  worker = new Worker(new URL(import.meta.url), {
    workerData: { argv, stderrTTY: process.stderr.isTTY === true },
    ...(service ? { resourceLimits: { maxYoungGenerationSizeMb: 6 } } : {}),
  });
  worker.on("message", (m: { type: string; code?: number; dir?: string }) => {
    if (m.type === "exit") code = m.code ?? 1;
    else if (m.type === "staging" && m.dir) stagings.add(m.dir);
    else if (m.type === "staged" && m.dir) stagings.delete(m.dir);
  });
  worker.on("error", (e) => { console.error(`samudra: ${e.message}`); code = 1; });
  worker.on("exit", () => { if (!stopping) process.exitCode = code ?? 1; });
} else {
  // the command's modules load only here, in the worker: the main thread has its signal handlers within milliseconds
  const { main } = await import("./main.js");
  const { stagingHooks } = await import("./output-set.js");
  stagingHooks.created = (dir) => parentPort?.postMessage({ type: "staging", dir });
  stagingHooks.finished = (dir) => parentPort?.postMessage({ type: "staged", dir });
  main((workerData as { argv: string[] }).argv).then(
    (c) => { parentPort?.postMessage({ type: "exit", code: c }); },
    (e) => { console.error(`samudra: ${(e as Error).message}`); parentPort?.postMessage({ type: "exit", code: 1 }); },
  );
}
