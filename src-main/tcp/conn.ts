// One connection's transmission control block (RFC 9293 3.3.1) plus buffers, estimators and timers.
// Plain data and class instances only: the lab deep-clones whole stacks for its snapshots.
import type { ConnKey } from './api.js';
import type { Segment } from './segment.js';
import type { TcpState, TimerName } from './trace.js';
import { Reassembly } from './reasm.js';
import { SendBuffer } from './sendbuf.js';
import { portText } from './port-text.js';
import { Received } from './received.js';

/** Timer slots; at equal due times they fire in this order. */
export const TIMER_NAMES: readonly TimerName[] = [
  'retransmit', 'syn-ack', 'persist', 'delayed-ack', 'keepalive', 'fin-wait-2', 'time-wait',
];
export const T_RETRANSMIT = 0;
export const T_SYNACK = 1;
export const T_PERSIST = 2;
export const T_DELACK = 3;
export const T_KEEPALIVE = 4;
export const T_FINWAIT2 = 5;
export const T_TIMEWAIT = 6;

/** Linux's TCP_INFINITE_SSTHRESH: "no slow-start threshold yet". */
export const INFINITE_SSTHRESH = 0x7fffffff;

export class Conn {
  readonly id: number;
  readonly key: ConnKey;
  readonly localIp: string;
  readonly localPort: number;
  readonly remoteIp: string;
  readonly remotePort: number;
  state: TcpState = 'CLOSED';
  /** Created by a listener (passive OPEN); its port, or -1 for an active open. */
  listenerPort = -1;

  // --- send sequence space (RFC 9293 3.3.1). SND.UNA ≤ SND.NXT ≤ sndMax; sndNxt moves back to SND.UNA after
  // an RTO (go-back-N, as BSD), sndMax is the highest sequence number ever sent.
  iss = 0;
  sndUna = 0;
  sndNxt = 0;
  sndMax = 0;
  /** Peer's window in bytes (already scaled). */
  sndWnd = 0;
  sndWl1 = 0;
  sndWl2 = 0;
  /** Largest window the peer ever offered (RFC 5961 5.2 ACK check, sender SWS avoidance). */
  maxSndWnd = 0;
  /** Shift applied to the peer's window field (its wscale), and to ours (RFC 7323 2). */
  sndShift = 0;
  rcvShift = 0;
  /** Our wscale offered on our SYN (-1 = none). */
  offeredShift = -1;
  sackOk = false;
  /** Effective send MSS (min of ours and the peer's option, 536 when absent: RFC 9293 3.7.1). */
  mss = 536;
  sndBuf = new SendBuffer();
  /** The application called shutdown()/close(): a FIN follows the last data byte. */
  finQueued = false;
  /** Sequence number our FIN occupies (valid when finQueued; fixed at shutdown/close time). */
  finSeq = 0;
  /** End of the last segment smaller than MSS we sent (Linux snd_sml, Minshall's Nagle variant). */
  sndSml = 0;
  /** The application called close(): the socket is orphaned (FIN-WAIT-2 timeout applies). */
  orphaned = false;
  /** SACK scoreboard: [left, right) ranges above SND.UNA the peer reported holding. */
  sacked: Array<[number, number]> = [];

  // --- receive sequence space
  irs = 0;
  rcvNxt = 0;
  rcvBufBytes = 0;
  reasm = new Reassembly();
  /** In-order bytes not yet read by the application (auto-read off). */
  recvQueue: Uint8Array[] = [];
  recvQueued = 0;
  autoRead = true;
  /** The peer's FIN has been consumed (RCV.NXT passed it). */
  finReceived = false;
  eofDelivered = false;
  /** Every byte the application has read, in order (received()). */
  delivered = new Received();
  /** When the last rate-limited ACK to an invalid segment went out (-1 = never). */
  lastOowAckMs = -1;
  /** An ACK must go out at the end of this input (out-of-order data, FIN, 2nd full segment …). */
  ackNow = false;
  /** Data was received and not yet acknowledged (delayed ACK pending). */
  ackPending = false;
  /** Linux receiver ACK state (delack.ts): quick ACKs left, ato (0 = no data yet), ping-pong mode, lrcvtime. */
  quickAcks = 0;
  atoMs = 0;
  pingpong = false;
  lastDataRecvMs = 0;
  /** RCV.NXT when we last sent an ACK, and the window we advertised then. */
  rcvWup = 0;
  lastAdvWnd = 0;

