/**
 * The figure model: a Scene is a list of vector items in pixel coordinates (origin top-left, y down) — rectangles,
 * polylines/polygons, text, dots and embedded raster images (heatmaps, already resampled to their rectangle).
 * Every figure is drawn once as a Scene; sceneToSvg() writes it as SVG, canvas.ts rasterises the same Scene for
 * PNG files and GIF frames. Colours are "#rrggbb".
 */
import { encodePng } from "./png-encode.js";
import { FONT_FAMILY, baselineShift, type Anchor, type Baseline } from "./font.js";

export interface RectItem { kind: "rect"; x: number; y: number; w: number; h: number; fill?: string; stroke?: string; lw?: number }
export interface PathItem { kind: "path"; pts: ArrayLike<number>; stroke?: string; lw?: number; dash?: number[]; closed?: boolean; fill?: string; opacity?: number }
export interface TextItem { kind: "text"; x: number; y: number; text: string; size: number; fill: string; anchor?: Anchor; baseline?: Baseline; angle?: number }
/**
 * An RGB image of iw × ih pixels stretched over (x, y, w, h). `vector`: the same picture at the data's own resolution
 * (one pixel per grid point, its centres on the rectangle's edges): the SVG embeds it instead of `rgb` and lets the
 * viewer scale it (smoothly), so the SVG does not carry a second full-size copy of the PNG's pixels.
 */
export interface ImageItem { kind: "image"; x: number; y: number; w: number; h: number; iw: number; ih: number; rgb: Uint8Array; vector?: { iw: number; ih: number; rgb: Uint8Array } }
/** Filled discs of radius r, one RGB colour each (rgb has 3 entries a dot). */
export interface DotsItem { kind: "dots"; xy: ArrayLike<number>; rgb: ArrayLike<number>; r: number }
/** Separate line segments (x0, y0, x1, y1 each), one RGB colour each. */
export interface SegmentsItem { kind: "segments"; xy: ArrayLike<number>; rgb: ArrayLike<number>; lw: number }
export type Item = RectItem | PathItem | TextItem | ImageItem | DotsItem | SegmentsItem;

/**
 * A figure as a list of vector items in pixel coordinates (origin at the top-left corner, y down), drawn in order
 * over a background: build one with the drawing methods (or take one from {@link heatmapFigure}, {@link lineFigure},
 * {@link schoolSummaryFigure}), then write it with {@link sceneToSvg} or {@link sceneToPng}. Items outside the
 * width × height frame are clipped. Colours are "#rrggbb" (sceneToPng throws a RangeError for any other form; the SVG
 * writer copies them as written). Drawing methods return the Scene, so calls chain.
 * Throws a RangeError when width or height is not a finite number > 0.
 * @param width - frame width in pixels (an integer for {@link sceneToPng}).
 * @param height - frame height in pixels (an integer for {@link sceneToPng}).
 * @param background - background colour, "#rrggbb"; default "#ffffff".
 * @example
 * const s = new render.Scene(200, 100).rect(10, 10, 180, 80, "#1f77b4").text(100, 55, "hello", 16, "#ffffff", "middle", "middle");
 * const png = render.sceneToPng(s), svg = render.sceneToSvg(s);
 */
