// Fish schools in Node: the seed's swarm case (legacy mode) with its published initial values, a Couzin 2002
// mill, and neighbour search on the final frame.
// Run: node examples/node-school.mjs
import { init, school, neighbors } from "samudra";

await init();
let first = null, last = null;
const swarm = school.simulate({ case: "case1", saveInterval: 10 }, ({ index, metrics, positions }) => {
  if (index === 0) first = metrics;
  last = positions.slice();                       // views are valid only during the call: copy to keep
});
console.log(`case1 t = 0: P = ${first.polarization.toFixed(3)}, M = ${first.rotation.toFixed(3)}, OSI = ${first.oceanicSchoolingIndex.toFixed(3)}`);
console.log(`case1 second half: ${swarm.state}, P = ${swarm.mean.polarization.toFixed(3)}, OSI = ${swarm.mean.oceanicSchoolingIndex.toFixed(3)}`);

const mill = school.simulate({ case: "couzin_torus", nSteps: 1500, saveInterval: 50 });
console.log(`couzin_torus: ${mill.state}, M = ${mill.mean.rotation.toFixed(2)}`);

const g = neighbors.grid(last, { box: 25, cellSize: 2 });   // pairs closer than r_r = 2 in the periodic box
const I = new Int32Array(4096), J = new Int32Array(4096);
console.log(`final case1 frame: ${g.pairsInto(2, I, J)} pairs of fish closer than 2`);
g.dispose();
