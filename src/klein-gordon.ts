/** `kleinGordon` namespace (see src/models/klein-gordon/). */
export * from "./models/klein-gordon/index.js";
