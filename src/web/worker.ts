/**
 * The module Web Worker behind `<samudra-sim>`: instantiates samudra's WASM (inline bytes, `init()`), owns one
 * session (session-field.ts, session-school.ts) and answers the element's requests (protocol.ts) one at a time,
 * in order, each with exactly one reply. The page's main thread never runs the model: it only draws what the
 * replies carry. Option changes: keys in CONTINUE_KEYS continue from the current state, any other key reloads the
 * run from frame 0 (the element says which in its controls).
 */
import { init, render } from "../index.js";
import type { Request, Reply, ModelName, RunInfo } from "./protocol.js";
import { CONTINUE_KEYS, messageOf, type Session } from "./session.js";
import { NlseSession, KgSession } from "./session-field.js";
import { SchoolSession } from "./session-school.js";

interface WorkerScope { postMessage(m: unknown, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent) => void) | null }
const scope = self as unknown as WorkerScope;
const ready = init();
let session: (Session & { load(): void }) | null = null;
let last: { model: ModelName; base: Record<string, unknown>; heatCols: number } | null = null;

function build(model: ModelName, base: Record<string, unknown>, heatCols: number): Session & { load(): void } {
  const s = model === "nlse" ? new NlseSession(base, heatCols) : model === "kg" ? new KgSession(base, heatCols) : new SchoolSession(base);
  s.load();
  return s;
}

/** The options a load asks for: the preset (case), legacy flag and seed over the user's options. */
function baseOptions(m: Extract<Request, { type: "load" }>): Record<string, unknown> {
  const o: Record<string, unknown> = { ...m.options };
  if (m.preset) o.case = m.preset;
  if (m.legacy) o.legacy = true;
  if (m.seed !== null && m.model !== "kg") o.seed = m.seed;
  if (m.model === "school" && o.computeEntropy === undefined) o.computeEntropy = false;   // OSI comes from the strip's own call
  return o;
}

/** Adds the heatmap colormap (a copy: render.colormap's table is cached and must not be transferred). */
function withColormap(info: RunInfo): RunInfo {
  if (info.model === "school") return info;
  return { ...info, colormap: render.colormap(info.model === "nlse" ? "viridis" : "rdbu").slice() };
}

function transferables(v: unknown, out: Transferable[] = []): Transferable[] {
  if (ArrayBuffer.isView(v)) { if (!out.includes(v.buffer as ArrayBuffer)) out.push(v.buffer as ArrayBuffer); }
  else if (v && typeof v === "object") for (const x of Object.values(v)) transferables(x, out);
  return out;
}

function handle(m: Request): Omit<Extract<Reply, { ok: true }>, "type" | "id" | "ok"> {
  if (m.type === "load") {
    const base = baseOptions(m);
    const next = build(m.model, base, m.heatCols);   // throws on bad options: the old run stays
    session?.dispose();
    session = next;
    last = { model: m.model, base, heatCols: m.heatCols };
    return { info: withColormap(session.info()), view: session.view() };
  }
  if (!session || !last) throw new Error("no simulation is loaded");
  switch (m.type) {
    case "advance":
      session.advance(m.frames, m.budgetMs);
      return { view: session.view() };
    case "state":
      return { state: session.state() };
    case "bump":
      session.bump(m.x, m.amplitude, m.velocity);
      return { info: withColormap(session.info()), view: session.view() };
    case "predator":
      session.setPredator(m.predator);
      return { view: session.view() };
    case "netcdf":
      return { bytes: session.netcdf() };
    case "set":
      throw new Error("set is handled before");
    case "dispose":
      session.dispose();
      session = null;
      return {};
    default:
      throw new Error(`unknown request ${(m as { type: string }).type}`);
  }
}

/** Applies `set(options)`: continue where every key allows it, else reload from frame 0. */
function set(changes: Record<string, unknown>): "continue" | "restart" {
  if (!session || !last) throw new Error("no simulation is loaded");
  const legacy = session.info().legacy;
  const cont = Object.keys(changes).every((k) => CONTINUE_KEYS[last!.model].has(k) && (!legacy || k === "predator"));
  if (cont) { session.continueWith(changes); last.base = { ...last.base, ...changes }; return "continue"; }
  const base = { ...last.base, ...changes };
  const next = build(last.model, base, last.heatCols);
  session.dispose();
  session = next;
  last.base = base;
  return "restart";
}

scope.onmessage = async (e: MessageEvent) => {
  const m = e.data as Request;
  await ready;
  let reply: Reply;
  try {
    if (m.type === "set") {
      const how = set(m.options);
      reply = { type: "reply", id: m.id, ok: true, info: withColormap({ ...session!.info(), applied: how }), view: session!.view() };
    } else {
      reply = { type: "reply", id: m.id, ok: true, ...handle(m) };
    }
  } catch (err) {
    reply = { type: "reply", id: m.id, ok: false, error: messageOf(err) };
  }
  scope.postMessage(reply, transferables(reply));
};
