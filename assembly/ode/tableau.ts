// tableau.ts — the Butcher tableau descriptor the generic stepper reads (rk.ts), built once per method
// from the generated data files. Adding a method is adding a data file and a case here.

import * as D853 from "./dop853_tableau";
import * as D5 from "./dopri5_tableau";

export const METHOD_RK45: i32 = 0;   // DOPRI5, scipy's "RK45"
export const METHOD_DOP853: i32 = 1;

// @ts-ignore: decorator
@unmanaged
export class Tableau {
  method: i32;
  nStages: i32;      // stages of one step, FSAL stage excluded (K has nStages + 1 rows in a step)
  nExt: i32;         // rows of K including dense-output stages
  errOrder: i32;     // error-estimator order q: step factor exponent −1/(q + 1)
  nDense: i32;       // rows of dense coefficients (DOP853 F: 7; RK45 Q: 4)
  C: usize;
  aPtr: usize; aIdx: usize; aVal: usize;
  bN: i32; bIdx: usize; bVal: usize;
  eN: i32; eIdx: usize; eVal: usize;       // RK45: E;  DOP853: E5
  e3N: i32; e3Idx: usize; e3Val: usize;    // DOP853: E3
  dense: usize;                            // DOP853: D (4 × 16); RK45: P (7 × 4)
}

let tabRk45: usize = 0;
let tabDop853: usize = 0;

export function tableau(method: i32): Tableau {
  let p = method == METHOD_DOP853 ? tabDop853 : tabRk45;
  if (p == 0) {
    p = heap.alloc(offsetof<Tableau>());
    const t = changetype<Tableau>(p);
    t.method = method;
    if (method == METHOD_DOP853) {
      t.nStages = D853.N_STAGES; t.nExt = D853.N_STAGES_EXT; t.errOrder = D853.ERR_ORDER; t.nDense = 7;
      t.C = D853.C; t.aPtr = D853.A_PTR; t.aIdx = D853.A_IDX; t.aVal = D853.A_VAL;
      t.bN = D853.B_N; t.bIdx = D853.B_IDX; t.bVal = D853.B_VAL;
      t.eN = D853.E5_N; t.eIdx = D853.E5_IDX; t.eVal = D853.E5_VAL;
      t.e3N = D853.E3_N; t.e3Idx = D853.E3_IDX; t.e3Val = D853.E3_VAL;
      t.dense = D853.D;
    } else {
      t.nStages = D5.N_STAGES; t.nExt = D5.N_STAGES_EXT; t.errOrder = D5.ERR_ORDER; t.nDense = 4;
      t.C = D5.C; t.aPtr = D5.A_PTR; t.aIdx = D5.A_IDX; t.aVal = D5.A_VAL;
      t.bN = D5.B_N; t.bIdx = D5.B_IDX; t.bVal = D5.B_VAL;
      t.eN = D5.E_N; t.eIdx = D5.E_IDX; t.eVal = D5.E_VAL;
      t.e3N = 0; t.e3Idx = 0; t.e3Val = 0;
      t.dense = D5.P;
    }
    if (method == METHOD_DOP853) tabDop853 = p; else tabRk45 = p;
  }
  return changetype<Tableau>(p);
}
