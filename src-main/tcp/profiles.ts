// Profiles: a named set of knob values (profile-table.ts) plus the few behaviours that are not numbers.
// A host's effective parameters are its profile's defaults overridden by StackOptions.sysctl.
import { TcpUserError } from './api.js';
import type { ProfileName, TeachingVariants } from './api.js';
import { KNOBS, KNOB_BY_NAME, knobOrderIssues } from './profile-table.js';
import type { TcpState } from './trace.js';

export { KNOBS, KNOB_BY_NAME } from './profile-table.js';
export type { KnobSpec, KnobUnit } from './profile-table.js';

export const PROFILE_NAMES: readonly ProfileName[] = ['rfc', 'linux', 'classic'];

/** Everything the engine reads, resolved once per stack. Plain data (snapshots clone it). */
export interface Params {
  profile: ProfileName;
  synRetries: number;
  synLinearTimeouts: number;
  synackRetries: number;
  retries2: number;
  synTimeoutMs: number;
  rtoInitialMs: number;
  rtoMinMs: number;
  /**
   * How RTO follows the RTT samples. 'rfc6298': SRTT + max(G, 4·RTTVAR), then raised to rto_min. 'linux':
   * tcp_rtt_estimator and __tcp_set_rto, SRTT + RTTVAR where the variance term never falls below rto_min, so RTO
   * is at least SRTT + rto_min (240 ms after one 40 ms sample, where RFC 6298 gives max(200, 120) = 200 ms).
   */
  rtoEstimator: 'rfc6298' | 'linux';
  rtoMaxMs: number;
  rtoAfterSynLossMs: number;
  /**
   * Linux tcp_rcv_synsent_state_process: an unacceptable ACK in SYN-SENT ("Previous FIN/ACK or RST/ACK might be
   * ignored"), while the SYN has not been retransmitted yet, re-arms the SYN timer to TCP_TIMEOUT_MIN (2 jiffies:
   * 8 ms at HZ=250, Debian's default; measured on 6.18 by tools/kernel-oracle/host-crash). The RST we send may
   * have cleared the peer's stale connection, so the SYN is tried again at once. 0 = keep the SYN timer (rfc,
   * classic: RFC 9293 says nothing of the timer here).
   */
  synSentBadAckRetryMs: number;
  timeWaitMs: number;
  finTimeoutMs: number;
  delackMs: number;
  invalidRateLimitMs: number;
  mss: number;
  rcvBufBytes: number;
  windowScaling: boolean;
  sack: boolean;
  initCwndSegments: number;
  /** SYN or SYN-ACK retransmissions from which cwnd starts at one segment; 0 = never (cc.ts iwOneAfterSynLoss). */
  iwOneSynRetrans: number;
  /** Linux: and only if one of them was sent by a timer (tp->undo_marker; a SYN-ACK answering a SYN sets none). */
  iwOneNeedsTimeout: boolean;
  dupAckThreshold: number;
  nagle: boolean;
  maxSynBacklog: number;
  somaxconn: number;
  syncookies: number;
  /** net.ipv4.tcp_abort_on_overflow: a full accept queue answers the final ACK with RST instead of dropping it. */
  abortOnOverflow: boolean;
  keepalive: boolean;
  keepaliveTimeMs: number;
  keepaliveIntvlMs: number;
  keepaliveProbes: number;
  ephemeralMin: number;
  ephemeralMax: number;
  /** -1 = generated. */
  forcedIsn: number;
  /** RFC 5961 3.2: an in-window RST that is not exactly at RCV.NXT draws a challenge ACK instead of a reset. */
  rstChallenge: boolean;
  /** What a SYN in a synchronized state draws: RFC 5961 4.2 challenge ACK, or RFC 793's reset. */
  synInSyncState: 'challenge-ack' | 'reset';
  /**
   * States where a SYN draws the challenge ACK whatever its sequence number (RFC 5961 4.2 "irrespective of the
   * sequence number"), before the acceptability test. rfc: the synchronized states. linux: the states
   * tcp_validate_incoming serves (a SYN outside the window `goto syn_challenge`); TIME-WAIT is a minisocket
   * that answers with a plain ACK (tcp_timewait_state_process). classic: none (RFC 793: the first step's ACK).
   */
  synChallengeAnySeq: readonly TcpState[];
  /**
   * New data arriving after close() (FIN-WAIT-1/2 of an orphaned socket) draws RST <SEQ=SEG.ACK> and ends the
   * connection: RFC 9293 3.6 / RFC 1122 4.2.2.13 SHOULD for a "half-duplex" close (the application cannot read
   * any more), Linux tcp_rcv_state_process (TCPAbortOnData). classic: RFC 793 accepts it in FIN-WAIT-1/2.
   */
  resetOnDataAfterClose: boolean;
  /**
   * Linux tcp_time_wait(TCP_FIN_WAIT2): an orphaned FIN-WAIT-2 whose tcp_fin_timeout is at most TIME-WAIT's
   * 60 s becomes a timewait minisocket: an in-window SYN draws RST, an in-window RST ends it silently, a SYN
   * outside the window gets a plain ACK (input-orphan.ts).
   */
  finWait2Minisocket: boolean;
  /** Linux tcp_send_active_reset: the RST of ABORT / close() with unread data carries ACK = RCV.NXT. */
  activeRstAck: boolean;
  /** Linux delays the ACK of a FIN (pingpong mode), so a prompt close() gives a three-segment close. */
  delayFinAck: boolean;
  /** Linux quick-ACK / ping-pong delayed-ACK state (delack.ts); rfc and classic delay every ACK alike. */
  quickAck: boolean;
  /** Connections the accept queue holds beyond the backlog: Linux sk_acceptq_is_full() tests `>`, so 1. */
  acceptQueueExtra: number;
  /**
   * How the SYN queue is bounded (docs/TCP.md "Listener"). 'textbook': min(tcp_max_syn_backlog, backlog), as
   * the articles and kernels before 4.4 have it. 'linux' (4.4 to 6.x, recorded on 6.18): the listen backlog
   * bounds it (it holds backlog + 1, as the accept queue does), and tcp_max_syn_backlog matters only with
   * tcp_syncookies = 0, when a SYN from a peer the kernel has no RTT for is dropped once less than a quarter
   * of tcp_max_syn_backlog is left (tcp_conn_request).
   */
  synQueueRule: 'textbook' | 'linux';
  /**
   * Linux tcp_check_req: a retransmitted SYN in SYN-RECEIVED is answered with the SYN-ACK again (at most once per
   * tcp_invalid_ratelimit) and restarts the SYN-ACK timer from now. rfc/classic answer it and leave the timer.
   */
  synAckRestartOnSyn: boolean;
  /**
   * The ISN of a connection that a new SYN reopens from TIME-WAIT (RFC 1122 4.2.2.13). 'after-old': Linux
   * tcp_timewait_state_process, the old incarnation's SND.NXT + 65535 + 2, so the new incarnation starts above
   * everything the old one sent, with a window to spare (recorded on 6.18: tools/kernel-oracle/time-wait-reopen).
   * 'clock': a fresh RFC 6528 ISN, as for any other connection.
   */
  timeWaitReopenIss: 'after-old' | 'clock';
  /**
   * SEQ of segments that carry no data, SYN or FIN (pure ACKs, RSTs) once SND.NXT may have gone back after an
   * RTO (output.ts controlSeq): 'snd-max' = the highest sequence number sent (the RFC's SND.NXT, which
   * retransmission never moves); 'bsd' = snd_max, but SND.UNA while the persist timer runs (4.4BSD
   * tcp_output); 'linux' = tcp_acceptable_seq(), the highest sent clamped to the peer's window end.
   */
  controlSeq: 'snd-max' | 'bsd' | 'linux';
  twoWayHandshake: boolean;
  acceptDataOnThirdAck: boolean;
}

