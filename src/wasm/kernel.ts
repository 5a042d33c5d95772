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
  odeCreate(method: number, n: number, cplx: number, nparams: number): number;
  odeFree(p: number): void;
  odeInit(p: number, system: number, handle: number, t0: number, tBound: number, rtol: number, maxStep: number, firstStep: number): number;
  odeStep(p: number): number;
  odeDensePrepare(p: number): void;
  odeDenseEval(p: number, t: number, out: number): void;
  odeYPtr(p: number): number;
  odeYOldPtr(p: number): number;
  odeAtolPtr(p: number): number;
  odeParamsPtr(p: number): number;
  odeCbYPtr(p: number): number;
  odeCbDyPtr(p: number): number;
  odeFPtr(p: number): number;
  odeOutPtr(p: number): number;
  odeT(p: number): number;
  odeTOld(p: number): number;
  odeH(p: number): number;
  odeHPrev(p: number): number;
  odeStatus(p: number): number;
  odeNfev(p: number): number;
  odeNaccept(p: number): number;
  odeNreject(p: number): number;
  odeSetStatus(p: number, s: number): void;
  odeTableau(method: number, field: number): number;
  sampenCounts(x: number, n: number, m: number, r: number, out: number): void;
  mathLog(x: number): number;
  mathLog1p(x: number): number;
  mathExp(x: number): number;
  mathPow(x: number, y: number): number;
  mathAtan2(y: number, x: number): number;
  mathSin(x: number): number;
  mathCos(x: number): number;
  mathHypot(x: number, y: number): number;
  sumPLogP(p: number, n: number, threshold: number): number;
  sumPow(p: number, n: number, a: number, threshold: number): number;
  kdeDirect(x: number, n: number, p: number, m: number, h: number, out: number): void;
  mtSeed(seed: number): void;
  mtNext(): number;
  mtDouble(): number;
  mtGauss(): number;
  mtGaussFill(out: number, n: number): void;
  nlseCreate(n: number, L: number, beta: number, gamma: number): number;
  nlseFree(p: number): void;
  nlseSetFilter(p: number, kind: number, alpha: number, order: number, inRhs: number): void;
  nlseSetScale(p: number, scale: number): void;
  nlseApplyFilter(p: number, v: number): void;
  nlseK(p: number): number;
  nlseSigma(p: number): number;
  nlseRhs(p: number, v: number, dv: number): void;
  nlseInvariants(p: number, v: number, out: number): void;
  nlseToPhysical(p: number, v: number, psi: number): void;
  nlseToSpectral(p: number, psi: number, v: number): void;
  maxAbsDiff(a: number, b: number, n: number): number;
  nlseGrid(out: number, n: number, L: number): void;
  icSoliton(out: number, n: number, L: number, A: number, x0: number, v: number, t: number, phase0: number, add: number): void;
  icSeedBreather(out: number, n: number, L: number, a: number, f: number, m: number): void;
  icGaussianNoise(out: number, n: number, L: number, A: number, w: number, c: number, eps: number, seed: number, scratch: number): void;
  exAkhmediev(out: number, n: number, L: number, a: number, t: number): void;
  exKuznetsovMa(out: number, n: number, L: number, a: number, t: number): void;
  exPeregrine(out: number, n: number, L: number, t: number): void;
  icPlaneWave(out: number, n: number, L: number, eps: number, K: number): void;
  icSechN(out: number, n: number, L: number, order: number): void;
  splitCreate(ctx: number, scheme: number, dt: number, filter: number): number;
  splitFree(p: number): void;
  splitRun(p: number, v: number, steps: number): void;
  etdCreate(ctx: number, h: number, filter: number): number;
  etdFree(p: number): void;
  etdRun(p: number, v: number, steps: number): void;
  sincosCheck(x: number, out: number): void;
  kgCreate(n: number, dx: number, neumann: number, potential: number, m: number, lambda: number, vacuum: number): number;
  kgFree(p: number): void;
  kgLaplacian(p: number, phi: number, out: number): void;
  kgForce(p: number, phi: number, out: number): void;
  kgLeapfrog(p: number, phi: number, old: number, dt: number): number;
  kgMaxAbs(phi: number, n: number): number;
  kgKdk(p: number, phi: number, pi: number, dt: number, steps: number): void;
  kgInvalidate(p: number): void;
  kgDiagnostics(p: number, phi: number, pi: number, out: number): void;
  kgSplitCreate(ctx: number, scheme: number, dt: number): number;
  kgSplitFree(p: number): void;
  kgSplitRun(p: number, phi: number, pi: number, steps: number): void;
  kgIcGaussian(x: number, n: number, A: number, x0: number, w: number, g: number, phi: number, pi: number): void;
  kgIcPacket(x: number, n: number, A: number, x0: number, w: number, k0: number, m: number, phi: number, pi: number): void;
  kgIcKink(x: number, n: number, v: number, x0: number, u: number, delta: number, phi: number, pi: number): void;
  kgIcSeedBreather(x: number, n: number, om: number, x0: number, phi: number, pi: number): void;
  kgIcSgBreather(x: number, n: number, om: number, x0: number, u: number, t0: number, phi: number, pi: number): void;
  kgIcKinkAntikink(x: number, n: number, v: number, d: number, u: number, delta: number, corrected: number, phi: number, pi: number): void;
  kgIcSgKink(x: number, n: number, x0: number, u: number, sign: number, phi: number, pi: number): void;
}

/** Names every samudra module must export; used to reject foreign modules passed to init(). */
export const REQUIRED_EXPORTS = [
  "memory", "SIMD", "alloc", "free", "fftPlanCreate", "fftForward", "rfftPlanCreate", "odeCreate", "odeStep",
] as const;
