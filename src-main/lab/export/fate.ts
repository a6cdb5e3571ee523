// One sentence per packet saying what happened to it, for pcapng comments, the HTML report and the CLI:
// "retransmission of #3; held 3000 ms by the user; delivered at 3020 ms". Built from the trace's router
// events (structured: who, how long) plus the packet record's lineage and fate.
import type { Lineage, TraceEvent } from '../../net/trace.js';
import type { PacketRecord } from '../../net/packets.js';
import { isUserDrop } from '../../contract/drop-text.js';
import { strings } from './strings.js';
import type { Lang } from './types.js';

/** Per packet id: its router events in trace order, and where it was dropped (one pass over the trace). */
export interface PacketEventIndex {
  router: Map<number, TraceEvent[]>;
  dropHost: Map<number, string>;
  /** Ids of every segment.send, in trace order (to count packets whose records were evicted). */
  sendIds: number[];
}

export function indexPacketEvents(trace: readonly TraceEvent[]): PacketEventIndex {
  const router = new Map<number, TraceEvent[]>();
  const dropHost = new Map<number, string>();
  const sendIds: number[] = [];
  for (const ev of trace) {
    if (ev.kind === 'segment.send') sendIds.push(ev.id);
    else if (ev.kind === 'segment.drop') dropHost.set(ev.id, ev.host);
    else if (ev.kind.startsWith('router.')) {
      const id = (ev as { id: number }).id;
      const list = router.get(id);
      if (list === undefined) router.set(id, [ev]);
      else list.push(ev);
    }
  }
  return { router, dropHost, sendIds };
}

/**
 * Packets the trace shows being sent whose records the network no longer keeps: its store keeps the most
 * recent 200,000 records, and a flood's SYNs and the replies to spoofed addresses the last 4,096 of their own
 * (bounded memory, net/packets.ts PacketStore), so missing ids can lie anywhere in the kept range too.
 */
export function packetsOffRecord(sendIds: readonly number[], packets: readonly Pick<PacketRecord, 'id'>[]): { sent: number; missing: number } {
  let maxId = 0;
  for (const id of sendIds) if (id > maxId) maxId = id;
  for (const p of packets) if (p.id > maxId) maxId = p.id;
  // Packet ids are small positive integers, so one byte per id replaces two sets of 100,000 numbers (about
  // 60 ms of a 100,000-packet pcapng export). Anything else is counted with sets.
  if (!Number.isSafeInteger(maxId) || maxId > MAX_BITMAP_ID) return packetsOffRecordBySets(sendIds, packets);
  const KEPT = 1, COUNTED = 2;
  const marks = new Uint8Array(maxId + 1);
  for (const p of packets) {
    if (!Number.isInteger(p.id) || p.id < 0) return packetsOffRecordBySets(sendIds, packets);
    marks[p.id] = KEPT;
  }
  let sent = 0, missing = 0;
  for (const id of sendIds) {
    if (!Number.isInteger(id) || id < 0) return packetsOffRecordBySets(sendIds, packets);
    const mark = marks[id]!;
    if ((mark & COUNTED) !== 0) continue;
    marks[id] = mark | COUNTED;
    sent++;
    if ((mark & KEPT) === 0) missing++;
  }
  return { sent, missing };
}

/** Ids up to this get a byte each (64 MB at most); a flood of a million SYNs stays far below it. */
const MAX_BITMAP_ID = 1 << 26;

function packetsOffRecordBySets(sendIds: readonly number[], packets: readonly Pick<PacketRecord, 'id'>[]): { sent: number; missing: number } {
  const kept = new Set<number>();
  for (const p of packets) kept.add(p.id);
  const sent = new Set<number>(sendIds);
  let missing = 0;
  for (const id of sent) if (!kept.has(id)) missing++;
  return { sent: sent.size, missing };
}

/** The words for packetsOffRecord's count (pcapng comment, CLI summary) in `lang`; '' when nothing is missing. */
export function offRecordText(missing: number, sent: number, lang: Lang): string {
  return missing === 0 ? '' : strings(lang).offRecord(missing, sent);
}

