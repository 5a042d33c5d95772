/**
 * The per-run file protocol every model command follows (one place, so nlse, kg and school cannot drift apart):
 * open an output set for the run (checks the directory before the run starts; removes or completes staging left by
 * killed runs), route the outputs into it, then publish it — under "<stem>.failed…" names when the run ended early
 * (non-finite, budget) — or discard it when the run threw. A run that fails before its files exist writes only
 * "<stem>.failed.log"; the previous good "<stem>.log" and its set are never replaced by a failed run.
 */
import path from "node:path";
import { OutputSet } from "./output-set.js";
import { useOutputSet, writeAtomic } from "./file-sink.js";

export class RunFiles {
  readonly set: OutputSet;
  constructor(outDir: string, readonly stem: string, warn: (m: string) => void) {
    this.set = new OutputSet(outDir, stem, warn);
    useOutputSet(this.set);
  }

  /** Publishes the run's files (as "<stem>.failed…" if `failed`); returns their final paths. */
  publish(failed: boolean): string[] {
    useOutputSet(null);
    return this.set.publish({ failed });
  }

  /**
   * Writes the log into the set and publishes the set. After an early end (`early` given) the set goes out as
   * "<stem>.failed…", stderr says why and where, and the result is null (exit 1); otherwise the final paths.
   */
  complete(logFile: string, lines: string[], early: { cmd: string; what: string; message: string; kept: string } | null): string[] | null {
    writeAtomic(logFile, lines.join("\n") + "\n");
    const published = this.publish(early !== null);
    if (!early) return published;
    console.error(`samudra ${early.cmd}: ${early.what}: ${early.message}\n  the ${early.kept} before it are kept in: ${describeFiles(published).join("; ")}`);
    return null;
  }

  discard(): void {
    useOutputSet(null);
    this.set.discard();
  }
}

/**
 * After a run threw: discards its files (if a set was open) and writes "<dir>/<stem>.failed.log" beside where the log
 * would have gone. Returns the log's path, or null if even that could not be written (e.g. a full disk).
 */
export function failRun(files: RunFiles | null, logDir: string, stem: string, lines: string[]): string | null {
  files?.discard();
  useOutputSet(null);
  const file = path.join(logDir, `${stem}.failed.log`);
  try { writeAtomic(file, lines.join("\n") + "\n"); return file; } catch { return null; }
}

/** The message of a failed run; file-system failures say what they mean for the user's files. */
export function failureMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const why: Record<string, string> = { ENOSPC: "the disk is full", EDQUOT: "the disk quota is exhausted", EFBIG: "a file exceeds the allowed file size (ulimit -f)", EACCES: "permission denied", EROFS: "the file system is read-only" };
  if (err && typeof err.code === "string" && why[err.code]) return `could not write the run's files: ${why[err.code]} (${err.code}${err.path ? ` at ${err.path}` : ""}); the previous files were left as they were`;
  return (e as Error).message;
}

/** "outputs/a.nc, outputs/a.csv …" grouped by directory, for the "wrote …" lines. */
export function describeFiles(files: string[]): string[] {
  const byDir = new Map<string, string[]>();
  for (const f of files) {
    const rel = path.relative(process.cwd(), f) || f;
    const d = path.dirname(rel);
    byDir.set(d, [...(byDir.get(d) ?? []), path.basename(rel)]);
  }
  return [...byDir].map(([d, names]) => `${d}${path.sep}: ${names.join(", ")}`);
}
