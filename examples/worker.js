// Cloudflare Worker (wrangler resolves samudra's `workerd` export condition, which imports the
// .wasm files as modules — Workers cannot compile WASM from bytes).
//   wrangler dev examples/worker.js   then   curl 'http://127.0.0.1:8787/?n=8'
import { init, fft } from "samudra";

let ready;
export default {
  async fetch(request) {
    ready ??= init();                              // once per isolate
    await ready;
    const n = Number(new URL(request.url).searchParams.get("n") ?? 8);
    if (!Number.isInteger(n) || n < 1 || n > 65536) {
      return Response.json({ error: `n must be an integer 1 ≤ n ≤ 65536, got ${n}` }, { status: 400 });
    }
    const x = new Float64Array(n).map((_, i) => i);
    return Response.json({ n, spectrum: Array.from(fft.rfft(x)) });
  },
};