  // --- RTT / RTO (RFC 6298, or Linux's estimator: rto.ts)
  srttMs = 0;
  rttvarMs = 0;
  rtoMs = 0;
  hasRttSample = false;
  /** Linux tcp_rtt_estimator's state, in µs as the kernel keeps it: mdev_us, mdev_max_us, rttvar_us, rtt_seq. */
  linuxMdevUs = 0;
  linuxMdevMaxUs = 0;
  linuxRttvarUs = 0;
  linuxRttSeq = 0;
  /** Sequence number being timed and when it was sent (-1 = nothing timed; Karn's rule). */
  rttSeq = 0;
  rttStartMs = -1;
  /** Consecutive RTO expirations without progress. */
  rtxCount = 0;
  /** First SYN (or SYN-ACK) sent at, and how many times its timer resent it. */
  synStartMs = 0;
  synRetransmits = 0;
  /**
   * SYN-ACKs sent again in answer to a retransmitted SYN (not by the timer). With synRetransmits, Linux's
   * tp->total_retrans at the end of the handshake (req->num_retrans counts both), which sets the initial cwnd.
   */
  synAckResendsForSyn = 0;

  // --- congestion control (RFC 5681, RFC 6582)
  cwnd = 0;
  ssthresh = INFINITE_SSTHRESH;
  dupAcks = 0;
  inRecovery = false;
  recover = 0;
  /** Bytes acknowledged in congestion avoidance toward the next cwnd increase (RFC 5681 3.1 byte counting). */
  caAckedBytes = 0;

  // --- persist & keepalive
  persistBackoff = 0;
  lastRecvMs = 0;
  keepaliveOn = false;
  keepaliveProbes = 0;

  // --- variants
  /** Opened by the two-way-handshake variant: no third segment. */
  twoWay = false;

  // --- timers: due times (Infinity = off) and the heap bookkeeping
  readonly due: number[] = [Infinity, Infinity, Infinity, Infinity, Infinity, Infinity, Infinity];
  heapDueMs = Infinity;
  heapIndex = -1;

  constructor(id: number, localIp: string, localPort: number, remoteIp: string, remotePort: number) {
    this.id = id;
    this.localIp = localIp;
    this.localPort = localPort;
    this.remoteIp = remoteIp;
    this.remotePort = remotePort;
    this.key = connKey(localIp, localPort, remoteIp, remotePort);
  }
}

export function connKey(localIp: string, localPort: number, remoteIp: string, remotePort: number): ConnKey {
  // "localIp:localPort>" is nearly always the last one again (a listener's port, one connection's segments):
  // reusing it saves three of the six string additions, ~200 instructions per SYN of a flood (valgrind).
  if (localPort !== keyPrefixPort || localIp !== keyPrefixIp) {
    keyPrefixIp = localIp;
    keyPrefixPort = localPort;
    keyPrefix = `${localIp}:${localPort}>`;
  }
  return `${keyPrefix}${remoteIp}:${portText(remotePort)}`;
}

/** The key of the connection an arriving segment belongs to, as the receiver names it (ours first). */
export function arrivalKey(seg: Pick<Segment, 'srcIp' | 'srcPort' | 'dstIp' | 'dstPort'>): ConnKey {
  return connKey(seg.dstIp, seg.dstPort, seg.srcIp, seg.srcPort);
}

/** connKey's memo of its last prefix (derived data, so a module-level cache is safe). */
let keyPrefixIp = '';
let keyPrefixPort = -1;
let keyPrefix = '';

/** A listening socket: LISTEN state plus its SYN queue (half-open children) and accept queue. */
export class Listener {
  readonly port: number;
  readonly key: ConnKey;
  readonly backlog: number;
  /** Half-open children the SYN queue holds: see user.ts listen() and docs/TCP.md "Listener". */
  readonly synQueueLimit: number;
  /**
   * linux with tcp_syncookies = 0: a SYN from an unproven peer is dropped once the queue holds this many
   * (tcp_max_syn_backlog minus a quarter of it, plus one); null when the rule does not apply.
   */
  readonly unprovenLimit: number | null;
  /** Established connections the accept queue holds (backlog + 1 in linux: see user.ts listen()). */
  readonly acceptQueueLimit: number;
  /** Half-open children (SYN-RECEIVED), by key in arrival order. */
  synQueue: ConnKey[] = [];
  /** Established children waiting for accept(). */
  acceptQueue: ConnKey[] = [];
  autoAccept = true;

  constructor(ip: string, port: number, backlog: number, synQueueLimit: number, acceptQueueLimit: number, unprovenLimit: number | null = null) {
    this.port = port;
    this.key = `${ip}:${port}>*:*`;
    this.backlog = backlog;
    this.synQueueLimit = synQueueLimit;
    this.unprovenLimit = unprovenLimit;
    this.acceptQueueLimit = acceptQueueLimit;
  }
}

/**
 * 2 ** shift for a window-scale shift (0-14, RFC 7323 2.3) as an integer shift: `2 ** x` with a variable x
 * is a call to the general power function, and a bulk transfer scales a window three or four times per
 * segment. Any other value falls back to `**`, so the result is always exactly 2 ** shift.
 */
export function windowFactor(shift: number): number {
  return shift >= 0 && shift <= 30 && (shift | 0) === shift ? 1 << shift : 2 ** shift;
}
