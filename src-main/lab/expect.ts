// The expectation checker: evaluates a lesson's declarative claims (scenario-expect.ts) against a trace.
// It only reads events, so it works on a live run, a replayed session or a JSONL file loaded from disk.
import type { EventFilter, Expectation, SegmentRef } from './scenario-expect.js';

/**
 * The part of a trace event the checker reads. net/trace.ts's TraceEvent union is assignable to it;
 * fields are looked up by kind (segment.* carry `seg`, `state` carries from/to, and so on).
 */
export interface TraceEventLike {
  t: number;
  kind: string;
  host: string;
}

export interface CheckResult {
  ok: boolean;
  /** The claim in words, e.g. "B sends [SA] at 0, 1000, 3000 ms (±50 ms)". */
  claim: string;
  /** What the trace showed, e.g. "sent at 10, 1010 ms". */
  detail: string;
}

/** Returns the bytes the application on `host` received (all connections in creation order, or one conn). */
export type ReceivedProbe = (host: string, conn?: string) => Uint8Array | undefined;

interface SegLike { flags: string; seq: number; ack: number; len: number; win: number }
type Loose = TraceEventLike & Record<string, unknown>;

const KINDS: Record<EventFilter['kind'], readonly string[]> = {
  send: ['segment.send'],
  recv: ['segment.recv'],
  drop: ['segment.drop', 'tcp.drop'],
  state: ['state'],
  app: ['app'],
  timer: ['timer'],
  trace: [],
};

function segOf(ev: Loose): SegLike | undefined {
  const seg = ev['seg'];
  return seg !== null && typeof seg === 'object' ? (seg as SegLike) : undefined;
}

function sameLetters(a: string, b: string): boolean {
  return a.length === b.length && [...a].every((ch) => b.includes(ch));
}

function segMatches(f: EventFilter, ev: Loose): boolean {
  if (f.kind !== 'send' && f.kind !== 'recv' && f.kind !== 'drop') return true;
  const wantsSeg = f.flags !== undefined || f.flagsAny !== undefined || f.len !== undefined || f.minLen !== undefined || f.seq !== undefined || f.ack !== undefined;
  const seg = segOf(ev);
  if (!seg) return !wantsSeg;
  if (f.flags !== undefined && !sameLetters(seg.flags, f.flags)) return false;
  if (f.flagsAny !== undefined && ![...f.flagsAny].some((ch) => seg.flags.includes(ch))) return false;
  if (f.len !== undefined && seg.len !== f.len) return false;
  if (f.minLen !== undefined && seg.len < f.minLen) return false;
  if (f.seq !== undefined && seg.seq !== f.seq) return false;
  return f.ack === undefined || seg.ack === f.ack;
}

export function matchesFilter(f: EventFilter, ev: TraceEventLike): boolean {
  const e = ev as Loose;
  if (f.kind === 'trace' ? e.kind !== f.type : !KINDS[f.kind].includes(e.kind)) return false;
  if (f.host !== undefined && e.host !== f.host) return false;
  if (f.conn !== undefined && e['conn'] !== f.conn) return false;
  if (f.fromMs !== undefined && e.t < f.fromMs) return false;
  if (f.toMs !== undefined && e.t > f.toMs) return false;
  switch (f.kind) {
    case 'state':
      return (f.from === undefined || e['from'] === f.from) && (f.to === undefined || e['to'] === f.to);
    case 'app':
      return (f.event === undefined || e['event'] === f.event) && (f.detail === undefined || String(e['detail'] ?? '').includes(f.detail));
    case 'timer':
      return (f.timer === undefined || e['timer'] === f.timer) && (f.op === undefined || e['op'] === f.op);
    case 'trace':
      // text: a substring of any string field (message, code, detail, reason …).
      return f.text === undefined || Object.values(e).some((v) => typeof v === 'string' && v.includes(f.text ?? ''));
    case 'drop':
      if (f.reason !== undefined && !String(e['reason'] ?? '').includes(f.reason)) return false;
      return segMatches(f, e);
    default:
      return segMatches(f, e);
  }
}

