// Initial sequence numbers (RFC 6528: ISN = M + F(4-tuple, secret), M a 4 µs clock) and the keyed hash
// shared with SYN cookies. Deterministic: the secret comes from the seeded PRNG, the clock is virtual.
import type { Params } from './profiles.js';
import { fmix32, fnvString, FNV_OFFSET } from './prng.js';

/** FNV-1a over the secret, strings and numbers, with a murmur3 finaliser. */
export function keyedHash(secret: number, a: string, b: number, c: string, d: number, e: number): number {
  let h = fnvString((FNV_OFFSET ^ secret) >>> 0, a);
  h = fnvU32(h, b);
  h = fnvString(h, c);
  h = fnvU32(fnvU32(h, d), e);
  return fmix32(h);
}

/** One FNV-1a step per byte of n (little-endian), written out: a SYN cookie hashes three numbers. */
function fnvU32(h: number, n: number): number {
  h = Math.imul(h ^ (n & 0xff), 0x01000193);
  h = Math.imul(h ^ ((n >>> 8) & 0xff), 0x01000193);
  h = Math.imul(h ^ ((n >>> 16) & 0xff), 0x01000193);
  return Math.imul(h ^ (n >>> 24), 0x01000193);
}

/** RFC 6528 3: M is a timer that ticks every 4 µs; F is a keyed hash of the connection identifiers. */
export function generateIsn(
  p: Params, secret: number, localIp: string, localPort: number, remoteIp: string, remotePort: number, nowMs: number,
): number {
  if (p.forcedIsn >= 0) return p.forcedIsn >>> 0;
  const m = Math.floor(nowMs * 250);
  return (m + keyedHash(secret, localIp, localPort, remoteIp, remotePort, 0)) >>> 0;
}
