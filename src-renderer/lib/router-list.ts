// The router-queue list as rows, and what each drop target or button does to a packet. Pure, so the
// drag-and-drop and its keyboard/button equivalents (WCAG 2.2 SC 2.5.7) share one definition.
import type { InterventionBody, RouterPacketView, RouterView } from '../../src-main/contract/index.js';

export type Place = 'queued' | 'held' | 'inFlight' | 'cached';
export const PLACES: readonly Place[] = ['queued', 'held', 'inFlight', 'cached'];

export interface Row {
  place: Place;
  packet: RouterPacketView;
}

/** Queued packets by queue (toward host) and position, then held, in flight and cached, each by id. */
export function routerRows(view: RouterView | null): Row[] {
  if (!view) return [];
  // A queued packet without an index is the one on the wire: it comes first and cannot be moved.
  const queued = [...view.queued].sort((a, b) => (a.to === b.to ? (a.queueIndex ?? -1) - (b.queueIndex ?? -1) : a.to < b.to ? -1 : 1));
  const byId = (a: RouterPacketView, b: RouterPacketView) => a.id - b.id;
  return [
    ...queued.map((packet) => ({ place: 'queued' as const, packet })),
    ...[...view.held].sort(byId).map((packet) => ({ place: 'held' as const, packet })),
    ...[...view.inFlight].sort(byId).map((packet) => ({ place: 'inFlight' as const, packet })),
    ...[...view.cached].sort(byId).map((packet) => ({ place: 'cached' as const, packet })),
  ];
}

/** Where a packet is, as the host names it (net/packets.ts Where, plus 'cached'), and 'sending'. */
const WHERE = ['link-in', 'link-out', 'queued', 'sending', 'held', 'delayed', 'reorder', 'cached'] as const;
type WhereKey = `router.where.${(typeof WHERE)[number]}`;

/**
 * The i18n key for a packet's place, or null for a name this renderer does not know (shown as is). A queued
 * packet without a queue index is the one being serialized onto the link (routerRows puts it first).
 */
export function whereKey(where: string, queueIndex: number | null = null): WhereKey | null {
  if (where === 'queued' && queueIndex === null) return 'router.where.sending';
  return (WHERE as readonly string[]).includes(where) ? (`router.where.${where}` as WhereKey) : null;
}

/**
 * A packet's receiver as the list and the inspector name it: the host's name, or, when no host has the
 * destination address (a SYN-ACK to a spoofed source), that address from the connection "src:port>dst:port".
 */
export function receiverOf(p: { to: string; conn: string }): string {
  if (p.to !== '') return p.to;
  const dst = p.conn.slice(p.conn.indexOf('>') + 1);
  const colon = dst.lastIndexOf(':');
  return colon > 0 ? dst.slice(0, colon) : dst;
}

export type PacketAction = 'drop' | 'delay' | 'hold' | 'release' | 'replay' | 'duplicate' | 'moveUp' | 'moveDown';
export const ZONES = ['drop', 'delay', 'hold', 'release'] as const;
export type Zone = (typeof ZONES)[number];

/** Packets waiting (movable) in the queue toward `to`. */
function queueLength(rows: readonly Row[], to: string): number {
  return rows.filter((r) => r.place === 'queued' && r.packet.to === to && r.packet.queueIndex !== null).length;
}

/** Whether an action applies to the row's packet where it is now (buttons are disabled otherwise). */
export function canDo(action: PacketAction, row: Row | null, rows: readonly Row[]): boolean {
  if (!row) return false;
  const live = row.place !== 'cached';
  switch (action) {
    case 'drop':
    case 'delay':
    case 'duplicate':
      return live;
    case 'hold':
      return row.place === 'queued' || row.place === 'inFlight';
    case 'release':
      return row.place === 'held';
    case 'replay':
      return row.place === 'cached';
    case 'moveUp':
      return row.place === 'queued' && row.packet.queueIndex !== null && row.packet.queueIndex > 0;
    case 'moveDown':
      return row.place === 'queued' && row.packet.queueIndex !== null && row.packet.queueIndex < queueLength(rows, row.packet.to) - 1;
  }
}

