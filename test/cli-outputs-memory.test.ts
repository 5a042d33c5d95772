// The CLI's memory stays bounded however many frames a run saves: the figures are drawn from an evenly spaced
// subset (≤ 1000 rows for the space-time image, ≤ 200 GIF frames) while the NetCDF/CSV streams get every frame.
// Measured as a child process's peak RSS (process.resourceUsage().maxRSS, via a preload): samudra kg with 10⁴
// frames must not need much more than with 100 (before: +122 MB for the PNG/GIF alone; after: < 10 MB). The
// figures must still be made: a PNG at most 1000 cells tall, a GIF of at most 200 frames, and the .nc holds
// all 10⁴ + 1 records. Plus the FrameReservoir that does it: bounded, evenly spaced, frame 0 kept, buffers reused.
import { it, expect, beforeAll, afterAll } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { root } from "./helpers/runtimes.js";
import { readNetCDF } from "../src/io/netcdf-reader.js";
import { FrameReservoir } from "../src/cli/frame-reservoir.js";

let dir = "";
beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), "samudra-cli-mem-")); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

/** Peak RSS (MiB) of `samudra kg` with `frames` frames of a 512-point kink, and the run's directory. */
function kgRun(frames: number, formats: string): { rssMiB: number; out: string } {
  const cfg = path.join(dir, `kg${frames}.yaml`), out = path.join(dir, `out${frames}-${formats.replace(/,/g, "")}`);
  writeFileSync(cfg, `scenario_name: Many Frames\nic_type: kink\npotential: phi4\nnx: 512\nx_min: -40\nx_max: 40\nt_final: 50\ndt: 0.005\nn_frames: ${frames}\nvelocity: 0.5\nmethod: verlet\n`);
  const r = spawnSync(process.execPath, ["--import", path.join(root, "test/helpers/maxrss.mjs"), path.join(root, "dist/cli.js"), "kg", "--config", cfg, "-q", "--format", formats, "-o", out], { encoding: "utf8", timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  const m = /samudra-test-maxrss=(\d+)/.exec(r.stderr);
  expect(m, r.stderr).not.toBeNull();
  return { rssMiB: Number(m![1]) / 1024, out };
}

/** Frames in a GIF, by walking its blocks (extensions and image descriptors with their sub-blocks). */
function gifFrames(b: Uint8Array): number {
  let p = 13, frames = 0;
  if (b[10] & 0x80) p += 3 << ((b[10] & 7) + 1);
  const skipSubBlocks = () => { while (b[p] !== 0) p += b[p] + 1; p++; };
  while (p < b.length && b[p] !== 0x3b) {
    if (b[p] === 0x21) { p += 2; skipSubBlocks(); }
    else if (b[p] === 0x2c) {
      frames++;
      const flags = b[p + 9];
      p += 10;
      if (flags & 0x80) p += 3 << ((flags & 7) + 1);
      p++;                                   // LZW minimum code size
      skipSubBlocks();
    } else throw new Error(`GIF: unexpected block 0x${b[p].toString(16)} at ${p}`);
  }
  return frames;
}

it("samudra kg with 10⁴ frames: peak RSS within 64 MiB of a 100-frame run; PNG ≤ 1000 rows, GIF ≤ 200 frames, .nc has every frame", { timeout: 120_000 }, () => {
  const small = kgRun(100, "png,gif,csv,nc");
  const big = kgRun(10_000, "png,gif,csv,nc");
  expect(big.rssMiB - small.rssMiB, `peak RSS ${small.rssMiB.toFixed(0)} MiB (100 frames) → ${big.rssMiB.toFixed(0)} MiB (10⁴ frames)`).toBeLessThan(64);   // was +136 MiB when every frame was kept; ~35 MiB now (V8's heap growth under load varies ±20)
  const png = readFileSync(path.join(big.out, "many_frames_corrected_spacetime.png"));
  const height = png.readUInt32BE(20);
  expect(height).toBeGreaterThanOrEqual(500);
  expect(height).toBeLessThanOrEqual(1000);
  const frames = gifFrames(new Uint8Array(readFileSync(path.join(big.out, "many_frames_corrected.gif"))));
  expect(frames).toBeGreaterThanOrEqual(100);
  expect(frames).toBeLessThanOrEqual(200);
  expect(readNetCDF(new Uint8Array(readFileSync(path.join(big.out, "many_frames_corrected.nc")))).numrecs).toBe(10_001);
  expect(readFileSync(path.join(big.out, "many_frames_corrected_diagnostics.csv"), "utf8").trim().split("\n")).toHaveLength(10_002);
});

it("FrameReservoir: never more than its capacity, at least half of it, evenly spaced from frame 0, dropped buffers reused", () => {
  for (const [cap, n] of [[200, 199], [200, 201], [200, 10_001], [7, 1000], [1000, 123_457]]) {
    const res = new FrameReservoir<Float32Array>(cap);
    let made = 0;
    for (let i = 0; i < n; i++) {
      res.offer(i, (reuse) => { if (!reuse) made++; const f = reuse ?? new Float32Array(4); f[0] = i; return f; });
      expect(res.length).toBeLessThanOrEqual(cap);
    }
    const idx = res.frameIndices;
    expect(idx[0]).toBe(0);
    if (n <= cap) expect(idx.length).toBe(n);
    else expect(idx.length).toBeGreaterThanOrEqual(Math.ceil(cap / 2));
    const stride = idx.length > 1 ? idx[1] - idx[0] : 1;
    idx.forEach((v, k) => { expect(v).toBe(k * stride); expect(res.frames[k][0]).toBe(v); });
    expect(idx[idx.length - 1] + stride).toBeGreaterThan(n - 1);          // the subset reaches the end of the run
    expect(made).toBeLessThanOrEqual(cap + 1);                            // buffers recycled, not reallocated
  }
});
