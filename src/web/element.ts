/**
 * `<samudra-sim>`: a live NLSE, Klein–Gordon or fish-school simulation in one tag. The model runs in a module
 * Web Worker (worker.ts) with samudra's f64 WASM kernels; this element on the main thread only draws (views/) and
 * takes input. Pacing: while playing, each animation frame asks the worker for the frames that `speed` (simulated
 * time per second) calls for — at most what the worker can do in ~20 ms, measured — and draws the reply; one request
 * is in flight at a time, so a slow model runs slower instead of queueing. Play stops while the element is off
 * screen (IntersectionObserver) or the tab is hidden, and resumes after. `advance(n)` pauses, then steps exactly n
 * frames; `state()` returns the run's state bit for bit (see protocol.ts for what a frame is).
 */
import { LitElement, html, unsafeCSS, type PropertyValues } from "lit";
import { WorkerClient } from "./client.js";
import { ViewSet } from "./views/view-set.js";
import { controls, defaultSpeedOf } from "./controls.js";
import { startBridge } from "./bridge.js";
import { STYLES } from "./styles.js";
import type { ModelName, RunInfo, RunState, SimState, ViewData } from "./protocol.js";

/** Attributes for the common options (attribute → model option), applied over `options`. */
export const OPTION_ATTRIBUTES: Record<string, string> = {
  "num-points": "numPoints", "domain-length": "domainLength", "t-final": "tFinal", gamma: "gamma", beta: "beta", method: "method",
  nx: "nx", mass: "mass", "n-fish": "nFish", "box-size": "boxSize", noise: "noise", boundary: "boundary",
};
const MODELS: ModelName[] = ["nlse", "kg", "school"];
const BAD_JSON = "__samudraBadOptionsJson";

/** The `options` attribute: JSON of an object; anything else is kept as a marker that load() reports. */
function parseOptions(v: string | null): Record<string, unknown> {
  if (v === null || v.trim() === "") return {};
  try {
    const o = JSON.parse(v);
    if (o && typeof o === "object" && !Array.isArray(o)) return o;
  } catch { /* reported by load() */ }
  return { [BAD_JSON]: v };
}
const HEAT_COLS = 256;

/** Detail of the `frame` event. */
export interface FrameDetail {
  /** Frames produced so far (frame 0 included; see docs/web.md, "What a frame is"). */
  frame: number;
  /** Simulated time of the latest frame. */
  t: number;
  /** The model running. */
  model: ModelName;
  /** The latest frame's diagnostics by name (NLSE mass/H drift and error, KG energy drift and kinks, school P, M, OSI). */
  diagnostics: Record<string, number>;
}
/** Detail of the `statechange` event. */
export interface StateDetail {
  /** "loading", "playing", "paused", "ended" or "error". */
  state: RunState;
  /** Why the run ended or failed ("" otherwise). */
  message: string;
}

/** The `<samudra-sim>` custom element. */
export class SamudraSim extends LitElement {
  static override properties = {
    model: { type: String, reflect: true },
    preset: { type: String },
    legacy: { type: Boolean },
    options: { converter: { fromAttribute: parseOptions } },
    seed: { type: Number },
    controls: { type: String },
    autoplay: { type: Boolean },
    speed: { converter: (v: string | null) => (v === "max" ? Infinity : v === null || v === "" ? null : Number(v)) },
    bridge: { type: Boolean },
    bridgeOrigin: { type: String, attribute: "bridge-origin" },
    runState: { state: true }, message: { state: true }, t: { state: true }, frame: { state: true }, info: { state: true },
  };
  static override styles = unsafeCSS(STYLES);
  static override get observedAttributes(): string[] { return [...super.observedAttributes, ...Object.keys(OPTION_ATTRIBUTES)]; }

  /** `nlse`, `kg` or `school`. */
  declare model: ModelName;
  /** A case of the model (default: the model's default case). */
  declare preset: string | null;
  /** The seed-parity face of the preset. */
  declare legacy: boolean;
  /** Any model options (JSON in the attribute). */
  declare options: Record<string, unknown>;
  /** Random seed (NLSE modulation_instability, school). */
  declare seed: number | null;
  /** `none`, `minimal` (default) or `full`. */
  declare controls: "none" | "minimal" | "full";
  /** Start playing once loaded. */
  declare autoplay: boolean;
  /** Simulated time per second of wall time; null = the model's default; Infinity (`"max"`) = as fast as it goes. */
  declare speed: number | null;
  /** Enable the postMessage bridge (bridge.ts). */
  declare bridge: boolean;
  /** Origin the bridge accepts and posts to ("" or "*" = any). */
  declare bridgeOrigin: string;
  /** Lifecycle state (read-only; the `statechange` event reports changes). */
  declare runState: RunState;
  /** Why the run ended or failed ("" otherwise; read-only). */
  declare message: string;
  /** Simulated time of the latest frame (read-only). */
  declare t: number;
  /** Frames produced so far (read-only). */
  declare frame: number;
  /** Static facts about the loaded run, null while loading (read-only). */
  declare info: RunInfo | null;