/** "B sends [SA]", "B → SYN-RECEIVED", "A app reset" … */
export function describeFilter(f: EventFilter): string {
  const who = f.host ?? 'any host';
  const win = f.fromMs !== undefined || f.toMs !== undefined ? ` in [${f.fromMs ?? 0}, ${f.toMs ?? '∞'}] ms` : '';
  const segBits = (g: { flags?: string; flagsAny?: string; len?: number; minLen?: number; seq?: number; ack?: number }): string =>
    [
      g.flags !== undefined ? `[${g.flags}]` : '',
      g.flagsAny !== undefined ? `[any of ${g.flagsAny}]` : '',
      g.len !== undefined ? `len=${g.len}` : '',
      g.minLen !== undefined ? `len≥${g.minLen}` : '',
      g.seq !== undefined ? `seq=${g.seq}` : '',
      g.ack !== undefined ? `ack=${g.ack}` : '',
    ].filter(Boolean).join(' ');
  switch (f.kind) {
    case 'send': return `${who} sends ${segBits(f) || 'a segment'}${win}`;
    case 'recv': return `${who} receives ${segBits(f) || 'a segment'}${win}`;
    case 'drop': return `a drop${f.host ? ` at ${f.host}` : ''} of ${segBits(f) || 'a segment'}${f.reason ? ` ("${f.reason}")` : ''}${win}`;
    case 'state': return `${who} ${f.from ?? ''}→ ${f.to ?? 'any state'}${win}`.replace('  ', ' ');
    case 'app': return `${who} app ${f.event ?? 'event'}${f.detail ? ` ("${f.detail}")` : ''}${win}`;
    case 'trace': return `${who} ${f.type}${f.text ? ` ("${f.text}")` : ''}${win}`;
    case 'timer': return `${who} timer ${f.timer ?? ''} ${f.op ?? ''}${win}`.replace(/\s+/g, ' ');
  }
}

function times(events: readonly TraceEventLike[]): string {
  if (events.length === 0) return 'none';
  const shown = events.slice(0, 12).map((e) => e.t).join(', ');
  return `${events.length} at ${shown}${events.length > 12 ? ', …' : ''} ms`;
}

function select(trace: readonly TraceEventLike[], f: EventFilter): TraceEventLike[] {
  return trace.filter((ev) => matchesFilter(f, ev));
}

type OccursExpectation = Extract<Expectation, { kind: EventFilter['kind'] }>;

function checkOccurs(trace: readonly TraceEventLike[], e: OccursExpectation): CheckResult {
  const { atMs, toleranceMs, count, min, max, ...filter } = e;
  const seen = select(trace, filter as EventFilter);
  const base = describeFilter(filter as EventFilter);
  const tol = toleranceMs ?? 0;
  if (atMs !== undefined) {
    const claim = `${base} at ${atMs.join(', ')} ms${tol ? ` (±${tol} ms)` : ''}`;
    const ok = seen.length === atMs.length && seen.every((ev, i) => Math.abs(ev.t - (atMs[i] ?? NaN)) <= tol);
    return { ok, claim, detail: `saw ${times(seen)}` };
  }
  if (count !== undefined) return { ok: seen.length === count, claim: `${base}: exactly ${count}`, detail: `saw ${times(seen)}` };
  if (min !== undefined || max !== undefined) {
    const ok = seen.length >= (min ?? 0) && seen.length <= (max ?? Infinity);
    return { ok, claim: `${base}: between ${min ?? 0} and ${max ?? '∞'}`, detail: `saw ${times(seen)}` };
  }
  return { ok: seen.length > 0, claim: base, detail: `saw ${times(seen)}` };
}

function checkStays(trace: readonly TraceEventLike[], e: Extract<Expectation, { kind: 'stays' }>): CheckResult {
  const claim = `${e.host} stays ${e.state}${e.fromMs !== undefined ? ` from ${e.fromMs} ms` : ''} until ${e.untilMs} ms`;
  const states = trace.filter((ev) => ev.kind === 'state' && ev.host === e.host) as Loose[];
  const spans: string[] = [];
  for (let i = 0; i < states.length; i++) {
    const enter = states[i];
    if (!enter || enter['to'] !== e.state) continue;
    const leave = states.slice(i + 1).find((ev) => ev['conn'] === enter['conn']);
    spans.push(`${String(enter['conn'])}: ${enter.t}–${leave ? leave.t : 'end'} ms`);
    const enteredInTime = enter.t <= (e.fromMs ?? e.untilMs);
    if (enteredInTime && (!leave || leave.t >= e.untilMs)) return { ok: true, claim, detail: spans[spans.length - 1] ?? '' };
  }
  return { ok: false, claim, detail: spans.length ? `in ${e.state}: ${spans.slice(0, 6).join('; ')}` : `never entered ${e.state}` };
}

