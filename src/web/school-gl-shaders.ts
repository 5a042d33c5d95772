/**
 * GLSL ES 3.00 programs of the 3-D school view (WebGL2).
 *
 * Fish: no vertex attributes and no instancing. The state lives in an RGB32F texture 2048 texels wide (texel 2i:
 * position of fish i relative to the frame origin, texel 2i + 1: its velocity); vertex v of a plain
 * drawArrays(TRIANGLES, 0, 3n) is corner v mod 3 of fish ⌊v/3⌋. Instancing and quads are avoided on purpose:
 * SwiftShader (the CPU WebGL of headless and GPU-less browsers) runs each instance as its own draw (~20 µs apiece)
 * and pays per triangle, so a fish is ONE triangle — a wedge in screen space with its apex u_halfw.x px behind the
 * tail p − ℓ v/|v| and its base across the head p, u_halfw.y px to each side and u_halfw.y px ahead of it, so an
 * end-on fish is still a dot. Colour: s = (|p − E| − u_depth.x) · u_depth.y clamped, viridis(1 − s) from a
 * 256 × 1 texture. Depth testing hides far fish behind near ones, so no sorting is needed.
 * Lines (box edges): positions × u_vp in one colour. Marker (predator): one point sprite, a ring and a centre dot.
 * Also here: the box-edge geometry and the software-renderer probe.
 */

/**
 * Texels per row of the fish-state texture (2 per fish).
 * @example
 * gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGB32F, DATA_WIDTH, Math.ceil((2 * n) / DATA_WIDTH));
 */
export const DATA_WIDTH = 2048;

/**
 * Vertex shader of the fish wedges.
 * @example
 * const fish = linkProgram(gl, FISH_VS, FISH_FS);
 */
export const FISH_VS = `#version 300 es
uniform highp sampler2D u_data;
uniform mat4 u_vp;
uniform vec3 u_eye;
uniform float u_len;
uniform vec2 u_depth;
uniform vec2 u_px;
uniform vec2 u_halfw;
uniform sampler2D u_lut;
out vec3 v_col;
void main() {
  int i = gl_VertexID / 3, k = gl_VertexID - 3 * i, t = 2 * i;
  ivec2 at = ivec2(t & ${DATA_WIDTH - 1}, t >> ${Math.log2(DATA_WIDTH)});
  vec3 a_pos = texelFetch(u_data, at, 0).xyz;
  vec3 a_vel = texelFetch(u_data, at + ivec2(1, 0), 0).xyz;
  float m = length(a_vel);
  vec3 dir = m > 0.0 ? a_vel / m : vec3(0.0);
  vec4 ch = u_vp * vec4(a_pos, 1.0);
  vec4 ct = u_vp * vec4(a_pos - u_len * dir, 1.0);
  if (ch.w <= 0.0) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); v_col = vec3(0.0); return; }
  if (ct.w <= 0.0) ct = ch;
  vec2 d = (ch.xy / ch.w - ct.xy / ct.w) / u_px;
  float dl = length(d);
  vec2 along = dl > 1e-6 ? d / dl : vec2(1.0, 0.0);
  vec2 nrm = vec2(-along.y, along.x);
  vec4 c = k == 0 ? ct : ch;
  vec2 off = (k == 0 ? -along * u_halfw.x : (nrm * float(2 * k - 3) + along) * u_halfw.y) * u_px;
  gl_Position = vec4(c.xy + off * c.w, c.z, c.w);
  float s = clamp((distance(a_pos, u_eye) - u_depth.x) * u_depth.y, 0.0, 1.0);
  v_col = texture(u_lut, vec2(((1.0 - s) * 255.0 + 0.5) / 256.0, 0.5)).rgb;
}`;

/**
 * Fragment shader of the fish wedges (flat per-fish colour).
 * @example
 * const fish = linkProgram(gl, FISH_VS, FISH_FS);
 */
export const FISH_FS = `#version 300 es
precision mediump float;
in vec3 v_col;
out vec4 o;
void main() { o = vec4(v_col, 1.0); }`;

/**
 * Vertex shader of the box edges.
 * @example
 * const line = linkProgram(gl, LINE_VS, LINE_FS);
 */
export const LINE_VS = `#version 300 es
layout(location = 0) in vec3 a_pos;
uniform mat4 u_vp;
void main() { gl_Position = u_vp * vec4(a_pos, 1.0); }`;

/**
 * Fragment shader of the box edges.
 * @example
 * const line = linkProgram(gl, LINE_VS, LINE_FS);
 */
