// Read-only views of the network at the cursor, in the contract's shapes (plain copies for the renderer):
// the router (queues, held, in flight, cached, rules), one packet with its bytes, every connection and
// every listener. Packet labels number Seq/Ack as Wireshark does (the timeline's PacketNumberIndex), the
// same numbers the ladder and the exports print, so one packet reads the same in every panel.
import { isUserDrop } from '../contract/drop-text.js';
import { LabError } from '../contract/errors.js';
import type { ConnectionView, ListenerView, PacketDetail, RouterPacketView, RouterView } from '../contract/session.js';
import { hexDump } from '../tcp/codec.js';
import { FLAG } from '../tcp/segment.js';
import { wireBytesOf } from './export/pcapng-export.js';
import { windowScale, wiresharkLabel } from '../net/label.js';
import type { Network } from '../net/network.js';
import { lineageText, type Fate, type PacketRecord } from '../net/packets.js';
import { segSummary } from '../net/trace.js';
import type { PacketNumberIndex } from './packet-number-index.js';

/**
 * A queued packet's index among the packets WAITING toward its receiver, which is what the move intervention
 * counts (net/interventions.ts: 0 = next to be sent). The packet being serialized has no index: it cannot move.
 */
function waitingIndex(queues: ReturnType<Network['routerView']>['queues'], to: string | null, id: number): number | null {
  const q = queues.find((x) => x.toward === to);
  if (!q) return null;
  const at = q.ids.indexOf(id);
  if (at < 0) return null;
  const onWire = q.busyUntilMs !== null;
  return onWire ? (at === 0 ? null : at - 1) : at;
}

/** The router at the cursor; `numbers`: the timeline's (Timeline.packetNumbers), which labels use. */
export function routerViewOf(net: Network, numbers: PacketNumberIndex): RouterView {
  // One pass over the trace for all the view's packets whose conversations are not numbered yet.
  const shown = net.routerViewPackets();
  numbers.prepare(shown.ids, shown.conns);
  const v = net.routerView((id) => numbers.relativeTo(id));
  const out: RouterView = { atMs: v.nowMs, inFlight: [], queued: [], held: [], cached: [], rules: [], queueCapacity: {} };
  for (const p of v.packets) {
    const seg = net.packet(p.id)?.seg;
    if (seg === undefined) continue;
    const view: RouterPacketView = {
      id: p.id, label: p.label, conn: p.conn, from: p.from, to: p.to ?? '', where: p.where,
      queueIndex: p.where === 'queued' ? waitingIndex(v.queues, p.to, p.id) : null, lineage: p.lineage, seg: segSummary(seg),
    };
    if (p.where === 'queued') out.queued.push(view);
    else if (p.where === 'held') out.held.push(view);
    else out.inFlight.push(view);
  }
  for (const c of v.cached) {
    const seg = net.packet(c.id)?.seg;
    const lineage = net.packet(c.id)?.lineage ?? { type: 'original' as const };
    if (seg === undefined) continue;
    out.cached.push({ id: c.id, label: c.label, conn: c.conn, from: c.from, to: c.to ?? '', where: 'cached', queueIndex: null, lineage, seg: segSummary(seg) });
  }
  out.rules = net.rules().list().map((r) => ({ id: r.id, label: r.label, enabled: r.enabled, matches: r.matches }));
  for (const q of v.queues) out.queueCapacity[q.toward] = q.capacity;
  return out;
}

export function connectionsOf(net: Network): ConnectionView[] {
  const out: ConnectionView[] = [];
  for (const h of net.hosts()) {
    const stack = net.stack(h.name);
    for (const key of stack.connections()) {
      const st = stack.status(key);
      if (st !== undefined) out.push({ host: h.name, conn: key, state: st.state, tcb: { ...st.tcb } });
    }
  }
  return out;
}

/** Every host's listeners at the cursor, in listen() order: LISTEN plus the counts of their two queues. */
export function listenersOf(net: Network): ListenerView[] {
  const out: ListenerView[] = [];
  for (const h of net.hosts()) {
    for (const l of net.stack(h.name).listenerStatuses?.() ?? []) out.push({ host: h.name, listener: l.key, state: 'LISTEN', ...l });
  }
  return out;
}

function fateText(f: Fate): string {
  switch (f.state) {
    case 'in-flight': return 'in flight';
    case 'delivered': return `delivered at ${f.atMs} ms`;
    // The user's drop in one phrase: "dropped at 20 ms: dropped by user" said "dropped" twice (contract/drop-text.ts).
    case 'dropped': return isUserDrop(f.reason) ? `dropped by the user at ${f.atMs} ms` : `dropped at ${f.atMs} ms: ${f.reason}`;
    case 'replaced': return `replaced by its edit #${f.by} at ${f.atMs} ms`;
  }
}

function hexOf(r: PacketRecord): string {
  try {
    return hexDump(wireBytesOf(r));
  } catch {
    return ''; // a value that cannot be put on the wire (the encoder's RangeError): no bytes to show
  }
}

/**
 * Packet #id as known at the cursor; LabError 'unknown-packet' when it does not exist (yet) or was evicted.
 * `numbers`: the timeline's (Timeline.packetNumbers), as routerViewOf, so the two labels always agree.
 */
export function packetDetailOf(net: Network, id: number, numbers: PacketNumberIndex): PacketDetail {
  const r = net.packet(id);
  if (r === undefined) {
    const last = net.packetStats().lastId;
    const why = id > last ? `no packet #${id} at the cursor (packets so far: ${last === 0 ? 'none' : `#1-#${last}`})` : `packet #${id} is no longer on record`;
    throw new LabError('unknown-packet', why, '$.id');
  }
  const fate = fateText(r.fate);
  // The router notes "replaced by its edit #N" when it happens; the fate line says the same with the time, so the
  // note would show the event twice.
  const notes = r.notes.filter((n) => !fate.startsWith(n));
  const history = [`sent by ${r.from} at ${r.sentMs} ms (${lineageText(r.lineage)})`, ...notes, fate];
  const relative = numbers.relativeTo(id) ?? {};
  const winScale = windowScale((r.seg.flags & FLAG.SYN) !== 0, relative.winShift);
  return {
    id, conn: r.conn, from: r.from, to: r.to ?? '', sentMs: r.sentMs, fate, fateState: r.fate.state, lineage: r.lineage,
    seg: segSummary(r.seg), winScale, label: wiresharkLabel(r.seg, relative), hex: hexOf(r), history,
  };
}
