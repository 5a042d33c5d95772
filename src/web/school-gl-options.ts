/**
 * Construction options of the school view (SchoolGLView) and their checks: every key known ("did you mean" for a
 * typo), colours as "#rrggbb", antialias true | false | "auto", preserveDrawingBuffer a boolean. A bad value throws
 * a TypeError naming the option, the value and the fix.
 */

/**
 * Construction options of SchoolGLView (all optional).
 * @example
 * const view = new SchoolGLView(canvas, { background: "#ffffff", boxColour: "#333333", antialias: true });
 */
export interface SchoolGLOptions {
  /** Background colour, "#rrggbb" (default "#0b0d12"). */
  background?: string;
  /** Box edge colour, "#rrggbb" (default "#6b7280"). */
  boxColour?: string;
  /** Keep the WebGL drawing buffer after compositing, so toBlob/drawImage work outside the render() task (default true). */
  preserveDrawingBuffer?: boolean;
  /**
   * Multisample antialiasing of the WebGL canvas: true, false, or "auto" (default): on, except on a software
   * renderer (SwiftShader, llvmpipe), where 4× MSAA cuts the frame rate about fourfold (bench/web-school-gl.bench.mjs).
   */
  antialias?: boolean | "auto";
}

/**
 * Checked options with defaults, and the colours as RGB in [0, 1].
 * @example
 * const { bg, antialias } = resolveGLOptions({});   // [11/255, 13/255, 18/255], "auto"
 */
export interface ResolvedGLOptions extends Required<SchoolGLOptions> {
  /** background as [r, g, b] in [0, 1]. */
  bg: [number, number, number];
  /** boxColour as [r, g, b] in [0, 1]. */
  box: [number, number, number];
}

const DEFAULTS: Required<SchoolGLOptions> = { background: "#0b0d12", boxColour: "#6b7280", preserveDrawingBuffer: true, antialias: "auto" };
const KNOWN = Object.keys(DEFAULTS);

/** Edit distance (case-insensitive) between a and b. */
function distance(a: string, b: string): number {
  a = a.toLowerCase(); b = b.toLowerCase();
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/**
 * Checks `options` and fills in the defaults.
 * @example
 * resolveGLOptions({ background: "#ffffff" }).bg;   // [1, 1, 1]
 */
export function resolveGLOptions(options: SchoolGLOptions | undefined): ResolvedGLOptions {
  if (options != null && typeof options !== "object") throw new TypeError(`SchoolGLView: options must be an object, got ${JSON.stringify(options)}`);
  for (const k of Object.keys(options ?? {})) {
    if (!KNOWN.includes(k)) {
      const near = KNOWN.reduce((b, c) => (distance(k, c) < distance(k, b) ? c : b));
      throw new TypeError(`SchoolGLView: unknown option "${k}" — did you mean "${near}"? (options: ${KNOWN.join(", ")})`);
    }
  }
  const o = { ...DEFAULTS, ...options };
  const rgb = (what: "background" | "boxColour"): [number, number, number] => {
    const c = o[what];
    if (typeof c !== "string" || !/^#[0-9a-f]{6}$/i.test(c)) throw new TypeError(`SchoolGLView: ${what} must be a colour "#rrggbb", got ${JSON.stringify(c)}`);
    return [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16) / 255) as [number, number, number];
  };
  if (typeof o.preserveDrawingBuffer !== "boolean") throw new TypeError(`SchoolGLView: preserveDrawingBuffer must be true or false, got ${JSON.stringify(o.preserveDrawingBuffer)}`);
  if (typeof o.antialias !== "boolean" && o.antialias !== "auto") throw new TypeError(`SchoolGLView: antialias must be true, false or "auto", got ${JSON.stringify(o.antialias)}`);
  return { ...o, bg: rgb("background"), box: rgb("boxColour") };
}
