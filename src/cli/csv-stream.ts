/**
 * A CSV file written row by row as a run produces them (same format as io/csv.ts `toCsv`: a header line, then
 * numbers as C's "%.8e"), so a run's table costs constant memory however many snapshots it saves. Rows are
 * buffered in chunks of ~64 KB and written through the CLI's file sink (staged and published with the run's
 * other files); `commit()` flushes and publishes, `abort()` discards.
 */
import { formatE } from "../io/csv.js";
import { openSink, type AtomicFile } from "./file-sink.js";

const encoder = new TextEncoder();

export class CsvStream {
  private readonly file: AtomicFile;
  private chunk: string[] = [];
  private chunkChars = 0;

  constructor(readonly path: string, header: string[]) {
    this.file = openSink(path);
    this.push(header.join(","));
  }

  /** Appends one row of numbers. */
  row(values: ArrayLike<number>): void {
    let s = "";
    for (let i = 0; i < values.length; i++) s += (i ? "," : "") + formatE(values[i]);
    this.push(s);
  }

  private push(line: string): void {
    this.chunk.push(line);
    this.chunkChars += line.length + 1;
    if (this.chunkChars > 1 << 16) this.flush();
  }

  private flush(): void {
    if (!this.chunk.length) return;
    this.file.write(encoder.encode(this.chunk.join("\n") + "\n"));
    this.chunk = []; this.chunkChars = 0;
  }

  commit(): void { this.flush(); this.file.commit(); }
  abort(): void { this.chunk = []; this.file.abort(); }
}
