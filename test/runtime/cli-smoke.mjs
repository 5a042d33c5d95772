// Entry for runtimes with a command line (node, deno, bun): prints the smoke result as JSON.
import * as samudra from "../../dist/index.js";
import { smoke } from "./smoke-core.mjs";

const result = await smoke(samudra, {});
console.log(JSON.stringify(result));
