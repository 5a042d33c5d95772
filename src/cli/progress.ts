/**
 * A progress line on stderr, only on a terminal, redrawn at most every 100 ms: bar, percentage, elapsed time, rate
 * (frames per second) and ETA, plus a note from the model (adaptive runs: t and the step size h). The CLI runs
 * models in a worker thread, whose process.stderr is not a TTY: the main thread passes its terminal flag in
 * workerData (see entry.ts). Hand-written rather than a dependency: 40 lines, and the npm bars assume the main thread.
 */
import { workerData, isMainThread } from "node:worker_threads";

function stderrIsTTY(): boolean {
  if (!isMainThread && workerData && typeof workerData === "object" && "stderrTTY" in workerData) return workerData.stderrTTY === true;
  return process.stderr.isTTY === true;
}

function clock(s: number): string {
  if (!Number.isFinite(s)) return "--:--";
  s = Math.round(s);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return `${h ? `${h}:${String(m).padStart(2, "0")}` : m}:${String(r).padStart(2, "0")}`;
}

export class Progress {
  private last = 0;
  private readonly on: boolean;
  private readonly start = Date.now();
  constructor(private readonly label: string, quiet: boolean, private readonly total = 0) {
    this.on = !quiet && stderrIsTTY();
  }
  /** `frac` done (0…1); `note`: the model's current state (e.g. "t = 3.20  h = 1.2e-3"). */
  update(frac: number, note = ""): void {
    if (!this.on) return;
    const now = Date.now();
    if (now - this.last < 100 && frac < 1) return;
    this.last = now;
    const f = Math.max(0, Math.min(1, frac)), w = 24, n = Math.round(f * w);
    const el = (now - this.start) / 1000, eta = f > 0 ? (el * (1 - f)) / f : Infinity;
    const rate = this.total > 0 && el > 0 ? `  ${((f * this.total) / el).toPrecision(3)} frames/s` : "";
    process.stderr.write(`\r\x1b[K${this.label} [${"=".repeat(n)}${n < w ? ">" : ""}${" ".repeat(Math.max(0, w - n - 1))}] ${(f * 100).toFixed(0).padStart(3)}%  ${clock(el)} elapsed, ETA ${clock(eta)}${rate}  ${note}`);
  }
  done(): void {
    if (this.on) process.stderr.write("\r\x1b[K");
  }
}
