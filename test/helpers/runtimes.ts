/** Helpers for the runtime tests: the reference result from Node in-process, and binary lookup. */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export async function nodeReference() {
  const distIndex = path.join(root, "dist/index.js");
  if (!existsSync(distIndex)) throw new Error("dist/index.js is missing: run `npm run build` first (npm test does)");
  const samudra = await import(distIndex);
  const { smoke } = await import(path.join(root, "test/runtime/smoke-core.mjs"));
  return smoke(samudra, {});
}

/** Path of a runtime binary installed by npm, or an Error telling how to install it. */
export function npmBin(name: string, pkg: string): string {
  const p = path.join(root, "node_modules/.bin", name);
  if (!existsSync(p)) {
    throw new Error(`${name} is not installed: run \`npm ci\` (it is the devDependency "${pkg}"), then re-run the tests`);
  }
  return p;
}
