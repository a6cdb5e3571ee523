// Retransmission timeout estimation (RFC 6298) and the SYN / SYN-ACK retransmission schedules.
import type { Conn } from './conn.js';
import type { Params } from './profiles.js';
import { seqGt } from './seq.js';

/** RFC 6298 2.4: clock granularity G of the virtual clock (1 ms). */
export const CLOCK_GRANULARITY_MS = 1;
/** RFC 6298 2.3: K. */
const K = 4;

function clampRto(p: Params, rtoMs: number): number {
  return Math.min(p.rtoMaxMs, Math.max(p.rtoMinMs, Math.ceil(rtoMs)));
}

/**
 * One RTT sample; Karn's rule is applied by the caller. `una` is SND.UNA after the ACK that gave the sample
 * (Linux starts a new variance window once it passes the sequence number that ended the last one).
 */
export function rttSample(conn: Conn, p: Params, rttMs: number, una: number): void {
  if (p.rtoEstimator === 'linux') linuxRttSample(conn, p, rttMs, una);
  else rfc6298Sample(conn, p, rttMs);
}

/** RFC 6298 2.2 (first sample) and 2.3 (later samples). */
function rfc6298Sample(conn: Conn, p: Params, rttMs: number): void {
  const r = Math.max(0, rttMs);
  if (!conn.hasRttSample) {
    conn.srttMs = r;
    conn.rttvarMs = r / 2;
    conn.hasRttSample = true;
  } else {
    // beta = 1/4, alpha = 1/8; RTTVAR is updated with the old SRTT (RFC 6298 2.3).
    conn.rttvarMs = 0.75 * conn.rttvarMs + 0.25 * Math.abs(conn.srttMs - r);
    conn.srttMs = 0.875 * conn.srttMs + 0.125 * r;
  }
  conn.rtoMs = clampRto(p, conn.srttMs + Math.max(CLOCK_GRANULARITY_MS, K * conn.rttvarMs));
}

/**
 * Linux tcp_rtt_estimator (net/ipv4/tcp_input.c) in the kernel's fixed point: srtt_us holds 8·SRTT, mdev_us
 * 4·mean deviation. rttvar_us is the largest mdev_us of the current window of data, never below rto_min, and
 * decays a quarter toward it per window. __tcp_set_rto: RTO = SRTT + rttvar, bounded by rto_max (tcp_bound_rto).
 * SRTT and RTTVAR are shown as `ss -i` shows them: srtt_us / 8 and mdev_us / 4.
 */
/** The kernel's arithmetic right shift, without JavaScript's 32-bit limit (a link may be delayed a day). */
function shr(x: number, bits: number): number {
  return Math.floor(x / 2 ** bits);
}

function linuxRttSample(conn: Conn, p: Params, rttMs: number, una: number): void {
  const rtoMinUs = p.rtoMinMs * 1000;
  let m = Math.max(0, Math.round(rttMs * 1000));
  let srtt8 = Math.round(conn.srttMs * 8000);
  if (conn.hasRttSample) {
    m -= shr(srtt8, 3); // the error of the estimate
    srtt8 += m; // srtt = 7/8 srtt + 1/8 sample
    if (m < 0) {
      m = -m - shr(conn.linuxMdevUs, 2);
      if (m > 0) m = shr(m, 3); // a falling RTT raises the deviation only an eighth as fast
    } else {
      m -= shr(conn.linuxMdevUs, 2);
    }
    conn.linuxMdevUs += m; // mdev = 3/4 mdev + 1/4 |error|
    if (conn.linuxMdevUs > conn.linuxMdevMaxUs) {
      conn.linuxMdevMaxUs = conn.linuxMdevUs;
      if (conn.linuxMdevMaxUs > conn.linuxRttvarUs) conn.linuxRttvarUs = conn.linuxMdevMaxUs;
    }
    if (seqGt(una, conn.linuxRttSeq)) {
      if (conn.linuxMdevMaxUs < conn.linuxRttvarUs) conn.linuxRttvarUs -= shr(conn.linuxRttvarUs - conn.linuxMdevMaxUs, 2);
      conn.linuxRttSeq = conn.sndNxt;
      conn.linuxMdevMaxUs = rtoMinUs;
    }
  } else {
    srtt8 = m * 8;
    conn.linuxMdevUs = m * 2; // so that the first RTO is at least 3 × RTT
    conn.linuxRttvarUs = Math.max(conn.linuxMdevUs, rtoMinUs);
    conn.linuxMdevMaxUs = conn.linuxRttvarUs;
    conn.linuxRttSeq = conn.sndNxt;
    conn.hasRttSample = true;
  }
  srtt8 = Math.max(1, srtt8);
  conn.srttMs = srtt8 / 8000;
  conn.rttvarMs = conn.linuxMdevUs / 4000;
  conn.rtoMs = Math.min(p.rtoMaxMs, Math.ceil((shr(srtt8, 3) + conn.linuxRttvarUs) / 1000));
}

/** RFC 6298 5.5: back off the timer (double, capped at rtoMax). */
export function backoff(conn: Conn, p: Params): void {
  conn.rtoMs = Math.min(p.rtoMaxMs, conn.rtoMs * 2);
}

/**
 * The timeout that follows the n-th SYN retransmission (n = 0 for the original SYN). Linux 6.5+
 * (tcp_syn_linear_timeouts = L): while n ≤ L the timeout stays at the initial RTO, then it doubles:
 * rto_initial × 2^(n−L), capped at rtoMax. With L = 4 this gives SYNs at 0,1,2,3,4,5,7,11,19,35,67 s.
 */
export function synTimeoutMs(p: Params, n: number, linear: number): number {
  if (n <= linear) return Math.min(p.rtoMaxMs, p.rtoInitialMs);
  return Math.min(p.rtoMaxMs, p.rtoInitialMs * 2 ** (n - linear));
}

/**
 * connect()'s time budget: the total time the schedule above takes for R = tcp_syn_retries +
 * tcp_syn_linear_timeouts retransmissions, i.e. the sum of the timeouts after the original SYN and after each
 * of the R retransmissions (Linux: max_retransmits = syn_retries + syn_linear_timeouts in tcp_write_timeout;
 * written as a time like retransmits_timed_out()). linux: 5×1 + 2+4+8+16+32+64 = 131 s; with L = 0 and
 * R = 6: 1+2+4+…+64 = 127 s. tcplab.syn_timeout_ms, when set, caps it (classic BSD: 75 s).
 */
export function synBudgetMs(p: Params): number {
  const linear = p.synLinearTimeouts;
  const retries = p.synRetries + linear;
  let total = 0;
  for (let n = 0; n <= retries; n++) total += synTimeoutMs(p, n, linear);
  return p.synTimeoutMs > 0 ? Math.min(total, p.synTimeoutMs) : total;
}

/** The timeout after the n-th SYN-ACK retransmission: plain exponential backoff (Linux reqsk_timer_handler). */
export function synAckTimeoutMs(p: Params, n: number): number {
  return Math.min(p.rtoMaxMs, p.rtoInitialMs * 2 ** n);
}
