/**
 * The `window.postMessage` bridge of an element embedded in an `<iframe>` (the verbs VisualPDE embeds use).
 * In (from the parent window only, and from `origin` when one is set):
 *   { type: "updateParam", key: "gamma", value: -1 }  or  { type: "updateParam", options: { gamma: -1, beta: 1 } }
 *   { type: "resetSim" }   { type: "pauseSim" }   { type: "playSim" }
 * Out (to the parent, once per drawn update):
 *   { type: "frame", source: "samudra-sim", id, model, frame, t, diagnostics: { name: value, … } }
 *   { type: "statechange", source: "samudra-sim", id, state, message }
 *   { type: "error", source: "samudra-sim", id, verb, message }   when a verb fails (e.g. a bad option value)
 */

/** What the bridge drives. */
export interface BridgeTarget {
  /** Applies option changes (the `updateParam` verb). */
  set(options: Record<string, unknown>): Promise<unknown>;
  /** Reloads the run from frame 0 (`resetSim`). */
  reset(): Promise<unknown>;
  /** Pauses (`pauseSim`). */
  pause(): Promise<unknown>;
  /** Plays (`playSim`). */
  play(): Promise<unknown>;
}

/** A message the parent sends. */
export type BridgeVerb =
  | { type: "updateParam"; key?: string; value?: unknown; options?: Record<string, unknown> }
  | { type: "resetSim" } | { type: "pauseSim" } | { type: "playSim" };

/**
 * Listens for the verbs from `window.parent`; returns { post, stop }: `post(msg)` sends a message to the parent,
 * `stop()` removes the listener.
 * @example
 * const b = startBridge(el, "*", el.id);
 * b.post({ type: "frame", frame: 3, t: 0.6 });
 */
export function startBridge(target: BridgeTarget, origin: string, id: string): { post(m: Record<string, unknown>): void; stop(): void } {
  const parent = window.parent;
  const post = (m: Record<string, unknown>) => {
    if (parent && parent !== window) parent.postMessage({ ...m, source: "samudra-sim", id }, origin === "" ? "*" : origin);
  };
  const onMessage = (e: MessageEvent) => {
    if (e.source !== parent || parent === window) return;
    if (origin && origin !== "*" && e.origin !== origin) return;
    const m = e.data as BridgeVerb;
    if (!m || typeof m !== "object" || typeof m.type !== "string") return;
    let p: Promise<unknown> | null = null;
    switch (m.type) {
      case "updateParam": {
        const opts = m.options ?? (typeof m.key === "string" ? { [m.key]: m.value } : null);
        if (!opts) { post({ type: "error", verb: m.type, message: "updateParam needs { key, value } or { options }" }); return; }
        p = target.set(opts);
        break;
      }
      case "resetSim": p = target.reset(); break;
      case "pauseSim": p = target.pause(); break;
      case "playSim": p = target.play(); break;
      default: return;
    }
    p.catch((err: unknown) => post({ type: "error", verb: m.type, message: err instanceof Error ? err.message : String(err) }));
  };
  window.addEventListener("message", onMessage);
  return { post, stop: () => window.removeEventListener("message", onMessage) };
}
