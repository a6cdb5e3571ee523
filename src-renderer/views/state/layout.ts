// The RFC 9293 connection state diagram (Section 3.3.2, Figure 5) at fixed coordinates, in the classic
// arrangement: CLOSED on top, LISTEN, SYN-RCVD | SYN-SENT, ESTAB, FIN-WAIT-1 | CLOSE-WAIT,
// FIN-WAIT-2 | CLOSING | LAST-ACK, TIME-WAIT and the second CLOSED box at the bottom. As in the RFC,
// CLOSED is drawn twice; both boxes stand for the one state.
import type { TcpState } from '../model/trace-types.js';

export type NodeId = TcpState | 'CLOSED-END';

export interface StateNode {
  id: NodeId;
  state: TcpState;
  /** Centre, in viewBox units. */
  x: number;
  y: number;
}

/** Edge label parts: the event and the action, as the RFC writes them ("rcv SYN" / "snd SYN,ACK"). */
export interface StateEdge {
  key: string;
  from: NodeId;
  to: NodeId;
  /** i18n key of "event / action". */
  labelKey: EdgeLabelKey;
  /** Bend of the curve: offset of its middle, perpendicular to the chord, in viewBox units. */
  bend: number;
  /** Nudge of the label from the curve's middle, in viewBox units, where labels would collide. */
  nudge?: readonly [number, number];
}

export type EdgeLabelKey =
  | 'state.edge.passiveOpen' | 'state.edge.activeOpen' | 'state.edge.listenClose' | 'state.edge.send'
  | 'state.edge.rcvSyn' | 'state.edge.rcvSynSimultaneous' | 'state.edge.rcvRst' | 'state.edge.synSentClose'
  | 'state.edge.rcvAckOfSyn' | 'state.edge.rcvSynAck' | 'state.edge.closeSndFin' | 'state.edge.rcvFinSndAck'
  | 'state.edge.rcvAckOfFin' | 'state.edge.timeout2Msl';

export const VIEW_WIDTH = 800;
export const VIEW_HEIGHT = 640;
export const NODE_WIDTH = 116;
export const NODE_HEIGHT = 34;

const LEFT = 90;
const MID = 400;
const RIGHT = 710;

export const STATE_NODES: readonly StateNode[] = [
  { id: 'CLOSED', state: 'CLOSED', x: MID, y: 30 },
  { id: 'LISTEN', state: 'LISTEN', x: MID, y: 140 },
  { id: 'SYN-RECEIVED', state: 'SYN-RECEIVED', x: LEFT, y: 240 },
  { id: 'SYN-SENT', state: 'SYN-SENT', x: RIGHT, y: 240 },
  { id: 'ESTABLISHED', state: 'ESTABLISHED', x: MID, y: 350 },
  { id: 'FIN-WAIT-1', state: 'FIN-WAIT-1', x: LEFT, y: 440 },
  { id: 'CLOSE-WAIT', state: 'CLOSE-WAIT', x: RIGHT, y: 440 },
  { id: 'FIN-WAIT-2', state: 'FIN-WAIT-2', x: LEFT, y: 530 },
  { id: 'CLOSING', state: 'CLOSING', x: MID, y: 530 },
  { id: 'LAST-ACK', state: 'LAST-ACK', x: RIGHT, y: 530 },
  { id: 'TIME-WAIT', state: 'TIME-WAIT', x: MID, y: 610 },
  { id: 'CLOSED-END', state: 'CLOSED', x: RIGHT, y: 610 },
];

