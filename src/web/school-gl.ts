/**
 * SchoolGLView: the 3-D view of a fish school for `<samudra-sim>`, in plain WebGL2 (a 2-D canvas drawer when
 * WebGL2 is missing). Each fish is a short wedge along its heading, from the tail p − ℓ v/|v| to the head p, with
 * ℓ = 0.06 R (R: the framing radius, so strokes are a fixed fraction of the view), coloured by its distance from the
 * eye through viridis (near yellow, far purple); the periodic box [0, L]³ is drawn as its 12 edges; the predator as
 * a red ring. Camera (school-gl-camera.ts): perspective, looking at the box centre (periodic) or at the school's
 * centroid with R = 1.5 × its rms spread (open space), followed with a 0.3 s exponential lag; drag orbits, the wheel
 * zooms. Periodic positions are drawn where they are, in [0, L)³ (no unwrapping).
 *
 * Memory: update() converts the f64 state into one reused f32 array (x, y, z, vx, vy, vz per fish, relative to the
 * frame's centroid in open space so far-drifted schools keep their precision); render() uploads it into an RGB32F
 * texture with texSubImage2D and draws every fish, one triangle each, with one drawArrays call (no instancing: see
 * school-gl-shaders.ts). The array and texture grow (doubling, whole rows of 1024 fish) only when n grows.
 */
import { defaultCamera, frameFocus, pickOnTargetPlane, placeCamera, viewProjection, type SchoolGLCamera } from "./school-gl-camera.js";
import { DATA_WIDTH, FISH_FS, FISH_VS, LINE_FS, LINE_VS, MARK_FS, MARK_VS, boxEdges, linkProgram, softwareRenderer, uniforms } from "./school-gl-shaders.js";
import { Fallback2D, type Draw2DParams } from "./school-gl-2d.js";
import { viridisLut } from "./school-gl-colormap.js";
import { attachOrbitControls } from "./school-gl-orbit.js";
import { resolveGLOptions, type ResolvedGLOptions, type SchoolGLOptions } from "./school-gl-options.js";

export type { SchoolGLCamera } from "./school-gl-camera.js";
export type { SchoolGLOptions } from "./school-gl-options.js";

/**
 * One frame of a school to draw: interleaved xyz positions and velocities (3n each, f64 as the model holds them).
 * @example
 * const frame: SchoolGLFrame = { positions: run.positions, velocities: run.velocities, n: 100, boxSize: 20, periodic: false, predator: null };
 */
export interface SchoolGLFrame {
  /** 3n interleaved positions x, y, z (world units); periodic runs: inside [0, boxSize)³. */
  positions: Float64Array;
  /** 3n interleaved velocities; only their directions are drawn (a zero velocity draws a dot). */
  velocities: Float64Array;
  /** Number of fish n (a non-negative integer; the arrays may be longer). */
  n: number;
  /** Box edge L (> 0): the periodic box, else the scale of the run (the framing radius is at least 0.05 L). */
  boxSize: number;
  /** true: draw the box [0, L]³ and look at its centre; false: follow the school's centroid and spread. */
  periodic: boolean;
  /** The predator's position (world units), drawn as a red ring, or null/absent for none. */
  predator?: [number, number, number] | null;
}

const MARK = "#ff3b30";
const bad = (what: string, got: unknown, fix: string) => new RangeError(`SchoolGLView.update: ${what}, got ${got}; ${fix}`);
/** Fish per row of the state texture. */
const ROW = DATA_WIDTH / 2;

interface GLState {
  fish: WebGLProgram; line: WebGLProgram; mark: WebGLProgram;
  uf: Record<"u_data" | "u_vp" | "u_eye" | "u_len" | "u_depth" | "u_px" | "u_halfw" | "u_lut", WebGLUniformLocation | null>;
  ul: Record<"u_vp" | "u_col", WebGLUniformLocation | null>;
  um: Record<"u_vp" | "u_p" | "u_size" | "u_col", WebGLUniformLocation | null>;
  fishVao: WebGLVertexArrayObject; state: WebGLTexture | null; boxVao: WebGLVertexArrayObject; boxBuf: WebGLBuffer; lut: WebGLTexture;
  capacity: number; boxL: number;
}

