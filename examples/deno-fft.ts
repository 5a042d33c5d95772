// Deno: import the package from npm (or a local checkout) and run a round trip.
//   deno run npm:samudra … or, in this repository:  deno run --allow-read examples/deno-fft.ts
import { init, fft } from "../dist/index.js";

await init();
const X = fft.fft([1, 0, 2, 0, 3, 0, 4, 0]);
console.log("fft:", JSON.stringify(Array.from(X)));            // [10,0,-2,2,-2,0,-2,-2]
console.log("ifft:", JSON.stringify(Array.from(fft.ifft(X)))); // [1,0,2,0,3,0,4,0]
