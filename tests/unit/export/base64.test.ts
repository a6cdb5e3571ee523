import { describe, expect, it } from 'vitest';
import { Base64Writer, toBase64, toBase64Pieces } from '../../../src-main/lab/export/base64.js';
import { exportPcapng, exportResultOf } from '../../../src-main/lab/export/index.js';
import { Prng } from '../../../src-main/tcp/prng.js';
import { interventionRun } from './fixture.js';

/** Node's own encoder, the reference (lab/ itself may not use Buffer). */
const reference = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');

function randomBytes(n: number, seed: number): Uint8Array {
  const rng = new Prng(seed);
  return Uint8Array.from({ length: n }, () => Math.floor(rng.next() * 256));
}

describe('base64 for binary exports', () => {
  it('matches RFC 4648 test vectors and Node for every length up to 40', () => {
    // RFC 4648 section 10.
    const vectors: Array<[string, string]> = [['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy']];
    for (const [plain, encoded] of vectors) expect(toBase64(new TextEncoder().encode(plain))).toBe(encoded);
    for (let n = 0; n <= 40; n++) {
      const b = randomBytes(n, n + 1);
      expect(toBase64(b), `length ${n}`).toBe(reference(b));
    }
    expect(toBase64(Uint8Array.of(0xff, 0xfe, 0xfd, 0xfb))).toBe('//79+w==');
  });

  it('gives the same text however the bytes are cut into pieces', () => {
    const b = randomBytes(23, 7);
    const whole = reference(b);
    for (let cut1 = 0; cut1 <= b.length; cut1++) {
      for (let cut2 = cut1; cut2 <= b.length; cut2++) {
        expect(toBase64Pieces([b.subarray(0, cut1), b.subarray(cut1, cut2), b.subarray(cut2)]), `cuts ${cut1}, ${cut2}`).toBe(whole);
      }
    }
    // One byte at a time, and pieces that are views of one reused buffer.
    const w = new Base64Writer();
    const reused = new Uint8Array(1);
    for (const v of b) { reused[0] = v; w.push(reused); }
    expect(w.end()).toBe(whole);
  });

  it('crosses its 1 MiB output buffer at every alignment of a 3-byte group', () => {
    for (const n of [786_431, 786_432, 786_433, 3 * 1024 * 1024 + 2]) {
      const b = randomBytes(n, n);
      expect(toBase64(b) === reference(b), `length ${n}`).toBe(true);
      const pieces = [b.subarray(0, 1_000_001), b.subarray(1_000_001, 1_000_002), b.subarray(1_000_002)];
      expect(toBase64Pieces(pieces) === reference(b), `length ${n} in pieces`).toBe(true);
    }
  });

  it('refuses more bytes after end() and gives the same text on a second end()', () => {
    const w = new Base64Writer();
    w.push(Uint8Array.of(1, 2));
    expect(w.end()).toBe('AQI=');
    expect(w.end()).toBe('AQI=');
    expect(() => w.push(Uint8Array.of(3))).toThrow('Base64Writer: push() after end()');
  });

  it('the app\'s pcapng export (session.export) decodes to exactly exportPcapng\'s bytes, in both languages', () => {
    const input = interventionRun();
    for (const lang of ['en', 'zh-CN'] as const) {
      const result = exportResultOf(input, 'pcapng', lang);
      expect(result).toMatchObject({ encoding: 'base64', mime: 'application/x-pcapng' });
      expect(result.fileName.endsWith('.pcapng')).toBe(true);
      expect(new Uint8Array(Buffer.from(result.data, 'base64'))).toEqual(exportPcapng(input, { lang }));
    }
  });
});