/**
 * The 3-D school renderer. Feed it frames with update(), draw with render() (once per animation frame), size it
 * with resize(), let the user orbit with attachOrbit(), and map the pointer into the world with pickWorld().
 * `fallback` is true when the canvas got no WebGL2 context and the 2-D drawer is used instead.
 * @example
 * const view = new SchoolGLView(canvas);
 * view.resize(640, 480, devicePixelRatio);
 * const detach = view.attachOrbit(canvas);
 * view.update({ positions: run.positions, velocities: run.velocities, n: 1000, boxSize: 25, periodic: false });
 * requestAnimationFrame(() => view.render());
 */
export class SchoolGLView {
  /** true when WebGL2 is unavailable and the 2-D canvas drawer is used. */
  readonly fallback: boolean;
  private gl: WebGL2RenderingContext | null = null;
  private g: GLState | null = null;
  private fb: Fallback2D | null = null;
  private p2d: Draw2DParams | null = null;
  private boxL = NaN;
  private boxVerts = new Float32Array(72);
  private data = new Float32Array(0);
  private n = 0;
  private L = 1;
  private periodic = true;
  private hasFrame = false;
  private dirty = false;
  private snap = true;
  private origin = new Float64Array(3);
  private focus = new Float64Array(4);
  private predator = new Float64Array(3);
  private hasPredator = false;
  private cam: SchoolGLCamera = defaultCamera([0.5, 0.5, 0.5], 0.87);
  private dpr = 1;
  private last = -1;
  private vp = new Float64Array(16);
  private vp32 = new Float32Array(16);
  private basis = new Float64Array(9);
  private eyeRel = new Float64Array(3);
  private opts: ResolvedGLOptions;
  private detachers = new Set<() => void>();
  private redraw = 0;
  private disposed = false;
  private onLost = (e: Event) => { e.preventDefault(); this.g = null; };
  private onRestored = () => { if (!this.disposed) { this.initGL(); this.dirty = true; } };

  /**
   * Gets a WebGL2 context on `canvas` (or a 2-D one when WebGL2 is unavailable: `fallback` becomes true).
   * @param canvas - the canvas to draw into; its drawing-buffer size is set by {@link SchoolGLView.resize}.
   * @param options - colours and context attributes, see {@link SchoolGLOptions}.
   * @example
   * const view = new SchoolGLView(document.querySelector("canvas")!);
   */
  constructor(private canvas: HTMLCanvasElement, options: SchoolGLOptions = {}) {
    this.opts = resolveGLOptions(options);
    const aa = this.opts.antialias === "auto" ? !softwareRenderer() : this.opts.antialias;
    const gl = canvas.getContext("webgl2", { antialias: aa, alpha: false, depth: true, premultipliedAlpha: false, preserveDrawingBuffer: this.opts.preserveDrawingBuffer });
    if (gl) {
      this.gl = gl;
      this.initGL();
      canvas.addEventListener("webglcontextlost", this.onLost);
      canvas.addEventListener("webglcontextrestored", this.onRestored);
    } else {
      const ctx = canvas.getContext("2d", { alpha: false });
      if (!ctx) throw new Error("SchoolGLView: the canvas gives neither a WebGL2 nor a 2-D context (it already has another kind of context?); use a fresh <canvas>");
      this.fb = new Fallback2D(ctx, viridisLut());
    }
    this.fallback = !gl;
  }

  /** The camera as of the last render (target, radius, azimuth, elevation, zoom, eye, …); read it, do not modify it. */
  get camera(): Readonly<SchoolGLCamera> { return this.cam; }

