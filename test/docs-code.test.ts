// Every fenced code block in README.md and docs/*.md runs as written (issue 22), against the built dist/.
//
// Rules (a block's language is the first word of its info string, javascript/typescript/bash/shell/yml read as
// js/ts/sh/yaml; more words are attributes):
// - ```js / ```mjs / ```ts: written to a temp file and run with Node (ts through esbuild's transform first);
//   `from "samudra"` (and "samudra/server", "samudra/ensemble", "samudra/web", "npm:samudra", …) is mapped to the
//   built file that package.json's "exports" names, by absolute file URL. Attribute `deno` runs the block with
//   Deno instead (the npm `deno` binary). Exit code 0 required.
// - A ```text block that follows a code block with only blank lines between is that block's expected stdout,
//   compared exactly (line ends normalised, trailing white space of the whole output trimmed). No timing
//   normalisation exists: blocks whose output is checked print no timings.
// - ```sh: each line that starts with `samudra` or `npx samudra` runs as `node dist/cli.js …` in one temp dir per
//   block (lines run in order, so a later line may read an earlier line's files). The temp dir holds the seed's
//   config files (test/fixtures/seed-configs/*, flattened) so `--config two_soliton.txt` works as in the docs, and a
//   link to the repository's configs/ (`--config configs/nlse/akhmediev.yaml`).
//   Expected exit code 0, or N when the line ends with the comment `# exits N`. The README's `npm install …` and
//   `npm test` lines are not run (CI runs them); every other non-samudra line is listed with its reason.
// - ```yaml with attribute `nlse` / `kg` / `school`: parsed with io.readConfig for that model (must not throw);
//   with attribute `sweep`: a sweep spec, parsed with samudra/ensemble's parseSpec.
// - ```html: loaded in headless Chromium from a 127.0.0.1 server with an import map that maps "samudra" and its
//   subpaths to dist/ (and node_modules/samudra/ to the repository); the page must raise no page error, log no
//   console error and define every custom element it uses (runHtmlBlock).
// - Everything else is listed, with the reason, in NOT_RUN and printed every run; an unknown language fails.
// Also: every relative link and image in these files resolves to a file in the repository, and every
// backticked repository path (`src/…`, `test/…`, `bench/…`, …) exists.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { readFileSync, readdirSync, existsSync, mkdtempSync, mkdirSync, writeFileSync, copyFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { transformSync } from "esbuild";
import { root, npmBin, chromiumExecutable, CHROMIUM_ARGS } from "./helpers/runtimes.js";

interface Block { file: string; line: number; end: number; lang: string; attrs: string[]; code: string; expected?: string }

/** README.md and every docs/*.md (sorted), so pages added later are tested without editing this file. */
const FILES = ["README.md", ...readdirSync(path.join(root, "docs")).filter((f) => f.endsWith(".md")).sort().map((f) => `docs/${f}`)];

/** Other names of the languages that run. */
const ALIAS: Record<string, string> = { javascript: "js", typescript: "ts", bash: "sh", shell: "sh", yml: "yaml" };

