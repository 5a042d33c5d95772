/**
 * The piscina worker of the `threads` executor: each thread instantiates samudra's WASM once (top-level await
 * init()), then runs members: task { spec, index } → runMember(spec, index). The result's Float64Arrays cross
 * the thread boundary by structured clone (exact bits).
 */
import { init } from "../index.js";
import { runMember, type MemberResult } from "./member.js";
import type { NormalSpec } from "./spec.js";

await init();

/**
 * Runs one member in this thread.
 *
 * @example
 * // piscina.run({ spec, index: 3 }) → MemberResult of member 3
 */
export default function runTask(task: { spec: NormalSpec; index: number }): MemberResult {
  return runMember(task.spec, task.index);
}
