// The RFC 9293 connection-state figure (Section 3.3.2, Figure 5) at fixed coordinates, in the classic
// arrangement the app's state view also uses (src-renderer/views/state/layout.ts; lab/ may not import
// the renderer, so the table is repeated here until the two share one module). CLOSED is drawn twice,
// as in the RFC: the bottom box is where a connection ends after LAST-ACK or TIME-WAIT.
import type { TcpState } from '../../tcp/trace.js';
import type { Lang } from './types.js';

export type NodeId = TcpState | 'CLOSED-END';

export interface StateNode { id: NodeId; x: number; y: number }
export interface StateEdge {
  key: string; from: NodeId; to: NodeId; label: Record<Lang, string>; bend: number;
  /**
   * Which side of the curve's middle the label sits on; centred when absent. CLOSED and LISTEN are joined
   * by two short curves whose centred labels would print on top of each other.
   */
  labelSide?: 'left' | 'right';
}

export const FIG_WIDTH = 760, FIG_HEIGHT = 650, NODE_W = 116, NODE_H = 34;
const LEFT = 90, MID = 380, RIGHT = 670;

export const NODES: readonly StateNode[] = [
  { id: 'CLOSED', x: MID, y: 30 }, { id: 'LISTEN', x: MID, y: 140 },
  { id: 'SYN-RECEIVED', x: LEFT, y: 240 }, { id: 'SYN-SENT', x: RIGHT, y: 240 },
  { id: 'ESTABLISHED', x: MID, y: 350 },
  { id: 'FIN-WAIT-1', x: LEFT, y: 440 }, { id: 'CLOSE-WAIT', x: RIGHT, y: 440 },
  { id: 'FIN-WAIT-2', x: LEFT, y: 530 }, { id: 'CLOSING', x: MID, y: 530 }, { id: 'LAST-ACK', x: RIGHT, y: 530 },
  { id: 'TIME-WAIT', x: MID, y: 610 }, { id: 'CLOSED-END', x: RIGHT, y: 610 },
];

const L = (en: string, zh: string): Record<Lang, string> => ({ en, 'zh-CN': zh });
const CLOSE_FIN = L('CLOSE / snd FIN', '关闭 / 发 FIN');
const FIN_ACK = L('rcv FIN / snd ACK', '收 FIN / 发 ACK');
const ACK_OF_FIN = L('rcv ACK of FIN / x', '收 FIN 的 ACK / 无');

