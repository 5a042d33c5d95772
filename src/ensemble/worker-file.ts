/**
 * Where the executors' worker modules are: `thread.js` (piscina) and `processor.js` (BullMQ's sandbox) are built
 * into dist/ensemble/. Looked up beside this module (dist/ensemble/index.js), under ensemble/ (dist/cli.js), or in
 * the built package when this module runs from its TypeScript source (tests): the first that exists.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The absolute path of a built worker module, or an error saying to build the package.
 *
 * @example
 * workerFile("thread.js");   // ".../node_modules/samudra/dist/ensemble/thread.js"
 */
export function workerFile(name: "thread.js" | "processor.js"): string {
  const tries = [new URL(`./${name}`, import.meta.url), new URL(`./ensemble/${name}`, import.meta.url), new URL(`../../dist/ensemble/${name}`, import.meta.url)];
  for (const u of tries) { const p = fileURLToPath(u); if (existsSync(p)) return p; }
  throw new Error(`ensemble: the worker module ${name} was not found (looked in ${tries.map((u) => fileURLToPath(u)).join(", ")}); build the package with \`node scripts/build.mjs\``);
}
