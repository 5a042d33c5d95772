// The npm tarball works for a new user: `npm pack`, install it into an empty project, import it
// (ESM + types present), and run the `samudra` bin.
import { it, expect, beforeAll, afterAll } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, existsSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { root } from "./helpers/runtimes.js";

let dir = "";
let tgz = "";

// Set-up, not a timed test: pack, then install the tarball as a new user would. The tarball's runtime
// dependencies (yaml, fast-png, gifenc, d3-scale-chromatic and theirs) come from the npm registry, as they do
// for a user: `--prefer-offline` takes them from the npm cache when it has them and fetches the rest, so this
// works with an empty cache (npm_config_cache=$(mktemp -d)) as well as a warm one. It needs the registry only
// when the cache lacks them; it has its own generous hook timeout for a slow registry.
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "samudra-pack-"));
  // dist/ is already built by `npm test`; --ignore-scripts avoids rebuilding inside pack
  const out = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], { cwd: root, encoding: "utf8" });
  tgz = path.join(dir, JSON.parse(out)[0].filename);
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", type: "module", private: true }));
  const r = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tgz], { cwd: dir, encoding: "utf8", timeout: 540_000 });
  if (r.status !== 0) throw new Error(`npm install of the packed tarball failed (status ${r.status}${r.error ? `, ${r.error}` : ""}):\n${r.stderr}`);
}, 600_000);

afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

it("the packed tarball contains dist (JS, .d.ts, .wasm), README, CHANGELOG, LICENSE, docs/ and examples/, and no sources", () => {
  const files = execFileSync("tar", ["-tzf", tgz], { encoding: "utf8" }).split("\n");
  for (const f of ["package/dist/index.js", "package/dist/workers.js", "package/dist/cli.js", "package/dist/simd.wasm", "package/configs/nlse/single_soliton.yaml",
    "package/dist/scalar.wasm", "package/dist/types/index.d.ts", "package/README.md", "package/CHANGELOG.md", "package/LICENSE"]) {
    expect(files, f).toContain(f);
  }
  // the README links into docs/ and examples/: every file of theirs that git tracks is in the tarball
  const tracked = execFileSync("git", ["ls-files", "docs", "examples"], { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean);
  expect(tracked.length).toBeGreaterThan(5);
  for (const f of tracked) expect(files, f).toContain(`package/${f}`);
  expect(files.some((f) => f.startsWith("package/docs-api/") || f.startsWith("package/scripts/"))).toBe(false);
  expect(files.some((f) => f.startsWith("package/assembly/") || f.startsWith("package/test/"))).toBe(false);
});

it("installed into an empty project: `import { init, fft } from \"samudra\"` works", () => {
  writeFileSync(path.join(dir, "use.mjs"),
    `import { init, fft, version } from "samudra";\nconst info = await init();\n` +
    `console.log(JSON.stringify({ version, simd: info.simd, X: Array.from(fft.fft([1, 0, 2, 0, 3, 0, 4, 0])) }));\n`);
  const r = spawnSync(process.execPath, ["use.mjs"], { cwd: dir, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout);
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  expect(out).toEqual({ version: pkg.version, simd: true, X: [10, 0, -2, 2, -2, 0, -2, -2] });
  expect(existsSync(path.join(dir, "node_modules/samudra/dist/types/index.d.ts"))).toBe(true);
});

it("installed into an empty project: `npx samudra info`, `npx samudra nlse single_soliton` (bundled configs), `--version`, bad commands", () => {
  const info = spawnSync("npx", ["--no-install", "samudra", "info"], { cwd: dir, encoding: "utf8" });
  expect(info.status, info.stderr).toBe(0);
  expect(info.stdout).toMatch(/wasm:\s+simd \(f64x2\) build/);
  expect(info.stdout).toMatch(/self-check: ok/);
  const v = spawnSync("npx", ["--no-install", "samudra", "--version"], { cwd: dir, encoding: "utf8" });
  expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).version);
  const run = spawnSync("npx", ["--no-install", "samudra", "nlse", "single_soliton", "--legacy", "--format", "nc,json"], { cwd: dir, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);                     // the bundled configs ship in the package
  expect(run.stdout).toMatch(/\| single_soliton \| dop853 \| 23354 \|/);
  expect(existsSync(path.join(dir, "outputs/single_soliton_legacy.nc"))).toBe(true);
  const bad = spawnSync("npx", ["--no-install", "samudra", "frobnicate"], { cwd: dir, encoding: "utf8" });
  expect(bad.status).toBe(2);
  expect(bad.stderr).toMatch(/unknown command "frobnicate"; run `samudra --help`/);
});
