/** `nlse` namespace (see src/models/nlse/). */
export * from "./models/nlse/index.js";
