/**
 * A private redis-server for a test: `redis-server --port <random> --bind 127.0.0.1 --save '' --appendonly no`
 * (persistence off), started by the test and stopped by its pid. The executable comes from test/global-setup.ts
 * (found on PATH or installed from Debian's redis-server package); if that failed, startRedis throws the reason so
 * the test fails instead of being skipped.
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { inject } from "vitest";
import type {} from "../global-setup.js";

export interface RedisServer { port: number; url: string; pid: number; stop(): Promise<void>; restart(): Promise<void> }

function redisExe(): string {
  const env = inject("samudraTestEnv");
  if (!env) throw new Error("test/global-setup.ts did not run: run the tests with `npx vitest run` from the repository root");
  if (!env.redisServer) throw new Error(`no redis-server: ${env.redisServerError}`);
  return env.redisServer;
}

/** True when a TCP connection to 127.0.0.1:port answers PING with PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = net.connect(port, "127.0.0.1");
    const done = (v: boolean) => { s.destroy(); res(v); };
    s.setTimeout(500, () => done(false));
    s.on("error", () => done(false));
    s.on("connect", () => s.write("PING\r\n"));
    s.on("data", (d) => done(d.toString().startsWith("+PONG")));
  });
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = net.createServer();
    srv.on("error", rej);
    srv.listen(0, "127.0.0.1", () => { const p = (srv.address() as net.AddressInfo).port; srv.close(() => res(p)); });
  });
}

function launch(exe: string, port: number): ChildProcess {
  return spawn(exe, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning"], { stdio: "ignore" });
}

async function waitUp(port: number, proc: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (proc.exitCode !== null) throw new Error(`redis-server exited with code ${proc.exitCode} on port ${port}`);
    if (await ping(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within 5 s`);
}

async function kill(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.pid === undefined) return;
  const gone = new Promise((r) => proc.once("exit", r));
  process.kill(proc.pid, "SIGKILL");
  await gone;
}

/** Starts a redis-server on a free 127.0.0.1 port; stop() kills it by pid, restart() kills it and starts an empty one on the same port. */
export async function startRedis(): Promise<RedisServer> {
  const exe = redisExe(), port = await freePort();
  let proc = launch(exe, port);
  await waitUp(port, proc);
  return {
    port, url: `redis://127.0.0.1:${port}`,
    get pid() { return proc.pid!; },
    async stop() { await kill(proc); },
    async restart() { await kill(proc); proc = launch(exe, port); await waitUp(port, proc); },
  };
}
