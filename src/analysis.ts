/**
 * `analysis` namespace: entropy, complexity and statistics of simulation output — corrected estimators by
 * default, the seeds' published definitions with `legacy: true`. Requires `await init()` (logs, exps and the
 * heavy loops run in WASM, so results are the same bits on every engine).
 */
export { spatialDistribution, spectralDistribution, densityOnGrid, histogram, intensity, amplitude, type Histogram } from "./analysis/distributions.js";
export { shannon, renyi, tsallis, lmc, spectralEntropy, type Lmc } from "./analysis/entropy.js";
export { differentialEntropy, spectralRichness, permutationEntropy, fftfreq, type SpectralRichness } from "./analysis/estimators.js";
export { sampleEntropy } from "./analysis/sample-entropy.js";
export { moments, quantile, robustSummary, rankdata, pearson, spearman, gradient, type Moments } from "./analysis/statistics.js";
export { gaussianKde, type Kde } from "./analysis/kde.js";
export { kruskalWallis, cliffsDelta, dunn, type KruskalResult, type DunnPair, type CliffMagnitude } from "./analysis/hypothesis.js";
export { chi2Sf, chi2LogSf, normSf, lnGamma } from "./analysis/special.js";
export { phaseSpaceStats, pointSeries, delayEmbedding, type PhaseSpaceStats } from "./analysis/phase-space.js";
export { snapshotReport, kgEntropies, describeSample, trendSummary, type SnapshotReport, type KgEntropies } from "./analysis/report.js";
