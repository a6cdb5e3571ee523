import { describe, expect, it } from 'vitest';
import { oversizeBytes, utf8ByteLength } from '../../../src-renderer/lib/utf8-length.js';

const encoder = new TextEncoder();

describe('utf8ByteLength', () => {
  it('counts like TextEncoder for ASCII, two-, three- and four-byte characters and lone surrogates', () => {
    const samples = [
      '',
      '{"t":"call","id":1,"cmd":"view.router","args":null}',
      'é ß ñ', // two bytes each
      '三次握手 TIME_WAIT 两倍 MSL', // three bytes each
      '📦 → 🖥️', // a surrogate pair is one four-byte code point
      '\ud800', // lone high surrogate at the end: U+FFFD, three bytes
      'a\udc00b', // lone low surrogate
      '\ud83d\ud83d\ude00', // a high surrogate followed by a pair
      '\u007f\u0080\u07ff\u0800\uffff',
    ];
    for (const s of samples) expect(utf8ByteLength(s), JSON.stringify(s)).toBe(encoder.encode(s).length);
  });

  it('matches TextEncoder on every UTF-16 unit, alone and before each kind of neighbour', () => {
    for (let c = 0; c < 0x10000; c += 7) {
      const s = String.fromCharCode(c);
      for (const next of ['', 'x', '\udc00', '\ud800']) expect(utf8ByteLength(s + next)).toBe(encoder.encode(s + next).length);
    }
  });
});

describe('oversizeBytes', () => {
  it('says nothing for a request within the limit, even one that is close to it in bytes', () => {
    expect(oversizeBytes('x'.repeat(100), 100)).toBeNull();
    expect(oversizeBytes('三'.repeat(33), 100)).toBeNull(); // 99 bytes
  });

  it('gives the UTF-8 size of a request over the limit, including one whose UTF-16 length is under it', () => {
    expect(oversizeBytes('x'.repeat(101), 100)).toBe(101);
    expect(oversizeBytes('三'.repeat(34), 100)).toBe(102); // 34 units, 102 bytes
    expect(oversizeBytes('📦'.repeat(26), 100)).toBe(104);
  });
});
