// Lesson 2's "what each side can be sure of" table, derived from the trace as the cursor passes each step
// of the handshake (reference article 003: 第一次握手 Server 确认对方发送、自己接收正常; 第二次 Client 确认双方
// 收发正常; 第三次 Server 确认双方收发正常). Pure: trace events in, facts out.
import type { TraceEvent } from '../../src-main/contract/index.js';

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

/** Finds the three receptions among the first `count` events (the ones at or before the cursor). */
export function handshakeKnowledge(events: readonly TraceEvent[], count: number = events.length): HandshakeKnowledge {
  const out: HandshakeKnowledge = {
    client: null,
    server: null,
    steps: [{ n: 1, atMs: null }, { n: 2, atMs: null }, { n: 3, atMs: null }],
    knows: { client: none(), server: none() },
  };
  let syn: Recv | null = null;
  let synAck: Recv | null = null;
  const end = Math.min(count, events.length);
  for (let i = 0; i < end; i++) {
    const ev = events[i];
    if (!ev || ev.kind !== 'segment.recv') continue;
    const flags = ev.seg.flags;
    if (!syn) {
      if (flags !== 'S') continue;
      syn = ev;
      out.server = ev.host;
      out.steps[0]!.atMs = ev.t;
      out.knows.server = { ...none(), clientSends: true, serverReceives: true };
    } else if (!synAck) {
      if (flags !== 'SA' || ev.conn !== reverse(syn.conn)) continue;
      synAck = ev;
      out.client = ev.host;
      out.steps[1]!.atMs = ev.t;
      out.knows.client = all();
    } else {
      // The third segment may carry data (RFC 9293 3.5), so any ACK without SYN/RST/FIN counts.
      if (ev.host !== syn.host || ev.conn !== syn.conn || !flags.includes('A') || /[SRF]/.test(flags)) continue;
      out.steps[2]!.atMs = ev.t;
      out.knows.server = all();
      break;
    }
  }
  return out;
}
