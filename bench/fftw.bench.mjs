// FFTW comparison (issue 21): samudra's FFT against FFTW 3 (Debian `libfftw3-dev`) on this machine,
// FFTW once restricted to its SSE2 codelets ("SSE2-only": the 128-bit width of WASM SIMD) and once
// with everything the library and CPU offer ("AVX"). Prints ns per n·log2 n and the ratio table.
//
//   npm run bench:fftw            (needs a built dist/: node scripts/build.mjs; installs nothing)
//   BENCH_SIZES=256,1024 ROUNDS=7 BENCH_JSON=out.json npm run bench:fftw     (or: -- --json)
//
// Contract
// * C side: bench/fftw/fftw_bench.c, compiled with gcc -O3 into a temp dir, linked with -lfftw3,
//   run as two long-lived processes that plan every n once (FFTW_MEASURE; planning is not timed):
//   one with LD_PRELOAD=bench/fftw/no_avx.c (FFTW's have_simd_avx* checks return 0, so the planner
//   registers only the SSE2 codelets), one plain. Out-of-place forward c2c of n complex doubles and
//   r2c of n real doubles (n/2+1 bins).
// * samudra side: this Node process, public API on WASM-resident buffers (fft.plan(n): p.forward(
//   p.output, p.input); fft.realPlan(n): r.forward(r.spectrum, r.real)).
// * Timing: a batch repeats one transform for ≥ BATCH_MS (20 ms; repetitions calibrated once). Per
//   round, size and kind, FFTW SSE2-only, FFTW AVX and samudra run one batch each, alternating (the
//   order rotating), BATCHES (3) times; an implementation's value in the round is its minimum batch.
//   Reported over ROUNDS (5) rounds: the median (range in brackets); ratios are taken per round, then
//   their median.
// * Checks (failing any exits 1): the C harness checks FFTW against a naive DFT at start-up; every
//   SSE2-only plan (fftw_sprint_plan) must name no "_avx" codelet and that process must report
//   have_simd_avx() = 0; FFTW's output (both processes) must match samudra's within 1e-9 relative rms.
// * BENCH_WISDOM_DIR=dir keeps FFTW's wisdom between runs (fftw-sse2-only.wisdom, fftw-avx.wisdom):
//   reruns skip the ~1–2 min of FFTW_MEASURE planning and reuse the plans measured the first time.
// * Missing gcc, fftw3.h or libfftw3: prints how to install (apt-get install libfftw3-dev), exits 2.
// * --json prints a JSON document instead of the tables; BENCH_JSON=path writes it besides the tables.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const JSON_STDOUT = process.argv.includes("--json");
const log = (...a) => (JSON_STDOUT ? console.error : console.log)(...a);
const fail = (msg, code = 1) => { console.error(`bench:fftw: ${msg}`); process.exit(code); };

const DEFAULT_SIZES = [256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 1 << 20, 1000, 1536, 4095, 65521];
const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(",").map((s) => s.trim()).map((s) => (/^\d+$/.test(s) ? Number(s) : s)) : DEFAULT_SIZES;
for (const n of SIZES) if (!Number.isInteger(n) || n < 2 || n > 1 << 24) fail(`BENCH_SIZES: "${n}" is not an integer length 2…2^24; use e.g. BENCH_SIZES=256,1024,65521`);
const intEnv = (name, dflt, lo) => {
  const v = process.env[name] === undefined ? dflt : Number(process.env[name]);
  if (!Number.isInteger(v) || v < lo) fail(`${name}=${process.env[name]} must be an integer ≥ ${lo}`);
  return v;
};
const ROUNDS = intEnv("ROUNDS", 5, 1), BATCHES = intEnv("BATCHES", 3, 1), BATCH_MS = intEnv("BATCH_MS", 20, 1);
const KINDS = ["c2c", "r2c"];
const IMPLS = ["sse2", "avx", "samudra"];
const target = (n) => ((n & (n - 1)) === 0 && n >= 256 && n <= 65536) || [1000, 1536, 4095].includes(n) ? 1.1 : n === 65521 || n === 1 << 20 ? 1.3 : null;

