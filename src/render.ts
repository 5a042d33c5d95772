/**
 * `render` namespace: PNG heatmaps, GIF line animations, SVG charts, colormaps — arrays in, file bytes out — and the
 * figure layer the CLI draws with (issue 16): Scenes with axes, colorbars, legends and titles, written as SVG
 * (sceneToSvg) or PNG (sceneToPng) from the same drawing.
 */
export { heatmap, type HeatmapOptions } from "./render/png.js";
export { LineAnimation, type LineAnimationOptions } from "./render/gif.js";
export { lineChart, type Series } from "./render/svg.js";
export { colormap, COLORMAPS } from "./render/colormap.js";
export { heatmapFigure, lineFigure, type HeatmapFigure, type LineFigure } from "./render/figures.js";
export { Scene, sceneToSvg } from "./render/scene.js";
export { sceneToPng } from "./render/canvas.js";
export { summaryFigure as schoolSummaryFigure } from "./render/school-figures.js";
export { SchoolAnimation, type SchoolAnimationOptions } from "./render/school-animation.js";
