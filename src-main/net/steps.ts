// Application calls (scenario steps and the UI's socket controls) run inside the network, as data, so a
// replay repeats them exactly. A step runs at atMs, or each time its host's application sees `on`
// (connected / accepted / data / eof) on a connection whose local port is the step's port (and whose
// peer is step.peer, when given); it then acts on that connection, afterMs later.
import { TcpUserError, type ConnKey } from '../tcp/api.js';
import type { TcpTraceEvent } from '../tcp/trace.js';
import { uniqueConn } from './conn-index.js';
import { emit, syncTimer, type HostRuntime, type NetState } from './core.js';
import { NetError } from './errors.js';
import { EV, LANE } from './events.js';
import { KLASS_SIM } from './scheduler.js';
import type { AppCallName, AppTrigger, StepCall, StepSpec } from './spec.js';

export type CallResult = { ok: true; conn: ConnKey | null } | { ok: false; code: string; message: string };

const CALLS: readonly AppCallName[] = ['listen', 'connect', 'send', 'close', 'shutdown', 'abort', 'accept', 'autoaccept', 'read', 'autoread'];
const TRIGGERS: readonly AppTrigger[] = ['connected', 'accepted', 'data', 'eof'];
/** Calls that name no existing connection. */
const OPENING_CALLS: ReadonlySet<AppCallName> = new Set(['listen', 'connect', 'accept', 'autoaccept']);

/** The call part of a step, with a fixed key order (it is logged and cloned). */
export function callOf(step: StepSpec | StepCall): StepCall {
  const out: StepCall = { host: step.host, call: step.call, port: step.port };
  if (step.peer !== undefined) out.peer = step.peer;
  if (step.to !== undefined) out.to = step.to;
  if (step.backlog !== undefined) out.backlog = step.backlog;
  if (step.data !== undefined) out.data = step.data;
  if (step.bytes !== undefined) out.bytes = step.bytes;
  if (step.value !== undefined) out.value = step.value;
  return out;
}

function isInt(v: unknown, lo: number, hi: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
}

/** Shape checks that do not depend on the moment (NetError on failure). */
export function checkStep(step: StepCall, hostNames: ReadonlySet<string>, path: string): void {
  const bad = (field: string, msg: string) => new NetError('invalid-command', msg, `${path}.${field}`);
  if (!hostNames.has(step.host)) throw new NetError('unknown-host', `no host "${step.host}"`, `${path}.host`);
  if (!CALLS.includes(step.call)) throw bad('call', `unknown call "${step.call}" (one of ${CALLS.join(', ')})`);
  if (!isInt(step.port, 0, 65535)) throw bad('port', `port ${step.port} is not an integer 0-65535`);
  if (step.call === 'connect' && typeof step.to !== 'string') throw bad('to', 'connect needs `to` ("ip:port")');
  if (step.bytes !== undefined && !isInt(step.bytes, 0, 1 << 26)) throw bad('bytes', `bytes ${step.bytes} is not an integer 0-${1 << 26}`);
  if (step.backlog !== undefined && !isInt(step.backlog, 0, 65535)) throw bad('backlog', `backlog ${step.backlog} is not an integer 0-65535`);
  if (step.value !== undefined && !isInt(step.value, 0, Number.MAX_SAFE_INTEGER)) throw bad('value', `value ${step.value} is not an integer >= 0`);
  const { on, afterMs } = step as Partial<{ on: AppTrigger; afterMs: number }>;
  if (on !== undefined && !TRIGGERS.includes(on)) throw bad('on', `unknown trigger "${on}" (one of ${TRIGGERS.join(', ')})`);
  if (afterMs !== undefined && !(Number.isFinite(afterMs) && afterMs >= 0)) throw bad('afterMs', `afterMs ${afterMs} is not a number >= 0`);
}

/** Schedules the scenario's timed steps and remembers the reactive ones. */
export function scheduleSpecSteps(s: NetState, steps: StepSpec[]): void {
  const timed: Array<Extract<StepSpec, { atMs: number }>> = [];
  for (const st of steps) {
    if ('atMs' in st) timed.push(st);
    else s.reactive.push(st);
  }
  // In time order (a stable sort: spec order among equal times), so they take the scheduler's O(1) sorted
  // run instead of its heap. Order of execution is unchanged: same-time steps keep their relative order,
  // and every step still gets a lower insertion seq than any event scheduled after the build.
  timed.sort((a, b) => a.atMs - b.atMs);
  for (const st of timed) s.sched.at(st.atMs, { step: callOf(st), conn: null }, KLASS_SIM, EV.STEP, LANE.STEPS);
}

