// Klein–Gordon in Node: the seed's breather run reproduced, then the corrected kink–antikink collision.
// Run: node examples/node-kg.mjs
import { init, kleinGordon } from "samudra";

await init();
const seed = kleinGordon.simulate({ case: "case3", legacy: true });
console.log(`seed breather run: ${seed.steps} steps, ${seed.adaptations} Δt adaptations, H ${seed.invariants.energy[0].toFixed(6)} → ${seed.invariants.energy.at(-1).toFixed(6)}`);

let collided = null;
const s = kleinGordon.simulate({ case: "kink_antikink", method: "yoshida4" }, ({ t, kinks }) => {
  if (kinks.length === 0 && collided === null) collided = t;
});
console.log(`corrected kink–antikink (u = 0.3): walls meet at t ≈ ${collided}, relative energy drift ${s.invariants.drift.energy.toExponential(1)}`);
