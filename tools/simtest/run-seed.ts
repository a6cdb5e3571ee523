// One seed, end to end: generate, drive, check the invariants, then run it twice more — the same seed from
// scratch, and Network.replay of the logged actions — and require a byte-identical trace (traceLine).
import { Network, traceLine, type TraceEvent, type TraceSink } from '../../src-main/net/index.js';
import { firstDifference, TraceChecker } from './check.js';
import { drive, type DriveResult } from './drive.js';
import { generate, type Side, type SimScenario } from './gen.js';

export interface SeedResult {
  seed: number;
  ok: boolean;
  failures: string[];
  conns: number;
  events: number;
  applied: number;
  refused: number;
  /** Virtual ms from the last planned action to the last state change (how long the tail took). */
  settleMs: number;
}

export function reproCommand(seed: number): string {
  return `npm run simtest -- --seeds 1 --from ${seed} --verbose`;
}

class Lines implements TraceSink {
  readonly lines: string[] = [];
  emit(ev: TraceEvent): void {
    this.lines.push(traceLine(ev));
  }
}

/** Compares a later run's lines with the first run's as they arrive; remembers the first mismatch. */
class SameLines implements TraceSink {
  private i = 0;
  mismatch: string | null = null;
  constructor(private readonly expected: readonly string[]) {}
  emit(ev: TraceEvent): void {
    if (this.mismatch === null) {
      const line = traceLine(ev);
      if (line !== this.expected[this.i]) this.mismatch = `line ${this.i + 1}: expected ${this.expected[this.i]?.slice(0, 200)} got ${line.slice(0, 200)}`;
    }
    this.i++;
  }
  finish(): string | null {
    if (this.mismatch === null && this.i !== this.expected.length) return `${this.i} lines instead of ${this.expected.length}`;
    return this.mismatch;
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

/** Each application got a prefix of its peer's bytes, and all of them unless the trace explains why not. */
function checkStreams(sc: SimScenario, r: DriveResult, chk: TraceChecker): string[] {
  const out: string[] = [];
  for (const c of sc.conns) {
    const clientKey = `${c.clientIp}:${c.clientPort}>${c.serverIp}:${c.serverPort}`;
    const serverKey = `${c.serverIp}:${c.serverPort}>${c.clientIp}:${c.clientPort}`;
    const explained = ['reset', 'timeout', 'refused', 'rst received', 'fin-wait-2 timeout', 'closed before connecting'].some((e) => chk.saw(c.client, clientKey, e) || chk.saw(c.server, serverKey, e))
      || r.aborted.has(`${c.index}:client`) || r.aborted.has(`${c.index}:server`);
    const dirs: Array<[Side, string, string]> = [['client', c.server, serverKey], ['server', c.client, clientKey]];
    for (const [from, toHost, toKey] of dirs) {
      const sent = concat(r.sent.get(c.index)![from]);
      const got = r.net.stack(toHost).received(toKey);
      const diff = firstDifference(sent, got);
      const what = `conn #${c.index} ${from}→${from === 'client' ? 'server' : 'client'} (${toKey} on ${toHost})`;
      if (diff >= 0) out.push(`${what}: received byte ${diff} differs from the byte sent (${got.length} of ${sent.length} received)`);
      else if (got.length > sent.length) out.push(`${what}: received ${got.length} bytes, but only ${sent.length} were sent`);
      else if (got.length < sent.length && !explained) out.push(`${what}: received ${got.length} of ${sent.length} bytes, with no reset, timeout, give-up or abort in the trace`);
    }
  }
  return out;
}

export function runSeed(seed: number, opts: { determinism?: boolean } = {}): SeedResult {
  const sc = generate(seed);
  const lines = new Lines();
  const chk = new TraceChecker(lines);
  const r = drive(sc, chk);
  const failures = [...r.crashes.map((c) => `exception: ${c}`), ...chk.failures];
  for (const u of chk.unfinished()) failures.push(`not CLOSED or TIME-WAIT at ${sc.spec.untilMs} ms (${sc.spec.untilMs - sc.lastActionMs} ms after the last action): ${u}`);
  failures.push(...checkStreams(sc, r, chk));
  // After a crash (or a storm) the reruns would only repeat it.
  if (opts.determinism !== false && r.crashes.length === 0) {
    const again = new SameLines(lines.lines);
    drive(generate(seed), again);
    const m1 = again.finish();
    if (m1 !== null) failures.push(`same seed, different trace: ${m1}`);
    const replayed = new SameLines(lines.lines);
    try {
      Network.replay(sc.spec, replayed, r.net.actions()).run();
      const m2 = replayed.finish();
      if (m2 !== null) failures.push(`Network.replay of the ${r.net.actions().length} logged actions gives a different trace: ${m2}`);
    } catch (err) {
      failures.push(`Network.replay threw: ${String(err)}`);
    }
  }
  return {
    seed, ok: failures.length === 0, failures, conns: sc.conns.length, events: chk.events, applied: r.applied, refused: r.refused,
    settleMs: Math.max(0, chk.lastStateMs - sc.lastActionMs),
  };
}
