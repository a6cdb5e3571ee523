// Per-connection timers as data ({ slot, dueMs }) in Conn.due, mirrored into the stack-level heap by each
// connection's earliest due time. Every start/stop is traced with its absolute virtual due time.
import type { Conn } from './conn.js';
import { TIMER_NAMES } from './conn.js';
import type { StackCore } from './core.js';

export function minDue(conn: Conn): number {
  // Indexed: the for-of loop here allocated an iterator (~90 bytes a bulk segment, by the sampling heap
  // profiler; docs/PERFORMANCE.md "Engine, session 21").
  const due = conn.due;
  let min = Infinity;
  for (let i = 0; i < due.length; i++) {
    const d = due[i]!;
    if (d < min) min = d;
  }
  return min;
}

/**
 * Keeps the heap key ≤ the connection's earliest due time. A key that became too early (timer stopped or pushed
 * later, e.g. the retransmission timer restarted by every ACK) is left in place and corrected lazily by
 * settleHeapTop(), so the common restart costs no heap operation at all.
 */
function reheap(st: StackCore, conn: Conn): void {
  st.nextDueMsMemo = NaN;
  const min = minDue(conn);
  if (conn.heapIndex >= 0 && min >= conn.heapDueMs) return;
  conn.heapDueMs = min;
  st.heap.update(conn);
}

/** Corrects stale keys at the top of the heap; returns the exact earliest due time (Infinity if none). */
export function settleHeapTop(st: StackCore): number {
  for (;;) {
    const top = st.heap.peek();
    if (!top) return Infinity;
    const min = minDue(top);
    if (min === top.heapDueMs) return min;
    top.heapDueMs = min;
    st.heap.update(top);
  }
}

/** (Re)starts timer `slot` at absolute dueMs. */
export function startTimer(st: StackCore, conn: Conn, slot: number, dueMs: number, nowMs: number): void {
  conn.due[slot] = dueMs;
  st.emitTimer(conn.key, TIMER_NAMES[slot] ?? 'retransmit', 'start', dueMs, nowMs);
  reheap(st, conn);
}

export function stopTimer(st: StackCore, conn: Conn, slot: number, nowMs: number): void {
  const due = conn.due[slot] ?? Infinity;
  if (due === Infinity) return;
  conn.due[slot] = Infinity;
  st.emitTimer(conn.key, TIMER_NAMES[slot] ?? 'retransmit', 'stop', due, nowMs);
  reheap(st, conn);
}

export function timerRunning(conn: Conn, slot: number): boolean {
  return (conn.due[slot] ?? Infinity) !== Infinity;
}

/** Marks the slot as fired (before its handler runs, which may restart it). */
export function fireTimer(st: StackCore, conn: Conn, slot: number, nowMs: number): void {
  const due = conn.due[slot] ?? Infinity;
  conn.due[slot] = Infinity;
  st.emitTimer(conn.key, TIMER_NAMES[slot] ?? 'retransmit', 'fire', due, nowMs);
  reheap(st, conn);
}

export function stopAllTimers(st: StackCore, conn: Conn, nowMs: number): void {
  for (let slot = 0; slot < conn.due.length; slot++) stopTimer(st, conn, slot, nowMs);
  if (conn.heapIndex >= 0) st.heap.remove(conn);
  conn.heapDueMs = Infinity;
  st.nextDueMsMemo = NaN;
}

/** The earliest due slot of conn at or before nowMs, or -1. Ties fire in slot order. */
export function dueSlot(conn: Conn, nowMs: number): number {
  let best = -1;
  let bestDue = Infinity;
  for (let slot = 0; slot < conn.due.length; slot++) {
    const d = conn.due[slot] ?? Infinity;
    if (d <= nowMs && d < bestDue) {
      best = slot;
      bestDue = d;
    }
  }
  return best;
}
