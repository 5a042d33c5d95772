/**
 * A plain 2-D canvas view of the school with the interface of the WebGL view (SchoolGLView in school-gl.ts):
 * orthographic projection of the fish about the view target (the box centre for periodic runs, the school's
 * centroid otherwise), rotated by azimuth/elevation; each fish a short stroke along its heading, coloured by depth
 * (near = warm); the periodic box drawn as a wire cube; the predator as a red ring. Drag orbits, the wheel zooms.
 */

/** One frame for the school view (the SchoolGLFrame contract). */
export interface SchoolFrame { positions: Float64Array; velocities: Float64Array; n: number; boxSize: number; periodic: boolean; predator?: [number, number, number] | null }

/** 2-D canvas drawer with orbit controls. */
export class School2DView {
  readonly fallback = true;
  private readonly ctx: CanvasRenderingContext2D;
  private frame: SchoolFrame | null = null;
  private az = 0.6;
  private el = 0.35;
  private zoom = 1;
  private target: [number, number, number] = [0, 0, 0];
  private scale = 1;
  private w = 1;
  private h = 1;

  /** @example const v = new School2DView(canvas); v.update(frame); v.render(); */
  constructor(readonly canvas: HTMLCanvasElement) { this.ctx = canvas.getContext("2d")!; }

  /** Keeps (copies) the frame to draw. */
  update(f: SchoolFrame): void { this.frame = { ...f, positions: f.positions.slice(), velocities: f.velocities.slice() }; }

  resize(width: number, height: number, dpr = globalThis.devicePixelRatio || 1): void {
    this.w = width; this.h = height;
    this.canvas.style.width = `${width}px`; this.canvas.style.height = `${height}px`;
    this.canvas.width = Math.round(width * dpr); this.canvas.height = Math.round(height * dpr);
    this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  }

  private project(x: number, y: number, z: number): [number, number, number] {
    const ca = Math.cos(this.az), sa = Math.sin(this.az), ce = Math.cos(this.el), se = Math.sin(this.el);
    const dx = x - this.target[0], dy = y - this.target[1], dz = z - this.target[2];
    const u = -sa * dx + ca * dy, w = ca * dx + sa * dy, v = -se * w + ce * dz, depth = ce * w + se * dz;
    return [this.w / 2 + u * this.scale, this.h / 2 - v * this.scale, depth];
  }

  render(): void {
    const c = this.ctx, f = this.frame;
    c.fillStyle = "#0b1a33"; c.fillRect(0, 0, this.w, this.h);
    if (!f) return;
    const P = f.positions, V = f.velocities, n = f.n, L = f.boxSize;
    let cx = 0, cy = 0, cz = 0;
    for (let i = 0; i < n; i++) { cx += P[3 * i]; cy += P[3 * i + 1]; cz += P[3 * i + 2]; }
    this.target = f.periodic ? [L / 2, L / 2, L / 2] : [cx / n, cy / n, cz / n];
    let ext = L;
    if (!f.periodic) { let r = 0; for (let i = 0; i < n; i++) r = Math.max(r, Math.abs(P[3 * i] - this.target[0]), Math.abs(P[3 * i + 1] - this.target[1]), Math.abs(P[3 * i + 2] - this.target[2])); ext = Math.max(2 * r, 1); }
    this.scale = (this.zoom * Math.min(this.w, this.h)) / (1.9 * ext);
    if (f.periodic) this.box(L);
    const stroke = Math.max(4 / this.scale, 0.025 * ext);   // world units
    c.lineWidth = 1.4;
    for (let i = 0; i < n; i++) {
      const [sx, sy, d] = this.project(P[3 * i], P[3 * i + 1], P[3 * i + 2]);
      const vx = V[3 * i], vy = V[3 * i + 1], vz = V[3 * i + 2], m = Math.hypot(vx, vy, vz) || 1;
      const [hx, hy] = this.project(P[3 * i] + vx / m, P[3 * i + 1] + vy / m, P[3 * i + 2] + vz / m);
      const k = Math.max(0, Math.min(1, 0.5 + d / ext));
      c.strokeStyle = `hsl(${30 + 170 * k}, 85%, ${62 - 12 * k}%)`;
      c.beginPath(); c.moveTo(sx, sy); c.lineTo(sx + (hx - sx) * stroke, sy + (hy - sy) * stroke); c.stroke();
    }
    if (f.predator) {
      const [px, py] = this.project(...f.predator);
      c.strokeStyle = "#ff3b3b"; c.lineWidth = 2.5; c.beginPath(); c.arc(px, py, 7, 0, 2 * Math.PI); c.stroke();
    }
  }

  private box(L: number): void {
    const c = this.ctx, v = [0, L];
    c.strokeStyle = "rgba(200,220,255,0.45)"; c.lineWidth = 1;
    for (const a of v) for (const b of v) {
      for (const [p, q] of [[[0, a, b], [L, a, b]], [[a, 0, b], [a, L, b]], [[a, b, 0], [a, b, L]]] as const) {
        const s = this.project(p[0], p[1], p[2]), e = this.project(q[0], q[1], q[2]);
        c.beginPath(); c.moveTo(s[0], s[1]); c.lineTo(e[0], e[1]); c.stroke();
      }
    }
  }

  /** Drag = orbit, wheel = zoom; returns a detach function. */
  attachOrbit(target: HTMLElement): () => void {
    let last: [number, number] | null = null;
    const down = (e: PointerEvent) => { last = [e.clientX, e.clientY]; };
    const move = (e: PointerEvent) => {
      if (!last || !(e.buttons & 1)) { last = null; return; }
      this.az -= (e.clientX - last[0]) * 0.01;
      this.el = Math.max(-1.5, Math.min(1.5, this.el + (e.clientY - last[1]) * 0.01));
      last = [e.clientX, e.clientY];
    };
    const up = () => { last = null; };
    const wheel = (e: WheelEvent) => { e.preventDefault(); this.zoom = Math.max(0.2, Math.min(8, this.zoom * Math.exp(-e.deltaY * 0.001))); };
    target.addEventListener("pointerdown", down); target.addEventListener("pointermove", move);
    target.addEventListener("pointerup", up); target.addEventListener("wheel", wheel, { passive: false });
    return () => {
      target.removeEventListener("pointerdown", down); target.removeEventListener("pointermove", move);
      target.removeEventListener("pointerup", up); target.removeEventListener("wheel", wheel);
    };
  }

  /** Pointer → world point on the plane through the view target facing the camera. */
  pickWorld(clientX: number, clientY: number): [number, number, number] {
    const r = this.canvas.getBoundingClientRect();
    const u = (clientX - r.left - this.w / 2) / this.scale, v = -(clientY - r.top - this.h / 2) / this.scale;
    const ca = Math.cos(this.az), sa = Math.sin(this.az), ce = Math.cos(this.el), se = Math.sin(this.el);
    // inverse of project() with depth 0: (u, v) = (−sa dx + ca dy, −se(ca dx + sa dy) + ce dz), depth = ce w + se dz = 0
    const w = -se * v, dz = ce * v;
    return [this.target[0] + ca * w - sa * u, this.target[1] + sa * w + ca * u, this.target[2] + dz];
  }

  dispose(): void { this.frame = null; }
}