function extract(file: string): Block[] {
  const lines = readFileSync(path.join(root, file), "utf8").split(/\r?\n/);
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, info] = open;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j].startsWith(indent + fence[0].repeat(3)) && lines[j].trim().replace(/[`~]/g, "") === "")) body.push(lines[j++].slice(indent.length));
    const [lang = "", ...attrs] = info.trim().split(/\s+/).filter(Boolean);
    blocks.push({ file, line: i + 1, end: j + 1, lang: ALIAS[lang.toLowerCase()] ?? lang.toLowerCase(), attrs, code: body.join("\n") + "\n" });
    i = j;
  }
  // a text block right after a code block (only blank lines between) is its expected output
  for (let b = 1; b < blocks.length; b++) {
    const prev = blocks[b - 1], cur = blocks[b];
    if (cur.lang !== "text" || !["js", "mjs", "ts"].includes(prev.lang)) continue;
    const between = lines.slice(prev.end, cur.line - 1);   // 1-based closing fence = 0-based first line after it
    if (between.every((l) => l.trim() === "")) { prev.expected = cur.code; cur.attrs.push("(expected output of the block above)"); }
  }
  return blocks;
}

const ALL = FILES.flatMap(extract);
const RUN_LANGS = new Set(["js", "mjs", "ts", "sh", "html", "yaml"]);
/** Languages never run, and why (printed every run together with the blocks they cover). */
const NOT_RUN_REASON: Record<string, string> = {
  text: "plain text: program output or a listing, nothing to execute",
  "": "no language: a directory tree or listing, nothing to execute",
  console: "a terminal transcript (commands against a running service, with their output); the service's own tests run it",
  http: "an HTTP exchange shown as text; the service's own tests make the request",
  json: "a data sample (a file's or a response's content), nothing to execute",
  math: "a formula",
};
const notRun: string[] = [];
/**
 * Single blocks that cannot run as written, each with the reason (printed every run). Written by others while this
 * test was made; the coordinator decides whether to turn them into runnable blocks and drop the entry.
 */
const EXEMPT: { file: string; contains: string; reason: string }[] = [
  { file: "docs/web-school-gl.md", contains: 'from "./school-gl.js"',
    reason: "a fragment of the element's internals (relative import from src/web, a page's canvas and WebGL2, undefined positions): needs a browser page; test/web-school-gl.test.ts covers SchoolGLView in Chromium" },
];

// ---------------------------------------------------------------- specifier mapping (package.json "exports")
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { exports: Record<string, string | Record<string, string>> };
function distFile(sub: string): string {
  const e = pkg.exports[sub === "" ? "." : `./${sub}`];
  if (e === undefined) throw new Error(`"samudra${sub ? "/" + sub : ""}" is not in package.json exports`);
  return path.join(root, typeof e === "string" ? e : e.default);
}
function mapSpecifiers(code: string, toUrl: (file: string) => string): string {
  return code.replace(/(["'])(?:npm:)?samudra(?:\/([\w./-]+))?\1/g, (_m, q: string, sub?: string) => `${q}${toUrl(distFile(sub ?? ""))}${q}`);
}

// ---------------------------------------------------------------- runners
/** A private working directory one level down, so a seed config's `output_dir = ../outputs` stays inside it (not the shared tmp). */
function tempDir(): string { const d = path.join(mkdtempSync(path.join(tmpdir(), "samudra-docs-")), "work"); mkdirSync(d); return d; }

function runScript(b: Block): void {
  const dir = tempDir();
  try {
    let code = mapSpecifiers(b.code, (f) => pathToFileURL(f).href);
    const deno = b.attrs.includes("deno");
    if (b.lang === "ts" && !deno) code = transformSync(code, { loader: "ts", format: "esm", target: "es2022" }).code;
    const file = path.join(dir, deno ? "block.ts" : "block.mjs");
    writeFileSync(file, code);
    const r = deno
      ? spawnSync(npmBin("deno", "deno"), ["run", "--quiet", "--allow-read", "--allow-env", file], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 60_000 })
      : spawnSync(process.execPath, [file], { cwd: dir, encoding: "utf8", timeout: 60_000 });
    expect(r.status, `${b.file}:${b.line} exited ${r.status} (${r.signal ?? "no signal"})\n${r.stderr}\n--- block ---\n${code}`).toBe(0);
    if (b.expected !== undefined) expect(r.stdout.replace(/\r\n/g, "\n").trimEnd()).toBe(b.expected.trimEnd());
  } finally { rmSync(path.dirname(dir), { recursive: true, force: true }); }
}

/** Seed configs flattened into the temp dir of every sh block (the docs say `--config two_soliton.txt`). */
function seedConfigs(dir: string): void {
  const walk = (d: string): void => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) { if (f !== "variants") walk(p); }
      else if (/\.(txt|ya?ml)$/.test(f)) copyFileSync(p, path.join(dir, f));
    }
  };
  walk(path.join(root, "test/fixtures/seed-configs"));
}

/** Why a shell line that is not a samudra command is not run (undefined: unknown, which fails the test). */
function shellReason(b: Block, cmd: string): string | undefined {
  if (b.file === "README.md" && /^npm (install|test)\b/.test(cmd)) return "README set-up line: CI runs `npm install` and `npm test` itself";
  if (/^npm run bench/.test(cmd) || /^node bench\//.test(cmd)) return "a benchmark (minutes on a shared machine; benchmarks are never timed tests)";
  if (/^npx vitest run/.test(cmd)) return "runs other test files; running them from inside a test would recurse";
  if (/^npm (run )?(build|test|docs|pack|ci|install)\b/.test(cmd) || /^node scripts\/build\.mjs/.test(cmd)) return "a build or package step; the test runs against the dist/ it produced";
  if (/^(python3|\.venv-nc)/.test(cmd)) return "a Python reference script (run by the tests that use its output)";
  if (/^npm run site\b/.test(cmd)) return "builds the playground site and starts a server that runs until stopped; the site's own tests build and serve it";
  if (/^(curl|deno|bun|npx wrangler|wrangler)\b/.test(cmd)) return "needs a running service or another runtime's project set-up; covered by that surface's own tests";
  return undefined;
}

function runShell(b: Block): void {
  const dir = tempDir();
  try {
    seedConfigs(dir);
    symlinkSync(path.join(root, "configs"), path.join(dir, "configs"));   // `samudra … configs/…` as from the repository
    for (const [k, raw] of b.code.split("\n").entries()) {
      const cmd = raw.replace(/\s+#.*$/, "").trim();
      if (cmd === "" || cmd.startsWith("#")) continue;
      const where = `${b.file}:${b.line + 1 + k}`;
      const m = /^(?:npx\s+)?samudra(?:\s+(.*))?$/.exec(cmd);
      if (!m) {
        const why = shellReason(b, cmd);
        expect(why, `${where}: no rule for the shell line \`${cmd}\` (run it as \`samudra …\` or add a reason to shellReason)`).toBeDefined();
        notRun.push(`${where} \`${cmd}\` — ${why}`);
        continue;
      }
      const exits = Number(/#\s*exits\s+(\d+)/.exec(raw)?.[1] ?? 0);
      const r = spawnSync("bash", ["-c", `node ${JSON.stringify(path.join(root, "dist/cli.js"))} ${m[1] ?? ""}`],
        { cwd: dir, encoding: "utf8", timeout: 120_000, env: { ...process.env, NO_COLOR: "1" } });
      expect(r.status, `${where}: \`${cmd}\` exited ${r.status}, expected ${exits}\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`).toBe(exits);
    }
  } finally { rmSync(path.dirname(dir), { recursive: true, force: true }); }
}

