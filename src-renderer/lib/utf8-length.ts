// How many bytes a string takes as UTF-8 (what the WebSocket sends), counted without encoding it.
// The client checked each request's size with `new Blob([text]).size`; a Blob is registered with the
// browser process, and during live play (~28 view requests a second) that cost ~35 ms of the page's
// main thread per second, more than parsing every message from the host (docs/PERFORMANCE.md,
// "Live play, session 23").

/**
 * UTF-8 length of `text`, as TextEncoder would encode it: a lone surrogate becomes U+FFFD (3 bytes), like
 * the WebSocket's own conversion.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair: one code point above U+FFFF
      i++;
    } else bytes += 3; // the rest of the BMP, and lone surrogates (sent as U+FFFD)
  }
  return bytes;
}

/**
 * The UTF-8 size of `text` if it is over `maxBytes`, else null. A string of n UTF-16 units is at most 3n
 * bytes, so a short request (all of them in practice) is never counted.
 */
export function oversizeBytes(text: string, maxBytes: number): number | null {
  if (text.length * 3 <= maxBytes) return null;
  const bytes = utf8ByteLength(text);
  return bytes > maxBytes ? bytes : null;
}
