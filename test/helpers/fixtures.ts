/** Loads the numpy reference fixtures written by test/fixtures/make_fft_fixtures.py. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures");

export interface FixtureCase {
  kind: "complex" | "real";
  n: number;
  [key: string]: unknown;
}

export function loadFftFixtures() {
  const manifest = JSON.parse(readFileSync(path.join(dir, "fft-numpy.json"), "utf8"));
  const buf = readFileSync(path.join(dir, "fft-numpy.bin"));
  const all = new Float64Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  if (all.length !== manifest.doubles) throw new Error("fft-numpy.bin does not match its manifest; regenerate the fixtures");
  const get = (ref: [number, number]) => all.slice(ref[0], ref[0] + ref[1]);
  return { numpy: manifest.numpy as string, cases: manifest.cases as FixtureCase[], get };
}
