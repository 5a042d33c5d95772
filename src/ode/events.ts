/**
 * Event location as in scipy.integrate.solve_ivp: an event g(t, y) "occurs" in a step when it
 * changes sign (respecting its direction); its time is found by Brent's method on the dense output
 * with xtol = rtol = 4ε. Terminal events stop the integration after `terminal` occurrences.
 * Brent's method follows scipy/optimize/Zeros/brentq.c (R. P. Brent, Algorithms for Minimization
 * without Derivatives, 1973, ch. 4).
 */
import { describe } from "../validate.js";

/** `(t, y) => number`; optional `terminal` (true or a count) and `direction` (−1, 0, +1). */
export type EventFunction = ((t: number, y: Float64Array) => number) & { terminal?: boolean | number; direction?: number };

export interface PreparedEvents {
  fns: EventFunction[];
  maxEvents: number[];
  direction: number[];
}

export function prepareEvents(where: string, events: EventFunction | EventFunction[]): PreparedEvents {
  const fns = typeof events === "function" ? [events] : events;
  if (!Array.isArray(fns)) throw new TypeError(`${where}: events must be a function or an array of functions, got ${describe(events)}`);
  const maxEvents: number[] = [], direction: number[] = [];
  fns.forEach((e, i) => {
    if (typeof e !== "function") throw new TypeError(`${where}: events[${i}] must be a function (t, y) => number, got ${describe(e)}`);
    const term = e.terminal;
    if (term === undefined || term === false || term === 0) maxEvents.push(Infinity);
    else if (term === true) maxEvents.push(1);
    else if (typeof term === "number" && Number.isInteger(term) && term > 0) maxEvents.push(term);
    else throw new RangeError(`${where}: events[${i}].terminal must be a boolean or a positive integer, got ${describe(term)}`);
    const d = e.direction ?? 0;
    if (typeof d !== "number" || !Number.isFinite(d)) throw new RangeError(`${where}: events[${i}].direction must be a number (−1, 0 or 1), got ${describe(d)}`);
    direction.push(d);
  });
  return { fns, maxEvents, direction };
}

/** Indices of events that changed sign between g and gNew (scipy find_active_events). */
export function findActive(g: number[], gNew: number[], direction: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < g.length; i++) {
    const up = g[i] <= 0 && gNew[i] >= 0, down = g[i] >= 0 && gNew[i] <= 0;
    if ((up && direction[i] > 0) || (down && direction[i] < 0) || ((up || down) && direction[i] === 0)) out.push(i);
  }
  return out;
}

const EPS = 2 ** -52;

/** Brent's root finder, scipy's brentq(f, a, b, xtol=4ε, rtol=4ε, maxiter=100). */
export function brentq(f: (x: number) => number, xa: number, xb: number, xtol = 4 * EPS, rtol = 4 * EPS, iter = 100): number {
  let xpre = xa, xcur = xb, xblk = 0, fblk = 0, spre = 0, scur = 0;
  let fpre = f(xpre), fcur = f(xcur);
  if (fpre === 0) return xpre;
  if (fcur === 0) return xcur;
  if (Math.sign(fpre) === Math.sign(fcur)) {
    throw new Error(`event location failed: the event function has the same sign at both ends of the step [${xa}, ${xb}] (${fpre}, ${fcur})`);
  }
  for (let i = 0; i < iter; i++) {
    if (fpre !== 0 && fcur !== 0 && Math.sign(fpre) !== Math.sign(fcur)) {
      xblk = xpre; fblk = fpre; spre = scur = xcur - xpre;
    }
    if (Math.abs(fblk) < Math.abs(fcur)) {
      xpre = xcur; xcur = xblk; xblk = xpre;
      fpre = fcur; fcur = fblk; fblk = fpre;
    }
    const delta = (xtol + rtol * Math.abs(xcur)) / 2;
    const sbis = (xblk - xcur) / 2;
    if (fcur === 0 || Math.abs(sbis) < delta) return xcur;
    if (Math.abs(spre) > delta && Math.abs(fcur) < Math.abs(fpre)) {
      let stry: number;
      if (xpre === xblk) {
        stry = -fcur * (xcur - xpre) / (fcur - fpre);
      } else {
        const dpre = (fpre - fcur) / (xpre - xcur);
        const dblk = (fblk - fcur) / (xblk - xcur);
        stry = -fcur * (fblk * dblk - fpre * dpre) / (dblk * dpre * (fblk - fpre));
      }
      if (2 * Math.abs(stry) < Math.min(Math.abs(spre), 3 * Math.abs(sbis) - delta)) {
        spre = scur; scur = stry;
      } else {
        spre = sbis; scur = sbis;
      }
    } else {
      spre = sbis; scur = sbis;
    }
    xpre = xcur; fpre = fcur;
    xcur += Math.abs(scur) > delta ? scur : (sbis > 0 ? delta : -delta);
    fcur = f(xcur);
  }
  return xcur;
}

/** scipy handle_events: roots of the active events, truncated at the first terminal one. */
export function handleEvents(
  ev: PreparedEvents, active: number[], count: number[], sol: (t: number) => Float64Array, tOld: number, t: number,
): { active: number[]; roots: number[]; terminate: boolean } {
  let roots = active.map((i) => brentq((s) => ev.fns[i](s, sol(s)), tOld, t));
  let act = active;
  if (act.some((i) => count[i] >= ev.maxEvents[i])) {
    const order = roots.map((_, k) => k).sort((a, b) => (t > tOld ? roots[a] - roots[b] : roots[b] - roots[a]));
    act = order.map((k) => act[k]);
    roots = order.map((k) => roots[k]);
    const stop = act.findIndex((i) => count[i] >= ev.maxEvents[i]);
    return { active: act.slice(0, stop + 1), roots: roots.slice(0, stop + 1), terminate: true };
  }
  return { active: act, roots, terminate: false };
}
