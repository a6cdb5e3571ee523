// Runs a validated scenario headlessly (the session Executor: network, then the scenario's timed actions), to
// untilMs, and keeps the trace plus what each application received (for `received` expectations).
// Used by the lesson tests and by anything that checks a lesson without the UI.
import type { Network } from '../net/network.js';
import type { TraceEvent } from '../net/trace.js';
import type { AppEventName } from '../tcp/trace.js';
import type { ReceivedProbe } from './expect.js';
import { toRunSpec } from './scenario-run.js';
import { Executor, Tap } from './session-executor.js';
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

/** A Tap that also records what each application received, right when it received it. */
class ReceivingTap extends Tap {
  readonly log = new ReceivedLog();
  executor: Executor | undefined;
  override emit(ev: TraceEvent): void {
    super.emit(ev);
    // Read the bytes while the connection surely exists: right when its application got data.
    if (ev.kind === 'state' && ev.to === 'CLOSED') this.log.closed(ev.host, ev.conn);
  }
  override app(t: number, host: string, conn: string, event: AppEventName, bytes: number, detail: string): void {
    super.app(t, host, conn, event, bytes, detail);
    // Read the bytes while the connection surely exists: right when its application got data.
    if (event === 'data' && this.executor) this.log.record(host, conn, this.executor.network.stack(host).received(conn));
  }
}

/**
 * Runs `s` to untilMs (or `untilMs` if given) through the same Executor as sessions and the CLI, so a lesson
 * checked here behaves exactly as it does in the app. Throws NetError if the network rejects the spec.
 */
export function runScenario(s: ScenarioV1, untilMs: number = s.untilMs): ScenarioRun {
  const trace: TraceEvent[] = [];
  const tap = new ReceivingTap(0, trace);
  const scenarioActions = [...(s.actions ?? [])].sort((a, b) => a.atMs - b.atMs);
  const executor = Executor.start({ run: toRunSpec(s), scenarioActions, actions: [] }, tap);
  tap.executor = executor;
  executor.runTo(untilMs);
  const actionErrors = trace
    .filter((ev): ev is Extract<TraceEvent, { kind: 'command.error' }> => ev.kind === 'command.error')
    .map((ev) => `${ev.op} at ${ev.t} ms: ${ev.message}`);
  return { net: executor.network, trace, received: (host, conn) => tap.log.probe(host, conn), actionErrors };
}