// ---- build the C harness (nothing is installed: missing pieces are reported) ----
if (!existsSync(path.join(root, "dist/index.js"))) fail("dist/ is missing: build first with `node scripts/build.mjs` (or `npm run build`)");
const INSTALL = "FFTW 3 is needed for this benchmark: on Debian/Ubuntu run `apt-get install libfftw3-dev` (as root), then rerun `npm run bench:fftw`.";
const tmp = mkdtempSync(path.join(os.tmpdir(), "samudra-fftw-"));
const children = [];
process.on("exit", () => { for (const c of children) c.kill(); rmSync(tmp, { recursive: true, force: true }); });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(130)); // runs the exit hook above
const exe = path.join(tmp, "fftw_bench"), shim = path.join(tmp, "no_avx.so");
try {
  execFileSync("gcc", ["-O3", "-o", exe, path.join(root, "bench/fftw/fftw_bench.c"), "-lfftw3", "-lm"], { stdio: ["ignore", "pipe", "pipe"] });
  execFileSync("gcc", ["-O2", "-shared", "-fPIC", "-o", shim, path.join(root, "bench/fftw/no_avx.c")], { stdio: ["ignore", "pipe", "pipe"] });
} catch (e) {
  const why = e.code === "ENOENT" ? "gcc not found (apt-get install gcc)" : String(e.stderr ?? e.message).trim();
  const missing = e.code === "ENOENT" || /fftw3\.h|-lfftw3|cannot find/.test(why);
  fail(missing ? `${why}\n${INSTALL}` : `compiling bench/fftw/fftw_bench.c failed:\n${why}`, 2);
}

// ---- one long-lived FFTW process: a line in, a line out ----
function harness(name, env) {
  const child = spawn(exe, SIZES.map(String), { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
  children.push(child);
  let buf = "", stderr = "";
  const waiting = [];
  child.stdout.on("data", (d) => {
    buf += d;
    for (let i; (i = buf.indexOf("\n")) >= 0; buf = buf.slice(i + 1)) {
      const line = buf.slice(0, i), w = waiting.shift();
      if (!w) fail(`FFTW ${name}: unexpected output "${line}"`);
      if (line.startsWith("error")) fail(`FFTW ${name}: ${line}`);
      w(line);
    }
  });
  child.stderr.on("data", (d) => { stderr += d; });
  child.on("exit", (code) => { children.splice(children.indexOf(child), 1); if (code) fail(`FFTW ${name} harness exited with code ${code}: ${stderr.trim()}`); });
  const next = () => new Promise((resolve) => waiting.push(resolve));
  const ask = (cmd) => { const p = next(); child.stdin.write(`${cmd}\n`); return p; };
  return { name, ready: next(), ask, close: () => child.stdin.end("quit\n") };
}

log(`bench:fftw: planning ${SIZES.length} sizes × c2c/r2c with FFTW_MEASURE (SSE2-only, then AVX) …`);
const WISDOM_DIR = process.env.BENCH_WISDOM_DIR ? path.resolve(process.env.BENCH_WISDOM_DIR) : null;
if (WISDOM_DIR) mkdirSync(WISDOM_DIR, { recursive: true });
const wisdom = (file) => (WISDOM_DIR ? { FFTW_BENCH_WISDOM: path.join(WISDOM_DIR, file) } : {});
const sse2 = harness("SSE2-only", { LD_PRELOAD: [shim, process.env.LD_PRELOAD].filter(Boolean).join(":"), ...wisdom("fftw-sse2-only.wisdom") });
const planSse2 = Number((await sse2.ready).split(" ")[1]);
const avx = harness("AVX", wisdom("fftw-avx.wisdom"));
const planAvx = Number((await avx.ready).split(" ")[1]);
const fftwVersion = (await avx.ask("version")).slice(8);
const avxFlag = { sse2: Number((await sse2.ask("avx")).slice(4)), avx: Number((await avx.ask("avx")).slice(4)) };
if (avxFlag.sse2 !== 0) fail("the no-AVX shim did not take effect: have_simd_avx() = 1 under LD_PRELOAD");

// every plan of the SSE2-only process must be free of AVX codelets
const plans = { sse2: {}, avx: {} };
for (const [key, h] of [["sse2", sse2], ["avx", avx]]) {
  for (const n of SIZES) {
    plans[key][n] = {};
    for (const kind of KINDS) plans[key][n][kind] = (await h.ask(`plan ${n} ${kind}`)).slice(5).replace(/\s+/g, " ");
  }
}
const codelets = (s, suffix) => (s.match(new RegExp(`"[a-z0-9_]+_${suffix}"`, "g")) ?? []).length;
let sse2Simd = 0, avxSimd = 0;
for (const n of SIZES) for (const kind of KINDS) {
  if (codelets(plans.sse2[n][kind], "avx\\w*") > 0) fail(`SSE2-only plan for ${kind} n=${n} uses an AVX codelet: ${plans.sse2[n][kind]}`);
  if (codelets(plans.sse2[n][kind], "sse2") > 0) sse2Simd++;
  if (codelets(plans.avx[n][kind], "avx") > 0) avxSimd++;
}

// ---- samudra, and the output check against FFTW ----
const { init, fft } = await import("../dist/index.js");
const info = await init();
if (!info.simd) fail("this engine has no WASM SIMD; the comparison is for the SIMD build");

/** The harness's test signal (see bench/fftw/fftw_bench.c): mix32((j+1)·0x9E3779B1 ^ seed)/2^32 − 0.5. */
function signal(m, seed) {
  const x = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let h = (Math.imul(j + 1, 0x9e3779b1) ^ seed) >>> 0;
    h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b) >>> 0; h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35) >>> 0; h ^= h >>> 16;
    x[j] = (h >>> 0) / 4294967296 - 0.5;
  }
  return x;
}
const planned = new Map();
for (const n of SIZES) {
  const p = fft.plan(n), r = fft.realPlan(n);
  p.input.set(signal(2 * n, n)); r.real.set(signal(n, n));
  planned.set(n, { c2c: () => p.forward(p.output, p.input), r2c: () => r.forward(r.spectrum, r.real), out: { c2c: () => p.output, r2c: () => r.spectrum } });
}
let worstRms = 0;
for (const n of SIZES) for (const kind of KINDS) {
  const s = planned.get(n);
  s[kind]();
  const ours = s.out[kind]();
  for (const h of [sse2, avx]) {
    const file = path.join(tmp, `dump-${h.name}-${kind}-${n}.bin`);
    await h.ask(`dump ${n} ${kind} ${file}`);
    const b = readFileSync(file), theirs = new Float64Array(b.buffer, b.byteOffset, b.length / 8);
    if (theirs.length !== ours.length) fail(`${kind} n=${n}: FFTW ${h.name} wrote ${theirs.length} doubles, samudra has ${ours.length}`);
    let e = 0, ref = 0;
    for (let i = 0; i < ours.length; i++) { e += (ours[i] - theirs[i]) ** 2; ref += theirs[i] ** 2; }
    const rms = Math.sqrt(e / ref);
    if (!(rms <= 1e-9)) fail(`${kind} n=${n}: samudra and FFTW ${h.name} differ, relative rms ${rms.toExponential(2)} > 1e-9`);
    worstRms = Math.max(worstRms, rms);
    rmSync(file);
  }
}

