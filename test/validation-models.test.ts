// Model-level bad input (issue 15): option objects of school.metrics refuse unknown keys and non-booleans; a
// non-function snapshot callback is refused before the run starts, naming the argument.
import { it, expect, beforeAll } from "vitest";
import { init, nlse, school } from "../src/index.js";

beforeAll(async () => { await init(); });

it("school.metrics: unknown option keys get did you mean; booleans must be booleans", () => {
  const positions = new Float64Array([1, 1, 1, 2, 2, 2, 3, 3, 3]), velocities = new Float64Array([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  expect(() => school.metrics({ positions, velocities, boxSize: 25 }, { legasy: true } as never)).toThrow(/school.metrics: unknown option "legasy" — did you mean "legacy"\?/);
  expect(() => school.metrics({ positions, velocities, boxSize: 25 }, { legacy: "yes" } as never)).toThrow(/school.metrics: legacy must be true or false, got/);
  const a = school.metrics({ positions, velocities, boxSize: 25 }, { legacy: true }), b = school.metrics({ positions, velocities, boxSize: 25 });
  expect(a.polarization).toBeCloseTo(b.polarization, 15);
});

it("nlse.simulate(options, 5): the callback is checked before any work", () => {
  expect(() => nlse.simulate({ case: "single_soliton" }, 5 as never)).toThrow(/nlse.simulate: onSnapshot must be a function \(snapshot\) => void, got number/);
});

it("model booleans must be booleans (legacy: 'yes' was silently false)", async () => {
  const { kleinGordon } = await import("../src/index.js");
  expect(() => nlse.create({ case: "single_soliton", legacy: "yes" as never })).toThrow(/nlse.create: legacy must be true or false, got string "yes"/);
  expect(() => kleinGordon.create({ case: "case1", adaptiveDt: 1 as never })).toThrow(/adaptiveDt must be true or false, got number 1/);
  expect(() => school.create({ case: "case1", computeEntropy: "no" as never })).toThrow(/computeEntropy must be true or false/);
});
