/**
 * How the CLI writes files. While an output set is active (`useOutputSet`), `openSink(path)` and
 * `writeAtomic(path, data)` write into that set's staging directory and the files appear at `path` only when the
 * set is published (output-set.ts). Without an active set, files are written to "<name>.partial-<pid>" and renamed
 * over <name> when complete (a failure removes the partial file: never a truncated or 0-byte file).
 * `openSink` adapts to the NetCDF writer's Sink (positional patch for the record count).
 */
import { openSync, writeSync, closeSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Sink } from "../io/netcdf-writer.js";
import { makeDir, type OutputSet } from "./output-set.js";

let active: OutputSet | null = null;

/** Routes openSink/writeAtomic into `set` (null: direct atomic writes). */
export function useOutputSet(set: OutputSet | null): void { active = set; }

export interface AtomicFile extends Sink { readonly path: string; commit(): void; abort(): void }

export function openSink(file: string): AtomicFile {
  const set = active;
  let tmp: string;
  if (set) tmp = set.stage(file);
  else { makeDir(path.dirname(file)); tmp = `${file}.partial-${process.pid}`; }
  const fd = openSync(tmp, "w");
  let pos = 0, open = true;
  return {
    path: file,
    write(b) { writeSync(fd, b, 0, b.length, pos); pos += b.length; },
    patch(offset, b) { writeSync(fd, b, 0, b.length, offset); },
    close() { if (open) { closeSync(fd); open = false; } },
    // inside a set the staged file is published with the set
    commit() { this.close(); if (!set) renameSync(tmp, file); },
    abort() { this.close(); rmSync(tmp, { force: true }); },
  };
}

/** Writes a whole file atomically (into the active set's staging, or via a temporary name). */
export function writeAtomic(file: string, data: string | Uint8Array): void {
  if (active) { writeFileSync(active.stage(file), data); return; }
  makeDir(path.dirname(file));
  const tmp = `${file}.partial-${process.pid}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