export class Scene {
  /** The items in drawing order (later ones on top); add to it with the drawing methods. */
  readonly items: Item[] = [];
  /** Frame width in pixels (finite, > 0; an integer for {@link sceneToPng}). */
  readonly width: number;
  /** Frame height in pixels (finite, > 0; an integer for {@link sceneToPng}). */
  readonly height: number;
  /** Background colour, "#rrggbb"; default "#ffffff" (white). */
  readonly background: string;
  constructor(width: number, height: number, background = "#ffffff") {
    this.width = width; this.height = height; this.background = background;
    for (const [k, v] of [["width", width], ["height", height]] as const) {
      if (!(Number.isFinite(v) && v > 0)) throw new RangeError(`Scene: ${k} must be a finite number of pixels > 0, got ${v}`);
    }
  }
  /** Appends items (rect, path, text, image, dots or segments objects) as they are, no checks; returns this. */
  add(...items: Item[]): this { this.items.push(...items); return this; }
  /**
   * A rectangle with top-left corner (x, y) and size w × h (pixels): filled with `fill` and/or outlined with `stroke`
   * (line width `lw` px, default 1); neither colour draws nothing. Returns this.
   */
  rect(x: number, y: number, w: number, h: number, fill?: string, stroke?: string, lw = 1): this { return this.add({ kind: "rect", x, y, w, h, fill, stroke, lw }); }
  /**
   * A polyline through the points pts = [x0, y0, x1, y1, …] (pixels) in colour `stroke`, `lw` px wide (default 1;
   * at least 0.7 px in PNGs), optionally dashed (`dash`: on/off lengths in px). A non-finite coordinate drops that
   * point (SVG) or the segments touching it (PNG). Returns this.
   */
  line(pts: ArrayLike<number>, stroke: string, lw = 1, dash?: number[]): this { return this.add({ kind: "path", pts, stroke, lw, dash }); }
  /**
   * Text in the embedded outline font (samudra-sans; SVGs name DejaVu Sans as the fallback) at (x, y) pixels,
   * `size` px high (the em size), colour `fill` (default "#000000"). `anchor`: which end of the text is at x
   * ("start", "middle", "end"; default "start"); `baseline`: what is at y ("alphabetic" baseline, the "middle" or the
   * "top" of the digits; default "alphabetic"); `angle`: rotation about (x, y) in degrees, counter-clockwise (90 reads
   * bottom to top; default 0). Characters missing from the font draw as "?" in PNGs. Returns this.
   */
  text(x: number, y: number, text: string, size: number, fill = "#000000", anchor: Anchor = "start", baseline: Baseline = "alphabetic", angle = 0): this {
    return this.add({ kind: "text", x, y, text, size, fill, anchor, baseline, angle });
  }
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const f = (v: number) => (Math.round(v * 100) / 100).toString();
const hex = (rgb: ArrayLike<number>, i: number) => "#" + [rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("");
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function base64(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    s += B64[n >> 18] + B64[(n >> 12) & 63] + (i + 1 < b.length ? B64[(n >> 6) & 63] : "=") + (i + 2 < b.length ? B64[n & 63] : "=");
  }
  return s;
}
function points(p: ArrayLike<number>): string {
  const out: string[] = [];
  for (let i = 0; i + 1 < p.length; i += 2) if (Number.isFinite(p[i]) && Number.isFinite(p[i + 1])) out.push(`${f(p[i])},${f(p[i + 1])}`);
  return out.join(" ");
}

/**
 * The Scene as a standalone SVG document, width × height user units (pixels) with a matching viewBox. Text stays
 * text (searchable and selectable, font family samudra-sans / DejaVu Sans / sans-serif); images are embedded as
 * base64 PNGs (heatmap fields at their grid resolution, scaled smoothly by the viewer); non-finite path points are
 * dropped. Colours are written as given, not checked.
 * @param s - the figure.
 * @returns the SVG document as a string.
 * @example
 * const svg = render.sceneToSvg(render.heatmapFigure({ title: "field", values, rows, cols, x, y, colormap: "viridis", vmin: 0, vmax: 1, cbLabel: "u (1)" }));
 */
export function sceneToSvg(s: Scene): string {
  let clips = 0;
  const o = [`<svg xmlns="http://www.w3.org/2000/svg" width="${s.width}" height="${s.height}" viewBox="0 0 ${s.width} ${s.height}" font-family="${FONT_FAMILY}">`,
    `<rect width="${s.width}" height="${s.height}" fill="${s.background}"/>`];
  for (const it of s.items) {
    if (it.kind === "rect") o.push(`<rect x="${f(it.x)}" y="${f(it.y)}" width="${f(it.w)}" height="${f(it.h)}" fill="${it.fill ?? "none"}"${it.stroke ? ` stroke="${it.stroke}" stroke-width="${f(it.lw ?? 1)}"` : ""}/>`);
    else if (it.kind === "path") {
      const tag = it.closed || it.fill ? "polygon" : "polyline";
      o.push(`<${tag} points="${points(it.pts)}" fill="${it.fill ?? "none"}"${it.stroke ? ` stroke="${it.stroke}" stroke-width="${f(it.lw ?? 1)}" stroke-linejoin="round"` : ""}${it.dash ? ` stroke-dasharray="${it.dash.map(f).join(" ")}"` : ""}${it.opacity !== undefined ? ` opacity="${it.opacity}"` : ""}/>`);
    } else if (it.kind === "text") {
      const dy = baselineShift(it.baseline ?? "alphabetic", it.size);
      const rot = it.angle ? ` transform="rotate(${f(-it.angle)} ${f(it.x)} ${f(it.y)})"` : "";
      o.push(`<text x="${f(it.x)}" y="${f(it.y + dy)}" font-size="${f(it.size)}" fill="${it.fill}"${it.anchor && it.anchor !== "start" ? ` text-anchor="${it.anchor}"` : ""}${rot}>${esc(it.text)}</text>`);
    } else if (it.kind === "image" && it.vector) {
      // pixel centres on the edges: the image reaches half a pixel past the rectangle, clipped to it
      const v = it.vector, hx = v.iw > 1 ? it.w / (2 * (v.iw - 1)) : 0, hy = v.ih > 1 ? it.h / (2 * (v.ih - 1)) : 0, id = `c${++clips}`;
      const png = encodePng(v.iw, v.ih, v.rgb);
      o.push(`<clipPath id="${id}"><rect x="${f(it.x)}" y="${f(it.y)}" width="${f(it.w)}" height="${f(it.h)}"/></clipPath>`,
        `<image x="${f(it.x - hx)}" y="${f(it.y - hy)}" width="${f(it.w + 2 * hx)}" height="${f(it.h + 2 * hy)}" preserveAspectRatio="none" image-rendering="optimizeQuality" clip-path="url(#${id})" href="data:image/png;base64,${base64(png)}"/>`);
    } else if (it.kind === "image") {
      const png = encodePng(it.iw, it.ih, it.rgb);
      o.push(`<image x="${f(it.x)}" y="${f(it.y)}" width="${f(it.w)}" height="${f(it.h)}" preserveAspectRatio="none" href="data:image/png;base64,${base64(png)}"/>`);
    } else if (it.kind === "dots") {
      for (let i = 0; 2 * i + 1 < it.xy.length; i++) o.push(`<circle cx="${f(it.xy[2 * i])}" cy="${f(it.xy[2 * i + 1])}" r="${f(it.r)}" fill="${hex(it.rgb, i)}"/>`);
    } else {
      for (let i = 0; 4 * i + 3 < it.xy.length; i++) o.push(`<line x1="${f(it.xy[4 * i])}" y1="${f(it.xy[4 * i + 1])}" x2="${f(it.xy[4 * i + 2])}" y2="${f(it.xy[4 * i + 3])}" stroke="${hex(it.rgb, i)}" stroke-width="${f(it.lw)}"/>`);
    }
  }
  o.push("</svg>");
  return o.join("\n");
}
