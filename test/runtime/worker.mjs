// Cloudflare Worker for the workerd smoke test. `samudra` resolves through the package's
// `workerd` export condition (as wrangler does), so init() uses the imported .wasm modules.
import * as samudra from "samudra";
import { smoke } from "./smoke-core.mjs";

export default {
  async fetch() {
    try {
      return Response.json(await smoke(samudra, {}));
    } catch (e) {
      return Response.json({ ok: false, error: String(e && e.stack || e) }, { status: 500 });
    }
  },
};
