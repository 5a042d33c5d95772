/**
 * JavaScript functions the WASM kernels call back through imports: `env.odeRhsJs(handle, t)` (right-hand sides
 * of user ODE systems) and `env.odeEventJs(handle, k, t, yPtr, n) → g` (event functions, evaluated by the WASM
 * step loop). Handles index a slot table, reused after release.
 */
type Rhs = (t: number) => void;
type Events = (k: number, t: number, y: number, n: number) => number;
type Slot = Rhs | Events;

const slots: Array<Slot | null> = [];
const freeSlots: number[] = [];

/** Registers `fn` and returns its handle. */
export function registerCallback(fn: Slot): number {
  const h = freeSlots.length ? freeSlots.pop()! : slots.length;
  slots[h] = fn;
  return h;
}

/** Frees a handle from {@link registerCallback}. */
export function releaseCallback(handle: number): void {
  if (slots[handle]) {
    slots[handle] = null;
    freeSlots.push(handle);
  }
}

/** The import itself. */
export function odeRhsJs(handle: number, t: number): void {
  const fn = slots[handle];
  if (!fn) throw new Error(`samudra: ODE right-hand side #${handle} was released while the integrator still used it`);
  (fn as Rhs)(t);
}

/** The event import: g_k(t, y) of the event functions behind `handle` (y: n doubles at address yPtr). */
export function odeEventJs(handle: number, k: number, t: number, y: number, n: number): number {
  const fn = slots[handle] as Events | null;
  if (!fn) throw new Error(`samudra: ODE event functions #${handle} were released while the integrator still used them`);
  return fn(k, t, y, n);
}
