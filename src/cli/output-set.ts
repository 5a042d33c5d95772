/**
 * A run's files as one set: all new or all old.
 *
 * Contract: every file of a run is written into a staging directory `<root>/.samudra-staging-<pid>-<n>/` (mirroring
 * its final path relative to the root; files outside the root get a staging directory of their own in their
 * directory). `publish()` first writes a journal (`PUBLISH`, one "staged\tfinal" line per file) into every staging
 * directory, then renames the files into place and removes the staging directories; `discard()` removes them. A run
 * killed at any moment leaves either its staging (no journal: the next run, or the CLI's signal handler, deletes it)
 * or a journal (the publish is completed by whoever finds it). So the published set is never mixed.
 * A failed run (`publish({ failed: true })`) publishes under `<stem>.failed…` names, never over the good set.
 * Directories are created one level at a time (Node's recursive mkdir can spin forever on paths such as /proc/x).
 */
import { mkdirSync, statSync, writeFileSync, readFileSync, renameSync, rmSync, readdirSync, existsSync, unlinkSync } from "node:fs";
import path from "node:path";

const PREFIX = ".samudra-staging-";
const JOURNAL = "PUBLISH";
let seq = 0;

/** The output directory cannot be used (exit 2: a usage error, detected before the run starts). */
export class OutputDirError extends RangeError {}

/** Called when a staging directory is created / finished (the CLI's main thread tracks them for its signal handler). */
export const stagingHooks: { created(dir: string): void; finished(dir: string): void } = { created() {}, finished() {} };

/** mkdir -p, one component at a time, with an error that names the directory and the reason. */
export function makeDir(dir: string, what = "output directory"): void {
  const abs = path.resolve(dir);
  const parts: string[] = [];
  for (let d = abs; ; d = path.dirname(d)) {
    parts.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of parts) {
    let st;
    try { st = statSync(d); } catch { st = null; }
    if (st) {
      if (!st.isDirectory()) throw new OutputDirError(`${what} "${dir}": ${path.relative(process.cwd(), d) || d} exists and is not a directory; choose another -o/--output-dir`);
      continue;
    }
    try { mkdirSync(d); } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EEXIST") continue;
      throw new OutputDirError(`${what} "${dir}": cannot create ${d} (${code ?? (e as Error).message}); choose a writable directory with -o/--output-dir`);
    }
  }
}

function pidAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === "EPERM"; }
}

/** Completes a journaled publish or deletes an unfinished staging directory. Returns what was done. */
export function recoverStaging(dir: string): "completed" | "removed" {
  const journal = path.join(dir, JOURNAL);
  let done: "completed" | "removed" = "removed";
  if (existsSync(journal)) {
    for (const line of readFileSync(journal, "utf8").split("\n")) {
      const [from, to] = line.split("\t");
      if (!from || !to) continue;
      if (existsSync(from)) { makeDir(path.dirname(to)); renameSync(from, to); }
    }
    done = "completed";
  }
  rmSync(dir, { recursive: true, force: true });
  return done;
}

/** Staging left in `root` by runs that were killed: completed or removed (live runs' staging is left alone). */
export function recoverStale(root: string, report: (m: string) => void): void {
  let names: string[];
  try { names = readdirSync(root); } catch { return; }
  for (const name of names) {
    if (!name.startsWith(PREFIX)) continue;
    const pid = Number(name.slice(PREFIX.length).split("-")[0]);
    if (Number.isInteger(pid) && pid > 0 && pidAlive(pid) && pid !== process.pid) continue;   // a concurrent run
    const how = recoverStaging(path.join(root, name));
    report(how === "completed" ? `completed the interrupted publication of a run's files (${name})` : `removed the unfinished files of a killed run (${name})`);
  }
}

export class OutputSet {
  readonly root: string;
  private readonly stagings = new Map<string, string>();     // final directory root → staging directory
  private readonly files = new Map<string, string>();        // final path → staged path
  private closed = false;

  /**
   * Checks that `root` can be created and written, removes or completes stale staging there, and opens a staging
   * directory. Throws OutputDirError before anything else happens if the directory cannot be used.
   */
  constructor(root: string, readonly stem: string, report: (m: string) => void = () => {}) {
    this.root = path.resolve(root);
    makeDir(root);
    recoverStale(this.root, report);
    this.stagingFor(this.root);
  }

  private stagingFor(dirRoot: string): string {
    let s = this.stagings.get(dirRoot);
    if (!s) {
      s = path.join(dirRoot, `${PREFIX}${process.pid}-${Date.now().toString(36)}${seq++}`);
      try { mkdirSync(s); writeFileSync(path.join(s, ".probe"), ""); unlinkSync(path.join(s, ".probe")); } catch (e) {
        rmSync(s, { recursive: true, force: true });
        throw new OutputDirError(`output directory "${dirRoot}" is not writable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); choose another with -o/--output-dir`);
      }
      this.stagings.set(dirRoot, s);
      stagingHooks.created(s);
    }
    return s;
  }

  /** Where to write the file whose final path is `file` (its staging directory is created). */
  stage(file: string): string {
    if (this.closed) throw new Error(`output set of ${this.root} is already published or discarded`);
    const abs = path.resolve(file);
    const rel = path.relative(this.root, abs);
    const inside = !rel.startsWith("..") && !path.isAbsolute(rel);
    const dirRoot = inside ? this.root : path.dirname(abs);
    if (!inside) makeDir(dirRoot, "log directory");
    const staged = path.join(this.stagingFor(dirRoot), inside ? rel : path.basename(abs));
    makeDir(path.dirname(staged));
    this.files.set(abs, staged);
    return staged;
  }

  /** Final name of a file of a failed run: "<stem>.failed" in place of the stem. */
  private failedName(file: string): string {
    const b = path.basename(file);
    return path.join(path.dirname(file), b.startsWith(this.stem) ? `${this.stem}.failed${b.slice(this.stem.length)}` : `failed_${b}`);
  }

  /** Moves every staged file into place as one set; returns the final paths. */
  publish(opts: { failed?: boolean } = {}): string[] {
    if (this.closed) throw new Error(`output set of ${this.root} is already published or discarded`);
    this.closed = true;
    const moves = [...this.files].map(([final, staged]) => [staged, opts.failed ? this.failedName(final) : final] as const).filter(([s]) => existsSync(s));
    // the set replaces the previous one: drop an older failed set of this stem (or, for a failed run, only that)
    const dirs = new Set(moves.map(([, f]) => path.dirname(f)));
    for (const d of dirs) {
      let names: string[] = [];
      try { names = readdirSync(d); } catch { /* new directory */ }
      for (const n of names) if (n.startsWith(`${this.stem}.failed`)) rmSync(path.join(d, n), { force: true });
    }
    for (const [dirRoot, s] of this.stagings) {
      writeFileSync(path.join(s, JOURNAL), moves.filter(([st]) => st.startsWith(s + path.sep)).map(([st, f]) => `${st}\t${f}`).join("\n") + "\n");
      void dirRoot;
    }
    for (const [staged, final] of moves) { makeDir(path.dirname(final)); renameSync(staged, final); }
    for (const s of this.stagings.values()) { rmSync(s, { recursive: true, force: true }); stagingHooks.finished(s); }
    return moves.map(([, f]) => f);
  }

  /** Deletes everything the run wrote; the previous set stays as it was. */
  discard(): void {
    if (this.closed) return;
    this.closed = true;
    for (const s of this.stagings.values()) { rmSync(s, { recursive: true, force: true }); stagingHooks.finished(s); }
  }
}
