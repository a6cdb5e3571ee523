// Which state transition a packet caused, so clicking it in the ladder lights that edge in the state
// diagram. The engine emits the `state` event while handling the segment, i.e. after its segment.recv, at
// the same virtual time and host, before that host receives anything else (tcp/transition.ts).
import type { TraceEvent } from '../../src-main/contract/index.js';

export type StateTraceEvent = Extract<TraceEvent, { kind: 'state' }>;

export interface CausedEdge {
  index: number;
  event: StateTraceEvent;
}

function afterRecv(events: readonly TraceEvent[], recvIndex: number): CausedEdge | null {
  const recv = events[recvIndex]!;
  for (let i = recvIndex + 1; i < events.length; i++) {
    const ev = events[i]!;
    if (ev.t !== recv.t) return null;
    if (ev.host !== recv.host) continue;
    if (ev.kind === 'state') return { index: i, event: ev };
    if (ev.kind === 'segment.recv') return null;
  }
  return null;
}

/** A transition taken to send it (e.g. CLOSED → SYN-SENT right before the SYN), same time and host. */
function beforeSend(events: readonly TraceEvent[], sendIndex: number): CausedEdge | null {
  const send = events[sendIndex]!;
  for (let i = sendIndex - 1; i >= 0; i--) {
    const ev = events[i]!;
    if (ev.t !== send.t) return null;
    if (ev.host !== send.host) continue;
    if (ev.kind === 'state') return { index: i, event: ev };
    if (ev.kind === 'segment.recv' || ev.kind === 'segment.send') return null;
  }
  return null;
}

/** The receiver's transition if the packet caused one, else the sender's transition that sent it, else null. */
export function edgeCausedBy(events: readonly TraceEvent[], packetId: number): CausedEdge | null {
  let sendIndex = -1;
  for (let i = 0; i < events.length; i++) {
    const ev = events[i]!;
    if (ev.kind === 'segment.recv' && ev.id === packetId) {
      const hit = afterRecv(events, i);
      if (hit) return hit;
    } else if (ev.kind === 'segment.send' && ev.id === packetId && sendIndex < 0) {
      sendIndex = i;
    }
  }
  return sendIndex >= 0 ? beforeSend(events, sendIndex) : null;
}
