/**
 * Command-line flags of `samudra`: one table per command, one parser. Contract:
 *   - `--name value`, `--name=value`, `-x value`, `-xVALUE`, clusters of boolean short flags (`-qh`), `--` ends flags;
 *   - a value may start with "-" when it is a number (`--dt -1` gives dt "-1", which the command then refuses);
 *   - `multiple` flags (`--set`) collect every occurrence; other string flags keep the last one;
 *   - an unknown flag, a missing value or a value given to a boolean flag is a UsageError naming the flag and
 *     the fix ("did you mean --dt?", "--seed is an option of samudra school", "use --set t_final=…").
 */
import { closestName, editDistance } from "../validate.js";
import { UsageError } from "./run-args.js";

export interface FlagSpec { type: "boolean" | "string"; short?: string; multiple?: boolean; value?: string }
export type FlagSpecs = Record<string, FlagSpec>;
export type FlagValues = Record<string, string | boolean | string[] | undefined>;

const COMMON: FlagSpecs = { help: { type: "boolean", short: "h" }, version: { type: "boolean", short: "v" }, scalar: { type: "boolean" }, quiet: { type: "boolean", short: "q" } };
const RUN: FlagSpecs = {
  all: { type: "boolean" }, json: { type: "boolean" }, config: { type: "string", short: "c", value: "FILE" }, "output-dir": { type: "string", short: "o", value: "DIR" },
  format: { type: "string", value: "LIST" }, set: { type: "string", multiple: true, value: "KEY=VALUE" },
};
/** Each command's flags. */
export const COMMAND_FLAGS: Record<string, FlagSpecs> = {
  "": COMMON,
  nlse: { ...COMMON, ...RUN, legacy: { type: "boolean" }, method: { type: "string", value: "NAME" }, dt: { type: "string", value: "DT" } },
  kg: { ...COMMON, ...RUN, legacy: { type: "boolean" }, method: { type: "string", value: "NAME" }, dt: { type: "string", value: "DT" } },
  school: { ...COMMON, ...RUN, "no-entropy": { type: "boolean" }, "save-interval": { type: "string", value: "N" }, seed: { type: "string", value: "N" }, mode: { type: "string", value: "M" }, boundary: { type: "string", value: "B" } },
  inspect: { help: COMMON.help, version: COMMON.version },
  info: COMMON,
};
/** Flags of another command that users reach for, with the way to say it here. */
const HINTS: Record<string, Record<string, string>> = {
  school: { legacy: "use --mode legacy|couzin2002", method: "use --mode legacy|couzin2002", dt: "use --set dt=VALUE" },
};

const NUMBER = /^-(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^-(inf|infinity|nan)$/i;
const isFlag = (t: string) => t.length > 1 && t.startsWith("-") && !NUMBER.test(t);

/** The command word: the first argument that is neither a flag nor the value of a known string flag. */
export function findCommand(argv: string[]): string {
  const all: FlagSpecs = Object.assign({}, ...Object.values(COMMAND_FLAGS));
  for (let i = 0; i < argv.length; i++) {
    const t = argv[i];
    if (t === "--") return argv[i + 1] ?? "";
    if (!isFlag(t)) return t;
    if (t.startsWith("--")) { if (!t.includes("=") && all[t.slice(2)]?.type === "string") i++; continue; }
    const s = Object.values(all).find((f) => f.short === t[1]);
    if (t.length === 2 && s?.type === "string") i++;
  }
  return "";
}

function unknownFlag(command: string, flag: string, specs: FlagSpecs, configKeys: string[]): string {
  const name = flag.replace(/^-+/, "").split("=")[0];
  const cmd = command ? `samudra ${command}` : "samudra";
  const hint = HINTS[command]?.[name];
  if (hint) return `${flag} is not a ${command} option; ${hint}`;
  // a unique prefix (--meth → --method) is what people type most; then the nearest by edit distance
  const prefixed = name.length >= 2 ? Object.keys(specs).filter((k) => k.startsWith(name.toLowerCase())) : [];
  if (prefixed.length === 1) return `unknown option ${flag} for ${cmd} — did you mean --${prefixed[0]}?`;
  const near = closestName(name, Object.keys(specs));
  if (near && name.length <= 64 && editDistance(name.toLowerCase(), near) <= Math.max(1, Math.floor(name.length / 3))) return `unknown option ${flag} for ${cmd} — did you mean --${near}?`;
  const snake = name.replace(/-/g, "_").replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
  if (configKeys.includes(snake) && specs.set) return `unknown option ${flag} for ${cmd}; to set the config key ${snake}, use --set ${snake}=VALUE`;
  const other = Object.keys(COMMAND_FLAGS).find((c) => c && c !== command && COMMAND_FLAGS[c][name]);
  if (other) return `${flag} is an option of \`samudra ${other}\`, not of ${cmd}`;
  return `unknown option ${flag} for ${cmd}; the options are ${Object.entries(specs).map(([k, f]) => `--${k}${f.short ? `/-${f.short}` : ""}`).join(", ")}`;
}

/**
 * Parses `argv` with `command`'s flags. `configKeys` (the model's config keys) turn `--t-final` into a
 * "use --set t_final=VALUE" hint. Throws UsageError.
 */
export function parseFlags(argv: string[], command: string, configKeys: string[] = []): { values: FlagValues; positionals: string[] } {
  const specs = COMMAND_FLAGS[command] ?? COMMON;
  const values: FlagValues = Object.create(null) as FlagValues;
  const positionals: string[] = [];
  const put = (name: string, v: string | boolean) => {
    const f = specs[name];
    if (f.multiple) (values[name] = (values[name] as string[] | undefined) ?? []).push(v as string);
    else values[name] = v;
  };
  const take = (name: string, i: number, shown: string): string => {
    const v = argv[i];
    if (v === undefined || isFlag(v)) throw new UsageError(`${shown} needs a value: ${shown} ${specs[name].value ?? "VALUE"}${v !== undefined ? ` (got the flag ${v})` : ""}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const t = argv[i];
    if (t === "--") { positionals.push(...argv.slice(i + 1)); break; }
    if (!isFlag(t)) { positionals.push(t); continue; }
    if (t.startsWith("--")) {
      const eq = t.indexOf("="), name = t.slice(2, eq < 0 ? undefined : eq);
      const f = Object.hasOwn(specs, name) ? specs[name] : undefined;
      if (!f) throw new UsageError(unknownFlag(command, t.slice(0, eq < 0 ? undefined : eq), specs, configKeys));
      if (f.type === "boolean") {
        if (eq >= 0) throw new UsageError(`--${name} takes no value (got ${JSON.stringify(t)}); write --${name} alone`);
        put(name, true);
      } else put(name, eq >= 0 ? t.slice(eq + 1) : take(name, ++i, `--${name}`));
      continue;
    }
    for (let j = 1; j < t.length; j++) {                 // short flags, possibly clustered
      const entry = Object.entries(specs).find(([, f]) => f.short === t[j]);
      if (!entry) throw new UsageError(unknownFlag(command, `-${t[j]}`, specs, configKeys));
      const [name, f] = entry;
      if (f.type === "boolean") { put(name, true); continue; }
      put(name, j + 1 < t.length ? t.slice(j + 1).replace(/^=/, "") : take(name, ++i, `-${t[j]}`));
      break;
    }
  }
  return { values, positionals };
}
