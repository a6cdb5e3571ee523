// The bytes of an export the host sent (text as it is, binary formats as base64), for a download.
import type { ExportResult } from '../../src-main/contract/index.js';

/** Uint8Array.fromBase64 (TC39 "Uint8Array to/from base64"; Chromium 140 and later), where the engine has it. */
type FromBase64 = (text: string) => Uint8Array<ArrayBuffer>;

export function exportBytes(result: ExportResult): Uint8Array<ArrayBuffer> | string {
  if (result.encoding === 'utf8') return result.data;
  // A 100,000-packet capture is ~140 MB of base64: the built-in decoder makes the bytes in one pass, where
  // atob makes a 105 MB string first and the loop below reads it back a character at a time.
  const fromBase64 = (Uint8Array as unknown as { fromBase64?: FromBase64 }).fromBase64;
  if (typeof fromBase64 === 'function') return fromBase64.call(Uint8Array, result.data);
  const bin = atob(result.data);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
