/** The public `ode.systems` namespace: compiled right-hand sides. */
export { lorenz, vanDerPol, arenstorf, linear } from "./systems.js";
