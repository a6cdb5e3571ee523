// The RTO a connection starts with once the handshake is over (close.ts onEstablished,
// tcplab.rto_after_syn_loss_ms). RFC 6298 5.7 (rfc): 3 s "if the timer expires awaiting the ACK of a SYN
// segment". Linux tcp_init_metrics: 3 s (TCP_TIMEOUT_FALLBACK) whenever the handshake gave no RTT sample
// (srtt_us == 0), which without TCP timestamps means a SYN or SYN-ACK was sent again (Karn) or the server used a
// SYN cookie. Measured on 6.18 with tools/kernel-oracle/initial-cwnd (docs/ORACLE.md), tcp_timestamps = 0, the
// setting the lab models: the engine sends no timestamps, so the kernel's timestamp-based sample (rtt ~1013 ms,
// rto ~3040 ms with tcp_timestamps = 1) has no counterpart here. One-way delay 10 ms, so a sample is 20 ms:
// linux RTO = 20 + max(2·20, rto_min 200) = 220 ms, rfc max(1000, …) = 1000 ms.
import { describe, expect, it } from 'vitest';
import type { ProfileName } from '../../../src-main/tcp/api.js';
import { Harness, type WireRecord } from './harness.js';

interface Drops {
  /** Drop A's first n SYNs. */
  syns?: number;
  /** Drop B's first n SYN-ACKs. */
  synAcks?: number;
  /** Drop every SYN after A's first, so B sends its SYN-ACK again only by its timer. */
  laterSyns?: boolean;
  /** One-way delay of A's retransmitted SYNs (11 ms lets B's SYN-ACK timer fire first; default 10). */
  laterSynDelayMs?: number;
}

interface Opened {
  h: Harness;
  /** RTO and SRTT of each side as it entered ESTABLISHED. */
  rtoMs: { A: number; B: number };
  srttMs: { A: number; B: number };
  synAcks: string[];
}

function open(profile: ProfileName, drops: Drops = {}, sysctlA: Record<string, number> = {}, sysctlB: Record<string, number> = {}): Opened {
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
  const tcb = (host: 'A' | 'B'): { rtoMs: number; srttMs: number } => {
    const est = h.events('state', host).find((e) => e.to === 'ESTABLISHED');
    if (est === undefined) throw new Error(`${host} never reached ESTABLISHED`);
    return est.tcb;
  };
  return {
    h,
    rtoMs: { A: tcb('A').rtoMs, B: tcb('B').rtoMs },
    srttMs: { A: tcb('A').srttMs, B: tcb('B').srttMs },
    synAcks: h.sent('B', 'SA').map((w) => `${w.t} ${w.meta.cause}`),
  };
}

describe("Karn's rule on the server: a SYN-ACK sent again for a retransmitted SYN gives no RTT sample", () => {
  for (const profile of ['rfc', 'linux', 'classic'] as ProfileName[]) {
    it(`${profile}: SRTT stays 0 after the handshake`, () => {
      const o = open(profile, { synAcks: 1 }, { 'tcplab.rto_initial_ms': 300 });
      expect(o.synAcks[1]).toMatch(/^310 SYN-ACK again for a retransmitted SYN/);
      expect(o.srttMs.B).toBe(0);
    });
  }
});
