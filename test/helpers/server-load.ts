/** Helpers of the HTTP service tests: a bounded autocannon load on loopback, peak RSS, reading NDJSON lines early. */
import { readFileSync } from "node:fs";

/**
 * autocannon against `base` with a mix of requests: 3 of 4 are cached (a fixed small run per model, served from
 * cache after the first), 1 of 4 is a new small run (a distinct tFinal each time). Bounded by `amount` requests.
 */
export async function loadTest(base: string, o: { connections: number; amount: number }): Promise<{ total: number; errors: number; non2xx: number; rps: number; p50: number; p99: number }> {
  const autocannon = (await import("autocannon")).default as any;   // eslint-disable-line @typescript-eslint/no-explicit-any
  let k = 0;
  const cached = [
    { method: "GET", path: "/v1/nlse/runs?tFinal=0.5&nSnapshots=3&numPoints=64&method=strang" },
    { method: "POST", path: "/v1/kg/runs", body: JSON.stringify({ case: "sg_kink", tFinal: 0.5, nFrames: 2, nx: 64 }), headers: { "content-type": "application/json" } },
    { method: "POST", path: "/v1/school/runs?format=csv", body: JSON.stringify({ nFish: 10, nSteps: 5, computeEntropy: false }), headers: { "content-type": "application/json" } },
  ];
  const result = await autocannon({
    url: base, connections: o.connections, amount: o.amount, timeout: 30,
    requests: [{
      setupRequest: (req: Record<string, unknown>) => {
        const i = k++;
        if (i % 4 !== 3) return { ...req, ...cached[i % 3] };
        return { ...req, method: "POST", path: "/v1/nlse/runs", headers: { "content-type": "application/json" }, body: JSON.stringify({ method: "strang", numPoints: 32, nSnapshots: 2, tFinal: 0.01 + i * 1e-6 }) };
      },
    }],
  });
  return { total: result.requests.total, errors: result.errors + result.timeouts, non2xx: result.non2xx, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** Peak resident set size (VmHWM, KiB) of a process from /proc. */
export function peakRssKiB(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!m) throw new Error(`no VmHWM for pid ${pid}`);
  return Number(m[1]);
}

/** Reads the first `n` NDJSON lines of a streamed response; `rest()` reads the remaining ones. */
export async function readFirstLines(res: Response, n: number): Promise<{ lines: any[]; rest: () => Promise<any[]> }> {   // eslint-disable-line @typescript-eslint/no-explicit-any
  const reader = res.body!.getReader(), dec = new TextDecoder();
  let buf = "";
  const lines: unknown[] = [];
  while (lines.length < n) {
    const { done, value } = await reader.read();
    if (done) break;
    buf += dec.decode(value, { stream: true });
    let i: number;
    while (lines.length < n && (i = buf.indexOf("\n")) >= 0) { lines.push(JSON.parse(buf.slice(0, i))); buf = buf.slice(i + 1); }
  }
  return {
    lines,
    rest: async () => {
      for (;;) { const { done, value } = await reader.read(); if (done) break; buf += dec.decode(value, { stream: true }); }
      return buf.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
    },
  };
}

/**
 * Memory of the user Worker's isolate in workerd, through the V8 inspector (miniflare `inspectorPort`): the JS heap
 * (Runtime.getHeapUsage totalSize), ArrayBuffer backing stores (backingStorageSize) and the byte length of every
 * WebAssembly.Memory in the isolate (found with Runtime.queryObjects) — samudra's WASM memory is the large part.
 */
export async function isolateMemory(inspectorPort: number): Promise<{ heap: number; backing: number; wasm: number; total: number }> {
  const { default: WebSocket } = await import("ws");
  const targets = await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json() as Array<{ id: string; webSocketDebuggerUrl: string }>;
  const t = targets.find((x) => x.id.startsWith("core:user"));
  if (!t) throw new Error(`no user worker among the inspector targets ${targets.map((x) => x.id).join(", ")}`);
  const ws = new WebSocket(t.webSocketDebuggerUrl);
  await new Promise((r, j) => { ws.once("open", r); ws.once("error", j); });
  let id = 0;
  const call = (method: string, params: Record<string, unknown> = {}) => new Promise<any>((resolve, reject) => {   // eslint-disable-line @typescript-eslint/no-explicit-any
    const my = ++id;
    const h = (m: Buffer) => { const d = JSON.parse(String(m)); if (d.id === my) { ws.off("message", h); if (d.error) reject(new Error(`${method}: ${d.error.message}`)); else resolve(d.result); } };
    ws.on("message", h);
    ws.send(JSON.stringify({ id: my, method, params }));
  });
  try {
    // the isolate's execution context is announced by Runtime.enable (the event comes before its reply)
    let contextId: number | undefined;
    ws.on("message", (m: Buffer) => { const d = JSON.parse(String(m)); if (d.method === "Runtime.executionContextCreated" && contextId === undefined) contextId = d.params.context.id; });
    await call("Runtime.enable");
    const u = await call("Runtime.getHeapUsage");
    const proto = await call("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype", ...(contextId !== undefined ? { contextId } : {}) });
    const list = await call("Runtime.queryObjects", { prototypeObjectId: proto.result.objectId });
    const sum = await call("Runtime.callFunctionOn", { objectId: list.objects.objectId, functionDeclaration: "function () { return this.reduce((s, m) => s + m.buffer.byteLength, 0); }", returnByValue: true });
    const wasm = Number(sum.result.value);
    return { heap: u.totalSize, backing: u.backingStorageSize ?? 0, wasm, total: u.totalSize + (u.backingStorageSize ?? 0) + wasm };
  } finally {
    ws.close();
  }
}
