// What the state diagram shows for one connection's state events: the lit state, the edge just taken
// (or the one a clicked packet caused) and any transitions the RFC figure does not draw.
import type { StateEvent } from '../model/trace-types.js';
import { nodeFor, rfcEdgeFor, type NodeId } from './layout.js';

/** An observed transition with no edge in RFC 9293 Figure 5 (resets, timeouts, aborts, simultaneous cases). */
export interface ExtraEdge {
  key: string;
  from: NodeId;
  to: NodeId;
}

export function edgeKeyOf(ev: Pick<StateEvent, 'from' | 'to'>): string {
  return rfcEdgeFor(ev.from, ev.to)?.key ?? `extra:${nodeFor(ev.from, null).id}>${nodeFor(ev.to, ev.from).id}`;
}

/** Transitions in `events` that the figure lacks, once each, in first-seen order. */
export function extraEdges(events: readonly StateEvent[]): ExtraEdge[] {
  const out = new Map<string, ExtraEdge>();
  for (const ev of events) {
    if (rfcEdgeFor(ev.from, ev.to)) continue;
    const key = edgeKeyOf(ev);
    if (!out.has(key)) out.set(key, { key, from: nodeFor(ev.from, null).id, to: nodeFor(ev.to, ev.from).id });
  }
  return [...out.values()];
}

/** The lit box: where the last event went (the bottom CLOSED box after a close-down). Null before any event. */
export function currentNode(events: readonly StateEvent[]): NodeId | null {
  const last = events[events.length - 1];
  return last ? nodeFor(last.to, last.from).id : null;
}