const CHALLENGED: readonly TcpState[] = ['ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK'];
const SYN_CHALLENGE_ANY_SEQ: Record<ProfileName, readonly TcpState[]> = {
  rfc: [...CHALLENGED, 'TIME-WAIT'],
  linux: CHALLENGED,
  classic: [],
};

/** The value of a knob in a profile, before overrides. */
export function knobDefault(profile: ProfileName, name: string): number {
  const spec = KNOB_BY_NAME.get(name);
  if (!spec) throw new TcpUserError('invalid-argument', `unknown sysctl "${name}"`);
  return spec.defaults[profile];
}

function resolveKnobs(profile: ProfileName, sysctl: Record<string, number> | undefined): Map<string, number> {
  if (!PROFILE_NAMES.includes(profile)) throw new TcpUserError('invalid-argument', `unknown profile "${String(profile)}"`);
  const values = new Map<string, number>();
  for (const k of KNOBS) values.set(k.name, k.defaults[profile]);
  for (const name of Object.keys(sysctl ?? {}).sort()) {
    const spec = KNOB_BY_NAME.get(name);
    if (!spec) throw new TcpUserError('invalid-argument', `unknown sysctl "${name}"`);
    const v = sysctl?.[name];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < spec.min || v > spec.max) {
      throw new TcpUserError('invalid-argument', `sysctl "${name}" = ${String(v)} is out of range ${spec.min}..${spec.max}`);
    }
    values.set(name, v);
  }
  return values;
}

