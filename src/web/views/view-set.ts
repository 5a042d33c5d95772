/**
 * The views of one `<samudra-sim>` and their pointer input. Field runs (NLSE, KG): the current field with axes
 * (FieldPlot), the scrolling space-time heatmap and the invariants strip. School: the 3-D view (the WebGL view when
 * available, else its 2-D fallback) and the P/M/OSI strip. Pointer input: on the field, press-drag-release adds a
 * bump at the press point (height = the field value there, velocity = drag distance / 4 per time unit); on the
 * school, the hovering pointer is the predator and a drag orbits the camera.
 */
import type { RunInfo, ViewData } from "../protocol.js";
import { FieldPlot, StripPlot, type StripSeries } from "./plots.js";
import { SpaceTimeHeatmap } from "./heatmap.js";
import { SchoolGLView as SchoolView } from "../school-gl.js";

/** Callbacks for direct manipulation. */
export interface ViewInput {
  bump(x: number, amplitude: number, velocity: number): void;
  predator(position: [number, number, number] | null): void;
}

const STRIPS: Record<string, { series: StripSeries[]; labels: [string, string]; fixed?: [number, number] }> = {
  nlse: { series: [{ key: "mass drift", label: "ΔM/M₀", axis: 0 }, { key: "H drift", label: "ΔH/|H₀|", axis: 0 }, { key: "error", label: "max|ψ−ψ_exact|", axis: 1 }], labels: ["relative drift", "error vs exact"] },
  kg: { series: [{ key: "energy drift", label: "ΔE/|E₀|", axis: 0 }, { key: "kink 1", label: "kink 1 x", axis: 1 }, { key: "kink 2", label: "kink 2 x", axis: 1 }], labels: ["energy drift", "kink position x"] },
  school: { series: [{ key: "P", label: "P (polarization)", axis: 0 }, { key: "M", label: "M (rotation)", axis: 0 }, { key: "OSI", label: "OSI", axis: 0 }], labels: ["order parameter", ""], fixed: [0, 1] },
};

/** The views of one element. */
export class ViewSet {
  readonly root: HTMLDivElement;
  private field: FieldPlot | null = null;
  private heat: SpaceTimeHeatmap | null = null;
  private strip = new StripPlot();
  private school: SchoolView | null = null;
  private schoolCanvas: HTMLCanvasElement | null = null;
  private detach: (() => void) | null = null;
  private info: RunInfo | null = null;
  private width = 600;
  private dirty = false;
  private schoolDirty = false;

  /** @example const v = new ViewSet({ bump() {}, predator() {} }); shadowRoot.append(v.root); v.configure(info); */
  constructor(private readonly input: ViewInput) {
    this.root = document.createElement("div");
    this.root.className = "views";
  }

  /** Builds the views for a (re)loaded run. */
  configure(info: RunInfo, heatCols: number): void {
    const sameModel = this.info?.model === info.model;
    this.info = info;
    if (!sameModel) this.build(info);
    const s = STRIPS[info.model];
    const series = s.series.filter((x) => x.key !== "error" || info.exact);
    this.strip.configure(series, [s.labels[0], series.some((x) => x.axis === 1) ? s.labels[1] : ""], this.width, 170, s.fixed);
    if (info.model !== "school") {
      const label = info.model === "nlse" ? "|ψ|" : "φ";
      this.field!.configure(info.fieldNames, info.model === "nlse" ? "ψ" : "φ, φ_t", this.width, 230);
      const frames = info.tEnd === null ? null : Math.round((info.tEnd - info.tStart) / info.frameDt) + 1;
      this.heat!.configure({ cols: heatCols, xMin: info.xMin, xMax: info.xMax, lut: info.colormap ?? new Uint8Array(768), signed: info.model === "kg", label, frames, frameDt: info.frameDt });
      this.heat!.resize(this.width, 220);
    }
  }

