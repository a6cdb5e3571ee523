// Runs a validated scenario headlessly: builds the Network, applies the scenario's timed actions, runs to
// untilMs, and keeps the trace plus what each application received (for `received` expectations).
// Used by the lesson tests and by anything that checks a lesson without the UI.
import { Network } from '../net/network.js';
import type { Intervention } from '../net/interventions.js';
import type { TraceEvent } from '../net/trace.js';
import type { ReceivedProbe } from './expect.js';
import type { ScenarioAction } from './scenario-actions.js';
import { toRunSpec } from './scenario-run.js';
import type { ScenarioV1 } from './scenario-schema.js';

export interface ScenarioRun {
  net: Network;
  trace: TraceEvent[];
  received: ReceivedProbe;
  /** Actions that could not be applied (e.g. "cached": 2 when the router cached one packet). */
  actionErrors: string[];
}

/**
 * What each application received, per host, one entry per connection incarnation in the order its first
 * data arrived. A connection key can come back (same ports after TIME-WAIT): a `state → CLOSED` event
 * ends an incarnation, so the next data on that key starts a new entry.
 */
class ReceivedLog {
  private readonly entries = new Map<string, Array<{ conn: string; bytes: Uint8Array }>>();
  private readonly open = new Map<string, { conn: string; bytes: Uint8Array }>();
  record(host: string, conn: string, bytes: Uint8Array): void {
    const key = `${host} ${conn}`;
    let entry = this.open.get(key);
    if (!entry) {
      entry = { conn, bytes: new Uint8Array(0) };
      this.open.set(key, entry);
      const list = this.entries.get(host) ?? [];
      list.push(entry);
      this.entries.set(host, list);
    }
    entry.bytes = bytes.slice();
  }
  closed(host: string, conn: string): void {
    this.open.delete(`${host} ${conn}`);
  }
  probe(host: string, conn?: string): Uint8Array {
    const parts = (this.entries.get(host) ?? []).filter((e) => conn === undefined || e.conn === conn).map((e) => e.bytes);
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

function toIntervention(a: ScenarioAction, net: Network): Intervention | string {
  if (a.op !== 'replay') return a;
  if (a.id !== undefined) return { atMs: a.atMs, op: 'replay', id: a.id };
  const cached = net.routerView().cached;
  const pick = cached[(a.cached ?? 1) - 1];
  if (!pick) return `replay at ${a.atMs} ms: the router holds ${cached.length} cached packet(s), not ${a.cached ?? 1}`;
  return { atMs: a.atMs, op: 'replay', id: pick.id };
}

/** Runs `s` to untilMs (or `untilMs` if given). Throws NetError if the network rejects the spec. */
export function runScenario(s: ScenarioV1, untilMs: number = s.untilMs): ScenarioRun {
  const trace: TraceEvent[] = [];
  const log = new ReceivedLog();
  // The sink needs the network (to read received bytes) and the network needs the sink: tie them via a box.
  const box: { net?: Network } = {};
  const sink = {
    emit(ev: TraceEvent): void {
      trace.push(ev);
      // Read the bytes while the connection surely exists: right when its application got data.
      if (ev.kind === 'app' && ev.event === 'data' && box.net) log.record(ev.host, ev.conn, box.net.stack(ev.host).received(ev.conn));
      if (ev.kind === 'state' && ev.to === 'CLOSED') log.closed(ev.host, ev.conn);
    },
  };
  const net = new Network(toRunSpec(s), sink);
  box.net = net;
  const actionErrors: string[] = [];
  const actions = [...(s.actions ?? [])].sort((a, b) => a.atMs - b.atMs);
  for (const action of actions) {
    if (action.atMs > untilMs) break;
    net.runUntil(action.atMs);
    const cmd = toIntervention(action, net);
    if (typeof cmd === 'string') actionErrors.push(cmd);
    else {
      try {
        net.apply(cmd);
      } catch (err) {
        actionErrors.push(`${action.op} at ${action.atMs} ms: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  net.runUntil(untilMs);
  return { net, trace, received: (host, conn) => log.probe(host, conn), actionErrors };
}