/** RFC 9293 Figure 5, edge for edge, with its "event / action" labels. */
export const EDGES: readonly StateEdge[] = [
  { key: 'closed-listen', from: 'CLOSED', to: 'LISTEN', label: L('passive OPEN / create TCB', '被动打开 / 建 TCB'), bend: 24, labelSide: 'left' },
  { key: 'listen-closed', from: 'LISTEN', to: 'CLOSED', label: L('CLOSE / delete TCB', '关闭 / 删 TCB'), bend: 24, labelSide: 'right' },
  { key: 'closed-synsent', from: 'CLOSED', to: 'SYN-SENT', label: L('active OPEN / create TCB, snd SYN', '主动打开 / 建 TCB，发 SYN'), bend: -40 },
  { key: 'synsent-closed', from: 'SYN-SENT', to: 'CLOSED', label: L('CLOSE / delete TCB', '关闭 / 删 TCB'), bend: -10 },
  { key: 'listen-synrcvd', from: 'LISTEN', to: 'SYN-RECEIVED', label: L('rcv SYN / snd SYN,ACK', '收 SYN / 发 SYN,ACK'), bend: -15 },
  { key: 'listen-synsent', from: 'LISTEN', to: 'SYN-SENT', label: L('SEND / snd SYN', 'SEND / 发 SYN'), bend: 15 },
  { key: 'synrcvd-listen', from: 'SYN-RECEIVED', to: 'LISTEN', label: L('rcv RST', '收 RST'), bend: -40 },
  { key: 'synsent-synrcvd', from: 'SYN-SENT', to: 'SYN-RECEIVED', label: L('rcv SYN / snd ACK', '收 SYN / 发 ACK'), bend: 0 },
  { key: 'synrcvd-estab', from: 'SYN-RECEIVED', to: 'ESTABLISHED', label: L('rcv ACK of SYN / x', '收 SYN 的 ACK / 无'), bend: 20 },
  { key: 'synsent-estab', from: 'SYN-SENT', to: 'ESTABLISHED', label: L('rcv SYN,ACK / snd ACK', '收 SYN,ACK / 发 ACK'), bend: -20 },
  { key: 'synrcvd-finwait1', from: 'SYN-RECEIVED', to: 'FIN-WAIT-1', label: CLOSE_FIN, bend: 0 },
  { key: 'estab-finwait1', from: 'ESTABLISHED', to: 'FIN-WAIT-1', label: CLOSE_FIN, bend: 0 },
  { key: 'estab-closewait', from: 'ESTABLISHED', to: 'CLOSE-WAIT', label: FIN_ACK, bend: 0 },
  { key: 'finwait1-finwait2', from: 'FIN-WAIT-1', to: 'FIN-WAIT-2', label: ACK_OF_FIN, bend: 0 },
  { key: 'finwait1-closing', from: 'FIN-WAIT-1', to: 'CLOSING', label: FIN_ACK, bend: 0 },
  { key: 'closewait-lastack', from: 'CLOSE-WAIT', to: 'LAST-ACK', label: CLOSE_FIN, bend: 0 },
  { key: 'finwait2-timewait', from: 'FIN-WAIT-2', to: 'TIME-WAIT', label: FIN_ACK, bend: 20 },
  { key: 'closing-timewait', from: 'CLOSING', to: 'TIME-WAIT', label: ACK_OF_FIN, bend: 0 },
  { key: 'lastack-closed', from: 'LAST-ACK', to: 'CLOSED-END', label: ACK_OF_FIN, bend: 0 },
  { key: 'timewait-closed', from: 'TIME-WAIT', to: 'CLOSED-END', label: L('Timeout=2MSL / delete TCB', '超时 2MSL / 删 TCB'), bend: 0 },
];

export function nodeById(id: NodeId): StateNode {
  return NODES.find((n) => n.id === id)!;
}

/** The box for a state; CLOSED reached by closing down (from LAST-ACK or TIME-WAIT) is the bottom one. */
export function nodeFor(state: TcpState, from: TcpState | null): NodeId {
  return state === 'CLOSED' && (from === 'LAST-ACK' || from === 'TIME-WAIT') ? 'CLOSED-END' : state;
}

/** The figure's edge for a transition, or undefined (resets, timeouts, aborts are not in Figure 5). */
export function edgeFor(from: TcpState, to: TcpState): StateEdge | undefined {
  const a = nodeFor(from, null), b = nodeFor(to, from);
  return EDGES.find((e) => e.from === a && e.to === b);
}

/** Where the segment from the box centre toward (tx, ty) leaves the box. */
export function boxExit(n: StateNode, tx: number, ty: number): [number, number] {
  const dx = tx - n.x, dy = ty - n.y;
  if (dx === 0 && dy === 0) return [n.x, n.y];
  const t = Math.min(dx === 0 ? Infinity : NODE_W / 2 / Math.abs(dx), dy === 0 ? Infinity : NODE_H / 2 / Math.abs(dy));
  return [n.x + dx * t, n.y + dy * t];
}

/** Quadratic curve from box to box: control point offset `bend` perpendicular to the chord. */
export function edgeGeometry(from: StateNode, to: StateNode, bend: number): { p0: [number, number]; c: [number, number]; p2: [number, number]; mid: [number, number] } {
  const mx = (from.x + to.x) / 2, my = (from.y + to.y) / 2;
  const len = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  const c: [number, number] = [mx - ((to.y - from.y) / len) * bend, my + ((to.x - from.x) / len) * bend];
  const p0 = boxExit(from, c[0], c[1]), p2 = boxExit(to, c[0], c[1]);
  const mid: [number, number] = [0.25 * p0[0] + 0.5 * c[0] + 0.25 * p2[0], 0.25 * p0[1] + 0.5 * c[1] + 0.25 * p2[1]];
  return { p0, c, p2, mid };
}
