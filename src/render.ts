/** `render` namespace: PNG heatmaps, GIF line animations, SVG charts, colormaps — arrays in, file bytes out. */
export { heatmap, type HeatmapOptions } from "./render/png.js";
export { LineAnimation, type LineAnimationOptions } from "./render/gif.js";
export { lineChart, type Series } from "./render/svg.js";
export { colormap, COLORMAPS } from "./render/colormap.js";
