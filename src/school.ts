/** `school` namespace (see src/models/school/). */
export * from "./models/school/index.js";
