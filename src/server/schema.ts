/**
 * JSON Schema (draft 2020-12) of each model's options, generated from one source: the config schema `io.SCHEMAS`
 * that config files are checked against (snake_case keys → the camelCase option names via `io.camelCase`; type,
 * bounds and allowed values carried over). The schema documents; the library itself validates every request
 * (its messages, did-you-mean included, are what a 422 carries), so the two can never disagree on what runs.
 */
import type { Lib, ModelName } from "./lib.js";

/** A JSON Schema object (the subset generated here). */
export type JsonSchema = Record<string, unknown>;

/** Keys of io.SCHEMAS that are not options over HTTP (each shown with the reason in the generated schema). */
const HTTP_SHAPE: Record<string, JsonSchema> = {
  // a file path in config files; over HTTP the field itself (the library checks its length and values)
  initial_field: { description: "your own initial field instead of the case's (nlse: 2·numPoints interleaved Re, Im numbers; kg: { phi, phiT }); checked by the library" },
};

/**
 * Options of the library that are not config-file keys (so not in io.SCHEMAS), with their JSON shape; the library
 * validates them like every other option.
 */
const HTTP_ONLY: Record<ModelName, Record<string, JsonSchema>> = {
  nlse: {}, kg: {},
  school: {
    predator: {
      type: ["object", "null"], additionalProperties: false, required: ["position", "radius"],
      properties: { position: { type: "array", items: { type: "number" }, minItems: 3, maxItems: 3 }, radius: { type: "number", exclusiveMinimum: 0 } },
      description: "a predator the fish flee: fish closer than radius to position turn straight away from it (null: none)",
    },
  },
};

/**
 * The JSON Schema of one model's options (the request body of POST /v1/{model}/runs).
 *
 * @example
 * import * as samudra from "samudra";
 * optionsSchema(samudra, "nlse").properties.numPoints;   // { type: "integer", minimum: 8, maximum: 1048576, … }
 */
export function optionsSchema(lib: Lib, model: ModelName): JsonSchema {
  const seed = model;
  const props: Record<string, JsonSchema> = {};
  for (const [key, spec] of Object.entries(lib.io.SCHEMAS[seed])) {
    const name = lib.io.camelCase(key);
    if (HTTP_SHAPE[key]) { props[name] = { ...HTTP_SHAPE[key] }; continue; }
    const p: JsonSchema = {};
    if (spec.type === "number") p.type = "number";
    else if (spec.type === "int") p.type = "integer";
    else if (spec.type === "bool") p.type = "boolean";
    else if (spec.type === "string") p.type = "string";
    else p.type = ["number", "null"];
    if (spec.oneOf) p.enum = spec.ci ? [...spec.oneOf, ...spec.oneOf.map((v) => v.toUpperCase()).filter((v) => !spec.oneOf!.includes(v))] : [...spec.oneOf];
    if (spec.min !== undefined) p.minimum = spec.min;
    if (spec.max !== undefined) p.maximum = spec.max;
    if (spec.gt !== undefined) p.exclusiveMinimum = spec.gt;
    if (spec.lt !== undefined) p.exclusiveMaximum = spec.lt;
    const doc = [spec.doc, `config key ${key}`].filter(Boolean).join("; ");
    p.description = doc;
    props[name] = p;
  }
  Object.assign(props, HTTP_ONLY[model]);
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: `samudra ${model} options`,
    type: "object",
    additionalProperties: false,
    properties: props,
  };
}