function checkReceived(trace: readonly TraceEventLike[], e: Extract<Expectation, { kind: 'received' }>, probe?: ReceivedProbe): CheckResult {
  const claim = `${e.host} receives ${e.text !== undefined ? JSON.stringify(e.text) : `${e.bytes ?? 0} bytes`}`;
  const got = probe?.(e.host, e.conn);
  if (e.text !== undefined) {
    if (!got) return { ok: false, claim, detail: 'no received-data probe for this run' };
    const text = new TextDecoder().decode(got);
    return { ok: text === e.text, claim, detail: `received ${JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text)}` };
  }
  const fromTrace = (trace as Loose[])
    .filter((ev) => ev.kind === 'app' && ev.host === e.host && ev['event'] === 'data' && (e.conn === undefined || ev['conn'] === e.conn))
    .reduce((sum, ev) => sum + Number(ev['bytes'] ?? 0), 0);
  const bytes = got ? got.length : fromTrace;
  return { ok: bytes === e.bytes, claim, detail: `received ${bytes} bytes` };
}

function pick(trace: readonly TraceEventLike[], ref: SegmentRef): { value?: number; where: string } {
  const ev = select(trace, ref.match)[(ref.nth ?? 1) - 1] as Loose | undefined;
  const seg = ev ? segOf(ev) : undefined;
  const where = `${describeFilter(ref.match)} #${ref.nth ?? 1}`;
  return seg ? { value: seg[ref.field], where } : { where };
}

function checkSeq(trace: readonly TraceEventLike[], e: Extract<Expectation, { kind: 'seq' }>): CheckResult {
  const a = pick(trace, e.a);
  const b = pick(trace, e.b);
  const sign = e.plus >= 0 ? `+ ${e.plus}` : `- ${-e.plus}`;
  const claim = `${e.a.field} of (${a.where}) = ${e.b.field} of (${b.where}) ${sign}`;
  if (a.value === undefined || b.value === undefined) {
    return { ok: false, claim, detail: `${a.value === undefined ? a.where : b.where}: not found` };
  }
  const want = (b.value + e.plus) >>> 0; // sequence arithmetic is modulo 2^32 (RFC 9293 3.4)
  return { ok: a.value === want, claim, detail: `${e.a.field}=${a.value}, ${e.b.field}=${b.value}` };
}

function checkFinal(trace: readonly TraceEventLike[], e: Extract<Expectation, { kind: 'final' }>): CheckResult {
  const last = new Map<string, string>();
  for (const ev of trace as Loose[]) if (ev.kind === 'state' && ev.host === e.host) last.set(String(ev['conn']), String(ev['to']));
  const inState = [...last.values()].filter((s) => s === e.state).length;
  const summary = [...last.entries()].slice(0, 8).map(([c, s]) => `${c} ${s}`).join('; ');
  return { ok: inState === e.count, claim: `${e.host} ends with ${e.count} connection(s) in ${e.state}`, detail: `${inState} in ${e.state} (${summary || 'no connections'})` };
}

export function checkExpectation(trace: readonly TraceEventLike[], e: Expectation, probe?: ReceivedProbe): CheckResult {
  switch (e.kind) {
    case 'stays': return checkStays(trace, e);
    case 'received': return checkReceived(trace, e, probe);
    case 'seq': return checkSeq(trace, e);
    case 'final': return checkFinal(trace, e);
    case 'never': {
      const seen = select(trace, e.match);
      return { ok: seen.length === 0, claim: `never: ${describeFilter(e.match)}`, detail: `saw ${times(seen)}` };
    }
    case 'count': {
      const n = select(trace, e.match).length;
      const ok = e.count !== undefined ? n === e.count : n >= (e.min ?? 0) && n <= (e.max ?? Infinity);
      const want = e.count !== undefined ? `exactly ${e.count}` : `between ${e.min ?? 0} and ${e.max ?? '∞'}`;
      return { ok, claim: `${describeFilter(e.match)}: ${want}`, detail: `saw ${n}` };
    }
    case 'order': {
      const i = trace.findIndex((ev) => matchesFilter(e.first, ev));
      const j = trace.findIndex((ev) => matchesFilter(e.then, ev));
      const claim = `${describeFilter(e.first)} before ${describeFilter(e.then)}`;
      const at = (k: number): string => (k < 0 ? 'never' : `at ${trace[k]?.t ?? '?'} ms`);
      return { ok: i >= 0 && j >= 0 && i < j, claim, detail: `first ${at(i)}, then ${at(j)}` };
    }
    default:
      return checkOccurs(trace, e);
  }
}

/** Checks every claim; the result list is parallel to `expect`. */
export function checkExpectations(trace: readonly TraceEventLike[], expect: readonly Expectation[], probe?: ReceivedProbe): CheckResult[] {
  return expect.map((e) => checkExpectation(trace, e, probe));
}
