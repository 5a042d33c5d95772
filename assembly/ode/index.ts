// ode/index.ts — exported integrator kernels and accessors (pointer level).

import { Rk, odeCreate, odeFree, odeInit, odeStep, odeRtolVector, odeSetGeneric } from "./rk";
import { odeDensePrepare, odeDenseEval } from "./dense";
import { tableau, Tableau } from "./tableau";
import { odeAdvance, odeRecCreate, odeRecTEvalPtr, odeRecT, odeRecY, odeRecPush, odeRecLen, odeRecFree, odeRecLimit, odeRecLimitSet } from "./loop";

export { odeCreate, odeFree, odeInit, odeStep, odeDensePrepare, odeDenseEval, odeRtolVector, odeSetGeneric };
export { odeAdvance, odeRecCreate, odeRecTEvalPtr, odeRecT, odeRecY, odeRecPush, odeRecLen, odeRecFree, odeRecLimit, odeRecLimitSet };
export { odeEvCreate, odeEvG, odeEvDir, odeEvMax, odeEvFree } from "./events";

// @ts-ignore: decorator
@inline function R(p: usize): Rk { return changetype<Rk>(p); }

export function odeYPtr(p: usize): usize { return R(p).y; }
export function odeYOldPtr(p: usize): usize { return R(p).yOld; }
export function odeAtolPtr(p: usize): usize { return R(p).atol; }
export function odeParamsPtr(p: usize): usize { return R(p).params; }
export function odeCbYPtr(p: usize): usize { return R(p).cbY; }
export function odeCbDyPtr(p: usize): usize { return R(p).cbDy; }
export function odeFPtr(p: usize): usize { return R(p).F; }
/** Scratch of N doubles, free between steps: the target for odeDenseEval. */
export function odeOutPtr(p: usize): usize { return R(p).ytmp; }
export function odeT(p: usize): f64 { return R(p).t; }
export function odeTOld(p: usize): f64 { return R(p).tOld; }
export function odeH(p: usize): f64 { return R(p).hAbs; }
export function odeHPrev(p: usize): f64 { return R(p).hPrev; }
export function odeStatus(p: usize): i32 { return R(p).status; }
export function odeNfev(p: usize): i32 { return R(p).nfev; }
export function odeNaccept(p: usize): i32 { return R(p).naccept; }
export function odeNreject(p: usize): i32 { return R(p).nreject; }
export function odeSetStatus(p: usize, s: i32): void { R(p).status = s; }

/** Tableau data for tests: field 0 C, 1 A_PTR, 2 A_IDX, 3 A_VAL, 4 B_IDX, 5 B_VAL, 6 nStages, 7 nExt, 8 bN. */
export function odeTableau(method: i32, field: i32): usize {
  const t: Tableau = tableau(method);
  if (field == 0) return t.C;
  if (field == 1) return t.aPtr;
  if (field == 2) return t.aIdx;
  if (field == 3) return t.aVal;
  if (field == 4) return t.bIdx;
  if (field == 5) return t.bVal;
  if (field == 6) return <usize>t.nStages;
  if (field == 7) return <usize>t.nExt;
  return <usize>t.bN;
}
