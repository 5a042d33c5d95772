// Fuzz of readConfig with a fixed seed: 12 000 inputs — mutations of the real config files (configs/nlse and the
// seeds' files, in their own format and re-read as the other formats) and generated lines with odd names, numbers,
// unicode, deep YAML, aliases, tags and huge lines. Every input either parses or throws ConfigError; nothing
// reaches Object.prototype; each input takes < 250 ms. Where the YAML line scanner applies, it agrees with the
// `yaml` library exactly (values, source text, lines, or the same error).
import { it, expect } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { io } from "../src/index.js";
import { fromYamlLines, fromYamlLibrary } from "../src/io/config-yaml.js";

type Seed = "nlse" | "kg" | "school";
type Fmt = "txt" | "yaml" | "json";

let state = 0x5eed1234;                                   // mulberry32: fixed seed, same inputs on every run
const rand = () => { state = (state + 0x6d2b79f5) | 0; let t = Math.imul(state ^ (state >>> 15), 1 | state); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(a: readonly T[]): T => a[int(a.length)];

const corpus: Array<{ text: string; seed: Seed; format: Fmt }> = [];
const add = (dir: URL, seed: Seed) => {
  for (const f of readdirSync(dir)) {
    const format = f.endsWith(".txt") ? "txt" : f.endsWith(".json") ? "json" : /\.ya?ml$/.test(f) ? "yaml" : null;
    if (format) corpus.push({ text: readFileSync(new URL(f, dir), "utf8"), seed, format });
  }
};
const fx = new URL("./fixtures/seed-configs/", import.meta.url);
add(new URL("../configs/nlse/", import.meta.url), "nlse");
add(new URL("nlse/txt/", fx), "nlse"); add(new URL("nlse/yaml/", fx), "nlse");
add(new URL("klein-gordon/", fx), "kg"); add(new URL("klein-gordon/variants/", fx), "kg");
add(new URL("schooling/", fx), "school");
for (const c of corpus.slice()) {                        // each file also as JSON
  corpus.push({ text: JSON.stringify(io.readConfig(c.text, { seed: c.seed, format: c.format }).values, null, 1), seed: c.seed, format: "json" });
}

const NAMES = ["__proto__", "constructor", "toString", "valueOf", "prototype", "hasOwnProperty", "__defineGetter__", "t_final", "num_points", "nx", "n_fish",
  "case", "method", "max_steps", "torus_radius", "legacy", "a.b", "__proto__.legacy", "x.__proto__.y", ".", "a..b", "", " ", "ΔT", "t_final\u200b", "𝔞", "\u0000", "k".repeat(5000), "A1", "1", "null", "true", "<<", "-", "? x", "'q'", "\"q\""];
const VALUES = ["1", "-1", "0", "-0", "1e400", "-1e400", "1e-400", "inf", "-inf", "Infinity", "nan", "NaN", ".inf", "-.Inf", ".nan", "0x10", "0o17", "1_000", "+5", "5.", ".5", "1e5", "1E5",
  "true", "TRUE", "yes", "none", "None", "null", "~", "", "\"\"", "''", "\"a\\u0000b\"", "'it''s'", "peregrine", "kahanli6", "DOP853", "[1, 2]", "{a: 1}", "*a", "&a 1", "!!str 5",
  "!!binary aGk=", "!!js/function f", "|\n  block\n  text", ">\n folded", "\"unterminated", "9".repeat(400), "x".repeat(100_000), "💥", "\u202e", "\ud800", "\r", "#", "a # b", "=", "==", "1 = 2"];
const deep = (n: number) => pick([`a: ${"[".repeat(n)}${"]".repeat(n)}`, `a: ${"{b: ".repeat(n)}1${"}".repeat(n)}`, Array.from({ length: n }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n"), `a: &x [1]\nb: *x\nc: *x`, Array.from({ length: n }, () => "- ").join("")]);

function generated(format: Fmt): string {
  const n = int(12);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = pick(NAMES), v = pick(VALUES);
    lines.push(format === "txt" ? `${k} = ${v}` : format === "yaml" ? `${k}: ${v}` : `${JSON.stringify(k)}: ${rand() < 0.5 ? JSON.stringify(v) : v}`);
  }
  if (format === "json") return rand() < 0.1 ? `[${lines.join(",")}]` : `{${lines.join(",")}}`;
  if (rand() < 0.05) lines.push(deep(1 + int(3000)));
  if (rand() < 0.03) lines.unshift("\ufeff---");
  return lines.join(pick(["\n", "\r\n", "\n\n"]));
}

function mutate(text: string): string {
  const lines = text.split("\n");
  for (let m = 1 + int(4); m > 0; m--) {
    const i = int(lines.length + 1);
    switch (int(8)) {
      case 0: lines.splice(i, 1); break;
      case 1: lines.splice(i, 0, `${pick(NAMES)}${pick([" = ", ": ", "=", ":", " "])}${pick(VALUES)}`); break;
      case 2: if (lines[i]) lines[i] = lines[i].replace(/([=:]\s*).*/, `$1${pick(VALUES)}`); break;
      case 3: if (lines[i]) lines[i] = lines[i].replace(/^[^=:]*/, pick(NAMES)); break;
      case 4: { const s = lines.join("\n"), p = int(s.length + 1); return s.slice(0, p) + String.fromCharCode(int(0x3000)) + s.slice(p + int(3)); }
      case 5: lines.splice(i, 0, lines[int(lines.length)] ?? ""); break;
      case 6: if (lines[i]) lines[i] = " ".repeat(1 + int(4)) + lines[i]; break;
      default: lines.push(deep(1 + int(500)));
    }
  }
  return lines.join("\n");
}

it("readConfig: 12 000 fuzzed inputs, only ConfigError, bounded time, line scanner = yaml library", () => {
  const formats: Fmt[] = ["txt", "yaml", "json"];
  const failures: string[] = [];
  let slowest = 0, parsed = 0, scanned = 0;
  const t0 = performance.now();
  for (let i = 0; i < 12_000; i++) {
    let text: string, seed: Seed, format: Fmt;
    if (rand() < 0.6) {
      const c = pick(corpus);
      text = mutate(c.text); seed = c.seed; format = rand() < 0.85 ? c.format : pick(formats);
    } else {
      seed = pick(["nlse", "kg", "school"] as const); format = pick(formats); text = generated(format);
    }
    const t = performance.now();
    try {
      io.readConfig(text, { seed, format, name: `in.${format}` });
      parsed++;
    } catch (e) {
      if (!(e instanceof io.ConfigError)) failures.push(`${(e as Error)?.name}: ${(e as Error)?.message?.slice(0, 200)} ← ${JSON.stringify(text.slice(0, 200))}`);
    }
    if (format === "yaml") {
      const outcome = (f: () => unknown) => { try { return JSON.stringify(f(), (_, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v)); } catch (e) { return `${(e as Error).name}: ${(e as Error).message}`; } };
      const fast = outcome(() => fromYamlLines(text, "in.yaml"));
      if (fast !== "null") {
        scanned++;
        const lib = outcome(() => ({ ...fromYamlLibrary(text, "in.yaml"), warnings: [] }));
        if (fast !== lib) failures.push(`line scanner ${fast.slice(0, 200)} ≠ yaml ${lib.slice(0, 200)} ← ${JSON.stringify(text.slice(0, 200))}`);
      }
    }
    slowest = Math.max(slowest, performance.now() - t);
    if (Object.keys(Object.prototype).length || ({} as Record<string, unknown>).legacy !== undefined) failures.push(`Object.prototype changed by ${JSON.stringify(text.slice(0, 200))}`);
  }
  expect(failures.slice(0, 5)).toEqual([]);
  expect(slowest).toBeLessThan(250);
  expect(parsed).toBeGreaterThan(500);                     // the mutations keep many inputs valid
  expect(scanned).toBeGreaterThan(500);                    // and the line scanner is exercised
  expect(performance.now() - t0).toBeLessThan(50_000);
}, 60_000);