/** The engine reported an application event: fire the reactive steps waiting for it. */
export function onAppEvent(s: NetState, ev: Extract<TcpTraceEvent, { kind: 'app' }>): void {
  if (s.reactive.length === 0) return;
  const [local = '', remote = ''] = ev.conn.split('>');
  const localPort = Number(local.slice(local.lastIndexOf(':') + 1));
  for (const st of s.reactive) {
    if (!('on' in st) || st.on !== ev.event || st.host !== ev.host || st.port !== localPort) continue;
    if (st.peer !== undefined && st.peer !== remote) continue;
    s.sched.at(s.nowMs + (st.afterMs ?? 0), { step: callOf(st), conn: ev.conn }, KLASS_SIM, EV.STEP);
  }
}

/** The connection a step names: by local port (and peer); the newest incarnation wins. */
function resolveConn(s: NetState, h: HostRuntime, step: StepCall): ConnKey {
  const unique = uniqueConn(s, h, step.port, step.peer);
  if (unique !== undefined) return unique;
  // None or several: the full scan says exactly what is wrong (or, if the index missed one, finds it).
  const matches = h.stack.connections().filter((key) => {
    const [local = '', remote = ''] = key.split('>');
    return local.endsWith(`:${step.port}`) && (step.peer === undefined || remote === step.peer);
  });
  const remotes = new Set(matches.map((key) => key.split('>')[1]));
  if (matches.length === 0) {
    throw new TcpUserError('connection-does-not-exist', `${h.name} has no connection on port ${step.port}${step.peer ? ` with ${step.peer}` : ''}`);
  }
  if (remotes.size > 1) {
    throw new TcpUserError('invalid-argument', `${h.name} has connections on port ${step.port} with ${[...remotes].join(', ')}: name one with "peer"`);
  }
  return matches[matches.length - 1]!;
}

/**
 * The deterministic filler for `bytes`: "abc…z" repeated, as a prefix of one shared array that only grows
 * (a new, longer one replaces it; none is ever written after it is made). The stack is handed it with
 * `transfer` (no copy), so a 64 MB send neither fills nor copies 64 MB, and every send shares its bytes.
 * Immutable and derived from n alone: sharing it across networks and clones changes no result.
 */
let filler: Uint8Array = new Uint8Array(0);

function patternBytes(n: number): Uint8Array {
  if (n > filler.length) filler = makePattern(Math.max(n, Math.min(2 * filler.length, 1 << 26), 1 << 16));
  return filler.subarray(0, n);
}

/** Filled by doubling copies: out[0..filled) is the pattern and filled is a multiple of 26. */
function makePattern(n: number): Uint8Array {
  const out = new Uint8Array(n);
  const seed = Math.min(n, 26);
  for (let i = 0; i < seed; i++) out[i] = 0x61 + i;
  for (let filled = seed; filled < n; filled *= 2) out.copyWithin(filled, 0, Math.min(filled, n - filled));
  return out;
}

/** Runs one application call now. A TcpUserError becomes a step.error event, never an exception. */
export function runStep(s: NetState, step: StepCall, reactiveConn: ConnKey | null): CallResult {
  const h = s.hosts.get(step.host)!;
  const now = s.nowMs;
  let conn: ConnKey | null = reactiveConn;
  try {
    if (conn === null && !OPENING_CALLS.has(step.call)) conn = resolveConn(s, h, step);
    emit(s, { t: now, kind: 'step.call', host: h.name, conn, call: step.call, port: step.port });
    conn = perform(h, step, conn, now);
  } catch (e) {
    if (!(e instanceof TcpUserError)) throw e;
    emit(s, { t: now, kind: 'step.error', host: h.name, conn, call: step.call, port: step.port, code: e.code, message: e.message });
    syncTimer(s, h);
    return { ok: false, code: e.code, message: e.message };
  }
  syncTimer(s, h);
  return { ok: true, conn };
}

function perform(h: HostRuntime, step: StepCall, conn: ConnKey | null, now: number): ConnKey | null {
  const st = h.stack;
  switch (step.call) {
    case 'listen': st.listen(step.port, step.backlog ?? 128, now); return null;
    case 'connect': return st.connect(step.port, step.to!, now);
    case 'accept': return st.accept(step.port, now) ?? null;
    // Off: established connections wait in the accept queue (bounded by the backlog) until an accept step.
    case 'autoaccept': st.setAutoAccept(step.port, (step.value ?? 1) !== 0, now); return null;
    case 'send': {
      if (step.data !== undefined) st.send(conn!, new TextEncoder().encode(step.data), now, true);
      else st.send(conn!, patternBytes(step.bytes ?? 0), now, true);
      return conn;
    }
    case 'close': st.close(conn!, now); return conn;
    case 'shutdown': st.shutdown(conn!, now); return conn;
    case 'abort': st.abort(conn!, now); return conn;
    case 'read': st.read(conn!, step.value ?? 65536, now); return conn;
    case 'autoread': st.setAutoRead(conn!, (step.value ?? 1) !== 0, now); return conn;
  }
}
