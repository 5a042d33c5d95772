// spectral/index.ts — exported NLSE kernels.
export { nlseCreate, nlseFree, nlseSetFilter, nlseSetScale, nlseApplyFilter, nlseK, nlseSigma } from "./nlse_ctx";
export { nlseRhs } from "./nlse_rhs";