  /**
   * true while the open-space camera is still gliding towards the school (target or radius off by more than 0.1 %
   * of the radius): a page that renders only on new frames should keep rendering while this holds (e.g. when paused).
   * @example
   * if (view.settling) requestAnimationFrame(() => view.render());
   */
  get settling(): boolean {
    const f = this.focus, c = this.cam, tol = 1e-3 * Math.max(f[3], c.radius);
    return this.hasFrame && (this.snap || Math.hypot(f[0] - c.target[0], f[1] - c.target[1], f[2] - c.target[2]) > tol || Math.abs(f[3] - c.radius) > tol);
  }

  /**
   * Sets the orbit angles (degrees) and zoom; omitted fields keep their value. Elevation is clamped to [−89, 89],
   * zoom to [0.05, 20]. Takes effect at the next render().
   * @example
   * view.setView({ azimuth: 0, elevation: 90 });   // from above (clamped to 89°)
   */
  setView(v: { azimuth?: number; elevation?: number; zoom?: number }): void {
    for (const k of ["azimuth", "elevation", "zoom"] as const) {
      const x = v[k];
      if (x !== undefined && !(typeof x === "number" && Number.isFinite(x) && (k !== "zoom" || x > 0))) {
        throw new RangeError(`SchoolGLView.setView: ${k} must be a finite number${k === "zoom" ? " > 0" : ""}, got ${String(x)}`);
      }
    }
    if (v.azimuth !== undefined) this.cam.azimuth = v.azimuth;
    if (v.elevation !== undefined) this.cam.elevation = Math.max(-89, Math.min(89, v.elevation));
    if (v.zoom !== undefined) this.cam.zoom = Math.max(0.05, Math.min(20, v.zoom));
  }

  /**
   * Copies a frame (converted to f32); it is drawn at the next render(). Throws a RangeError naming the field on
   * bad input (n not a non-negative integer, arrays shorter than 3n, boxSize not finite > 0, predator not 3 numbers).
   * @example
   * view.update({ positions: run.positions, velocities: run.velocities, n: run.options.nFish, boxSize: 25, periodic: true });
   */
  update(frame: SchoolGLFrame): void {
    if (this.disposed) return;
    const { positions: p, velocities: v, n, boxSize: L } = frame ?? ({} as SchoolGLFrame);
    if (!Number.isInteger(n) || n < 0) throw bad("frame.n must be a non-negative integer", n, "pass the number of fish");
    if (!p || typeof p.length !== "number" || p.length < 3 * n) throw bad(`frame.positions must hold 3n = ${3 * n} numbers`, p?.length, "pass interleaved x, y, z");
    if (!v || typeof v.length !== "number" || v.length < 3 * n) throw bad(`frame.velocities must hold 3n = ${3 * n} numbers`, v?.length, "pass interleaved vx, vy, vz");
    if (!(typeof L === "number" && Number.isFinite(L) && L > 0)) throw bad("frame.boxSize must be a finite number > 0", L, "pass the run's boxSize");
    const pr = frame.predator;
    if (pr != null && !(pr.length === 3 && pr.every((x) => typeof x === "number" && Number.isFinite(x)))) throw bad("frame.predator must be [x, y, z] (finite) or null", JSON.stringify(pr), "pass null for no predator");
    const periodic = !!frame.periodic;
    if (periodic !== this.periodic || L !== this.L) this.snap = true;
    this.periodic = periodic; this.L = L; this.n = n;
    frameFocus(p, n, L, periodic, this.focus);
    const o = this.origin;
    if (periodic) o.fill(0); else { o[0] = this.focus[0]; o[1] = this.focus[1]; o[2] = this.focus[2]; }
    if (this.data.length < 6 * n) this.data = new Float32Array(6 * ROW * Math.ceil(Math.max(n, 2 * (this.data.length / 6)) / ROW));
    const d = this.data;
    for (let i = 0, j = 0; i < 3 * n; i += 3, j += 6) {
      d[j] = p[i] - o[0]; d[j + 1] = p[i + 1] - o[1]; d[j + 2] = p[i + 2] - o[2];
      d[j + 3] = v[i]; d[j + 4] = v[i + 1]; d[j + 5] = v[i + 2];
    }
    this.hasPredator = pr != null;
    if (pr) for (let c = 0; c < 3; c++) this.predator[c] = pr[c] - o[c];
    this.hasFrame = true;
    this.dirty = true;
  }

