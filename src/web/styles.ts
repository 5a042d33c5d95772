/** The element's shadow-DOM stylesheet: layout of the controls, the views and the error overlay, plus uPlot's own CSS. */
import { UPLOT_CSS } from "./views/uplot-css.js";

/** CSS text adopted by `<samudra-sim>`. */
export const STYLES: string = `
:host { display: block; position: relative; font: 13px system-ui, sans-serif; color: #1b2733; background: #fff; min-width: 260px; }
:host([hidden]) { display: none; }
.bar { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 4px 0; }
.bar .status { font-variant-numeric: tabular-nums; color: #445; }
.full { display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: center; padding: 2px 0 6px; }
.full label { white-space: nowrap; }
.full input[type=number] { width: 6em; }
em { font-style: normal; font-size: 11px; padding: 0 4px; border-radius: 3px; background: #e4ecf7; color: #245; }
em.restart { background: #f7e6dc; color: #733; }
button { font: inherit; padding: 2px 8px; cursor: pointer; }
.stage canvas.school { display: block; cursor: crosshair; touch-action: none; }
.stage canvas.heatmap { display: block; }
.stage .field .u-over { cursor: crosshair; }
.overlay { position: absolute; inset: 0; display: flex; flex-direction: column; align-items: center; justify-content: center;
  background: rgba(255, 255, 255, 0.88); text-align: center; padding: 20px; }
.overlay p { max-width: 36em; color: #8b1a1a; font-weight: 600; }
${UPLOT_CSS}
.uplot { font: 12px system-ui, sans-serif; }
.u-legend { font-size: 12px; margin: 0; }
`;
