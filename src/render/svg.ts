/**
 * Minimal SVG line charts (text output, no dependencies): several series against a shared x, linear or
 * symmetric-log y, ticks, legend. Used for invariant drifts and diagnostics.
 */
/** One line of a {@link lineChart}: its legend name and its values. */
export interface Series {
  /** Legend text (plain text; &, <, > are escaped). */
  name: string;
  /** Values (data units), y[i] plotted at x[i]; entries past x's length are ignored, non-finite ones are skipped (the line joins across them). */
  y: ArrayLike<number>;
}

const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function ticks(lo: number, hi: number, n = 5): number[] {
  const span = hi - lo || 1, step0 = span / n, mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => span / s <= n) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-12 * span; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/**
 * Several series against a shared x as a standalone SVG document (text, no dependencies): linear axes fitted to
 * the data (x from x[0] to x[x.length − 1]; y from the smallest to the largest finite value of all series, widened
 * by ±1 when they are equal or there are none), about 5 round-number ticks per axis, a light y grid, a legend on the
 * right (150 px) and optional title and axis labels. Lines are 1.8 px wide in matplotlib's first six tab10 colours,
 * repeating. For figures with the full axes furniture (log axes, units) use {@link lineFigure} and
 * {@link sceneToSvg}. x should be increasing; when x[0] equals the last x the x axis spans [x[0], x[0] + 1].
 * @param x - the shared abscissae (data units); non-empty with finite first and last values (RangeError otherwise).
 * @param series - the lines ({@link Series}); series k is drawn in colour k mod 6.
 * @param o - title, xLabel and yLabel (plain text, escaped; none by default) and width × height of the SVG in
 *   pixels (default 720 × 420).
 * @returns the SVG document as a string.
 * @example
 * render.lineChart(t, [{ name: "mass", y: dM }], { title: "relative drift", xLabel: "t" });   // SVG text
 */
export function lineChart(x: ArrayLike<number>, series: Series[], o: { title?: string; xLabel?: string; yLabel?: string; width?: number; height?: number } = {}): string {
  const W = o.width ?? 720, H = o.height ?? 420, L = 70, R = 150, T = 40, B = 50;
  if (!x.length || !Number.isFinite(x[0]) || !Number.isFinite(x[x.length - 1])) throw new RangeError(`lineChart: x must be non-empty with finite first and last values (they set the x axis), got length ${x.length}, x[0] = ${x[0]}, last = ${x[x.length - 1]}`);
  let ylo = Infinity, yhi = -Infinity;
  for (const s of series) for (let i = 0; i < s.y.length; i++) { const v = s.y[i]; if (Number.isFinite(v)) { ylo = Math.min(ylo, v); yhi = Math.max(yhi, v); } }
  if (!(yhi > ylo)) { ylo -= 1; yhi += 1; }
  const xlo = x[0], xhi = x[x.length - 1] === xlo ? xlo + 1 : x[x.length - 1];
  const X = (v: number) => L + ((v - xlo) / (xhi - xlo)) * (W - L - R);
  const Y = (v: number) => H - B - ((v - ylo) / (yhi - ylo)) * (H - T - B);
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`];
  if (o.title) parts.push(`<text x="${W / 2}" y="22" text-anchor="middle" font-size="15">${esc(o.title)}</text>`);
  for (const v of ticks(xlo, xhi)) parts.push(`<line x1="${X(v)}" y1="${H - B}" x2="${X(v)}" y2="${H - B + 5}" stroke="#333"/><text x="${X(v)}" y="${H - B + 18}" text-anchor="middle">${v}</text>`);
  for (const v of ticks(ylo, yhi)) parts.push(`<line x1="${L - 5}" y1="${Y(v)}" x2="${W - R}" y2="${Y(v)}" stroke="#e5e5e5"/><text x="${L - 8}" y="${Y(v) + 4}" text-anchor="end">${Math.abs(v) < 1e-3 && v !== 0 ? v.toExponential(1) : v}</text>`);
  parts.push(`<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="#333"/><line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="#333"/>`);
  if (o.xLabel) parts.push(`<text x="${(L + W - R) / 2}" y="${H - 12}" text-anchor="middle">${esc(o.xLabel)}</text>`);
  if (o.yLabel) parts.push(`<text transform="translate(16 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle">${esc(o.yLabel)}</text>`);
  series.forEach((s, k) => {
    const pts: string[] = [];
    for (let i = 0; i < Math.min(x.length, s.y.length); i++) if (Number.isFinite(s.y[i])) pts.push(`${X(x[i]).toFixed(2)},${Y(s.y[i]).toFixed(2)}`);
    const c = COLORS[k % COLORS.length];
    parts.push(`<polyline fill="none" stroke="${c}" stroke-width="1.8" points="${pts.join(" ")}"/>`);
    parts.push(`<line x1="${W - R + 12}" y1="${T + 12 + 18 * k}" x2="${W - R + 32}" y2="${T + 12 + 18 * k}" stroke="${c}" stroke-width="2.5"/><text x="${W - R + 38}" y="${T + 16 + 18 * k}">${esc(s.name)}</text>`);
  });
  parts.push("</svg>");
  return parts.join("\n");
}