export const LINE_FS = `#version 300 es
precision mediump float;
uniform vec3 u_col;
out vec4 o;
void main() { o = vec4(u_col, 1.0); }`;

/**
 * Vertex shader of the predator marker (one point, no attributes).
 * @example
 * const mark = linkProgram(gl, MARK_VS, MARK_FS);
 */
export const MARK_VS = `#version 300 es
uniform mat4 u_vp;
uniform vec3 u_p;
uniform float u_size;
void main() { gl_Position = u_vp * vec4(u_p, 1.0); gl_PointSize = u_size; }`;

/**
 * Fragment shader of the predator marker: a ring and a centre dot.
 * @example
 * const mark = linkProgram(gl, MARK_VS, MARK_FS);
 */
export const MARK_FS = `#version 300 es
precision mediump float;
uniform vec3 u_col;
out vec4 o;
void main() {
  float r = length(gl_PointCoord * 2.0 - 1.0);
  if (r > 1.0 || (r > 0.3 && r < 0.68)) discard;
  o = vec4(u_col, 1.0);
}`;

/**
 * Compiles and links a program; throws an Error with the GLSL log when the driver rejects it.
 * @example
 * const prog = linkProgram(gl, LINE_VS, LINE_FS);
 */
export function linkProgram(gl: WebGL2RenderingContext, vs: string, fs: string): WebGLProgram {
  const prog = gl.createProgram();
  if (!prog) throw new Error("SchoolGLView: gl.createProgram() failed (context lost?)");
  for (const [type, src] of [[gl.VERTEX_SHADER, vs], [gl.FRAGMENT_SHADER, fs]] as const) {
    const sh = gl.createShader(type);
    if (!sh) throw new Error("SchoolGLView: gl.createShader() failed (context lost?)");
    gl.shaderSource(sh, src);
    gl.compileShader(sh);
    if (!gl.getShaderParameter(sh, gl.COMPILE_STATUS) && !gl.isContextLost()) {
      throw new Error(`SchoolGLView: shader compile failed: ${gl.getShaderInfoLog(sh)}`);
    }
    gl.attachShader(prog, sh);
    gl.deleteShader(sh);
  }
  gl.linkProgram(prog);
  if (!gl.getProgramParameter(prog, gl.LINK_STATUS) && !gl.isContextLost()) {
    throw new Error(`SchoolGLView: program link failed: ${gl.getProgramInfoLog(prog)}`);
  }
  return prog;
}

/**
 * The uniform locations of `names` in `prog`, by name.
 * @example
 * const u = uniforms(gl, prog, ["u_vp", "u_col"]);   // u.u_vp
 */
export function uniforms<K extends string>(gl: WebGL2RenderingContext, prog: WebGLProgram, names: readonly K[]): Record<K, WebGLUniformLocation | null> {
  const out = {} as Record<K, WebGLUniformLocation | null>;
  for (const n of names) out[n] = gl.getUniformLocation(prog, n);
  return out;
}

let software: boolean | null = null;

/**
 * Whether this browser's WebGL2 is a CPU rasteriser (probed once on a throw-away canvas, then released).
 * @example
 * const antialias = !softwareRenderer();
 */
export function softwareRenderer(): boolean {
  if (software !== null) return software;
  try {
    const c = typeof document !== "undefined" ? document.createElement("canvas") : new OffscreenCanvas(1, 1);
    const gl = c.getContext("webgl2") as WebGL2RenderingContext | null;
    const ext = gl?.getExtension("WEBGL_debug_renderer_info");
    const name = gl ? String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : "";
    gl?.getExtension("WEBGL_lose_context")?.loseContext();
    software = /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
  } catch {
    software = false;
  }
  return software;
}

/**
 * The 12 edges of [0, L]³ as 24 vertices into `out` (72 numbers; corner i = (i&1, i>>1&1, i>>2&1)·L, edges i → i|d
 * for d = 1, 2, 4 not in i).
 * @example
 * gl.bufferSubData(gl.ARRAY_BUFFER, 0, boxEdges(25, new Float32Array(72)));
 */
export function boxEdges(L: number, out: Float32Array): Float32Array {
  let k = 0;
  for (let i = 0; i < 8; i++) for (const d of [1, 2, 4]) {
    if (i & d) continue;
    for (const c of [i, i | d]) { out[k++] = (c & 1) * L; out[k++] = ((c >> 1) & 1) * L; out[k++] = ((c >> 2) & 1) * L; }
  }
  return out;
}
