// The contract between the TCP engine (tcp/) and the virtual network (net/).
// A TcpStack is one host's TCP: its listeners and connections. It never reads a clock: every call is
// given nowMs (virtual milliseconds), and nextDueMs() says when it next needs advance() (smoltcp's poll_at).
import type { Segment } from './segment.js';
import type { TcbSnapshot, TcpState, TcpTraceSink } from './trace.js';

export type ProfileName = 'rfc' | 'linux' | 'classic';

/** Per-endpoint teaching switches, all off (undefined) by default. */
export interface TeachingVariants {
  /** Server is ESTABLISHED on receiving SYN, client on SYN-ACK; no third segment. */
  twoWayHandshake?: boolean;
  /** Overrides the TIME-WAIT length (0 allowed: old duplicates can then corrupt a new incarnation). */
  timeWaitMs?: number;
  /** Whether data carried on the third handshake segment is accepted (default true, as RFC 9293). */
  acceptDataOnThirdAck?: boolean;
}

export interface TransmitMeta {
  /** True when this segment resends sequence space sent before (RTO, fast retransmit, SYN/FIN retry). */
  retransmit: boolean;
  /** Why it was sent, for the trace, e.g. "RTO retransmission #2". */
  cause: string;
  /**
   * "srcIp:srcPort>dstIp:dstPort" of seg when the engine has it at hand (a connection's key), so the network
   * need not build the string again; undefined otherwise. Always equal to that text when given.
   */
  conn?: ConnKey | undefined;
}

export interface StackOptions {
  host: string;
  ip: string;
  profile: ProfileName;
  /** Overrides by Linux sysctl name (or tcplab knob name where Linux has none); see tcp/profiles.ts. */
  sysctl?: Record<string, number>;
  variants?: TeachingVariants;
  /** Seed for this host's ISNs, ephemeral ports and SYN-cookie secret. */
  seed: number;
  sink: TcpTraceSink;
  /**
   * Called for every segment the stack puts on the wire, in order. The segment is handed over: net/ keeps
   * it as the packet's record without a copy, so the stack builds a fresh Segment for every call and never
   * writes to it or to its payload (or options) afterwards.
   */
  transmit: (seg: Segment, meta: TransmitMeta) => void;
}

/** "localIp:localPort>remoteIp:remotePort" */
export type ConnKey = string;

export interface ConnStatus {
  key: ConnKey;
  state: TcpState;
  tcb: TcbSnapshot;
  /** Bytes queued by the application and not yet acknowledged. */
  sendQueuedBytes: number;
  /** Bytes received in order and not yet read by the application. */
  recvQueuedBytes: number;
}

/** A listening socket at one instant (read-only copies of its counts): see TcpStack.listenerStatus. */
export interface ListenerStatus {
  /** "ip:port>*:*", as trace events name the listener. */
  key: ConnKey;
  port: number;
  /** The backlog the accept queue is bounded by (listen()'s argument, capped by net.core.somaxconn). */
  backlog: number;
  /** Half-open children (SYN-RECEIVED) and the most the SYN queue holds. */
  synQueue: number;
  synQueueLimit: number;
  /** linux without SYN cookies: SYNs from unproven peers are dropped once the SYN queue holds this many; else null. */
  unprovenLimit: number | null;
  /** Established children waiting for accept() (always 0 while auto-accept is on) and the most it holds. */
  acceptQueue: number;
  acceptQueueLimit: number;
  autoAccept: boolean;
  /** net.ipv4.tcp_syncookies: 0 off, 1 when the SYN queue is full, 2 always. */
  syncookies: number;
}

/** A user call the RFC answers with "error: …" (RFC 9293 3.10). net/ and lab/ turn it into a typed refusal. */
export class TcpUserError extends Error {
  constructor(
    readonly code: 'connection-exists' | 'connection-does-not-exist' | 'connection-closing' | 'port-in-use' | 'invalid-argument',
    message: string,
  ) {
    super(message);
    this.name = 'TcpUserError';
  }
}

export interface TcpStackApi {
  readonly host: string;
  readonly ip: string;
  /** Passive OPEN. backlog bounds the accept queue; tcp_max_syn_backlog bounds the SYN queue. */
  listen(port: number, backlog: number, nowMs: number): void;
  /** Active OPEN from localPort to "ip:port". Returns the new connection's key. */
  connect(localPort: number, remote: string, nowMs: number): ConnKey;
  /** Takes the oldest established connection from the listener's accept queue (auto-accept is on by default). */
  accept(port: number, nowMs: number): ConnKey | undefined;
  /** Auto-accept on (the default: the application takes each connection at once) or off (they wait in the accept queue). */
  setAutoAccept(port: number, on: boolean, nowMs: number): void;
  /**
   * Queues data. The stack copies it, unless `transfer` is true: the caller hands the array over and promises
   * it is never written again (net/ passes its shared, read-only `bytes` filler that way: no copy of a 64 MB send).
   */
  send(conn: ConnKey, data: Uint8Array, nowMs: number, transfer?: boolean): void;
  /** Reads up to maxBytes from the in-order receive queue (when auto-read is off). */
  read(conn: ConnKey, maxBytes: number, nowMs: number): Uint8Array;
  /** By default the application reads everything as it arrives; turn off to fill the window (persist demos). */
  setAutoRead(conn: ConnKey, on: boolean, nowMs: number): void;
  /** Half-close: send FIN, keep receiving. */
  shutdown(conn: ConnKey, nowMs: number): void;
  close(conn: ConnKey, nowMs: number): void;
  abort(conn: ConnKey, nowMs: number): void;
  status(conn: ConnKey): ConnStatus | undefined;
  /** Every connection the stack still holds (not listeners), in creation order. */
  connections(): ConnKey[];
  /** The listener named by `key` ("ip:port>*:*"), or undefined when there is none (never listened, or closed). */
  listenerStatus?(key: ConnKey): ListenerStatus | undefined;
  /** Every listener, in listen() order. */
  listenerStatuses?(): ListenerStatus[];
  /** Whether the stack still holds conn (a cheap status(conn) !== undefined, for net/'s connection index). */
  hasConnection?(conn: ConnKey): boolean;
  /** SEGMENT ARRIVES. packetId is the router's id, echoed in tcp.drop events. Never throws. */
  input(seg: Segment, nowMs: number, packetId: number): void;
  /** Fires every timer due at or before nowMs. Never throws. */
  advance(nowMs: number): void;
  /** Earliest pending timer, or Infinity. */
  nextDueMs(): number;
  /**
   * The host crashed: trace the end (state → CLOSED) of every connection and listener, sending nothing.
   * The caller discards the stack afterwards (net/crash.ts); a stand-in stack may leave it out.
   */
  crash?(nowMs: number): void;
  /** All bytes the application has received on conn, in order (for tests and invariant checks). */
  received(conn: ConnKey): Uint8Array;
}
