// The host crashes (RFC 9293 3.5.2, "Half-Open Connections and Other Anomalies"): every TCB, listener, timer
// and queued byte is gone at once. Nothing goes on the wire and the application hears nothing (it died with
// the host). The trace still says that each connection and listener ended, with a `state` event to CLOSED,
// so views built from state events (the state diagram, expectations) do not show a TCB that no longer exists.
// No timer-stop or `closed` app events: the host did not stop anything, it simply lost it.
import type { StackCore } from './core.js';
import { listenerTransition, snapshot } from './transition.js';

export const CRASH_CAUSE = 'host crashed: its TCB is lost (RFC 9293 3.5.2)';
export const CRASH_LISTENER_CAUSE = 'host crashed: the listener is lost (RFC 9293 3.5.2)';

/**
 * Traces the end of every connection (creation order) and listener (listen() order) the crash destroys. The
 * caller (net/crash.ts) then throws the whole stack away and, at reboot, makes a fresh one: nothing here needs
 * to be undone, so the stack's state is left as it was.
 */
export function traceCrash(st: StackCore, nowMs: number): void {
  const sink = st.traceSink;
  for (const c of st.conns.values()) {
    if (c.state === 'CLOSED') continue;
    sink.emit({ t: nowMs, kind: 'state', host: st.host, conn: c.key, from: c.state, to: 'CLOSED', cause: CRASH_CAUSE, tcb: snapshot(c) });
  }
  for (const l of st.listeners.values()) listenerTransition(st, l.key, 'LISTEN', 'CLOSED', CRASH_LISTENER_CAUSE, nowMs);
}
