// Shared by test/web-school-gl.test.ts and bench/web-school-gl.bench.mjs: bundles src/web/school-gl.ts with esbuild
// (browser ESM) into a private temporary directory and serves, on 127.0.0.1 at a random port,
//   /bundle/*        that bundle,
//   /test/web-gl/*   this folder (the test page),
//   /dist/*          the built package (the benchmark steps real schools in the page with dist/index.js).
import { createServer } from "node:http";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm" };

/** Bundles the view and starts the server; returns { base, close() } (close stops the server and removes the bundle). */
export async function startServer() {
  const dir = mkdtempSync(path.join(tmpdir(), "samudra-web-gl-"));
  await esbuild.build({
    entryPoints: [path.join(root, "src/web/school-gl.ts")], outfile: path.join(dir, "school-gl.js"),
    bundle: true, format: "esm", target: "es2022", platform: "browser", logLevel: "warning",
  });
  const sockets = new Set();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, "");
    let file = null;
    if (rel.startsWith("bundle/")) file = path.join(dir, rel.slice("bundle/".length));
    else if (rel.startsWith("test/web-gl/") || rel.startsWith("dist/")) file = path.join(root, rel);
    if (!file || file.includes("..") || !existsSync(file)) { res.writeHead(404).end("not found"); return; }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    res.end(await readFile(file));
  });
  server.on("connection", (s) => { sockets.add(s); s.on("close", () => sockets.delete(s)); });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  server.unref();
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    base,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(() => r()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
