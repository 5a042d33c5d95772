// `npm run site:serve [-- --port P]`: serves site-dist/ (build it with `npm run site`) on 127.0.0.1 and prints the
// URL. Port 0 (the default) takes a free one. Static files only; unknown paths 404; stops on Ctrl-C.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../site-dist");
const args = process.argv.slice(2);
const i = args.indexOf("--port");
const port = i >= 0 ? Number(args[i + 1]) : Number(process.env.PORT ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) { console.error(`site:serve: --port must be an integer 0…65535 (0: any free port), got ${args[i + 1]}`); process.exit(2); }
for (const a of args) if (a.startsWith("-") && a !== "--port") { console.error(`site:serve: unknown flag ${a}; the only flag is --port P`); process.exit(2); }
if (!existsSync(path.join(root, "index.html"))) { console.error("site:serve: site-dist/ is missing; run `npm run site` first"); process.exit(2); }
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".png": "image/png", ".wasm": "application/wasm", ".json": "application/json" };

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  let rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, "");
  if (rel === "" || rel.endsWith("/")) rel += "index.html";
  const file = path.join(root, rel);
  if (!file.startsWith(root + path.sep)) { res.writeHead(403).end("forbidden"); return; }
  try {
    if (!(await stat(file)).isFile()) throw new Error("not a file");
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" });
    res.end(await readFile(file));
  } catch { res.writeHead(404, { "content-type": "text/plain" }).end("not found"); }
});
server.listen(port, "127.0.0.1", () => console.log(`samudra playground: http://127.0.0.1:${server.address().port}/`));
for (const s of ["SIGINT", "SIGTERM"]) process.on(s, () => server.close(() => process.exit(0)));