// ---- timing: one batch = reps calls (reps calibrated once per implementation, size and kind) ----
let sink = 0;
function nodeBatch(fn, reps) {
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) fn();
  sink++;
  return ((performance.now() - t0) * 1e6) / reps; // ns per transform
}
function nodeCalib(fn) {
  for (let reps = 1; ; reps *= 2) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) fn();
    const dt = performance.now() - t0;
    if (dt >= BATCH_MS / 4) return Math.ceil((reps * BATCH_MS) / dt);
  }
}
// warm-up: let every samudra kernel tier up before anything is timed
for (const n of SIZES.filter((m) => m <= 65536)) for (const kind of KINDS) { const f = planned.get(n)[kind], t0 = performance.now(); while (performance.now() - t0 < 30) f(); }

const proc = { sse2, avx };
const reps = {};
for (const n of SIZES) for (const kind of KINDS) {
  const key = `${n} ${kind}`;
  reps[key] = { samudra: nodeCalib(planned.get(n)[kind]) };
  for (const impl of ["sse2", "avx"]) reps[key][impl] = Number((await proc[impl].ask(`calib ${key} ${BATCH_MS}`)).slice(6));
}
const nlog = (n) => n * Math.log2(n);
const raw = {}; // raw[kind][n][impl] = ns per n·log2 n, each round's minimum
for (const kind of KINDS) { raw[kind] = {}; for (const n of SIZES) raw[kind][n] = { sse2: [], avx: [], samudra: [] }; }
const t0 = performance.now();
for (let round = 0; round < ROUNDS; round++) {
  log(`bench:fftw: round ${round + 1}/${ROUNDS} …`);
  for (const n of SIZES) for (const kind of KINDS) {
    const key = `${n} ${kind}`, best = { sse2: Infinity, avx: Infinity, samudra: Infinity };
    for (let b = 0; b < BATCHES; b++) {
      for (let k = 0; k < IMPLS.length; k++) { // one batch each, alternating, the order rotating
        const impl = IMPLS[(k + round + b) % IMPLS.length], r = reps[key][impl];
        const ns = impl === "samudra" ? nodeBatch(planned.get(n)[kind], r) : Number((await proc[impl].ask(`batch ${key} ${r}`)).slice(6));
        best[impl] = Math.min(best[impl], ns);
      }
    }
    for (const impl of IMPLS) raw[kind][n][impl].push(best[impl] / nlog(n));
  }
}
const seconds = (performance.now() - t0) / 1000;
sse2.close(); avx.close();

