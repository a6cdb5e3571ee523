// Lesson 2's "what each side can be sure of" table, derived from the trace as the cursor passes each step
// of the handshake (reference article 003: 第一次握手 Server 确认对方发送、自己接收正常; 第二次 Client 确认双方
// 收发正常; 第三次 Server 确认双方收发正常). Pure: trace events in, facts out.
import type { TraceEvent } from '../../src-main/contract/index.js';
import { PrefixMemo, type Fold } from './prefix-memo.js';

export type Fact = 'clientSends' | 'clientReceives' | 'serverSends' | 'serverReceives';
export const FACTS: readonly Fact[] = ['clientSends', 'clientReceives', 'serverSends', 'serverReceives'];

export interface HandshakeStep {
  /** 1: SYN received by the server, 2: SYN-ACK received by the client, 3: ACK received by the server. */
  n: 1 | 2 | 3;
  atMs: number | null;
}

export interface HandshakeKnowledge {
  client: string | null;
  server: string | null;
  steps: HandshakeStep[];
  knows: { client: Record<Fact, boolean>; server: Record<Fact, boolean> };
}

type Recv = Extract<TraceEvent, { kind: 'segment.recv' }>;

function reverse(conn: string): string {
  const [a = '', b = ''] = conn.split('>');
  return `${b}>${a}`;
}

const none = (): Record<Fact, boolean> => ({ clientSends: false, clientReceives: false, serverSends: false, serverReceives: false });
const all = (): Record<Fact, boolean> => ({ clientSends: true, clientReceives: true, serverSends: true, serverReceives: true });

/**
 * Finds the three receptions, resuming where the last scan stopped (a fold for PrefixMemo). `result` is
 * replaced by a new object whenever a step passes and is never changed afterwards, so an unchanged table
 * re-renders nothing.
 */
export class HandshakeScanner implements Fold<TraceEvent> {
  result: HandshakeKnowledge = {
    client: null,
    server: null,
    steps: [{ n: 1, atMs: null }, { n: 2, atMs: null }, { n: 3, atMs: null }],
    knows: { client: none(), server: none() },
  };
  #syn: Recv | null = null;
  #synAck: Recv | null = null;
  #done = false;

  advance(events: readonly TraceEvent[], from: number, end: number = events.length): void {
    for (let i = from; i < end && !this.#done; i++) {
      const ev = events[i];
      if (ev && ev.kind === 'segment.recv') this.#see(ev);
    }
  }

  #see(ev: Recv): void {
    const flags = ev.seg.flags;
    const syn = this.#syn;
    if (!syn) {
      if (flags !== 'S') return;
      this.#syn = ev;
      this.#pass(0, ev.t, { server: ev.host }, { server: { ...none(), clientSends: true, serverReceives: true } });
    } else if (!this.#synAck) {
      if (flags !== 'SA' || ev.conn !== reverse(syn.conn)) return;
      this.#synAck = ev;
      this.#pass(1, ev.t, { client: ev.host }, { client: all() });
    } else {
      // The third segment may carry data (RFC 9293 3.5), so any ACK without SYN/RST/FIN counts.
      if (ev.host !== syn.host || ev.conn !== syn.conn || !flags.includes('A') || /[SRF]/.test(flags)) return;
      this.#done = true;
      this.#pass(2, ev.t, {}, { server: all() });
    }
  }

  #pass(step: 0 | 1 | 2, atMs: number, who: Partial<Pick<HandshakeKnowledge, 'client' | 'server'>>, knows: Partial<HandshakeKnowledge['knows']>): void {
    const r = this.result;
    this.result = {
      ...r,
      ...who,
      steps: r.steps.map((s, i) => (i === step ? { n: s.n, atMs } : s)),
      knows: { ...r.knows, ...knows },
    };
  }
}

/** Finds the three receptions among the first `count` events (the ones at or before the cursor). */
export function handshakeKnowledge(events: readonly TraceEvent[], count: number = events.length): HandshakeKnowledge {
  const scanner = new HandshakeScanner();
  scanner.advance(events, 0, Math.min(count, events.length));
  return scanner.result;
}

const memo = new PrefixMemo<TraceEvent, HandshakeScanner>(() => new HandshakeScanner());

/** = handshakeKnowledge(events), scanning only what was added since the last call for this trace. */
export function handshakeKnowledgeOf(events: readonly TraceEvent[]): HandshakeKnowledge {
  return memo.of(events).result;
}
