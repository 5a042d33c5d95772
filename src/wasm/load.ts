/**
 * The one loader for every runtime. `init()` instantiates the SIMD or scalar build once; after it
 * resolves the whole API is synchronous. Sources of the binary, in order of precedence:
 *   init({ module })  a precompiled WebAssembly.Module (Cloudflare Workers forbid compiling bytes)
 *   init({ bytes })   the .wasm bytes (BufferSource)
 *   init()            the entry point's default: inlined base64 (Node, Deno, Bun, browsers,
 *                     bundlers) or, in the `workerd`/`worker` build, the .wasm files imported as modules.
 * SIMD is chosen when WebAssembly.validate accepts a one-instruction SIMD probe; `simd: false`
 * forces the scalar build.
 */
import { REQUIRED_EXPORTS, type Kernel } from "./kernel.js";
import { odeRhsJs, odeEventJs } from "./callbacks.js";
import { describe, checkOptions } from "../validate.js";

/**
 * Options of `init()`: at most one of `module` and `bytes`; unknown keys are a `RangeError` with a did-you-mean,
 * and asking for SIMD on an engine without it is an error.
 */
export interface InitOptions {
  /** Force the SIMD (true) or scalar (false) build. Default: SIMD when the engine supports it. */
  simd?: boolean;
  /** A precompiled samudra module (either build). Required on Cloudflare Workers unless the `workerd` export is used. */
  module?: WebAssembly.Module;
  /** The bytes of a samudra .wasm file (either build). */
  bytes?: BufferSource;
}

/** What `init()` instantiated. */
export interface RuntimeInfo {
  /** True when the SIMD (f64x2) build is running. */
  simd: boolean;
  /** Where the binary came from. */
  source: "inline" | "module" | "bytes" | "imported-module";
  /** True when the engine validates WASM SIMD at all. */
  simdSupported: boolean;
}

/** Supplies the default binaries of an entry point. */
export interface DefaultSource {
  kind: "inline" | "imported-module";
  load(simd: boolean): Promise<WebAssembly.Module | BufferSource>;
}

// (module (func (result v128) i32.const 0 i8x16.splat i8x16.popcnt)) — the wasm-feature-detect probe
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

/**
 * True when this engine accepts WASM SIMD (false e.g. in iOS Lockdown mode).
 *
 * @example
 * import { simdSupported } from "samudra";
 * simdSupported();   // true on Node ≥ 20, Deno, current browsers
 */
