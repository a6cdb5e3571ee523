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
