/**
 * Pointer orbit for the school view: a drag (primary button, touch or pen, with pointer capture) turns the camera by
 * 0.3° per CSS px (azimuth −dx, elevation +dy); the wheel zooms by e^(0.0015 Δy) (Δy in px; line and page deltas
 * are converted at 16 px and 400 px). While attached the target has `touch-action: none` so touch drags orbit
 * instead of scrolling the page; detaching restores it.
 */

/**
 * What the orbit needs from its view.
 * @example
 * const host: OrbitHost = { camera: view.camera, setView: (v) => view.setView(v), changed: () => view.render() };
 */
export interface OrbitHost {
  /** Current angles (degrees) and zoom. */
  readonly camera: { readonly azimuth: number; readonly elevation: number; readonly zoom: number };
  /** Applies new angles/zoom (the view clamps them). */
  setView(v: { azimuth?: number; elevation?: number; zoom?: number }): void;
  /** Called after every change (the view schedules a render). */
  changed(): void;
}

/**
 * Adds the orbit listeners to `target`; returns the function that removes them.
 * @example
 * const detach = attachOrbitControls(canvas, { camera: view.camera, setView: (v) => view.setView(v), changed: () => view.render() });
 */
export function attachOrbitControls(target: HTMLElement, host: OrbitHost): () => void {
  let drag: { id: number; x: number; y: number } | null = null;
  const down = (e: PointerEvent) => {
    if (e.button !== 0 || drag) return;
    drag = { id: e.pointerId, x: e.clientX, y: e.clientY };
    try { target.setPointerCapture(e.pointerId); } catch { /* a synthetic pointer cannot be captured */ }
  };
  const move = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    const c = host.camera;
    host.setView({ azimuth: c.azimuth - 0.3 * (e.clientX - drag.x), elevation: c.elevation + 0.3 * (e.clientY - drag.y) });
    drag.x = e.clientX; drag.y = e.clientY;
    host.changed();
  };
  const up = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    try { target.releasePointerCapture(e.pointerId); } catch { /* already released */ }
    drag = null;
  };
  const wheel = (e: WheelEvent) => {
    e.preventDefault();
    const dy = e.deltaMode === 1 ? 16 * e.deltaY : e.deltaMode === 2 ? 400 * e.deltaY : e.deltaY;
    host.setView({ zoom: host.camera.zoom * Math.exp(0.0015 * dy) });
    host.changed();
  };
  const touchAction = target.style.touchAction;
  target.style.touchAction = "none";
  target.addEventListener("pointerdown", down);
  target.addEventListener("pointermove", move);
  target.addEventListener("pointerup", up);
  target.addEventListener("pointercancel", up);
  target.addEventListener("wheel", wheel, { passive: false });
  return () => {
    target.removeEventListener("pointerdown", down);
    target.removeEventListener("pointermove", move);
    target.removeEventListener("pointerup", up);
    target.removeEventListener("pointercancel", up);
    target.removeEventListener("wheel", wheel);
    target.style.touchAction = touchAction;
  };
}