/** A sweep spec (samudra/ensemble): attribute `sweep`. A reference listing of every key is not a spec, hence opt-in. */
const isSweepSpec = (b: Block): boolean => b.attrs.includes("sweep");

async function runYaml(b: Block): Promise<void> {
  if (isSweepSpec(b)) {
    const { parseSpec } = await import(pathToFileURL(distFile("ensemble")).href);
    expect(parseSpec(b.code, `${b.file}:${b.line}`)).toBeTruthy();   // throws a SpecError naming the key otherwise
    return;
  }
  const seed = b.attrs.find((a) => ["nlse", "kg", "school"].includes(a));
  const { io } = await import(pathToFileURL(distFile("")).href);
  let parsed: unknown;
  try { parsed = io.readConfig(b.code, { seed, format: "yaml", name: `${b.file}:${b.line}.yaml` }); }
  catch (e) { throw new Error(`${b.file}:${b.line}: io.readConfig (${seed}) refused the block: ${(e as Error).message}`); }
  expect(parsed).toBeTruthy();
}

// ---- html: a page per block, "samudra" and its subpaths mapped to dist/ through an import map
let server: Server | undefined;
const sockets = new Set<Socket>();
const pages = new Map<string, string>();
async function serve(): Promise<string> {
  if (!server) {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      // a page of an app that installed the package: node_modules/samudra/… is this repository
      const rel = decodeURIComponent(url.pathname).replace(/^\/+/, "").replace(/^node_modules\/samudra\//, "");
      if (pages.has(rel)) { res.writeHead(200, { "content-type": "text/html" }).end(pages.get(rel)); return; }
      const file = path.join(root, path.normalize(rel));
      if (!rel.startsWith("dist/") || !existsSync(file)) { res.writeHead(404).end("not found"); return; }
      const type = { ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm" }[path.extname(file)] ?? "application/octet-stream";
      res.writeHead(200, { "content-type": type }).end(readFileSync(file));
    });
    server.on("connection", (s) => { sockets.add(s); s.on("close", () => sockets.delete(s)); });
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  }
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Loads an html block in headless Chromium: no page error and no console error within 3 s of the load, and every
 *  custom element the block uses is defined by then. */
async function runHtmlBlock(b: Block): Promise<void> {
  const base = await serve();
  const imports: Record<string, string> = {};
  for (const k of Object.keys(pkg.exports)) {
    const e = pkg.exports[k];
    const target = typeof e === "string" ? e : e.default;
    if (target.endsWith(".js")) imports[k === "." ? "samudra" : `samudra${k.slice(1)}`] = `/${target.replace(/^\.\//, "")}`;
  }
  const map = `<script type="importmap">${JSON.stringify({ imports })}</script>`;
  const html = /<head[^>]*>/i.test(b.code) ? b.code.replace(/<head[^>]*>/i, (h) => h + map) : map + b.code;
  const name = `page-${b.file.replace(/\W/g, "_")}-${b.line}.html`;
  pages.set(name, html);
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: chromiumExecutable().path, headless: true, args: CHROMIUM_ARGS });
  try {
    // a fixed locale: this machine's C.UTF-8 gives Chromium "en-US@posix", which Intl (and so uPlot) rejects
    const page = await browser.newPage({ locale: "en-US" });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.goto(`${base}/${name}`, { waitUntil: "load" });
    await page.waitForTimeout(3000);
    expect(errors, `${b.file}:${b.line}: errors in the page`).toEqual([]);
    // every custom element the block uses (<samudra-sim …>) got defined, i.e. its module loaded
    const tags = [...new Set([...b.code.matchAll(/<([a-z][a-z0-9]*-[a-z0-9-]+)[\s>]/g)].map((m) => m[1]))];
    const undefinedTags = await page.evaluate((ts) => ts.filter((t) => !customElements.get(t)), tags);
    expect(undefinedTags, `${b.file}:${b.line}: custom elements never defined`).toEqual([]);
  } finally { await browser.close(); }
}

