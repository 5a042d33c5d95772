/**
 * Shared by the <samudra-sim> browser tests: a 127.0.0.1 static server for the repository's dist/ and examples/
 * (plus test pages made on the fly), the one-element test page, and a page opener that collects console and page
 * errors. The server closes its sockets on close(), so vitest never waits on a keep-alive connection.
 */
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import type { AddressInfo, Socket } from "node:net";
import type { Browser, Page } from "playwright-core";
import { root } from "./runtimes.js";

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm" };

/** A page with one `<samudra-sim id="sim">` whose attributes are `attrs` ("" = a bare attribute), `spacer` px below the top. */
export function elementPage(attrs: Record<string, string>, spacer = 0): string {
  const a = Object.entries(attrs).map(([k, v]) => (v === "" ? k : `${k}='${v}'`)).join(" ");
  return `<!doctype html><meta charset="utf-8"><body style="width:760px"><div id="spacer" style="height:${spacer}px"></div><samudra-sim id="sim" ${a}></samudra-sim>
<script type="module" src="/dist/web/index.js"></script>`;
}

/** Serves dist/ and examples/ of the repository and `pages` (path → HTML made from the request URL) on a random port. */
export async function startRepoServer(pages: Record<string, (url: URL) => string>): Promise<{ base: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const page = pages[url.pathname];
    if (page) { res.writeHead(200, { "content-type": "text/html" }).end(page(url)); return; }
    const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, "");
    const file = path.join(root, rel);
    if (!(rel.startsWith("dist/") || rel.startsWith("examples/")) || !existsSync(file)) { res.writeHead(404).end("not found"); return; }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(await readFile(file));
  });
  server.on("connection", (s) => { sockets.add(s); s.on("close", () => sockets.delete(s)); });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => { for (const s of sockets) s.destroy(); await new Promise<void>((r) => server.close(() => r())); },
  };
}

/** Opens `url` in a new 800 × 1000 page, collecting console errors and page errors. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  // a fixed locale: this machine's C.UTF-8 gives Chromium "en-US@posix", which Intl (and so uPlot) rejects
  const page = await browser.newPage({ viewport: { width: 800, height: 1000 }, locale: "en-US" });
  const errors: string[] = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, errors };
}