  private build(info: RunInfo): void {
    this.root.replaceChildren();
    this.detach?.(); this.detach = null;
    this.field?.destroy(); this.field = null; this.heat = null;
    this.school?.dispose(); this.school = null; this.schoolCanvas = null;
    if (info.model === "school") {
      const c = document.createElement("canvas");
      c.className = "school";
      this.schoolCanvas = c;
      this.school = new SchoolView(c);
      this.school.resize(this.width, Math.round(this.width * 0.7));
      this.schoolDirty = true;
      this.detach = this.school.attachOrbit(c);
      // the school is redrawn on new data or when the camera may have moved, not on every animation frame
      for (const ev of ["pointermove", "pointerdown", "wheel"]) c.addEventListener(ev, () => { this.schoolDirty = true; }, { passive: true });
      let pending: number | null = null;
      c.addEventListener("pointermove", (e) => {
        if (e.buttons & 1 || pending !== null) return;
        pending = requestAnimationFrame(() => { pending = null; this.input.predator(this.school!.pickWorld(e.clientX, e.clientY)); });
      });
      c.addEventListener("pointerleave", () => this.input.predator(null));
      this.root.append(c, this.strip.el);
    } else {
      this.field = new FieldPlot();
      this.heat = new SpaceTimeHeatmap();
      this.root.append(this.field.el, this.heat.canvas, this.strip.el);
      this.bumpInput(this.field);
    }
  }

  private bumpInput(field: FieldPlot): void {
    let start: { x: number; y: number; t: number } | null = null;
    const pos = (e: PointerEvent) => {
      const over = field.over!, r = over.getBoundingClientRect();
      return field.toValues(e.clientX - r.left, e.clientY - r.top);
    };
    this.field!.el.addEventListener("pointerdown", (e) => {
      if (!field.over || !field.over.contains(e.target as Node)) return;
      const [x, y] = pos(e);
      start = { x, y, t: performance.now() };
    });
    this.field!.el.addEventListener("pointerup", (e) => {
      if (!start || !field.over) return;
      const [x] = pos(e);
      const lim = this.info?.model === "kg" ? 0.9 : 4;
      const v = Math.max(-lim, Math.min(lim, (x - start.x) / 4));
      const amp = this.info?.model === "nlse" ? Math.max(0.3, Math.abs(start.y)) : start.y || 0.5;
      this.input.bump(start.x, amp, v);
      start = null;
    });
  }

  /** Applies a worker reply: new strip points and heatmap rows, the latest field or school. */
  apply(v: ViewData): void {
    this.strip.push(v.times, v.diag);
    if (v.x && v.field && this.field) this.field.update(v.x, v.field);
    if (v.rows && this.heat) this.heat.push(v.rows, v.times);
    if (v.school && this.school) { this.school.update(v.school); this.schoolDirty = true; }
    this.dirty = true;
  }

  /** Draws what changed (call once per animation frame). */
  draw(): void {
    // an open-space camera still gliding toward the school keeps drawing after a pause, so it does not stop mid-way
    if (this.school && (this.schoolDirty || this.school.settling)) { this.school.render(); this.schoolDirty = false; }
    if (!this.dirty) return;
    this.heat?.draw();
    this.dirty = false;
  }

  /** Fits every view to the element's width (CSS pixels). */
  resize(width: number): void {
    this.width = Math.max(240, Math.floor(width));
    this.field?.resize(this.width, 230);
    this.heat?.resize(this.width, 220);
    this.heat?.draw();
    this.school?.resize(this.width, Math.round(this.width * 0.7));
    this.schoolDirty = true;
    this.strip.resize(this.width, 170);
  }

  /** One canvas with every view stacked (for snapshot()). */
  composite(): HTMLCanvasElement {
    if (this.school) this.school.render();
    const parts = [this.schoolCanvas, this.field?.canvas, this.heat?.canvas, this.strip.canvas].filter((c): c is HTMLCanvasElement => !!c);
    const W = Math.max(...parts.map((c) => c.width)), H = parts.reduce((s, c) => s + c.height, 0);
    const out = document.createElement("canvas");
    out.width = W; out.height = H;
    const ctx = out.getContext("2d")!;
    ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, W, H);
    let y = 0;
    for (const c of parts) { ctx.drawImage(c, 0, y); y += c.height; }
    return out;
  }

  /** The main canvas of the model (the pixel tests read it): the school view or the heatmap. */
  get mainCanvas(): HTMLCanvasElement | null { return this.schoolCanvas ?? this.heat?.canvas ?? null; }

  dispose(): void {
    this.detach?.();
    this.field?.destroy(); this.strip.destroy(); this.school?.dispose();
  }
}
