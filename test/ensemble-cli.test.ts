// `samudra sweep` and `samudra worker` through the built CLI (dist/cli.js): the output set (nc, csv, summary figure,
// log) equals the library's result bit for bit; a member with bad options is named on stderr and in the files (exit
// 1, the other members written); usage and spec errors exit 2 with the fix; bullmq through a `samudra worker`
// process and a private redis-server gives the same NetCDF bytes as the threads executor, and a second run resumes.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { spawnSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { init, io } from "../src/index.js";
import { run, parseSpec, toNetCDF, toCSV } from "../src/ensemble/index.js";
import { startRedis, type RedisServer } from "./helpers/redis.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cli = path.join(root, "dist/cli.js");
let dir = "";
const SPEC = `name: tiny_kg
model: kg
base: { case: kink_antikink, method: yoshida4, nx: 256, xMin: -40, xMax: 40, dt: 0.04, tFinal: 60, nFrames: 120 }
grid: { velocity: [0.2, 0.25, 0.3] }
`;
const samudra = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: "utf8", timeout: 120_000 });

beforeAll(async () => {
  await init();
  dir = mkdtempSync(path.join(tmpdir(), "samudra-sweep-cli-"));
  writeFileSync(path.join(dir, "tiny.yaml"), SPEC);
});
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

describe("samudra sweep", () => {
  it("writes <name>.nc, .csv, _summary.png/.svg and .log; the NetCDF and CSV equal the library's, bit for bit", async () => {
    const r = samudra("sweep", "tiny.yaml", "-o", "out", "--concurrency", "2");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/tiny_kg: 3 members \(kg\)/);
    expect(readdirSync(path.join(dir, "out")).sort()).toEqual(["tiny_kg.csv", "tiny_kg.log", "tiny_kg.nc", "tiny_kg_summary.png", "tiny_kg_summary.svg"]);
    const ref = await run(parseSpec(SPEC), { executor: "serial" });
    expect(Buffer.from(readFileSync(path.join(dir, "out/tiny_kg.nc"))).equals(Buffer.from(toNetCDF(ref)))).toBe(true);
    expect(readFileSync(path.join(dir, "out/tiny_kg.csv"), "utf8")).toBe(toCSV(ref));
    expect(readFileSync(path.join(dir, "out/tiny_kg_summary.png")).subarray(1, 4).toString()).toBe("PNG");
    expect(readFileSync(path.join(dir, "out/tiny_kg.log"), "utf8")).toMatch(/members = 3, failed = 0/);
  });

  it("a member with bad options: exit 1, named on stderr, in the CSV and the NetCDF; the other members are written", () => {
    writeFileSync(path.join(dir, "bad.yaml"), SPEC.replace("name: tiny_kg", "name: one_bad").replace("grid: { velocity: [0.2, 0.25, 0.3] }", "list: [{ velocity: 0.3 }, { velocity: 1.2 }, { velocity: 0.25 }]"));
    const r = samudra("sweep", "bad.yaml", "-o", "out", "--executor", "serial");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/1 of 3 members did not complete:\n {2}member 1 \(failed\): .*velocity must satisfy \|u\| < 1, got 1.2/);
    const csv = readFileSync(path.join(dir, "out/one_bad.csv"), "utf8").trim().split("\n");
    expect(csv[2]).toMatch(/^1,1,0,failed,.*velocity must satisfy/);
    expect(csv[1]).toMatch(/^0,0,0,ok,1,/);
    const nc = io.readNetCDF(readFileSync(path.join(dir, "out/one_bad.nc")));
    expect(Array.from(nc.read("member_status") as ArrayLike<number>)).toEqual([0, 2, 0]);
    expect(String(nc.attrs.member_messages)).toMatch(/member 1 \(failed\): .*velocity must satisfy/);
  });

  it("usage and spec errors exit 2 with the fix; nothing is written", () => {
    const cases: Array<[string[], RegExp]> = [
      [["sweep"], /give the spec file: samudra sweep SPEC.yaml/],
      [["sweep", "missing.yaml"], /spec file not found: missing.yaml/],
      [["sweep", "tiny.yaml", "--executer", "serial"], /unknown option --executer for samudra sweep — did you mean --executor\?/],
      [["sweep", "tiny.yaml", "--executor", "gpu"], /--executor must be serial, threads or bullmq; got "gpu"/],
      [["sweep", "tiny.yaml", "--executor", "bullmq"], /--executor bullmq needs --redis URL/],
      [["sweep", "tiny.yaml", "--concurrency", "0"], /--concurrency must be an integer ≥ 1, got "0"/],
      [["worker"], /give the Redis: --redis redis:\/\/HOST:PORT/],
      [["worker", "--redis", "localhost:6379"], /--redis must be a redis:\/\/ URL/],
    ];
    for (const [args, re] of cases) {
      const r = samudra(...args, ...(args[0] === "sweep" ? ["-o", "errs"] : []));
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(re);
    }
    writeFileSync(path.join(dir, "typo.yaml"), SPEC.replace("grid:", "gird:"));
    const t = samudra("sweep", "typo.yaml", "-o", "errs");
    expect(t.status).toBe(2);
    expect(t.stderr).toMatch(/typo.yaml: unknown spec key "gird" — did you mean "grid"\?/);
    expect(existsSync(path.join(dir, "errs"))).toBe(false);
  });
});

describe("samudra sweep --executor bullmq with a samudra worker process", () => {
  let redis: RedisServer;
  let worker: ChildProcess;
  beforeAll(async () => {
    redis = await startRedis();
    worker = spawn(process.execPath, [cli, "worker", "--redis", redis.url, "--concurrency", "2", "-q"], { stdio: "ignore" });
  });
  afterAll(async () => {
    if (worker.exitCode === null) { const gone = new Promise((r) => worker.once("exit", r)); process.kill(worker.pid!, "SIGKILL"); await gone; }
    await redis.stop();
  });

  it("gives the threads executor's NetCDF bytes; the same sweep again resumes with every member already finished", () => {
    const a = samudra("sweep", "tiny.yaml", "-o", "bq", "--executor", "bullmq", "--redis", redis.url);
    expect(a.status, a.stderr).toBe(0);
    expect(Buffer.from(readFileSync(path.join(dir, "bq/tiny_kg.nc"))).equals(Buffer.from(readFileSync(path.join(dir, "out/tiny_kg.nc"))))).toBe(true);
    const b = samudra("sweep", "tiny.yaml", "-o", "bq2", "--executor", "bullmq", "--redis", redis.url);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/\(3 already finished in Redis\)/);
    expect(Buffer.from(readFileSync(path.join(dir, "bq2/tiny_kg.nc"))).equals(Buffer.from(readFileSync(path.join(dir, "out/tiny_kg.nc"))))).toBe(true);
  });
});
