/**
 * Node runner: `serve(options)` listens with @hono/node-server and resolves with the bound address; `close()` stops
 * accepting and ends open connections. `samudra serve` uses it.
 *
 * @example
 * import { serve } from "samudra/server/node";   // dist/server/node.js
 * const s = await serve({ port: 8787, host: "127.0.0.1", app: { budget: "paid" } });
 * console.log(s.url);  await s.close();
 */
import { serve as honoServe } from "@hono/node-server";
import { createApp } from "./index.js";
import type { AppOptions } from "./app.js";

/** Options of `serve`. */
export interface ServeOptions {
  /** TCP port (0: any free port). Default 8787. */
  port?: number;
  /** Interface to bind. Default "127.0.0.1". */
  host?: string;
  /** Options of the app (budget, cache, …). */
  app?: AppOptions;
}

/** A listening server. */
export interface Serving {
  /** e.g. "http://127.0.0.1:8787". */
  url: string;
  /** The bound port. */
  port: number;
  /** Stops the server (closes idle and active connections). */
  close(): Promise<void>;
}

/**
 * Starts the service on Node.
 *
 * @example
 * const s = await serve({ port: 0 });   // s.url: "http://127.0.0.1:<port>"
 */
export function serve(o: ServeOptions = {}): Promise<Serving> {
  const app = createApp(o.app ?? {});
  const host = o.host ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    const server = honoServe({ fetch: app.fetch, port: o.port ?? 8787, hostname: host }, (info) => {
      const h = host.includes(":") ? `[${host}]` : host;
      resolve({
        url: `http://${h}:${info.port}`, port: info.port,
        close: () => new Promise<void>((res) => {
          const s = server as unknown as { close(cb: () => void): void; closeAllConnections?: () => void };
          s.close(() => res());
          s.closeAllConnections?.();
        }),
      });
    });
    server.once("error", reject);
  });
}
