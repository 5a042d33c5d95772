// Preload (`node --import ./test/helpers/maxrss.mjs …`): on exit, writes the process's peak resident set size
// (all threads, KiB) to stderr as "samudra-test-maxrss=<KiB>", for tests that bound a command's memory.
import { writeSync } from "node:fs";
process.on("exit", () => { writeSync(2, `\nsamudra-test-maxrss=${process.resourceUsage().maxRSS}\n`); });