export function simdSupported(): boolean {
  try {
    return WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

let K: Kernel | null = null;
let info: RuntimeInfo | null = null;
let generation = 0;
const resetHooks: Array<() => void> = [];

/** The live kernel; throws a helpful error before init(). */
export function kernel(): Kernel {
  if (K === null) throw new Error("samudra is not initialised: call `await init()` once before using the API");
  return K;
}

/** Increments on every successful init(); objects remember theirs to detect stale use. */
export function currentGeneration(): number {
  return generation;
}

/** Registers a callback run whenever init() replaces the instance (caches use it). */
export function onReset(hook: () => void): void {
  resetHooks.push(hook);
}

/**
 * What the last init() loaded, or null before init().
 *
 * @example
 * import { init, runtimeInfo } from "samudra";
 * runtimeInfo();   // null before init()
 * await init();
 * runtimeInfo()?.simd;   // true where SIMD is supported
 */
export function runtimeInfo(): RuntimeInfo | null {
  return info;
}

function readAsString(mem: WebAssembly.Memory, ptr: number): string {
  ptr >>>= 0;
  if (!ptr) return "";
  const bytes = new Uint32Array(mem.buffer, ptr - 4, 1)[0];
  const u16 = new Uint16Array(mem.buffer, ptr, bytes >>> 1);
  let s = "";
  for (let i = 0; i < u16.length; i += 4096) s += String.fromCharCode(...u16.subarray(i, i + 4096));
  return s;
}

/**
 * Exports that return a pointer (`usize`). WASM has no unsigned i32 in the JS API: an address ≥ 2 GiB comes back
 * negative, so these are wrapped with `>>> 0` once here and every caller sees byte offsets in [0, 4 GiB).
 * (Pointers passed *into* exports need nothing: JS → i32 wraps modulo 2³².) test/lifecycle.test.ts checks this
 * list against the `): usize` exports of assembly/.
 */
export const POINTER_EXPORTS = [
  "alloc", "fftPlanCreate", "fftPlanCreateWith", "fftPlanInput", "fftPlanOutput", "rfftPlanCreate", "rfftPlanReal", "rfftPlanSpectrum",
  "odeCreate", "odeYPtr", "odeYOldPtr", "odeAtolPtr", "odeRtolVector", "odeParamsPtr", "odeCbYPtr", "odeCbDyPtr", "odeFPtr", "odeOutPtr",
  "odeRecCreate", "odeRecTEvalPtr", "odeRecT", "odeRecY", "odeEvCreate", "odeEvG", "odeEvDir", "odeEvMax",
  "odeTableau", "nlseCreate", "nlseK", "nlseSigma", "splitCreate", "etdCreate", "kgCreate", "kgSplitCreate",
  "gridCreate", "schoolCreate", "schoolPositions", "schoolVelocities",
] as const;

function unsignedPointers(ex: Kernel): Kernel {
  const k: Record<string, unknown> = { ...(ex as unknown as Record<string, unknown>) };
  for (const name of POINTER_EXPORTS) {
    const f = k[name];
    if (typeof f !== "function") continue;
    const g = f as (...a: number[]) => number;
    // kgCreate takes 7 arguments; surplus ones are ignored by WASM functions
    k[name] = (a: number, b: number, c: number, d: number, e: number, f: number, h: number, i: number) => g(a, b, c, d, e, f, h, i) >>> 0;
  }
  return k as unknown as Kernel;
}

/** Shared implementation of init(); entry points pass their default binary source. */
export async function initWith(defaults: DefaultSource, options: InitOptions = {}): Promise<RuntimeInfo> {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`init(options): options must be an object like { simd: false }, got ${describe(options)}`);
  }
  checkOptions("init(options)", options, ["simd", "module", "bytes"]);
  const { module, bytes } = options;
  if (module !== undefined && bytes !== undefined) {
    throw new Error("init(options): give either `module` or `bytes`, not both");
  }
  if (module !== undefined && !(module instanceof WebAssembly.Module)) {
    throw new TypeError("init({ module }): `module` must be a WebAssembly.Module (e.g. `import mod from \"samudra/simd.wasm\"`)");
  }
  if (options.simd !== undefined && typeof options.simd !== "boolean") {
    throw new TypeError(`init({ simd }): simd must be true or false, got ${describe(options.simd)}`);
  }
  if (bytes !== undefined && !(bytes instanceof ArrayBuffer || ArrayBuffer.isView(bytes))) {
    throw new TypeError(`init({ bytes }): bytes must be an ArrayBuffer or a typed array holding a samudra .wasm file, got ${describe(bytes)}; e.g. init({ bytes: await readFile("node_modules/samudra/dist/simd.wasm") })`);
  }
  const supported = simdSupported();
  if (options.simd === true && !supported && module === undefined && bytes === undefined) {
    throw new Error("init({ simd: true }): this engine does not support WebAssembly SIMD; omit `simd` to fall back to the scalar build");
  }
  const wantSimd = options.simd ?? supported;
  let source: RuntimeInfo["source"];
  let binary: WebAssembly.Module | BufferSource;
  if (module !== undefined) { binary = module; source = "module"; }
  else if (bytes !== undefined) { binary = bytes; source = "bytes"; }
  else { binary = await defaults.load(wantSimd); source = defaults.kind; }

  let memory: WebAssembly.Memory | null = null;
  const imports = {
    env: {
      abort(msgPtr: number, filePtr: number, line: number, col: number): never {
        const msg = memory ? readAsString(memory, msgPtr) : "(no memory)";
        const file = memory ? readAsString(memory, filePtr) : "?";
        throw new Error(`samudra wasm abort: ${msg} (${file}:${line}:${col})`);
      },
      odeRhsJs,
      odeEventJs,
    },
  };
  let instance: WebAssembly.Instance;
  try {
    if (binary instanceof WebAssembly.Module) {
      instance = await WebAssembly.instantiate(binary, imports);
    } else {
      instance = (await WebAssembly.instantiate(binary, imports)).instance;
    }
  } catch (e) {
    // the engine's CompileError/LinkError names neither the option nor the fix
    if (source !== "bytes" && source !== "module") throw e;
    const what = source === "bytes" ? "bytes are not a WebAssembly module of samudra" : "module is not a samudra build";
    throw new Error(`init({ ${source} }): the given ${what} (${(e as Error).name}: ${(e as Error).message}); pass the contents of samudra's dist/simd.wasm or dist/scalar.wasm (or its compiled WebAssembly.Module), or call init() without it`, { cause: e });
  }
  const ex = instance.exports as unknown as Kernel;
  for (const name of REQUIRED_EXPORTS) {
    if (!(name in ex)) throw new Error(`init(): the given WebAssembly module is not a samudra build (missing export "${name}")`);
  }
  memory = ex.memory;
  K = unsignedPointers(ex);
  generation++;
  const simd = (ex.SIMD.value as number) === 1;
  info = { simd, source, simdSupported: supported };
  for (const hook of resetHooks) hook();
  return info;
}
