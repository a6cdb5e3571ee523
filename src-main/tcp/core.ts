// StackCore: all state of one host's TCP plus the trace/transmit helpers. TcpStack (stack.ts) adds the public
// API on top. The engine's modules are plain functions over a StackCore, so the state stays plain data and the
// only closures a stack holds are opts.sink and opts.transmit (swapped by rebind() after a snapshot clone).
import type { ConnKey, StackOptions, TransmitMeta } from './api.js';
import type { Segment } from './segment.js';
import { appEvent, timerEvent, type AppEventName, type TcpTraceSink, type TimerName, type TimerOp } from './trace.js';
import type { Conn, Listener } from './conn.js';
import { TimerHeap } from './heap.js';
import { Prng } from './prng.js';
import type { Received } from './received.js';
import { resolveParams } from './profiles.js';
import type { Params } from './profiles.js';

/** How many closed connections keep their received bytes for received(). */
export const RETIRED_LIMIT = 256;

export class StackCore {
  readonly host: string;
  readonly ip: string;
  readonly params: Params;
  protected sink: TcpTraceSink;
  protected transmitFn: StackOptions['transmit'];
  /** Connections (not listeners) in creation order. Change it only with addConn/removeConn. */
  readonly conns = new Map<ConnKey, Conn>();
  /**
   * How many of `conns` have each remote port. A segment from a port with none cannot belong to a
   * connection, so input() skips hashing its key (a flood's SYNs come from random ports and all miss).
   */
  readonly remotePorts = new Map<number, number>();
  readonly listeners = new Map<number, Listener>();
  readonly heap = new TimerHeap<Conn>();
  nextConnId = 1;
  /** Last connection input() matched (a cache; never the only reference). */
  lastConn: Conn | undefined = undefined;
  /** RFC 6528 secret for ISNs, RFC 4987 secret for SYN cookies; ephemeral-port stream. */
  readonly isnSecret: number;
  readonly cookieSecret: number;
  readonly portPrng: Prng;
  /** Received data of recently closed connections (insertion order = closing order). */
  readonly retired = new Map<ConnKey, Received>();
  /**
   * nextDueMs()'s answer while no timer changed since (NaN: not known). The network asks after every
   * segment a host receives, and most of a flood's SYNs (answered with a cookie) change no timer.
   * timers.ts clears it on every start, stop and fire.
   */
  nextDueMsMemo = NaN;
  /** Segments handed to transmit() (for benchmarks and tests). */
  segmentsSent = 0;

  constructor(opts: StackOptions) {
    this.host = opts.host;
    this.ip = opts.ip;
    this.params = resolveParams(opts.profile, opts.sysctl, opts.variants);
    this.sink = opts.sink;
    this.transmitFn = opts.transmit;
    const prng = new Prng(opts.seed).derive(`tcp:${opts.host}`);
    this.isnSecret = prng.derive('isn').nextU32();
    this.cookieSecret = prng.derive('syncookie').nextU32();
    this.portPrng = prng.derive('ports');
  }

  addConn(conn: Conn): void {
    if (this.lastConn !== undefined && this.lastConn.key === conn.key) this.lastConn = undefined; // (input.ts cachedConn)
    if (!this.conns.has(conn.key)) this.remotePorts.set(conn.remotePort, (this.remotePorts.get(conn.remotePort) ?? 0) + 1);
    this.conns.set(conn.key, conn);
  }

  /** Removes conn (and nothing when its key now names a newer connection). */
  removeConn(conn: Conn): void {
    if (this.conns.get(conn.key) !== conn) return;
    this.conns.delete(conn.key);
    if (this.lastConn === conn) this.lastConn = undefined;
    const left = (this.remotePorts.get(conn.remotePort) ?? 1) - 1;
    if (left === 0) this.remotePorts.delete(conn.remotePort);
    else this.remotePorts.set(conn.remotePort, left);
  }

  /** Swaps the two closures after a deep clone (functions are not cloned). */
  rebind(sink: TcpTraceSink, transmit: StackOptions['transmit']): void {
    this.sink = sink;
    this.transmitFn = transmit;
  }

  /** `conn`: the segment's sender-first connection key when the caller has it (saves net/ building it). */
  tx(seg: Segment, retransmit: boolean, cause: string, conn?: ConnKey): void {
    this.segmentsSent++;
    const meta: TransmitMeta = { retransmit, cause, conn };
    this.transmitFn(seg, meta);
  }

  emitTimer(conn: string, timer: TimerName, op: TimerOp, dueMs: number, nowMs: number): void {
    const sink = this.sink;
    if (sink.timer !== undefined) sink.timer(nowMs, this.host, conn, timer, op, dueMs);
    else sink.emit(timerEvent(nowMs, this.host, conn, timer, op, dueMs));
  }

  emitApp(conn: string, event: AppEventName, bytes: number, detail: string, nowMs: number): void {
    const sink = this.sink;
    if (sink.app !== undefined) sink.app(nowMs, this.host, conn, event, bytes, detail);
    else sink.emit(appEvent(nowMs, this.host, conn, event, bytes, detail));
  }

  emitDrop(conn: string, id: number, reason: string, nowMs: number): void {
    this.sink.emit({ t: nowMs, kind: 'tcp.drop', host: this.host, conn, id, reason });
  }

  emitNote(conn: string, text: string, nowMs: number): void {
    this.sink.emit({ t: nowMs, kind: 'note', host: this.host, conn, text });
  }

  /** Keeps what the application received on a closed connection, for received(); bounded FIFO. */
  retire(conn: Conn): void {
    if (conn.delivered.bytes === 0) return;
    this.retired.delete(conn.key);
    this.retired.set(conn.key, conn.delivered);
    if (this.retired.size > RETIRED_LIMIT) {
      const oldest = this.retired.keys().next();
      if (!oldest.done) this.retired.delete(oldest.value);
    }
  }

  /** The TraceSink, for modules that build `state` events (transition.ts). */
  get traceSink(): TcpTraceSink {
    return this.sink;
  }
}
