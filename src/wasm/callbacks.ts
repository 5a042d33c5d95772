/**
 * JavaScript functions the WASM kernels call back through the `env.odeRhsJs(handle, t)` import
 * (right-hand sides of user ODE systems). Handles index a slot table, reused after release.
 */
type Slot = (t: number) => void;

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
  fn(t);
}
