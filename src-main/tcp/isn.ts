// Initial sequence numbers (RFC 6528: ISN = M + F(4-tuple, secret), M a 4 µs clock) and the keyed hash
// shared with SYN cookies. Deterministic: the secret comes from the seeded PRNG, the clock is virtual.
import type { Params } from './profiles.js';

/** FNV-1a over the secret, strings and numbers, with a murmur3 finaliser. */
export function keyedHash(secret: number, a: string, b: number, c: string, d: number, e: number): number {
  let h = (0x811c9dc5 ^ secret) >>> 0;
  const mixStr = (s: string): void => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  };
  const mixNum = (n: number): void => {
    for (let i = 0; i < 4; i++) h = Math.imul(h ^ ((n >>> (8 * i)) & 0xff), 0x01000193);
  };
  mixStr(a);
  mixNum(b);
  mixStr(c);
  mixNum(d);
  mixNum(e);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** RFC 6528 3: M is a timer that ticks every 4 µs; F is a keyed hash of the connection identifiers. */
export function generateIsn(
  p: Params, secret: number, localIp: string, localPort: number, remoteIp: string, remotePort: number, nowMs: number,
): number {
  if (p.forcedIsn >= 0) return p.forcedIsn >>> 0;
  const m = Math.floor(nowMs * 250);
  return (m + keyedHash(secret, localIp, localPort, remoteIp, remotePort, 0)) >>> 0;
}