const NONE: readonly TraceEvent[] = [];

/** packetStory with the packet's events looked up in the index. */
export function packetStoryFrom(index: PacketEventIndex, r: PacketRecord): string {
  return packetStory(r, index.router.get(r.id) ?? NONE, index.dropHost.get(r.id) ?? null);
}

/** "user" reads better as "the user"; rule labels ("rule 2 (drop)") stay as they are. */
export function actorText(by: string): string {
  return by === 'user' ? 'the user' : by;
}

export function lineagePhrase(l: Lineage): string | null {
  switch (l.type) {
    case 'original': return null;
    case 'retransmission': return l.of === null ? 'retransmission' : `retransmission of #${l.of}`;
    case 'duplicate': return `duplicate of #${l.of}`;
    case 'replay': return `replay of #${l.of}`;
    case 'edited': return `edited from #${l.of}`;
    case 'injected': return 'injected by the user';
  }
}

/** What the router did to the packet, in trace order. A hold and its release make one phrase. */
function routerPhrases(events: readonly TraceEvent[]): string[] {
  const out: string[] = [];
  let holdBy: string | null = null;
  for (const ev of events) {
    switch (ev.kind) {
      case 'router.hold': holdBy = ev.by; break;
      case 'router.release':
        if (holdBy !== null) out.push(`held ${ev.parkedMs} ms by ${actorText(holdBy)}${ev.by === holdBy ? '' : `, released by ${actorText(ev.by)}`}`);
        else out.push(`released after ${ev.parkedMs} ms by ${actorText(ev.by)}`);
        holdBy = null;
        break;
      case 'router.delay': out.push(`delayed ${ev.delayMs} ms by ${actorText(ev.by)}`); break;
      case 'router.reorder': out.push(`kept back by ${actorText(ev.by)} until ${ev.after} later packet(s) passed`); break;
      case 'router.duplicate': out.push(`duplicated by ${actorText(ev.by)} as ${ev.copies.map((c) => `#${c}`).join(', ')}`); break;
      case 'router.corrupt': out.push(`corrupted by ${actorText(ev.by)}: bad checksum on purpose`); break;
      case 'router.cache': out.push(`cached by ${actorText(ev.by)}`); break;
      case 'router.move': out.push(`moved in the queue by ${actorText(ev.by)} from ${ev.from} to ${ev.to}`); break;
      case 'router.edit': out.push(`edited by ${actorText(ev.by)}: ${ev.changes.join(', ')}`); break;
      default: break;
    }
  }
  if (holdBy !== null) out.push(`held by ${actorText(holdBy)}`);
  return out;
}

/** "dropped by rule 2 (drop)", "dropped by the user", "dropped by B: bad TCP checksum (…)". */
export function dropPhrase(reason: string, where: string | null): string {
  if (/^rule \S+ \(\w+\)$/.test(reason)) return `dropped by ${reason}`;
  if (isUserDrop(reason)) return 'dropped by the user';
  return where !== null && where !== 'router' ? `dropped by ${where}: ${reason}` : `dropped: ${reason}`;
}

function fatePhrase(r: PacketRecord, dropHost: string | null): string {
  switch (r.fate.state) {
    case 'delivered': return `delivered at ${r.fate.atMs} ms`;
    case 'dropped': return `${dropPhrase(r.fate.reason, dropHost)} at ${r.fate.atMs} ms`;
    case 'replaced': return `replaced by its edit #${r.fate.by} at ${r.fate.atMs} ms`;
    case 'in-flight': return 'still in flight when the capture ends';
  }
}

/**
 * The full story of one packet. routerEvents are this packet's router.* events (indexRouterEvents);
 * dropHost is the host of its segment.drop event (the receiver for a checksum failure), if known.
 */
export function packetStory(r: PacketRecord, routerEvents: readonly TraceEvent[], dropHost: string | null = null): string {
  const parts: string[] = [];
  const lineage = lineagePhrase(r.lineage);
  if (lineage !== null) parts.push(lineage);
  parts.push(...routerPhrases(routerEvents));
  parts.push(fatePhrase(r, dropHost));
  return parts.join('; ');
}
