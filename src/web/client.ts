/**
 * Main-thread end of the worker protocol (protocol.ts): starts the module worker found next to this bundle
 * (`new URL("./worker.js", import.meta.url)`, i.e. dist/web/worker.js), numbers the requests and resolves each
 * promise with the worker's reply of the same id. Replies come back in request order, so awaiting any request also
 * means every earlier one has been applied.
 */
import type { Reply, Request } from "./protocol.js";

type Ok = Extract<Reply, { ok: true }>;
type Body = Request extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

/** A numbered request/reply channel to the simulation worker. */
export class WorkerClient {
  private readonly worker: Worker;
  private next = 1;
  private readonly pending = new Map<number, { resolve: (r: Ok) => void; reject: (e: Error) => void }>();
  /** Requests sent and not yet answered. */
  get inFlight(): number { return this.pending.size; }

  /**
   * @param url - the worker script; default: worker.js beside this module.
   * @example
   * const c = new WorkerClient();
   * const r = await c.request({ type: "load", model: "nlse", preset: "single_soliton", legacy: false, options: {}, seed: null, heatCols: 256 });
   */
  constructor(url: URL | string = new URL("./worker.js", import.meta.url)) {
    this.worker = new Worker(url, { type: "module", name: "samudra-sim" });
    this.worker.onmessage = (e: MessageEvent<Reply>) => {
      const r = e.data, p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (r.ok) p.resolve(r);
      else p.reject(new Error(r.error));
    };
    this.worker.onerror = (e: ErrorEvent) => {
      const err = new Error(`samudra-sim worker failed: ${e.message || "could not load dist/web/worker.js"}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
  }

  /** Sends one request; resolves with the worker's reply (rejects with its error message). */
  request(body: Body): Promise<Ok> {
    const id = this.next++;
    return new Promise<Ok>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...body, id });
    });
  }

  /** Stops the worker (pending requests reject). */
  terminate(): void {
    this.worker.terminate();
    const err = new Error("samudra-sim: the element was removed");
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}