/** The intervention for an action; 'delay' needs a duration, so callers ask for it and pass delayMs. */
export function actionFor(action: PacketAction, row: Row, delayMs?: number): InterventionBody | null {
  const id = row.packet.id;
  const at = row.packet.queueIndex ?? 0;
  switch (action) {
    case 'drop':
      return { op: 'drop', id };
    case 'delay':
      return delayMs !== undefined && delayMs > 0 ? { op: 'delay', id, delayMs } : null;
    case 'hold':
      return { op: 'hold', id };
    case 'release':
      return { op: 'release', id };
    case 'replay':
      return { op: 'replay', id };
    case 'duplicate':
      return { op: 'duplicate', id, count: 1 };
    case 'moveUp':
      return { op: 'move', id, toIndex: at - 1 };
    case 'moveDown':
      return { op: 'move', id, toIndex: at + 1 };
  }
}

/** Dragging onto another queued packet of the same queue takes its place; anything else is refused. */
export function moveOnto(row: Row, target: Row): InterventionBody | null {
  if (row.place !== 'queued' || target.place !== 'queued') return null;
  if (row.packet.queueIndex === null || target.packet.queueIndex === null) return null;
  if (row.packet.to !== target.packet.to || row.packet.id === target.packet.id) return null;
  return { op: 'move', id: row.packet.id, toIndex: target.packet.queueIndex };
}

/** Arrow-key navigation in the list: the next selection, clamped at both ends. */
export function nextSelection(rows: readonly Row[], selectedId: number | null, key: string): number | null {
  if (rows.length === 0) return null;
  const at = rows.findIndex((r) => r.packet.id === selectedId);
  let next: number;
  if (key === 'Home') next = 0;
  else if (key === 'End') next = rows.length - 1;
  else if (key === 'ArrowDown') next = at < 0 ? 0 : Math.min(rows.length - 1, at + 1);
  else if (key === 'ArrowUp') next = at < 0 ? rows.length - 1 : Math.max(0, at - 1);
  else return selectedId;
  return rows[next]!.packet.id;
}

/** One line of the virtualised list: a group heading, or a packet's option with its place in its group. */
export type ListItem =
  | { kind: 'heading'; place: Place }
  | { kind: 'option'; place: Place; row: Row; posInSet: number; setSize: number };

/** Fixed heights (px) of a heading and an option: the list's CSS uses the same numbers. */
export const HEADING_PX = 18;
export const OPTION_PX = 34;

/** The rows flattened to list items: each place's heading, then its options (1-based posInSet per group). */
export function listItems(rows: readonly Row[]): ListItem[] {
  const items: ListItem[] = [];
  for (const place of PLACES) {
    const inPlace = rows.filter((r) => r.place === place);
    if (inPlace.length === 0) continue;
    items.push({ kind: 'heading', place });
    inPlace.forEach((row, i) => items.push({ kind: 'option', place, row, posInSet: i + 1, setSize: inPlace.length }));
  }
  return items;
}

export const itemHeightPx = (item: ListItem): number => (item.kind === 'heading' ? HEADING_PX : OPTION_PX);

/** Index of the packet's option among the items, or -1. */
export function itemIndexOf(items: readonly ListItem[], id: number | null): number {
  if (id === null) return -1;
  return items.findIndex((it) => it.kind === 'option' && it.row.packet.id === id);
}

export interface RenderedGroup {
  place: Place;
  /** Item index of the group's heading (always rendered with the group, so aria-labelledby resolves). */
  heading: number;
  /** Item indices of the group's options to render, ascending. */
  options: number[];
}

/** The rendered indices grouped by place, each group with its heading, for the listbox's role=group nesting. */
export function renderedGroups(items: readonly ListItem[], indices: readonly number[]): RenderedGroup[] {
  const groups: RenderedGroup[] = [];
  let heading = -1;
  let current: RenderedGroup | null = null;
  let scanned = 0;
  for (const i of indices) {
    // Find the heading of item i: the last heading at or before it (indices ascend, so scan forward).
    for (; scanned <= i && scanned < items.length; scanned++) if (items[scanned]!.kind === 'heading') heading = scanned;
    const item = items[i];
    if (!item || heading < 0) continue;
    if (!current || current.heading !== heading) {
      current = { place: item.place, heading, options: [] };
      groups.push(current);
    }
    if (item.kind === 'option') current.options.push(i);
  }
  return groups;
}
