// Trace invariants, checked as the events stream past (a TraceSink), plus the end-of-run checks:
//  - every `state` event is an edge of RFC_EDGES and starts where the connection's last one ended;
//  - no `note` starting "BUG" (the engine's catch-all for an exception inside input()/advance());
//  - every app `reset`/`refused` has the RST (or, classic profile, the SYN) received at that instant, and
//    every app `timeout` a timer firing on that connection at that instant;
//  - at the end, every connection is CLOSED or TIME-WAIT;
//  - each application received a prefix of what its peer's application sent, and all of it unless a
//    reset, timeout, refusal or abort (all visible in the trace) explains the shortfall.
import type { TraceEvent, TraceSink } from '../../src-main/net/index.js';
import { isLegalTransition } from '../../src-main/tcp/edges.js';
import type { TcpState } from '../../src-main/tcp/trace.js';

/** Connection keys are "local>remote" for engine events and "sender>receiver" for segments. */
export function reverseKey(key: string): string {
  const [a = '', b = ''] = key.split('>');
  return `${b}>${a}`;
}

const at = (host: string, conn: string) => `${host}|${conn}`;

/** A seed that emits more events than this is stuck in a loop (normal seeds emit a few thousand). */
export const MAX_EVENTS_PER_RUN = 250_000;

export class EventBudgetError extends Error {
  constructor(readonly atMs: number) {
    super(`more than ${MAX_EVENTS_PER_RUN} trace events by ${atMs} ms: an event storm (packet or timer loop)`);
    this.name = 'EventBudgetError';
  }
}

export class TraceChecker implements TraceSink {
  readonly failures: string[] = [];
  /** Last state per host|conn (listeners included: "ip:port>*:*"). */
  readonly states = new Map<string, { state: TcpState; t: number }>();
  /** App events other than data, plus "rst received" and "fin-wait-2 timeout", per host|conn. */
  readonly appSeen = new Map<string, Set<string>>();
  private readonly rstAt = new Map<string, number>();
  private readonly timerFireAt = new Map<string, number>();
  events = 0;
  lastStateMs = 0;

  constructor(private readonly next: TraceSink | null = null) {}

  private fail(ev: TraceEvent, what: string): void {
    if (this.failures.length < 50) this.failures.push(`t=${ev.t} ${ev.host}: ${what}`);
  }

  emit(ev: TraceEvent): void {
    // Thrown out of the sink, it unwinds through the engine (whose own catch re-emits and re-throws) and
    // the network to the driver, which reports it: a storm must not eat the memory of the whole run.
    if (++this.events > MAX_EVENTS_PER_RUN) throw new EventBudgetError(ev.t);
    this.next?.emit(ev);
    switch (ev.kind) {
      case 'state': return this.onState(ev);
      case 'note':
        if (ev.text.startsWith('BUG')) this.fail(ev, `engine bug note on ${ev.conn || '(stack)'}: ${ev.text}`);
        return;
      case 'segment.recv':
        if (/[RS]/.test(ev.seg.flags)) this.rstAt.set(at(ev.host, reverseKey(ev.conn)), ev.t);
        if (ev.seg.flags.includes('R')) this.mark(at(ev.host, reverseKey(ev.conn)), 'rst received');
        return;
      case 'timer':
        if (ev.op === 'fire') this.timerFireAt.set(at(ev.host, ev.conn), ev.t);
        return;
      case 'app': return this.onApp(ev);
      default:
    }
  }

  private onState(ev: Extract<TraceEvent, { kind: 'state' }>): void {
    this.lastStateMs = ev.t;
    if (!isLegalTransition(ev.from, ev.to)) this.fail(ev, `illegal transition ${ev.from} → ${ev.to} on ${ev.conn} (${ev.cause})`);
    const key = at(ev.host, ev.conn);
    const prev = this.states.get(key)?.state ?? 'CLOSED';
    // A passive open starts a new connection key from LISTEN, whatever that key's previous incarnation did.
    const continues = ev.from === prev || (ev.from === 'LISTEN' && (prev === 'CLOSED' || prev === 'LISTEN'));
    if (!continues) this.fail(ev, `state event ${ev.from} → ${ev.to} on ${ev.conn}, but it was ${prev}`);
    this.states.set(key, { state: ev.to, t: ev.t });
    // An orphan's FIN-WAIT-2 timeout ends the connection without a word to anyone: it is a give-up.
    if (ev.from === 'FIN-WAIT-2' && ev.to === 'CLOSED') this.mark(key, 'fin-wait-2 timeout');
    // CLOSE in SYN-SENT deletes the TCB and fails the queued SENDs (RFC 9293 3.10.4): nothing was sent.
    if (ev.from === 'SYN-SENT' && ev.to === 'CLOSED') this.mark(key, 'closed before connecting');
  }

  private onApp(ev: Extract<TraceEvent, { kind: 'app' }>): void {
    if (ev.event === 'data') return;
    const key = at(ev.host, ev.conn);
    this.mark(key, ev.event);
    if ((ev.event === 'reset' || ev.event === 'refused') && this.rstAt.get(key) !== ev.t) {
      this.fail(ev, `app ${ev.event} on ${ev.conn} with no RST (or SYN) received at that instant (${ev.detail})`);
    }
    if (ev.event === 'timeout' && this.timerFireAt.get(key) !== ev.t) {
      this.fail(ev, `app timeout on ${ev.conn} with no timer firing at that instant (${ev.detail})`);
    }
  }

  private mark(key: string, what: string): void {
    let seen = this.appSeen.get(key);
    if (seen === undefined) this.appSeen.set(key, (seen = new Set()));
    seen.add(what);
  }

  saw(host: string, conn: string, event: string): boolean {
    return this.appSeen.get(at(host, conn))?.has(event) ?? false;
  }

  /** Every connection (not listener) whose last state is neither CLOSED nor TIME-WAIT. */
  unfinished(): string[] {
    const out: string[] = [];
    for (const [key, { state, t }] of this.states) {
      if (key.endsWith('*:*') || state === 'CLOSED' || state === 'TIME-WAIT' || state === 'LISTEN') continue;
      out.push(`${key} still ${state} (since ${t} ms)`);
    }
    return out;
  }
}

/** Index of the first byte where a and b differ, or -1 when one is a prefix of the other. */
export function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return -1;
}
