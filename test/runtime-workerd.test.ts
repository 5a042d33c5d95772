// workerd (npm miniflare): a Worker that imports "samudra" through the package's `workerd` export
// condition — bundled as wrangler does, with the .wasm files as CompiledWasm modules — answers an
// HTTP request on 127.0.0.1 with the smoke result as JSON. workerd forbids compiling WASM from
// bytes, so this proves the imported-module path.
import { it, expect, beforeAll, afterAll } from "vitest";
import { mkdtempSync, mkdirSync, symlinkSync, copyFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as esbuild from "esbuild";
import { root, nodeReference, npmBin } from "./helpers/runtimes.js";

let dir = "";
let mf: { ready: Promise<URL>; dispose(): Promise<void> } | null = null;

beforeAll(async () => {
  npmBin("workerd", "miniflare");
  dir = mkdtempSync(path.join(tmpdir(), "samudra-workerd-"));
  mkdirSync(path.join(dir, "node_modules"));
  symlinkSync(root, path.join(dir, "node_modules", "samudra"), "dir");
  await esbuild.build({
    entryPoints: [path.join(root, "test/runtime/worker.mjs")],
    outfile: path.join(dir, "out", "worker.js"),
    bundle: true, format: "esm", target: "es2022", platform: "neutral", logLevel: "warning",
    nodePaths: [path.join(dir, "node_modules")],
    conditions: ["workerd", "worker", "browser"],
    plugins: [{
      name: "wasm-modules",
      setup(b) { b.onResolve({ filter: /\.wasm$/ }, (a) => ({ path: `./${path.basename(a.path)}`, external: true })); },
    }],
  });
  for (const f of ["simd.wasm", "scalar.wasm"]) copyFileSync(path.join(root, "dist", f), path.join(dir, "out", f));
});

afterAll(async () => {
  if (mf) await mf.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it("workerd: a Worker importing samudra answers GET / with the smoke result (FFT, ODE, analysis), bit-identical to Node", async () => {
  const { Miniflare } = await import("miniflare");
  mf = new Miniflare({
    modules: true,
    scriptPath: path.join(dir, "out", "worker.js"),
    modulesRoot: path.join(dir, "out"),
    modulesRules: [
      { type: "ESModule", include: ["**/*.js"] },
      { type: "CompiledWasm", include: ["**/*.wasm"] },
    ],
    host: "127.0.0.1",
    compatibilityDate: "2025-01-01",
  }) as unknown as typeof mf;
  const url = await mf!.ready;
  expect(url.hostname).toBe("127.0.0.1");
  const res = await fetch(url);
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(200);
  expect(body).toMatchObject({ ok: true, simd: true, source: "imported-module" });
  expect(body.hashes).toEqual((await nodeReference()).hashes);
});
