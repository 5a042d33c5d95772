/**
 * The raw exports of the samudra WASM module (pointer level, internal). Pointers are byte
 * offsets into `memory`; every kernel is synchronous and allocation-free except the
 * `*Create` functions.
 */
export interface Kernel {
  readonly memory: WebAssembly.Memory;
  readonly SIMD: WebAssembly.Global;
  alloc(bytes: number): number;
  free(ptr: number): void;
  abortForTest(code: number): void;
  fftPlanCreate(n: number): number;
  fftPlanFree(plan: number): void;
  fftPlanInput(plan: number): number;
  fftPlanOutput(plan: number): number;
  fftPlanKind(plan: number): number;
  fftForward(plan: number, inPtr: number, outPtr: number): void;
  fftInverse(plan: number, inPtr: number, outPtr: number): void;
  rfftPlanCreate(n: number): number;
  rfftPlanFree(plan: number): void;
  rfftPlanReal(plan: number): number;
  rfftPlanSpectrum(plan: number): number;
  rfftForward(plan: number, xPtr: number, specPtr: number): void;
  rfftInverse(plan: number, specPtr: number, xPtr: number): void;
}

/** Names every samudra module must export; used to reject foreign modules passed to init(). */
export const REQUIRED_EXPORTS = [
  "memory", "SIMD", "alloc", "free", "fftPlanCreate", "fftForward", "rfftPlanCreate",
] as const;