// ---- statistics and output ----
const median = (a) => { const s = [...a].sort((x, y) => x - y), m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const stat = (a) => ({ median: median(a), min: Math.min(...a), max: Math.max(...a) });
const cpuinfo = existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "";
const flags = (cpuinfo.match(/^flags\s*:(.*)$/m)?.[1] ?? "").trim().split(/\s+/);
let head = "?";
try { head = execFileSync("git", ["-C", root, "rev-parse", "--short", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim(); } catch { /* not a git checkout */ }
const distBuilt = statSync(path.join(root, "dist/index.js")).mtime.toISOString();
const result = {
  date: new Date().toISOString(), gitHead: head, distBuilt, node: process.versions.node, cpu: os.cpus()[0]?.model ?? "?", cores: os.cpus().length,
  cpuFlags: Object.fromEntries(["sse2", "avx", "avx2", "fma", "avx512f"].map((f) => [f, cpuinfo ? flags.includes(f) : null])),
  fftw: fftwVersion, haveSimdAvx: avxFlag, planSeconds: { sse2: planSse2, avx: planAvx }, timingSeconds: seconds,
  rounds: ROUNDS, batches: BATCHES, batchMs: BATCH_MS, unit: "ns per n·log2 n", worstRelativeRms: worstRms,
  plansWithSimdCodelets: { sse2: sse2Simd, avx: avxSimd, of: SIZES.length * KINDS.length },
  results: [], plans,
};
for (const kind of KINDS) for (const n of SIZES) {
  const r = raw[kind][n], ratio = (peer) => r.samudra.map((v, i) => v / r[peer][i]);
  const t = target(n), toSse2 = stat(ratio("sse2"));
  result.results.push({ kind, n, samudra: stat(r.samudra), sse2: stat(r.sse2), avx: stat(r.avx), samudraOverSse2: toSse2, samudraOverAvx: stat(ratio("avx")), target: t, met: t === null ? null : toSse2.median <= t });
}
if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, `${JSON.stringify(result, null, 2)}\n`);
if (JSON_STDOUT) { console.log(JSON.stringify(result, null, 2)); process.exit(0); }

const f3 = (s) => `${s.median.toFixed(3)} (${s.min.toFixed(3)}–${s.max.toFixed(3)})`;
const f2 = (s) => `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
const yesNo = (b) => (b ? "yes" : "no");
console.log(`\nFFTW comparison — ${result.date.slice(0, 10)}, Node ${result.node}, ${result.cpu}, ${result.cores} cores, ` +
  `CPU flags avx ${yesNo(result.cpuFlags.avx)} / avx2 ${yesNo(result.cpuFlags.avx2)} / avx512f ${yesNo(result.cpuFlags.avx512f)}; ${fftwVersion}`);
console.log(`samudra: dist/ built ${distBuilt.slice(0, 16).replace("T", " ")} UTC, repository HEAD ${head}.`);
console.log(`FFTW_MEASURE planning ${planSse2.toFixed(1)} s (SSE2-only) + ${planAvx.toFixed(1)} s (AVX), not timed. ${ROUNDS} rounds × ${BATCHES} batches ≥ ${BATCH_MS} ms, ${seconds.toFixed(0)} s of timing.`);
console.log(`SSE2-only: have_simd_avx() = ${avxFlag.sse2}, no "_avx" codelet in any plan; ${sse2Simd}/${SIZES.length * KINDS.length} plans use *_sse2 codelets. ` +
  `AVX: have_simd_avx() = ${avxFlag.avx}, ${avxSimd}/${SIZES.length * KINDS.length} plans use *_avx codelets. samudra = FFTW within ${worstRms.toExponential(1)} relative rms.`);
for (const kind of KINDS) {
  console.log(`\n${kind === "c2c" ? "Complex forward (c2c, out of place)" : "Real forward (r2c, n/2+1 bins)"}: ns per n·log2 n, median over rounds of each round's minimum (range); ratio > 1 = samudra slower.\n`);
  console.log("| n | samudra ns | FFTW SSE2 ns | FFTW AVX ns | samudra/SSE2 | samudra/AVX | target (vs SSE2) |");
  console.log("|---:|---:|---:|---:|---:|---:|---|");
  for (const r of result.results.filter((x) => x.kind === kind)) {
    const tgt = r.target === null ? "—" : `≤ ${r.target}×: ${r.met ? "met" : "**not met**"}`;
    console.log(`| ${r.n === 1 << 20 ? "2^20" : r.n} | ${f3(r.samudra)} | ${f3(r.sse2)} | ${f3(r.avx)} | ${f2(r.samudraOverSse2)} | ${f2(r.samudraOverAvx)} | ${tgt} |`);
  }
}
const c2c = result.results.filter((r) => r.kind === "c2c" && r.target !== null);
console.log(`\nIssue 21 targets (c2c vs FFTW SSE2-only): ${c2c.filter((r) => r.met).length}/${c2c.length} met${c2c.some((r) => !r.met) ? `; not met at n = ${c2c.filter((r) => !r.met).map((r) => r.n).join(", ")}` : ""}.`);
if (sink < 0) console.log(sink);
