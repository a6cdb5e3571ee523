// The legal edges of the RFC 9293 state diagram (Figure 5 and the text of 3.10), plus the documented extra
// edges. Tests and the simulator check every `state` trace event against this table; the state-diagram
// view draws and labels its arrows from it.
import type { TcpState } from './trace.js';

export type EdgeKind = 'rfc' | 'extra' | 'variant';

export interface RfcEdge {
  from: TcpState;
  to: TcpState;
  /** The diagram label: event / action. */
  label: string;
  /** rfc: RFC 9293 diagram or text; extra: any state → CLOSED on RST/abort/timeout; variant: teaching variants. */
  kind: EdgeKind;
}

function e(from: TcpState, to: TcpState, label: string, kind: EdgeKind = 'rfc'): RfcEdge {
  return { from, to, label, kind };
}

const SYNCHRONIZED_AND_OPENING: readonly TcpState[] = [
  'LISTEN', 'SYN-SENT', 'SYN-RECEIVED', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK',
  'TIME-WAIT',
];

export const RFC_EDGES: readonly RfcEdge[] = [
  e('CLOSED', 'LISTEN', 'passive OPEN / create TCB'),
  e('CLOSED', 'SYN-SENT', 'active OPEN / snd SYN'),
  e('LISTEN', 'SYN-RECEIVED', 'rcv SYN / snd SYN,ACK'),
  e('LISTEN', 'SYN-SENT', 'SEND / snd SYN'),
  e('LISTEN', 'CLOSED', 'CLOSE / delete TCB'),
  e('SYN-SENT', 'SYN-RECEIVED', 'rcv SYN / snd SYN,ACK (simultaneous open)'),
  e('SYN-SENT', 'ESTABLISHED', 'rcv SYN,ACK / snd ACK'),
  e('SYN-SENT', 'CLOSED', 'CLOSE / delete TCB'),
  e('SYN-RECEIVED', 'ESTABLISHED', 'rcv ACK of SYN / x'),
  e('SYN-RECEIVED', 'FIN-WAIT-1', 'CLOSE / snd FIN'),
  e('SYN-RECEIVED', 'LISTEN', 'rcv RST (passive open) / x'),
  e('SYN-RECEIVED', 'CLOSE-WAIT', 'rcv FIN / snd ACK'),
  e('ESTABLISHED', 'FIN-WAIT-1', 'CLOSE / snd FIN'),
  e('ESTABLISHED', 'CLOSE-WAIT', 'rcv FIN / snd ACK'),
  e('FIN-WAIT-1', 'FIN-WAIT-2', 'rcv ACK of FIN / x'),
  e('FIN-WAIT-1', 'CLOSING', 'rcv FIN / snd ACK'),
  e('FIN-WAIT-1', 'TIME-WAIT', 'rcv FIN,ACK of FIN / snd ACK'),
  e('FIN-WAIT-2', 'TIME-WAIT', 'rcv FIN / snd ACK'),
  e('CLOSE-WAIT', 'LAST-ACK', 'CLOSE / snd FIN'),
  e('CLOSING', 'TIME-WAIT', 'rcv ACK of FIN / x'),
  e('LAST-ACK', 'CLOSED', 'rcv ACK of FIN / x'),
  e('TIME-WAIT', 'CLOSED', 'timeout = 2MSL / delete TCB'),
  ...SYNCHRONIZED_AND_OPENING
    .filter((s) => s !== 'LISTEN' && s !== 'SYN-SENT' && s !== 'LAST-ACK' && s !== 'TIME-WAIT')
    .map((s) => e(s, 'CLOSED', 'rcv RST, ABORT, or retries exhausted / delete TCB', 'extra')),
  e('LAST-ACK', 'CLOSED', 'rcv RST, ABORT, or retries exhausted / delete TCB', 'extra'),
  e('TIME-WAIT', 'CLOSED', 'rcv RST or ABORT / delete TCB', 'extra'),
  e('SYN-SENT', 'CLOSED', 'rcv RST (refused), ABORT, or SYN retries exhausted / delete TCB', 'extra'),
  e('LISTEN', 'ESTABLISHED', 'rcv SYN / snd SYN,ACK (two-way handshake)', 'variant'),
];

const LEGAL = new Set(RFC_EDGES.map((edge) => `${edge.from}>${edge.to}`));

/** True when from → to is an edge of RFC_EDGES (of any kind). */
export function isLegalTransition(from: TcpState, to: TcpState): boolean {
  return LEGAL.has(`${from}>${to}`);
}
