// TcpStack: one host's TCP (listeners + connections) behind the TcpStackApi contract used by net/.
// No clock, no randomness but the seeded PRNG, no closures but opts.sink / opts.transmit (see rebind()).
import { TcpUserError } from './api.js';
import type { ConnKey, ConnStatus, ListenerStatus, StackOptions, TcpStackApi } from './api.js';
import type { Conn, Listener } from './conn.js';
import { StackCore } from './core.js';
import { traceCrash } from './crash.js';
import { segmentArrives } from './input.js';
import type { Segment } from './segment.js';
import { fireSlot } from './timer-fire.js';
import { dueSlot, settleHeapTop } from './timers.js';
import { snapshot } from './transition.js';
import * as user from './user.js';

/** Upper bound on timer firings per advance() call (a bug guard; real runs stay far below). */
const MAX_FIRES_PER_ADVANCE = 10_000_000;

export class TcpStack extends StackCore implements TcpStackApi {
  constructor(opts: StackOptions) {
    super(opts);
  }

  private conn(key: ConnKey): Conn {
    const c = this.conns.get(key);
    if (!c) throw new TcpUserError('connection-does-not-exist', `no connection ${key}`);
    return c;
  }

  private listenerByKey(key: ConnKey): Listener | undefined {
    for (const l of this.listeners.values()) if (l.key === key) return l;
    return undefined;
  }

  /** The key a listener on `port` uses in trace events ("ip:port>*:*"). */
  listenerKey(port: number): ConnKey {
    return `${this.ip}:${port}>*:*`;
  }

  listen(port: number, backlog: number, nowMs: number): void {
    user.listen(this, port, backlog, nowMs);
  }

  connect(localPort: number, remote: string, nowMs: number): ConnKey {
    return user.connect(this, localPort, remote, nowMs);
  }

  accept(port: number, _nowMs: number): ConnKey | undefined {
    const l = this.listeners.get(port);
    if (!l) throw new TcpUserError('connection-does-not-exist', `no listener on port ${port}`);
    return l.acceptQueue.shift();
  }

  /** Turns auto-accept off (connections then wait in the accept queue, bounded by the backlog) or on. */
  setAutoAccept(port: number, on: boolean, nowMs: number): void {
    const l = this.listeners.get(port);
    if (!l) throw new TcpUserError('connection-does-not-exist', `no listener on port ${port}`);
    l.autoAccept = on;
    if (on && l.acceptQueue.length > 0) {
      this.emitNote(l.key, `auto-accept on: ${l.acceptQueue.length} queued connections accepted`, nowMs);
      l.acceptQueue = [];
    }
  }

  send(conn: ConnKey, data: Uint8Array, nowMs: number, transfer = false): void {
    user.send(this, this.conn(conn), data, nowMs, transfer);
  }

  read(conn: ConnKey, maxBytes: number, nowMs: number): Uint8Array {
    return user.read(this, this.conn(conn), maxBytes, nowMs);
  }

  setAutoRead(conn: ConnKey, on: boolean, nowMs: number): void {
    user.setAutoRead(this, this.conn(conn), on, nowMs);
  }

  shutdown(conn: ConnKey, nowMs: number): void {
    user.shutdown(this, this.conn(conn), nowMs);
  }

  /** CLOSE. Also accepts a listener key (listenerKey(port)) to stop listening. */
  close(conn: ConnKey, nowMs: number): void {
    const l = this.listenerByKey(conn);
    if (l) user.closeListener(this, l, nowMs);
    else user.close(this, this.conn(conn), nowMs);
  }

  abort(conn: ConnKey, nowMs: number): void {
    const l = this.listenerByKey(conn);
    if (l) user.closeListener(this, l, nowMs);
    else user.abort(this, this.conn(conn), nowMs);
  }

  status(conn: ConnKey): ConnStatus | undefined {
    const c = this.conns.get(conn);
    if (!c) return undefined;
    return { key: c.key, state: c.state, tcb: snapshot(c), sendQueuedBytes: c.sndBuf.length, recvQueuedBytes: c.recvQueued };
  }

  /** A copy of the listener's counts and limits (the limits as listen() computed them: user.ts). */
  listenerStatus(key: ConnKey): ListenerStatus | undefined {
    const l = this.listenerByKey(key);
    return l && this.listenerStatusOf(l);
  }

  listenerStatuses(): ListenerStatus[] {
    return [...this.listeners.values()].map((l) => this.listenerStatusOf(l));
  }

  private listenerStatusOf(l: Listener): ListenerStatus {
    return {
      key: l.key, port: l.port, backlog: l.backlog, synQueue: l.synQueue.length, synQueueLimit: l.synQueueLimit, unprovenLimit: l.unprovenLimit,
      acceptQueue: l.acceptQueue.length, acceptQueueLimit: l.acceptQueueLimit, autoAccept: l.autoAccept, syncookies: this.params.syncookies,
    };
  }

  connections(): ConnKey[] {
    return [...this.conns.keys()];
  }

  hasConnection(conn: ConnKey): boolean {
    return this.conns.has(conn);
  }

  /** Listening ports, in listen() order. */
  listening(): number[] {
    return [...this.listeners.keys()];
  }

  input(seg: Segment, nowMs: number, packetId: number): void {
    try {
      segmentArrives(this, seg, nowMs, packetId);
    } catch (err) {
      this.emitNote('', `BUG: input() threw: ${String(err)}`, nowMs);
    }
  }

  advance(nowMs: number): void {
    try {
      for (let i = 0; i < MAX_FIRES_PER_ADVANCE; i++) {
        if (settleHeapTop(this) > nowMs) return;
        const top = this.heap.peek();
        if (!top) return;
        const slot = dueSlot(top, nowMs);
        if (slot < 0) return;
        fireSlot(this, top, slot, nowMs);
      }
    } catch (err) {
      this.emitNote('', `BUG: advance() threw: ${String(err)}`, nowMs);
    }
  }

  crash(nowMs: number): void {
    traceCrash(this, nowMs);
  }

  nextDueMs(): number {
    const memo = this.nextDueMsMemo;
    if (!Number.isNaN(memo)) return memo;
    return (this.nextDueMsMemo = settleHeapTop(this));
  }

  received(conn: ConnKey): Uint8Array {
    return (this.conns.get(conn)?.delivered ?? this.retired.get(conn))?.concat() ?? new Uint8Array(0);
  }
}
