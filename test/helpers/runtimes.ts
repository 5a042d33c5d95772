/** Helpers for the runtime tests: the reference result from Node in-process, and binary lookup. */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { inject } from "vitest";
import type {} from "../global-setup.js";   // its `ProvidedContext` declaration types inject()

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

/**
 * The headless Chromium that test/global-setup.ts found before the tests: $CHROMIUM_PATH, else the binary that the
 * devDependency @sparticuz/chromium ships (unpacked into node_modules/.cache/), else a system `chromium`. Throws
 * the set-up's reason when there is none, so a browser test fails (it is never skipped).
 */
export function chromiumExecutable(): { path: string; source: string } {
  const env = inject("samudraTestEnv");
  if (!env) throw new Error("test/global-setup.ts did not run: run the tests with `npm test` or `npx vitest run` from the repository root");
  if (!env.chromium) throw new Error(env.chromiumError ?? "no Chromium");
  return { path: env.chromium, source: env.chromiumSource ?? "" };
}

/**
 * The `udunits2` command (Debian udunits-bin) that test/global-setup.ts found or installed before the tests;
 * throws the set-up's reason when there is none, so the test that needs it fails.
 */
export function udunits2(): string {
  const env = inject("samudraTestEnv");
  if (!env) throw new Error("test/global-setup.ts did not run: run the tests with `npm test` or `npx vitest run` from the repository root");
  if (!env.udunits2) throw new Error(env.udunits2Error ?? "no udunits2");
  return env.udunits2;
}

/** Launch flags for headless Chromium on this closed-network, root-run machine. */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];
