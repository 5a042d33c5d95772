// fft/index.ts — exported FFT kernels: pointers in, pointers out; plans are opaque pointers.

import { complexPlanCreate, complexPlanFree, complexExec } from "./complex";
import { realPlanCreate, realPlanFree, realForward, realInverse, realFilter } from "./real";
import * as L from "./layout";

/** Complex plan of size n ≥ 1 with caller-visible n-complex input and output buffers. */
export function fftPlanCreate(n: i32): usize { return complexPlanCreate(n, true); }
export function fftPlanFree(plan: usize): void { complexPlanFree(plan); }
export function fftPlanInput(plan: usize): usize { return <usize>load<u32>(plan + L.CP_IN); }
export function fftPlanOutput(plan: usize): usize { return <usize>load<u32>(plan + L.CP_OUT); }
/** 0 = Stockham passes (radix 2/4/8; 3/5/6/10/15/21 and odd primes by plan-mixed.ts), 1 = Bluestein. */
export function fftPlanKind(plan: usize): i32 { return <i32>load<u32>(plan + L.CP_KIND); }
/** Internal (tests, the plan search): a plan whose power-of-two part runs the given radix sequence, packed log2
 *  radices (1…3), first pass in the lowest nibble, in seqLo then seqHi; an invalid sequence falls back to plan2.ts. */
export function fftPlanCreateWith(n: i32, seqLo: u32, seqHi: u32): usize {
  return complexPlanCreate(n, true, <u64>seqLo | (<u64>seqHi << 32));
}
/** Number of Stockham passes of a plan (0 for Bluestein and n = 1), and the radix of pass i. */
export function fftPlanPasses(plan: usize): i32 { return <i32>load<u32>(plan + L.CP_NPASS); }
export function fftPlanRadix(plan: usize, i: i32): i32 { return <i32>load<u32>(plan + L.CP_PASSES + (<usize>i << 3)); }
export function fftForward(plan: usize, inPtr: usize, outPtr: usize): void { complexExec(plan, inPtr, outPtr, false); }
export function fftInverse(plan: usize, inPtr: usize, outPtr: usize): void { complexExec(plan, inPtr, outPtr, true); }

/** Real plan of size n ≥ 1 with caller-visible n-real and (n/2+1)-complex buffers. */
export function rfftPlanCreate(n: i32): usize { return realPlanCreate(n); }
export function rfftPlanFree(plan: usize): void { realPlanFree(plan); }
export function rfftPlanReal(plan: usize): usize { return <usize>load<u32>(plan + L.RP_REAL); }
export function rfftPlanSpectrum(plan: usize): usize { return <usize>load<u32>(plan + L.RP_SPEC); }
export function rfftForward(plan: usize, xPtr: usize, specPtr: usize): void { realForward(plan, xPtr, specPtr); }
export function rfftInverse(plan: usize, specPtr: usize, xPtr: usize): void { realInverse(plan, specPtr, xPtr); }
/** out = irfft(w ⊙ rfft(x)), w real per bin; the plan's spectrum buffer is scratch. */
export function rfftFilter(plan: usize, xPtr: usize, outPtr: usize, wPtr: usize): void { realFilter(plan, xPtr, outPtr, wPtr, <usize>load<u32>(plan + L.RP_SPEC)); }
