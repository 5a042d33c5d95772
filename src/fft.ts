/**
 * `fft` namespace: complex and real FFTs of any length, f64, interleaved [re, im, …] complex,
 * forward unnormalised and inverse ×1/n (numpy's convention).
 */
export { FFTPlan, plan, MAX_N } from "./fft/complex-plan.js";
export { RealFFTPlan, realPlan } from "./fft/real-plan.js";
export { fft, ifft, rfft, irfft } from "./fft/convenience.js";
