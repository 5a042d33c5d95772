/**
 * Files written atomically: bytes go to "<name>.partial-<pid>" and are renamed over <name> only by commit();
 * abort() (or an exception before commit) deletes the partial file, so an interrupted run leaves no truncated
 * output. `openSink` adapts it to the NetCDF writer's Sink (positional patch for the record count).
 */
import { openSync, writeSync, closeSync, renameSync, rmSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Sink } from "../io/netcdf-writer.js";

const pending = new Set<string>();
let hooked = false;

function hookExit() {
  if (hooked) return;
  hooked = true;
  const clean = () => { for (const p of pending) { try { rmSync(p, { force: true }); } catch { /* ignore */ } } pending.clear(); };
  process.on("exit", clean);
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => { clean(); process.exit(130); });
}

export interface AtomicFile extends Sink { readonly path: string; commit(): void; abort(): void }

export function openSink(file: string): AtomicFile {
  hookExit();
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial-${process.pid}`;
  const fd = openSync(tmp, "w");
  pending.add(tmp);
  let pos = 0, open = true;
  return {
    path: file,
    write(b) { writeSync(fd, b, 0, b.length, pos); pos += b.length; },
    patch(offset, b) { writeSync(fd, b, 0, b.length, offset); },
    close() { if (open) { closeSync(fd); open = false; } },
    commit() { this.close(); renameSync(tmp, file); pending.delete(tmp); },
    abort() { this.close(); rmSync(tmp, { force: true }); pending.delete(tmp); },
  };
}

/** Writes a whole file atomically. */
export function writeAtomic(file: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}
