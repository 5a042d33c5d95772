// spectral/index.ts — exported NLSE kernels.
export { nlseCreate, nlseFree, nlseSetFilter, nlseSetScale, nlseApplyFilter, nlseK, nlseSigma } from "./nlse_ctx";
export { nlseRhs } from "./nlse_rhs";
export { nlseInvariants, nlseToPhysical, nlseToSpectral, maxAbsDiff } from "./nlse_diag";
export { nlseGrid, icSoliton, icSeedBreather, icGaussianNoise, exAkhmediev, exKuznetsovMa, exPeregrine, icPlaneWave, icSechN } from "./nlse_cases";
export { splitCreate, splitFree, splitRun } from "./split_step";
export { etdCreate, etdFree, etdRun } from "./etdrk4";
export { sincosCheck, sinFastCheck } from "./sincos";
export { kgCreate, kgFree, kgLaplacian, kgForce, kgLeapfrog, kgMaxAbs, kgKdk, kgInvalidate, kgDiagnostics, kgSetDealias, kgSetSponge } from "./kg";
export { kgSplitCreate, kgSplitFree, kgSplitRun } from "./kg_split";
export { kgIcGaussian, kgIcPacket, kgIcKink, kgIcSeedBreather, kgIcSgBreather, kgIcKinkAntikink, kgIcSgKink } from "./kg_cases";
export { kgExactSgBreather, kgExactSgKink, kgExactSgKinkAntikink, kgExactPhi4Kink } from "./kg_exact";
