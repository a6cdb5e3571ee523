// Bytes of an input file to text, or a reason it is not text we can read. UTF-8 (with or without a
// byte-order mark) is what every tcplab file is; UTF-16 with a byte-order mark (Windows Notepad's
// "Unicode") is decoded too. Anything else gets a sentence a student can act on, instead of a JSON syntax
// error at line 1 about a character they cannot see.

export type Decoded = { ok: true; text: string } | { ok: false; why: string };

const SAVE_AS_UTF8 = 'save it as UTF-8';

/** Offset of the first byte that cannot start or continue a UTF-8 sequence (the fatal decoder says only "invalid"). */
function firstBadUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    const more = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (more < 0) return i;
    for (let k = 1; k <= more; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += more + 1;
  }
  return 0; // an overlong form or a surrogate: the validator above is coarser than the decoder
}

function lineOf(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (b[i] === 10) line++;
  return line;
}

function decode(encoding: 'utf-8' | 'utf-16le', bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Big-endian UTF-16 as little-endian (small-ICU Node builds know only utf-16le). */
function swapPairs(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length - (b.length % 2));
  for (let i = 0; i + 1 < b.length; i += 2) { out[i] = b[i + 1]!; out[i + 1] = b[i]!; }
  return out;
}

/**
 * Mostly every other byte zero among the first ones, and the others not: UTF-16 without a BOM (JSON's
 * brackets, quotes and keys are ASCII, so their high bytes are zero; a Chinese character's is not).
 */
function looksLikeUtf16(b: Uint8Array): boolean {
  const pairs = Math.min(b.length, 128) >> 1;
  if (pairs < 2) return false;
  let evenZero = 0, oddZero = 0;
  for (let i = 0; i < pairs * 2; i += 2) { if (b[i] === 0) evenZero++; if (b[i + 1] === 0) oddZero++; }
  const most = pairs * 0.75;
  return (oddZero >= most && evenZero === 0) || (evenZero >= most && oddZero === 0);
}

export function decodeText(b: Uint8Array): Decoded {
  if ((b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff)) {
    return { ok: false, why: `the file is UTF-32 text; ${SAVE_AS_UTF8}` };
  }
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    const text = decode('utf-16le', b[0] === 0xff ? b : swapPairs(b));
    return text === undefined ? { ok: false, why: `the file starts as UTF-16 text but is not valid UTF-16; ${SAVE_AS_UTF8}` } : { ok: true, text };
  }
  const nul = b.indexOf(0);
  if (nul >= 0) {
    if (looksLikeUtf16(b)) return { ok: false, why: `the file is UTF-16 text without a byte-order mark; ${SAVE_AS_UTF8}` };
    return { ok: false, why: `the file is binary, not text (a zero byte at line ${lineOf(b, nul)}, byte offset ${nul}); is it the right file?` };
  }
  const text = decode('utf-8', b);
  if (text !== undefined) return { ok: true, text };
  const bad = firstBadUtf8(b);
  return { ok: false, why: `the file is not UTF-8 text (byte 0x${b[bad]!.toString(16).padStart(2, '0')} at line ${lineOf(b, bad)}, byte offset ${bad}): a binary file, or text in another encoding; ${SAVE_AS_UTF8}` };
}
