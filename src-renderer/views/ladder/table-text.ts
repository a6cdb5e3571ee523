// The cells of the ladder's hidden table for screen readers (LadderTable.svelte), in words: a packet still in
// flight read "20–—" (its send time, a range dash and the em dash that stood for "no arrival yet"), and one
// dropped at the router had "—" as its receiver. Pure text, unit-tested in node.
import type { StringKey } from '../../i18n/en.js';
import { fill } from '../model/fill.js';
import { ROUTER_HOST } from '../model/trace-types.js';
import type { Column } from './geometry.js';
import type { LadderPacket } from './model.js';

type Translate = (key: StringKey) => string;

/** When it was sent and when it arrived, was dropped or replaced, or that it has not arrived yet. */
export function timeCell(p: LadderPacket, t: Translate): string {
  if (!Number.isFinite(p.endMs)) return fill(t(p.fate === 'held' ? 'ladder.time.held' : 'ladder.time.inFlight'), { sent: p.startMs });
  const key = p.fate === 'dropped' ? 'ladder.time.dropped' : p.fate === 'replaced' ? 'ladder.time.replaced' : 'ladder.time.arrived';
  return fill(t(key), { sent: p.startMs, end: p.endMs });
}

/** The router's copies come from "router", in the reader's language. */
export function fromCell(p: LadderPacket, t: Translate): string {
  return p.from === ROUTER_HOST ? t('ladder.router') : p.from;
}

/**
 * Where it was going: the receiver once it got there, else (in flight, held, dropped on the way) the host its
 * destination address belongs to, else that address.
 */
export function toCell(p: LadderPacket, cols: readonly Column[]): string {
  if (p.to !== null) return p.to;
  return cols.find((c) => c.ip !== null && c.ip === p.dstIp)?.name ?? p.dstIp;
}