function checkVariants(v: TeachingVariants): void {
  const tw = v.timeWaitMs;
  if (tw !== undefined && (!Number.isFinite(tw) || tw < 0)) {
    throw new TcpUserError('invalid-argument', `variants.timeWaitMs = ${String(tw)} must be a finite number ≥ 0`);
  }
}

/** Profile defaults + sysctl overrides + teaching variants. Throws TcpUserError('invalid-argument'). */
export function resolveParams(profile: ProfileName, sysctl?: Record<string, number>, variants?: TeachingVariants): Params {
  const k = resolveKnobs(profile, sysctl);
  const v = variants ?? {};
  checkVariants(v);
  const get = (name: string): number => k.get(name) ?? 0;
  const mslMs = get('tcplab.msl_ms');
  const bad = knobOrderIssues(profile, sysctl)[0];
  if (bad) throw new TcpUserError('invalid-argument', `sysctl "${bad.low}" = ${bad.lowValue} is above "${bad.high}" = ${bad.highValue}`);
  return {
    profile,
    synRetries: get('net.ipv4.tcp_syn_retries'),
    synLinearTimeouts: get('net.ipv4.tcp_syn_linear_timeouts'),
    synackRetries: get('net.ipv4.tcp_synack_retries'),
    retries2: get('net.ipv4.tcp_retries2'),
    synTimeoutMs: get('tcplab.syn_timeout_ms'),
    rtoInitialMs: get('tcplab.rto_initial_ms'),
    rtoMinMs: get('tcplab.rto_min_ms'),
    rtoEstimator: profile === 'linux' ? 'linux' : 'rfc6298',
    rtoMaxMs: get('tcplab.rto_max_ms'), // ≥ rto_min_ms: KNOB_ORDER
    rtoAfterSynLossMs: get('tcplab.rto_after_syn_loss_ms'),
    synSentBadAckRetryMs: get('tcplab.synsent_bad_ack_retry_ms'),
    // Linux: TCP_TIMEWAIT_LEN is a fixed 60 s = 2 × 30 s; RFC 9293 3.4.2: 2 × MSL.
    timeWaitMs: v.timeWaitMs ?? 2 * mslMs,
    finTimeoutMs: get('net.ipv4.tcp_fin_timeout') * 1000,
    delackMs: get('tcplab.delack_ms'),
    invalidRateLimitMs: get('net.ipv4.tcp_invalid_ratelimit'),
    mss: get('tcplab.mss'),
    rcvBufBytes: get('tcplab.rcvbuf_bytes'),
    windowScaling: get('net.ipv4.tcp_window_scaling') === 1,
    sack: get('net.ipv4.tcp_sack') === 1,
    initCwndSegments: get('tcplab.initcwnd_segments'),
    iwOneSynRetrans: get('tcplab.iw1_syn_retrans'),
    iwOneNeedsTimeout: profile === 'linux',
    dupAckThreshold: get('net.ipv4.tcp_reordering'),
    nagle: get('tcplab.nagle') === 1,
    maxSynBacklog: get('net.ipv4.tcp_max_syn_backlog'),
    somaxconn: get('net.core.somaxconn'),
    syncookies: get('net.ipv4.tcp_syncookies'),
    abortOnOverflow: get('net.ipv4.tcp_abort_on_overflow') === 1,
    keepalive: get('tcplab.keepalive') === 1,
    keepaliveTimeMs: get('net.ipv4.tcp_keepalive_time') * 1000,
    keepaliveIntvlMs: get('net.ipv4.tcp_keepalive_intvl') * 1000,
    keepaliveProbes: get('net.ipv4.tcp_keepalive_probes'),
    ephemeralMin: get('tcplab.ephemeral_port_min'),
    ephemeralMax: get('tcplab.ephemeral_port_max'),
    forcedIsn: get('tcplab.isn'),
    rstChallenge: profile === 'linux',
    synInSyncState: profile === 'classic' ? 'reset' : 'challenge-ack',
    synChallengeAnySeq: SYN_CHALLENGE_ANY_SEQ[profile],
    resetOnDataAfterClose: profile !== 'classic',
    finWait2Minisocket: profile === 'linux',
    activeRstAck: profile === 'linux',
    delayFinAck: profile === 'linux',
    quickAck: profile === 'linux',
    acceptQueueExtra: profile === 'linux' ? 1 : 0,
    synQueueRule: profile === 'linux' ? 'linux' : 'textbook',
    synAckRestartOnSyn: profile === 'linux',
    timeWaitReopenIss: profile === 'linux' ? 'after-old' : 'clock',
    controlSeq: profile === 'linux' ? 'linux' : profile === 'classic' ? 'bsd' : 'snd-max',
    twoWayHandshake: v.twoWayHandshake === true,
    acceptDataOnThirdAck: v.acceptDataOnThirdAck !== false,
  };
}