  private client: WorkerClient | null = null;
  private readonly views = new ViewSet({ bump: (x, a, v) => void this.bump(x, a, v), predator: (p) => void this.setPredator(p) });
  private loaded: Promise<void> | null = null;
  private wantPlay = false;
  private raf = 0;
  private lastTick = 0;
  private simDebt = 0;
  private msPerFrame = 1;
  private busy = false;
  private visible = true;
  private io: IntersectionObserver | null = null;
  private ro: ResizeObserver | null = null;
  private bridgeLink: { post(m: Record<string, unknown>): void; stop(): void } | null = null;
  private attrOptions: Record<string, unknown> = {};
  private predatorRadius = 3;
  private reloadQueued = false;
  private suppressReload = false;
  private laidOutWidth = 0;

  constructor() {
    super();
    this.model = "nlse"; this.preset = null; this.legacy = false; this.options = {}; this.seed = null;
    this.controls = "minimal"; this.autoplay = false; this.speed = null; this.bridge = false; this.bridgeOrigin = "*";
    this.runState = "loading"; this.message = ""; this.t = 0; this.frame = 0; this.info = null;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name in OPTION_ATTRIBUTES) {
      const key = OPTION_ATTRIBUTES[name];
      if (value === null) delete this.attrOptions[key];
      else this.attrOptions[key] = value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : value;
      if (this.loaded) this.queueReload();
      return;
    }
    super.attributeChangedCallback(name, old, value);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.client ??= new WorkerClient();
    this.io = new IntersectionObserver((es) => { this.visible = es.some((e) => e.isIntersecting); });
    this.io.observe(this);
    // only a new width re-lays the views out (the height changes with every status line that wraps)
    this.ro = new ResizeObserver(() => { const w = this.clientWidth || 600; if (w !== this.laidOutWidth) { this.laidOutWidth = w; this.views.resize(w); } });
    this.ro.observe(this);
    document.addEventListener("visibilitychange", this.onVisibility);
    if (this.bridge) this.bridgeLink = startBridge(this, this.bridgeOrigin, this.id);
    this.raf = requestAnimationFrame(this.tick);
    if (!this.loaded) this.loaded = this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.raf);
    this.io?.disconnect(); this.ro?.disconnect();
    document.removeEventListener("visibilitychange", this.onVisibility);
    this.bridgeLink?.stop(); this.bridgeLink = null;
    this.client?.terminate(); this.client = null; this.loaded = null;
    this.views.dispose();
  }

  private readonly onVisibility = () => { this.lastTick = performance.now(); };

  protected override updated(changed: PropertyValues): void {
    if (!this.loaded || this.suppressReload) return;
    if (["model", "preset", "legacy", "options", "seed"].some((k) => changed.has(k) && changed.get(k) !== undefined)) this.queueReload();
  }

  private queueReload(): void {
    if (this.reloadQueued) return;
    this.reloadQueued = true;
    queueMicrotask(() => { this.reloadQueued = false; this.loaded = this.load(); });
  }

  /** Loads (or reloads) the run described by the attributes; frame 0 is drawn. */
  private async load(): Promise<void> {
    if (!MODELS.includes(this.model)) { this.fail(`model must be one of ${MODELS.join(", ")}, got "${this.model}"`); return; }
    if (this.options && BAD_JSON in this.options) { this.fail(`the options attribute must be a JSON object like '{"numPoints": 1024}', got ${String(this.options[BAD_JSON])}`); return; }
    this.setRunState("loading");
    try {
      const r = await this.client!.request({ type: "load", model: this.model, preset: this.preset, legacy: this.legacy,
        options: { ...this.attrOptions, ...this.options }, seed: this.seed, heatCols: HEAT_COLS });
      this.accept(r.info!, r.view!);
      this.wantPlay = this.autoplay || this.wantPlay;
      this.setRunState(this.wantPlay ? "playing" : "paused");
    } catch (e) {
      this.fail((e as Error).message);
    }
  }

  private accept(info: RunInfo, view: ViewData): void {
    const modelChanged = this.info?.model !== info.model;
    this.info = info;
    this.views.configure(info, HEAT_COLS);
    if (modelChanged) this.views.resize(this.clientWidth || 600);
    this.show(view);
  }

  private show(v: ViewData): void {
    this.views.apply(v);
    this.t = v.t; this.frame = v.frame;
    const diagnostics: Record<string, number> = {};
    for (const [k, a] of Object.entries(v.diag)) if (a.length) diagnostics[k] = a[a.length - 1];
    const detail: FrameDetail = { frame: v.frame, t: v.t, model: this.info?.model ?? this.model, diagnostics };
    this.dispatchEvent(new CustomEvent("frame", { detail }));
    this.bridgeLink?.post({ type: "frame", ...detail });
    if (v.status === "ended") { this.wantPlay = false; this.setRunState("ended"); }
    else if (v.status !== "ok") { this.wantPlay = false; this.fail(v.message || v.status); }
  }

  private fail(message: string): void {
    this.message = message;
    this.setRunState("error");
  }

  private setRunState(s: RunState): void {
    if (s === this.runState && s !== "error") return;
    this.runState = s;
    if (s !== "error") this.message = "";
    const detail: StateDetail = { state: s, message: this.message };
    this.dispatchEvent(new CustomEvent("statechange", { detail }));
    this.bridgeLink?.post({ type: "statechange", ...detail });
  }

  /** Simulated time per second in effect. */
  get effectiveSpeed(): number {
    if (typeof this.speed === "number" && this.speed > 0) return this.speed;   // null, 0, negative, NaN: the default
    return this.info ? defaultSpeedOf(this.info) : 1;
  }

  private readonly tick = (now: number) => {
    this.raf = requestAnimationFrame(this.tick);
    const dtWall = Math.min(100, Math.max(0, now - (this.lastTick || now)));
    this.lastTick = now;
    this.views.draw();
    if (!this.wantPlay || this.runState !== "playing" || !this.info || !this.visible || document.hidden || this.busy) return;
    const speed = this.effectiveSpeed, fdt = this.info.frameDt;
    this.simDebt = Math.min(this.simDebt + (speed * dtWall) / 1000, speed === Infinity ? Infinity : Math.max(fdt, (speed * 100) / 1000));
    const affordable = Math.max(1, Math.floor(20 / this.msPerFrame));
    const frames = Math.min(affordable, Math.floor(this.simDebt / fdt));
    if (frames < 1) return;
    this.simDebt = speed === Infinity ? 0 : this.simDebt - frames * fdt;
    this.busy = true;
    const t0 = performance.now();
    this.client!.request({ type: "advance", frames, budgetMs: 20 }).then((r) => {
      const done = Math.max(1, r.view!.frame - this.frame);
      this.msPerFrame = 0.7 * this.msPerFrame + 0.3 * Math.max(0.05, (performance.now() - t0) / done);
      if (this.runState !== "loading") this.show(r.view!);   // a reload in between replaces these views anyway
    }).catch((e: Error) => this.fail(e.message)).finally(() => { this.busy = false; });
  };

  private async idle(): Promise<void> {
    await this.loaded;
    if (!this.client) throw new Error("samudra-sim: the element is not connected to a document");
  }

  /** Starts playing (resolves once the run is loaded). @example await el.play(); */
  async play(): Promise<void> {
    await this.idle();
    this.wantPlay = true;
    if (this.runState === "paused") this.setRunState("playing");
  }

  /** Pauses (resolves once the frame in flight, if any, is drawn). @example await el.pause(); */
  async pause(): Promise<void> {
    this.wantPlay = false;
    await this.idle();
    await this.client!.request({ type: "state" });   // replies are in order: every advance sent before has been drawn
    if (this.runState === "playing" && !this.wantPlay) this.setRunState("paused");
  }

  /** Reloads the run from frame 0 with the current attributes and options. @example await el.reset(); */
  async reset(): Promise<void> {
    await this.loaded?.catch(() => undefined);
    this.loaded = this.load();
    await this.loaded;
  }

  /** Pauses, then advances exactly `nFrames` frames and draws them. @example await el.advance(10); */
  async advance(nFrames: number): Promise<void> {
    if (!Number.isInteger(nFrames) || nFrames < 0) throw new RangeError(`advance(nFrames): nFrames must be an integer ≥ 0, got ${nFrames}`);
    await this.pause();
    const r = await this.client!.request({ type: "advance", frames: nFrames, budgetMs: Infinity });
    this.show(r.view!);
  }

  /** Current time, frame and state arrays (copies, bit for bit the worker's run). @example const s = await el.state(); s.psi; */
  async state(): Promise<SimState> {
    await this.idle();
    return (await this.client!.request({ type: "state" })).state!;
  }

  /**
   * Changes options: keys the model can take in flight continue from the current state, others reload the run
   * (the full controls mark which); resolves with "continue" or "restart".
   * @example await el.set({ gamma: -1 });   // "continue"
   */
  async set(options: Record<string, unknown>): Promise<"continue" | "restart"> {
    if (options === null || typeof options !== "object") throw new TypeError(`set(options): options must be an object like { gamma: -1 }, got ${String(options)}`);
    await this.idle();
    // a value equal to the run's current one is no change (a blur after an edit fires a second `change`)
    const cur = this.info?.options ?? {};
    const changes = Object.fromEntries(Object.entries(options).filter(([k, v]) => !(k in cur) || cur[k] !== v));
    if (Object.keys(changes).length === 0) return "continue";
    const r = await this.client!.request({ type: "set", options: changes });
    this.suppressReload = true;
    this.options = { ...this.options, ...options };
    await this.updateComplete;
    this.suppressReload = false;
    const applied = r.info!.applied!;
    if (applied === "restart") { this.accept(r.info!, r.view!); if (this.runState !== "error") this.setRunState(this.wantPlay ? "playing" : "paused"); }
    else {
      this.info = r.info!;
      this.show(r.view!);
      if (this.runState === "ended" && r.view!.status === "ok") this.setRunState(this.wantPlay ? "playing" : "paused");
    }
    return applied;
  }

  /** NLSE/KG: adds a bump at x (restarts from the current state, see docs/web.md). @example await el.bump(0, 1, 0.5); */
  async bump(x: number, amplitude: number, velocity = 0): Promise<void> {
    await this.idle();
    const r = await this.client!.request({ type: "bump", x, amplitude, velocity });
    this.info = r.info!;
    this.show(r.view!);
    if (this.runState === "ended") this.setRunState(this.wantPlay ? "playing" : "paused");
  }

  /** School: puts the predator at `position` (null removes it). @example await el.setPredator([10, 10, 10]); */
  async setPredator(position: [number, number, number] | null, radius = this.predatorRadius): Promise<void> {
    if (this.info?.model !== "school") return;
    this.predatorRadius = radius;
    await this.idle();
    const r = await this.client!.request({ type: "predator", predator: position ? { position, radius } : null });
    this.views.apply(r.view!);
  }

  /** The views as one PNG image. @example const blob = await el.snapshot(); */
  async snapshot(): Promise<Blob> {
    await this.idle();
    const c = this.views.composite();
    return new Promise((resolve, reject) => c.toBlob((b) => (b ? resolve(b) : reject(new Error("snapshot(): the canvas could not be encoded"))), "image/png"));
  }

  /** The run so far as a NetCDF file (the CLI's layout). @example const blob = await el.exportNetCDF(); */
  async exportNetCDF(): Promise<Blob> {
    await this.idle();
    const r = await this.client!.request({ type: "netcdf" });
    return new Blob([r.bytes! as BlobPart], { type: "application/x-netcdf" });
  }

  private download(blob: Blob, ext: string): void {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `${this.info?.caseName ?? "samudra"}.${ext}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  protected override firstUpdated(): void {
    this.renderRoot.querySelector(".stage")!.append(this.views.root);
    this.views.resize(this.clientWidth || 600);
  }

  protected override render() {
    const bar = controls({
      mode: this.controls, state: this.runState, t: this.t, frame: this.frame, info: this.info, speed: this.effectiveSpeed,
      onPlayPause: () => void (this.runState === "playing" ? this.pause() : this.play()),
      onReset: () => void this.reset(),
      onStep: () => void this.advance(1),
      onPreset: (p, l) => { this.preset = p; this.legacy = l; },
      onSpeed: (s) => { this.speed = s; },
      onOption: (k, v) => void this.set({ [k]: v }).catch((e: Error) => this.fail(e.message)),
      onSnapshot: () => void this.snapshot().then((b) => this.download(b, "png")),
      onNetCDF: () => void this.exportNetCDF().then((b) => this.download(b, "nc")).catch((e: Error) => this.fail(e.message)),
    });
    return html`${bar}<div class="stage" part="stage"></div>
      ${this.runState === "error" ? html`<div class="overlay" role="alert"><p>${this.message}</p><button class="overlay-reset" @click=${() => void this.reset()}>↺ reset</button></div>` : null}`;
  }
}