/** RFC 9293 Figure 5, edge for edge. */
export const RFC_EDGES: readonly StateEdge[] = [
  { key: 'closed-listen', from: 'CLOSED', to: 'LISTEN', labelKey: 'state.edge.passiveOpen', bend: 24, nudge: [-44, 0] },
  { key: 'listen-closed', from: 'LISTEN', to: 'CLOSED', labelKey: 'state.edge.listenClose', bend: 24, nudge: [40, 0] },
  { key: 'closed-synsent', from: 'CLOSED', to: 'SYN-SENT', labelKey: 'state.edge.activeOpen', bend: -40 },
  { key: 'synsent-closed', from: 'SYN-SENT', to: 'CLOSED', labelKey: 'state.edge.synSentClose', bend: -10 },
  { key: 'listen-synrcvd', from: 'LISTEN', to: 'SYN-RECEIVED', labelKey: 'state.edge.rcvSyn', bend: -15 },
  { key: 'listen-synsent', from: 'LISTEN', to: 'SYN-SENT', labelKey: 'state.edge.send', bend: 15 },
  { key: 'synrcvd-listen', from: 'SYN-RECEIVED', to: 'LISTEN', labelKey: 'state.edge.rcvRst', bend: -40 },
  { key: 'synsent-synrcvd', from: 'SYN-SENT', to: 'SYN-RECEIVED', labelKey: 'state.edge.rcvSynSimultaneous', bend: 0 },
  { key: 'synrcvd-estab', from: 'SYN-RECEIVED', to: 'ESTABLISHED', labelKey: 'state.edge.rcvAckOfSyn', bend: 20 },
  { key: 'synsent-estab', from: 'SYN-SENT', to: 'ESTABLISHED', labelKey: 'state.edge.rcvSynAck', bend: -20 },
  { key: 'synrcvd-finwait1', from: 'SYN-RECEIVED', to: 'FIN-WAIT-1', labelKey: 'state.edge.closeSndFin', bend: 0 },
  { key: 'estab-finwait1', from: 'ESTABLISHED', to: 'FIN-WAIT-1', labelKey: 'state.edge.closeSndFin', bend: 0 },
  { key: 'estab-closewait', from: 'ESTABLISHED', to: 'CLOSE-WAIT', labelKey: 'state.edge.rcvFinSndAck', bend: 0 },
  { key: 'finwait1-finwait2', from: 'FIN-WAIT-1', to: 'FIN-WAIT-2', labelKey: 'state.edge.rcvAckOfFin', bend: 0 },
  { key: 'finwait1-closing', from: 'FIN-WAIT-1', to: 'CLOSING', labelKey: 'state.edge.rcvFinSndAck', bend: 0 },
  { key: 'closewait-lastack', from: 'CLOSE-WAIT', to: 'LAST-ACK', labelKey: 'state.edge.closeSndFin', bend: 0 },
  { key: 'finwait2-timewait', from: 'FIN-WAIT-2', to: 'TIME-WAIT', labelKey: 'state.edge.rcvFinSndAck', bend: 20 },
  { key: 'closing-timewait', from: 'CLOSING', to: 'TIME-WAIT', labelKey: 'state.edge.rcvAckOfFin', bend: 0 },
  { key: 'lastack-closed', from: 'LAST-ACK', to: 'CLOSED-END', labelKey: 'state.edge.rcvAckOfFin', bend: 0 },
  { key: 'timewait-closed', from: 'TIME-WAIT', to: 'CLOSED-END', labelKey: 'state.edge.timeout2Msl', bend: 0 },
];

export function nodeById(id: NodeId): StateNode | undefined {
  return STATE_NODES.find((n) => n.id === id);
}

/** The box that stands for a state; CLOSED reached by closing down is the bottom box, as in the figure. */
export function nodeFor(state: TcpState, from: TcpState | null): StateNode {
  const closingDown = from === 'LAST-ACK' || from === 'TIME-WAIT';
  const id: NodeId = state === 'CLOSED' && closingDown ? 'CLOSED-END' : state;
  return nodeById(id) as StateNode;
}

/** The RFC edge for a transition, or undefined when the figure has none (resets, timeouts, aborts…). */
export function rfcEdgeFor(from: TcpState, to: TcpState): StateEdge | undefined {
  const a = nodeFor(from, null).id;
  const b = nodeFor(to, from).id;
  return RFC_EDGES.find((e) => e.from === a && e.to === b);
}