afterAll(async () => {
  for (const s of sockets) s.destroy();
  if (server) await new Promise<void>((r) => server!.close(() => r()));
  console.log(`docs-code: blocks not run (${notRun.length}):\n` + notRun.map((s) => "  " + s).join("\n"));
});

beforeAll(() => {
  if (!existsSync(path.join(root, "dist/index.js")) || !existsSync(path.join(root, "dist/cli.js"))) {
    throw new Error("dist/ is missing: run `node scripts/build.mjs` first (npm test does)");
  }
});

// ---------------------------------------------------------------- the tests
describe.each(FILES)("%s", (file) => {
  const blocks = ALL.filter((b) => b.file === file);
  for (const b of blocks) {
    const name = `${file}:${b.line} \`\`\`${b.lang}${b.attrs.length ? " " + b.attrs.join(" ") : ""}`;
    if (b.lang === "text" && b.attrs.includes("(expected output of the block above)")) continue;   // checked with its block
    const exempt = EXEMPT.find((e) => e.file === file && b.code.includes(e.contains));
    if (exempt) {
      it(`${name} is not run, for a stated reason`, () => expect(b.code).toContain(exempt.contains));
      notRun.push(`${file}:${b.line} \`\`\`${b.lang} — ${exempt.reason}`);
      continue;
    }
    if (!RUN_LANGS.has(b.lang) || (b.lang === "yaml" && !isSweepSpec(b) && !b.attrs.some((a) => ["nlse", "kg", "school"].includes(a)))) {
      const reason = b.lang === "yaml" ? "yaml that is neither a model config (attribute nlse, kg or school) nor a sweep spec (attribute sweep): a listing of keys, not parsed" : NOT_RUN_REASON[b.lang];
      it(`${name} is not run, for a stated reason`, () => {
        expect(reason, `${name}: no rule for language "${b.lang}"; add a runner or a reason to NOT_RUN_REASON`).toBeDefined();
      });
      notRun.push(`${file}:${b.line} \`\`\`${b.lang} — ${reason ?? "NO RULE (fails)"}`);
      continue;
    }
    if (b.lang === "sh") it(`${name}: samudra command lines exit as stated`, () => runShell(b), 300_000);
    else if (b.lang === "yaml") it(`${name}: ${isSweepSpec(b) ? "samudra/ensemble parseSpec" : "io.readConfig"} accepts it`, () => runYaml(b));
    else if (b.lang === "html") it(`${name}: loads in Chromium without errors`, () => runHtmlBlock(b), 60_000);
    else it(`${name}: runs${b.expected !== undefined ? " and prints the text block below it" : ""}`, () => runScript(b), 120_000);
  }

  it(`${file}: every relative link and image resolves to a repository file`, () => {
    const text = readFileSync(path.join(root, file), "utf8").replace(/```[\s\S]*?```/g, "");
    const bad: string[] = [];
    for (const m of text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = m[1];
      if (/^(https?:|mailto:|#)/.test(target)) continue;
      const p = path.resolve(path.dirname(path.join(root, file)), decodeURIComponent(target.split("#")[0]));
      if (!p.startsWith(root) || !existsSync(p)) bad.push(target);
    }
    expect(bad, `${file}: links to missing files`).toEqual([]);
  });

  it(`${file}: every backticked repository path exists`, () => {
    const text = readFileSync(path.join(root, file), "utf8");
    const bad: string[] = [];
    for (const m of text.matchAll(/`((?:src|test|bench|assembly|scripts|examples|docs|configs)\/[^`\s]+)`/g)) {
      const p = m[1];
      if (/[<>{}*…]/.test(p)) continue;   // a pattern (`test/<file>`, `docs/*.md`), not a path
      if (!existsSync(path.join(root, p.replace(/[.,:;]$/, "")))) bad.push(p);
    }
    expect(bad, `${file}: paths that are not in the repository`).toEqual([]);
  });
});

describe("README.md shape (issue 22)", () => {
  it("has at most 200 lines", () => {
    expect(readFileSync(path.join(root, "README.md"), "utf8").trimEnd().split("\n").length).toBeLessThanOrEqual(200);
  });
  it("keeps the two set-up commands as its first sh block (CI runs them from there)", () => {
    const first = ALL.find((b) => b.file === "README.md" && b.lang === "sh");
    expect(first?.code).toBe("npm install && npx samudra nlse single_soliton\nnpm test\n");
  });
});
