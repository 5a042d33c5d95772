/** Decodes base64 with `atob` (Node ≥ 16, Deno, Bun, browsers, Workers); no Buffer, no fromBase64. */
export function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
