/** Internal: the fft namespace for modules that must not import the public barrel. */
export * as fft from "./fft.js";
