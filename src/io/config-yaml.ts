/**
 * YAML config files → prototype-free key/value objects with the line and source text of each value.
 * Contract: the top level is a mapping of names to scalars (a mapping or list value is kept as an empty object,
 * which no key's type accepts); duplicate keys, aliases to collections, non-name keys and built-in property names
 * are ConfigErrors. Reading is linear: a file made only of `name: scalar` lines, comments and blanks (every seed
 * and samudra file) is read by a line scanner that resolves scalars by the YAML 1.2 core schema exactly as the
 * `yaml` library does (test/config-fuzz.test.ts compares the two); anything else goes to the library, with its
 * quadratic duplicate-key check replaced by a Set.
 */
import { parseDocument, isAlias, isScalar, isMap, isSeq, LineCounter, type Node } from "yaml";
import { ConfigError, emptyObject, checkKeyName, quote, type ConfigObject, type ConfigValue } from "./config-text.js";

export interface YamlConfig { values: ConfigObject; lines: Record<string, number>; raw: Record<string, string>; warnings: string[] }

// The YAML 1.2 core schema's scalar tests (yaml/dist/schema/core, common/null), in the library's order.
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/, INT = /^[-+]?[0-9]+$/, INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar resolved as the core schema does. */
export function coreScalar(s: string): ConfigValue {
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === "t" || s[0] === "T";
  if (INT_OCT.test(s)) return parseInt(s.slice(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.slice(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === "nan" ? NaN : s[0] === "-" ? -Infinity : Infinity;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

// One line the scanner reads: a name (≤ 1001 characters: YAML caps implicit keys at 1024) at column 0, ": ", a plain scalar of safe characters or a quoted string
// without escapes, an optional " # comment". Comment and blank lines are skipped. Anything else: the library.
const PRINT = "\\t\\x20-\\x7e\\x85\\xa0-\\ud7ff\\ue000-\\ufffd\\u{10000}-\\u{10ffff}";   // YAML's printable set (c-printable)
const QUOTED = `"[${PRINT.replace("\\x20-\\x7e", "\\x20\\x21\\x23-\\x5b\\x5d-\\x7e")}]*"|'[${PRINT.replace("\\x20-\\x7e", "\\x20-\\x26\\x28-\\x7e")}]*'`;
const PAIR = new RegExp(`^([A-Za-z_][A-Za-z0-9_]{0,1000}): +((?:-[A-Za-z0-9_.+\\-/~]|[A-Za-z0-9_.+/~])[A-Za-z0-9_.+\\-/~]*|${QUOTED})(?: +#[${PRINT}]*)? *$`, "u");
const SKIP = new RegExp(`^ *(?:#[${PRINT}]*)?$`, "u");

/** The line scanner; null when the text is not made only of simple lines. */
export function fromYamlLines(text: string, name: string): YamlConfig | null {
  if (text.charCodeAt(0) === 0xfeff) return null;
  const values = emptyObject(), lines = emptyObject<number>(), raw = emptyObject<string>();
  let start = 0, n = 0;
  const found: Array<[string, string, number]> = [];
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    n++;
    let line = text.slice(start, end);
    start = end + 1;
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (line.includes("\r")) return null;
    if (SKIP.test(line)) continue;
    const m = PAIR.exec(line);
    if (!m || NULL.test(m[1]) || BOOL.test(m[1])) return null;
    found.push([m[1], m[2], n]);
  }
  for (const [key, v, line] of found) {
    const where = `${name} line ${line}`;
    checkKeyName(key, where);
    if (Object.hasOwn(values, key)) throw new ConfigError(`${where}: duplicate key "${key}" (first given on line ${lines[key]})`);
    values[key] = v[0] === '"' || v[0] === "'" ? v.slice(1, -1) : coreScalar(v);
    lines[key] = line;
    raw[key] = v;
  }
  return { values, lines, raw, warnings: [] };
}

/** Reads a YAML config: the line scanner when it applies, else the `yaml` library. */
export function fromYaml(text: string, name: string): YamlConfig {
  return fromYamlLines(text, name) ?? fromYamlLibrary(text, name);
}

/** A YAML mapping's pairs as prototype-free values, with lines and source text (the `yaml` library). */
export function fromYamlLibrary(text: string, name: string): YamlConfig {
  const lc = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { logLevel: "silent", uniqueKeys: false, lineCounter: lc, prettyErrors: false });
  } catch (e) {
    throw new ConfigError(`${name}: not valid YAML: ${String((e as Error)?.message ?? e).split("\n")[0]}`);
  }
  if (doc.errors.length) throw new ConfigError(`${name}: not valid YAML: ${doc.errors[0].message.split("\n")[0]}`);
  const warnings = doc.warnings.map((w) => `${name}: ${w.message.split("\n")[0]}`);
  const values = emptyObject(), lines = emptyObject<number>(), raw = emptyObject<string>();
  const top = doc.contents;
  if (top === null || (isScalar(top) && top.value === null)) return { values, lines, raw, warnings };
  if (!isMap(top)) throw new ConfigError(`${name}: the top level must be a mapping of key: value pairs`);
  const lineOf = (n: Node | null | undefined) => (n?.range ? lc.linePos(n.range[0]).line : 0);
  const src = (n: Node) => (n.range ? text.slice(n.range[0], n.range[1]).trim() : "");
  for (const pair of top.items) {
    const kn = pair.key as Node | null, line = lineOf(kn) || lineOf(pair.value as Node | null);
    const where = line ? `${name} line ${line}` : name;
    if (!isScalar(kn) || (kn.value !== null && typeof kn.value === "object")) throw new ConfigError(`${where}: keys must be plain names, got ${kn ? quote(src(kn)) : "an empty key"}`);
    const key = String(kn.value ?? "");
    checkKeyName(key, where);
    if (Object.hasOwn(values, key)) throw new ConfigError(`${where}: duplicate key "${key}" (first given on line ${lines[key]})`);
    let vn = pair.value as Node | null;
    if (isAlias(vn)) vn = (vn.resolve(doc) as Node | undefined) ?? null;
    if (vn === null) values[key] = null;
    else if (isScalar(vn)) values[key] = typeof vn.value === "bigint" ? Number(vn.value) : (vn.value as ConfigValue);
    else values[key] = emptyObject();                   // a mapping or list: refused by every key's type
    lines[key] = line;
    const v = pair.value as Node | null;
    raw[key] = v ? src(v) : "(empty)";
    if (isMap(vn) || isSeq(vn)) raw[key] = isMap(vn) ? "{…} (a mapping)" : "[…] (a list)";
  }
  return { values, lines, raw, warnings };
}

