/**
 * The base of the per-model run files (NlseNetCDF, KgNetCDF, SchoolNetCDF): one NetCDF-3 file per run with the
 * schema the CLI writes (docs/files.md), streamed a record per snapshot into any `Sink` — an in-memory one by
 * default, so the web worker, the HTTP service and the ensemble executors produce byte-for-byte the CLI's file
 * layout without a file system. Contract: `add()` appends one record; `bytesSoFar()` (in-memory sink only) is a
 * complete, readable file of the records so far while the run goes on; `finish()` patches the run statistics,
 * closes the file and returns its bytes (in memory) or an empty array (another sink).
 */
import { NetCDFWriter, memorySink, type Sink, type NcSchema } from "./netcdf-writer.js";

/** Shared machinery of the three run-file classes: the writer, the sink and the in-memory snapshot. */
export abstract class RunNetCDF {
  /** The writer (schema fixed at construction). */
  protected readonly nc: NetCDFWriter;
  private readonly memory: (Sink & { bytes(): Uint8Array }) | null;
  private done: Uint8Array | null = null;

  protected constructor(private readonly what: string, schema: NcSchema, sink?: Sink) {
    if (sink !== undefined && (sink === null || typeof sink !== "object" || typeof sink.write !== "function" || typeof sink.patch !== "function" || typeof sink.close !== "function")) {
      throw new TypeError(`${what}: sink must be an io.Sink ({ write, patch, close }) or omitted for an in-memory file, got ${sink === null ? "null" : typeof sink}`);
    }
    this.memory = sink ? null : memorySink();
    this.nc = new NetCDFWriter(sink ?? this.memory!, schema);
  }

  /** Records (snapshots) written so far. */
  get recordCount(): number { return this.nc.recordCount; }

  /** True once `finish()` has run. */
  get finished(): boolean { return this.done !== null; }

  /**
   * A complete file of the records written so far (the record count patched into a copy of the header), while
   * the run continues. Only for the in-memory sink (the default); statistics patched by `finish()` keep their
   * placeholder values (NaN) in it.
   */
  bytesSoFar(): Uint8Array {
    if (!this.memory) throw new Error(`${this.what}.bytesSoFar(): only an in-memory file (constructed without a sink) can be read back; read the file your sink writes instead`);
    if (this.done) return this.done.slice();
    const b = this.memory.bytes().slice();
    new DataView(b.buffer, b.byteOffset, b.byteLength).setUint32(4, this.nc.recordCount);
    return b;
  }

  /** Closes the file; the bytes when in memory, else an empty array. Idempotent. */
  protected close(): Uint8Array {
    if (this.done) return this.done;
    this.nc.close();
    this.done = this.memory ? this.memory.bytes() : new Uint8Array(0);
    return this.done;
  }

  /** Throws when a record is added after finish(). */
  protected open(method: string): void {
    if (this.done) throw new Error(`${this.what}.${method}: the file is finished; create a new ${this.what} for another run`);
  }
}
