/**
 * ode.solve's step loop inside WASM (assembly/ode/loop.ts), for runs without events or dense output: every
 * accepted step's (t, y) — or, with tEval, the dense-output samples at the tEval points — goes into a growable
 * WASM buffer, copied out once at the end. The steps, samples, nfev and statuses are those of the step-by-step
 * loop in solve.ts bit for bit (test/ode-wasm-loop.test.ts). A JS right-hand side is still called once per
 * evaluation through the import. With an AbortSignal the loop returns to JS every SIGNAL_CHUNK accepted steps
 * to read it, so an abort takes effect on a chunk boundary (before the first step if already aborted).
 */
import { kernel } from "../wasm/load.js";
import { memoryBuffer } from "../wasm/memory.js";
import { Status, type OdeIntegrator } from "./integrator.js";

/** Accepted steps between two looks at the AbortSignal (Lorenz at rtol 1e-10: ~1 ms of stepping). */
export const SIGNAL_CHUNK = 4096;

export interface WasmRun {
  t: Float64Array;
  y: Float64Array;            // rows of N doubles
  status: -1 | 0;
  code: number;
  aborted: boolean;
}

export function runInWasm(integ: OdeIntegrator, tEval: Float64Array | null, signal: AbortSignal | null | undefined): WasmRun {
  const k = kernel();
  const N = integ.complex ? 2 * integ.n : integ.n;
  const rec = k.odeRecCreate(tEval ? 2 : 1, tEval ? tEval.length : 1024, tEval ? tEval.length : 0);
  let status: -1 | 0 = -1, code: number = Status.Ok, aborted = false;
  try {
    if (tEval) new Float64Array(memoryBuffer(), k.odeRecTEvalPtr(rec), tEval.length).set(tEval);
    else k.odeRecPush(rec, integ.ptr);   // t0, y0
    for (;;) {
      if (signal?.aborted) { aborted = true; break; }
      const r = integ.loop(NaN, signal ? SIGNAL_CHUNK : 0, rec, "step()");
      if (r === 5) continue;
      code = r;
      status = r === Status.Finished ? 0 : -1;
      break;
    }
    const rows = k.odeRecLen(rec), mem = memoryBuffer();
    return {
      t: rows ? new Float64Array(mem, k.odeRecT(rec), rows).slice() : new Float64Array(0),
      y: rows && N ? new Float64Array(mem, k.odeRecY(rec), rows * N).slice() : new Float64Array(0),
      status, code, aborted,
    };
  } finally {
    k.odeRecFree(rec);
  }
}
