// SYN cookies (tcp/syncookie.ts) and the keyed hash under them and the ISNs (tcp/isn.ts): the fast forms must
// give exactly the values of the plain ones, because every cookie and ISN is in the traces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyedHash } from '../../../src-main/tcp/isn.js';
import { fmix32, fnvString, FNV_OFFSET } from '../../../src-main/tcp/prng.js';
import { checkCookie, COOKIE_MSS, makeCookie, mssIndex } from '../../../src-main/tcp/syncookie.js';

/** The plain forms: a loop over the table, and one FNV-1a step per byte in a loop. */
function mssIndexPlain(mss: number): number {
  let idx = 0;
  for (let i = 0; i < COOKIE_MSS.length; i++) if (COOKIE_MSS[i]! <= mss) idx = i;
  return idx;
}
function fnvU32Plain(h: number, n: number): number {
  for (let i = 0; i < 4; i++) h = Math.imul(h ^ ((n >>> (8 * i)) & 0xff), 0x01000193);
  return h;
}
function keyedHashPlain(secret: number, a: string, b: number, c: string, d: number, e: number): number {
  let h = fnvString((FNV_OFFSET ^ secret) >>> 0, a);
  h = fnvU32Plain(h, b);
  h = fnvString(h, c);
  h = fnvU32Plain(fnvU32Plain(h, d), e);
  return fmix32(h);
}

const ip = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join('.'));
const u32 = fc.nat(0xffffffff);

describe('SYN cookies and the keyed hash', () => {
  it('mssIndex picks the largest table MSS not above the announced one, for every 16-bit MSS', () => {
    for (let mss = 0; mss <= 65535; mss++) {
      if (mssIndex(mss) !== mssIndexPlain(mss)) expect([mss, mssIndex(mss)]).toEqual([mss, mssIndexPlain(mss)]);
    }
    expect([535, 536, 1299, 1300, 1440, 1459, 1460, 9000].map(mssIndex)).toEqual([0, 0, 0, 1, 2, 2, 3, 3]);
  });

  it('keyedHash equals FNV-1a byte by byte over the same inputs (ports, ISNs and negative int32s too)', () => {
    fc.assert(fc.property(u32, ip, fc.nat(65535), ip, fc.nat(65535), fc.oneof(u32, fc.integer({ min: -0x80000000, max: -1 })),
      (secret, a, b, c, d, e) => keyedHash(secret, a, b, c, d, e) === keyedHashPlain(secret, a, b, c, d, e)), { numRuns: 2000 });
  });

  it('a cookie gives back its MSS for the same connection within two 64-second slots, and nothing otherwise', () => {
    const secret = 0x5eed1234, isn = 0xfffffff0;
    const cookie = makeCookie(secret, '198.18.3.7', 40000, '10.0.0.2', 80, isn, 1460, 70_000);
    expect(checkCookie(secret, '198.18.3.7', 40000, '10.0.0.2', 80, isn, cookie, 70_000)).toBe(1460);
    // Made in slot 1 (64-128 s): good in slot 2 as the previous slot (Linux MAX_SYNCOOKIE_AGE), not in slot 3.
    expect(checkCookie(secret, '198.18.3.7', 40000, '10.0.0.2', 80, isn, cookie, 191_999)).toBe(1460);
    expect(checkCookie(secret, '198.18.3.7', 40000, '10.0.0.2', 80, isn, cookie, 192_000)).toBe(-1);
    expect(checkCookie(secret, '198.18.3.7', 40001, '10.0.0.2', 80, isn, cookie, 70_000)).toBe(-1);
    expect(checkCookie(secret, '198.18.3.8', 40000, '10.0.0.2', 80, isn, cookie, 70_000)).toBe(-1);
    expect(checkCookie(secret, '198.18.3.7', 40000, '10.0.0.2', 80, isn + 1, cookie, 70_000)).toBe(-1);
    expect(checkCookie(secret + 1, '198.18.3.7', 40000, '10.0.0.2', 80, isn, cookie, 70_000)).toBe(-1);
    expect(checkCookie(secret, '198.18.3.7', 40000, '10.0.0.2', 80, isn, (cookie ^ 0x80) >>> 0, 70_000)).toBe(-1);
    expect(checkCookie(secret, '10.0.0.9', 5000, '10.0.0.2', 80, 1, makeCookie(secret, '10.0.0.9', 5000, '10.0.0.2', 80, 1, 1300, 0), 0)).toBe(1300);
  });
});
