// school/index.ts — exports of the fish-school kernels.
export { schoolCreate, schoolSetParams, schoolSetPredator, schoolPositions, schoolVelocities, schoolStepCount, schoolFree } from "./state";
export { schoolInitLegacyRandom, schoolInitLegacyTorus, schoolInitCounter } from "./init";
export { schoolStep } from "./update";
export { schoolMetrics, schoolMetricsWorkBytes } from "./metrics";
export { couzinScanStats } from "./couzin-scan";
