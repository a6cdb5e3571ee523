// A handshake between A (client) and B (server, port 80) with some of its SYNs and SYN-ACKs dropped on the wire,
// for the tests of what a connection starts with after a lossy handshake (initial-cwnd, rto-after-handshake).
import type { ProfileName } from '../../../src-main/tcp/api.js';
import type { TcbSnapshot } from '../../../src-main/tcp/trace.js';
import { Harness, type WireRecord } from './harness.js';

export interface Drops {
  /** Drop A's first n SYNs. */
  syns?: number;
  /** Drop B's first n SYN-ACKs. */
  synAcks?: number;
  /** Drop every SYN after A's first, so B only ever sends its SYN-ACK again by its timer. */
  laterSyns?: boolean;
  /**
   * One-way delay of A's retransmitted SYNs (default 10 ms, as every other segment). 11 ms lets B's SYN-ACK timer
   * fire before the SYN arrives that the SYN-ACK timer of the same length would otherwise meet at the same instant.
   */
  laterSynDelayMs?: number;
}

export interface LossyHandshake {
  h: Harness;
  /** Each side's TCB as it entered ESTABLISHED. */
  opened: { A: TcbSnapshot; B: TcbSnapshot };
  /** Times A sent its SYNs. */
  syns: number[];
  /** B's SYN-ACKs as "time cause". */
  synAcks: string[];
}

/** Runs the handshake for 10 s of virtual time; throws if a side never reached ESTABLISHED. */
export function lossyHandshake(profile: ProfileName, drops: Drops = {}, sysctlA: Record<string, number> = {}, sysctlB: Record<string, number> = {}): LossyHandshake {
  let syns = 0;
  let synAcks = 0;
  const route = (rec: WireRecord): number[] => {
    if (rec.flags === 'S' && ++syns <= (drops.syns ?? 0)) return [];
    if (rec.flags === 'S' && drops.laterSyns === true && syns > 1) return [];
    if (rec.flags === 'SA' && ++synAcks <= (drops.synAcks ?? 0)) return [];
    return [rec.flags === 'S' && syns > 1 ? drops.laterSynDelayMs ?? 10 : 10];
  };
  const h = new Harness({ a: { profile, sysctl: sysctlA }, b: { profile, sysctl: sysctlB }, route });
  h.b.listen(80, 128, 0);
  h.a.connect(40000, '10.0.0.2:80', 0);
  h.run(10_000);
  const tcb = (host: 'A' | 'B'): TcbSnapshot => {
    const est = h.events('state', host).find((e) => e.to === 'ESTABLISHED');
    if (est === undefined) throw new Error(`${host} never reached ESTABLISHED`);
    return est.tcb;
  };
  return {
    h,
    opened: { A: tcb('A'), B: tcb('B') },
    syns: h.sent('A', 'S').map((w) => w.t),
    synAcks: h.sent('B', 'SA').map((w) => `${w.t} ${w.meta.cause}`),
  };
}