  /**
   * Draws the last frame given to update() (the background alone before the first one), moving the camera one
   * step towards the school in open space.
   * @example
   * const loop = () => { view.render(); requestAnimationFrame(loop); };
   * requestAnimationFrame(loop);
   */
  render(): void {
    if (this.disposed || (this.gl && !this.g)) return;
    const W = Math.max(1, this.canvas.width), H = Math.max(1, this.canvas.height), cam = this.cam, f = this.focus;
    const now = typeof performance !== "undefined" ? performance.now() : Date.now();
    if (this.hasFrame) {
      const far = Math.hypot(f[0] - cam.target[0], f[1] - cam.target[1], f[2] - cam.target[2]) > 10 * Math.max(f[3], cam.radius);
      const a = this.snap || this.periodic || far || this.last < 0 ? 1 : 1 - Math.exp(-Math.min(0.5, Math.max(0, now - this.last) / 1000) / 0.3);
      for (let c = 0; c < 3; c++) cam.target[c] += a * (f[c] - cam.target[c]);
      cam.radius += a * (f[3] - cam.radius);
      this.snap = false;
      this.last = now;
    }
    placeCamera(cam, W / H);
    viewProjection(cam, this.origin, this.vp, this.basis);
    for (let c = 0; c < 3; c++) this.eyeRel[c] = cam.eye[c] - this.origin[c];
    const R = cam.radius, len = 0.06 * R, depth0 = cam.distance - R, depthScale = 1 / (2 * R);
    const hwTail = 0.8 * this.dpr, hwHead = 1.8 * this.dpr, markSize = Math.round(16 * this.dpr);
    if (this.fb) {
      const p = this.p2d ??= {
        data: this.data, n: 0, vp: this.vp, eye: this.eyeRel, len, depth0, depthScale, hwTail, hwHead, lut: viridisLut(),
        background: this.opts.background, boxColour: this.opts.boxColour, markColour: MARK, box: null, predator: null, markSize, lineWidth: 1,
      };
      if (this.hasFrame && this.periodic && this.boxL !== this.L) { boxEdges(this.L, this.boxVerts); this.boxL = this.L; }
      p.data = this.data; p.n = this.hasFrame ? this.n : 0; p.len = len; p.depth0 = depth0; p.depthScale = depthScale;
      p.hwTail = hwTail; p.hwHead = hwHead; p.markSize = markSize; p.lineWidth = Math.max(1, Math.round(this.dpr));
      p.box = this.hasFrame && this.periodic ? this.boxVerts : null;
      p.predator = this.hasFrame && this.hasPredator ? this.predator : null;
      this.fb.draw(p);
      return;
    }
    const gl = this.gl!, g = this.g!;
    gl.viewport(0, 0, W, H);
    gl.clearColor(this.opts.bg[0], this.opts.bg[1], this.opts.bg[2], 1);
    gl.clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT);
    if (!this.hasFrame) return;
    this.vp32.set(this.vp);
    gl.enable(gl.DEPTH_TEST);
    if (this.periodic) {
      if (g.boxL !== this.L) { gl.bindBuffer(gl.ARRAY_BUFFER, g.boxBuf); gl.bufferSubData(gl.ARRAY_BUFFER, 0, boxEdges(this.L, this.boxVerts)); g.boxL = this.L; }
      gl.useProgram(g.line);
      gl.uniformMatrix4fv(g.ul.u_vp, false, this.vp32);
      gl.uniform3f(g.ul.u_col, this.opts.box[0], this.opts.box[1], this.opts.box[2]);
      gl.bindVertexArray(g.boxVao);
      gl.drawArrays(gl.LINES, 0, 24);
    }
    if (this.n > 0) {
      gl.bindVertexArray(g.fishVao);
      gl.activeTexture(gl.TEXTURE1);
      if (g.capacity * 6 < this.data.length) this.grow(gl, g);
      gl.bindTexture(gl.TEXTURE_2D, g.state);
      if (this.dirty) gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, DATA_WIDTH, Math.ceil(this.n / ROW), gl.RGB, gl.FLOAT, this.data, 0);
      gl.useProgram(g.fish);
      gl.uniform1i(g.uf.u_data, 1);
      gl.uniformMatrix4fv(g.uf.u_vp, false, this.vp32);
      gl.uniform3f(g.uf.u_eye, this.eyeRel[0], this.eyeRel[1], this.eyeRel[2]);
      gl.uniform1f(g.uf.u_len, len);
      gl.uniform2f(g.uf.u_depth, depth0, depthScale);
      gl.uniform2f(g.uf.u_px, 2 / W, 2 / H);
      gl.uniform2f(g.uf.u_halfw, hwTail, hwHead);
      gl.activeTexture(gl.TEXTURE0);
      gl.bindTexture(gl.TEXTURE_2D, g.lut);
      gl.uniform1i(g.uf.u_lut, 0);
      gl.drawArrays(gl.TRIANGLES, 0, 3 * this.n);
    }
    this.dirty = false;
    if (this.hasPredator) {
      gl.disable(gl.DEPTH_TEST);
      gl.useProgram(g.mark);
      gl.uniformMatrix4fv(g.um.u_vp, false, this.vp32);
      gl.uniform3f(g.um.u_p, this.predator[0], this.predator[1], this.predator[2]);
      gl.uniform1f(g.um.u_size, markSize);
      gl.uniform3f(g.um.u_col, 1, 59 / 255, 48 / 255);
      gl.drawArrays(gl.POINTS, 0, 1);
    }
    gl.bindVertexArray(null);
  }

  /**
   * Sets the drawing buffer to width × height CSS px times devicePixelRatio (default: the window's); the canvas's
   * CSS size is left to the page. Line widths scale with devicePixelRatio.
   * @example
   * new ResizeObserver(([e]) => view.resize(e.contentRect.width, e.contentRect.height)).observe(canvas);
   */
  resize(width: number, height: number, devicePixelRatio: number = (globalThis as { devicePixelRatio?: number }).devicePixelRatio ?? 1): void {
    for (const [k, x] of [["width", width], ["height", height], ["devicePixelRatio", devicePixelRatio]] as const) {
      if (!(typeof x === "number" && Number.isFinite(x) && x >= 0)) throw new RangeError(`SchoolGLView.resize: ${k} must be a finite number ≥ 0, got ${String(x)}`);
    }
    this.dpr = devicePixelRatio > 0 ? devicePixelRatio : 1;
    this.canvas.width = Math.max(1, Math.round(width * this.dpr));
    this.canvas.height = Math.max(1, Math.round(height * this.dpr));
  }

  /**
   * Lets the user orbit the camera: drag (primary button, touch or pen) turns azimuth/elevation by 0.3° per CSS px,
   * the wheel zooms (×e^(0.0015 deltaY)); each change schedules a render. Returns the function that removes it.
   * @example
   * const detach = view.attachOrbit(canvas);
   * // later: detach();
   */
  attachOrbit(target: HTMLElement): () => void {
    const off = attachOrbitControls(target, {
      camera: this.cam,
      setView: (v) => this.setView(v),
      changed: () => {
        if (this.redraw || this.disposed) return;
        this.redraw = requestAnimationFrame(() => { this.redraw = 0; this.render(); });
      },
    });
    const detach = () => { if (this.detachers.delete(detach)) off(); };
    this.detachers.add(detach);
    return detach;
  }

  /**
   * The world point under the pointer (clientX, clientY: viewport CSS px, as in pointer events) on the plane
   * through the camera target facing the camera — where to put the predator. Uses the camera of the last render.
   * @example
   * canvas.addEventListener("pointermove", (e) => { predator = view.pickWorld(e.clientX, e.clientY); });
   */
  pickWorld(clientX: number, clientY: number): [number, number, number] {
    const r = this.canvas.getBoundingClientRect();
    placeCamera(this.cam, Math.max(1, this.canvas.width) / Math.max(1, this.canvas.height));
    if (!(r.width > 0 && r.height > 0) || !Number.isFinite(clientX + clientY)) return [this.cam.target[0], this.cam.target[1], this.cam.target[2]];
    const ndcX = (2 * (clientX - r.left)) / r.width - 1, ndcY = 1 - (2 * (clientY - r.top)) / r.height;
    return pickOnTargetPlane(this.cam, ndcX, ndcY, this.basis);
  }

  /**
   * Releases the GPU buffers, programs and texture and removes every orbit listener; later calls do nothing.
   * @example
   * view.dispose();
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const d of [...this.detachers]) d();
    if (this.redraw) cancelAnimationFrame(this.redraw);
    const gl = this.gl, g = this.g;
    if (gl && g) {
      gl.deleteTexture(g.state); gl.deleteBuffer(g.boxBuf); gl.deleteVertexArray(g.fishVao); gl.deleteVertexArray(g.boxVao);
      gl.deleteTexture(g.lut); gl.deleteProgram(g.fish); gl.deleteProgram(g.line); gl.deleteProgram(g.mark);
    }
    this.canvas.removeEventListener("webglcontextlost", this.onLost);
    this.canvas.removeEventListener("webglcontextrestored", this.onRestored);
    this.g = null;
    this.data = new Float32Array(0);
  }

  /** Makes the state texture hold this.data's capacity (TEXTURE1 active). */
  private grow(gl: WebGL2RenderingContext, g: GLState): void {
    const cap = this.data.length / 6;
    gl.deleteTexture(g.state);
    g.state = gl.createTexture()!;
    gl.bindTexture(gl.TEXTURE_2D, g.state);
    gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGB32F, DATA_WIDTH, cap / ROW);
    for (const k of [gl.TEXTURE_MIN_FILTER, gl.TEXTURE_MAG_FILTER]) gl.texParameteri(gl.TEXTURE_2D, k, gl.NEAREST);
    g.capacity = cap;
    this.dirty = true;
  }

  /** Creates the programs, buffers and colour texture (at construction and after a context restore). */
  private initGL(): void {
    const gl = this.gl!;
    const fish = linkProgram(gl, FISH_VS, FISH_FS), line = linkProgram(gl, LINE_VS, LINE_FS), mark = linkProgram(gl, MARK_VS, MARK_FS);
    const boxBuf = gl.createBuffer()!, fishVao = gl.createVertexArray()!, boxVao = gl.createVertexArray()!;
    gl.bindVertexArray(boxVao);
    gl.bindBuffer(gl.ARRAY_BUFFER, boxBuf);
    gl.bufferData(gl.ARRAY_BUFFER, 72 * 4, gl.DYNAMIC_DRAW);
    gl.enableVertexAttribArray(0);
    gl.vertexAttribPointer(0, 3, gl.FLOAT, false, 0, 0);
    gl.bindVertexArray(null);
    const lut = gl.createTexture()!;
    gl.bindTexture(gl.TEXTURE_2D, lut);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGB8, 256, 1, 0, gl.RGB, gl.UNSIGNED_BYTE, viridisLut());
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    this.g = {
      fish, line, mark, state: null, boxBuf, fishVao, boxVao, lut, capacity: 0, boxL: NaN,
      uf: uniforms(gl, fish, ["u_data", "u_vp", "u_eye", "u_len", "u_depth", "u_px", "u_halfw", "u_lut"] as const),
      ul: uniforms(gl, line, ["u_vp", "u_col"] as const),
      um: uniforms(gl, mark, ["u_vp", "u_p", "u_size", "u_col"] as const),
    };
  }
}
