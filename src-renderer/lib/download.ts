// Turns an export result from the host into a file download (Blob + a[download]); nothing leaves the machine.
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

export function download(result: ExportResult): void {
  const blob = new Blob([exportBytes(result)], { type: result.mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = result.fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke on the next task so the browser has started reading the blob.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
