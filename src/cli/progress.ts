/** A progress bar on stderr, only on a TTY, redrawn at most every 100 ms (negligible cost). */
export class Progress {
  private last = 0;
  private readonly on: boolean;
  constructor(private readonly label: string, quiet: boolean) {
    this.on = !quiet && process.stderr.isTTY === true;
  }
  update(frac: number, note = ""): void {
    if (!this.on) return;
    const now = Date.now();
    if (now - this.last < 100 && frac < 1) return;
    this.last = now;
    const w = 30, n = Math.round(Math.max(0, Math.min(1, frac)) * w);
    process.stderr.write(`\r${this.label} [${"=".repeat(n)}${n < w ? ">" : ""}${" ".repeat(Math.max(0, w - n - 1))}] ${(frac * 100).toFixed(0).padStart(3)}% ${note}   `);
  }
  done(): void {
    if (this.on) process.stderr.write("\r\x1b[K");
  }
}
