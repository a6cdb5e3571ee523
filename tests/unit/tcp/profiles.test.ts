// Profile values and the retransmission schedules each profile produces, checked to the millisecond.
import { describe, expect, it } from 'vitest';
import { TcpUserError } from '../../../src-main/tcp/api.js';
import type { ProfileName } from '../../../src-main/tcp/api.js';
import { KNOBS, resolveParams } from '../../../src-main/tcp/profiles.js';
import { synBudgetMs } from '../../../src-main/tcp/rto.js';
import { FLAG } from '../../../src-main/tcp/segment.js';
import type { Segment } from '../../../src-main/tcp/segment.js';
import { TcpStack } from '../../../src-main/tcp/stack.js';
import { A_IP, B_IP, Harness } from './harness.js';

const dropAll = (): number[] => [];

/** Times (ms) of every SYN A sends to a silent peer, and when connect() gives up. */
function synSchedule(profile: ProfileName, sysctl: Record<string, number> = {}): { synsMs: number[]; timeoutMs: number; detail: string } {
  const h = new Harness({ a: { profile, sysctl }, route: dropAll });
  h.a.connect(40000, `${B_IP}:80`, 0);
  h.run(400_000);
  const timeout = h.events('app', 'A').find((e) => e.event === 'timeout');
  return { synsMs: h.sent('A', 'S').map((w) => w.t), timeoutMs: timeout?.t ?? -1, detail: timeout?.detail ?? '' };
}

function synFrom(ip: string, port: number, seq: number): Segment {
  return {
    srcIp: ip, srcPort: port, dstIp: B_IP, dstPort: 80, seq, ack: 0, flags: FLAG.SYN, window: 65535, urgent: 0,
    options: { mss: 1460 }, payload: new Uint8Array(0),
  };
}

/** Times of every SYN-ACK B sends for one SYN whose answers are all lost, and when B drops the half-open. */
function synAckSchedule(profile: ProfileName, sysctl: Record<string, number> = {}): { synAcksMs: number[]; droppedMs: number } {
  const h = new Harness({ b: { profile, sysctl }, route: dropAll });
  h.b.listen(80, 128, 0);
  h.inject('B', synFrom(A_IP, 40000, 1000), 0);
  h.run(400_000);
  const closed = h.events('state', 'B').find((e) => e.to === 'CLOSED' && e.from === 'SYN-RECEIVED');
  return { synAcksMs: h.sent('B', 'SA').map((w) => w.t), droppedMs: closed?.t ?? -1 };
}

describe('SYN retransmission schedule', () => {
  it('linux (tcp_syn_retries 6, tcp_syn_linear_timeouts 4): SYNs at 0,1,2,3,4,5,7,11,19,35,67 s, gives up at 131 s', () => {
    const r = synSchedule('linux');
    expect(r.synsMs).toEqual([0, 1000, 2000, 3000, 4000, 5000, 7000, 11000, 19000, 35000, 67000]);
    expect(r.timeoutMs).toBe(131_000);
    expect(r.detail).toContain('10 SYN retransmissions');
  });
  it('linux with tcp_syn_linear_timeouts 0: classic Linux 0,1,3,7,15,31,63 s, gives up at 127 s', () => {
    const r = synSchedule('linux', { 'net.ipv4.tcp_syn_linear_timeouts': 0 });
    expect(r.synsMs).toEqual([0, 1000, 3000, 7000, 15000, 31000, 63000]);
    expect(r.timeoutMs).toBe(127_000);
  });
  it('linux with tcp_syn_retries 2: 0,1,2,3,4,5,7 s then gives up at 11 s (budget 5×1 + 2 + 4)', () => {
    const r = synSchedule('linux', { 'net.ipv4.tcp_syn_retries': 2 });
    expect(r.synsMs).toEqual([0, 1000, 2000, 3000, 4000, 5000, 7000]);
    expect(r.timeoutMs).toBe(11_000);
  });
  it('classic: RTO 3 s doubling, SYNs at 0,3,9,21,45 s, connection-establishment limit 75 s', () => {
    const r = synSchedule('classic');
    expect(r.synsMs).toEqual([0, 3000, 9000, 21000, 45000]);
    expect(r.timeoutMs).toBe(75_000);
  });
  it('rfc: RTO 1 s doubling, capped at 60 s (RFC 6298 2.5), until the 3-minute R2 limit for SYN', () => {
    const r = synSchedule('rfc');
    expect(r.synsMs).toEqual([0, 1000, 3000, 7000, 15000, 31000, 63000, 123000]);
    expect(r.timeoutMs).toBe(180_000);
  });
  it('budget formula matches the documented figures', () => {
    expect(synBudgetMs(resolveParams('linux'))).toBe(131_000);
    expect(synBudgetMs(resolveParams('linux', { 'net.ipv4.tcp_syn_linear_timeouts': 0 }))).toBe(127_000);
    expect(synBudgetMs(resolveParams('classic'))).toBe(75_000);
  });
});

describe('SYN-ACK retransmission schedule', () => {
  it('linux (tcp_synack_retries 5): SYN-ACKs at 0,1,3,7,15,31 s, half-open dropped at 63 s', () => {
    const r = synAckSchedule('linux');
    expect(r.synAcksMs).toEqual([0, 1000, 3000, 7000, 15000, 31000]);
    expect(r.droppedMs).toBe(63_000);
  });
  it('classic (RTO 3 s, 3 retries): retries after 3, 6, 12 s → at 3, 9, 21 s; dropped at 45 s', () => {
    const r = synAckSchedule('classic');
    expect(r.synAcksMs).toEqual([0, 3000, 9000, 21000]);
    expect(r.synAcksMs.slice(1).map((t, i) => t - (r.synAcksMs[i] ?? 0))).toEqual([3000, 6000, 12000]);
    expect(r.droppedMs).toBe(45_000);
  });
  it('tcp_synack_retries 0: one SYN-ACK, dropped after the initial RTO', () => {
    const r = synAckSchedule('linux', { 'net.ipv4.tcp_synack_retries': 0 });
    expect(r.synAcksMs).toEqual([0]);
    expect(r.droppedMs).toBe(1000);
  });
});

describe('knob table and sysctl validation', () => {
  const base = { host: 'X', ip: '10.0.0.9', seed: 1, sink: { emit: () => undefined }, transmit: () => undefined };
  it('rejects an unknown sysctl naming the key', () => {
    expect(() => new TcpStack({ ...base, profile: 'linux', sysctl: { 'net.ipv4.tcp_bogus': 1 } }))
      .toThrow(/net\.ipv4\.tcp_bogus/);
    try {
      new TcpStack({ ...base, profile: 'linux', sysctl: { 'net.ipv4.tcp_bogus': 1 } });
    } catch (e) {
      expect(e).toBeInstanceOf(TcpUserError);
      expect((e as TcpUserError).code).toBe('invalid-argument');
    }
  });
  it('rejects out-of-range and non-integer values', () => {
    expect(() => new TcpStack({ ...base, profile: 'linux', sysctl: { 'net.ipv4.tcp_syncookies': 3 } })).toThrow(/tcp_syncookies.*0\.\.2/);
    expect(() => new TcpStack({ ...base, profile: 'linux', sysctl: { 'tcplab.mss': 1000.5 } })).toThrow(/tcplab\.mss/);
    expect(() => new TcpStack({ ...base, profile: 'rfc', variants: { timeWaitMs: -1 } })).toThrow(/timeWaitMs/);
  });
  it('every knob has both languages and defaults inside its range', () => {
    for (const k of KNOBS) {
      expect(k.en.length).toBeGreaterThan(10);
      expect(k['zh-CN'].length).toBeGreaterThan(4);
      for (const p of ['rfc', 'linux', 'classic'] as const) {
        expect(k.defaults[p]).toBeGreaterThanOrEqual(k.min);
        expect(k.defaults[p]).toBeLessThanOrEqual(k.max);
      }
    }
    expect(new Set(KNOBS.map((k) => k.name)).size).toBe(KNOBS.length);
  });
  it('resolves the documented profile values', () => {
    const linux = resolveParams('linux');
    expect([linux.rtoInitialMs, linux.rtoMinMs, linux.rtoMaxMs, linux.timeWaitMs, linux.finTimeoutMs]).toEqual([1000, 200, 120000, 60000, 60000]);
    expect([linux.initCwndSegments, linux.sack, linux.syncookies, linux.rstChallenge]).toEqual([10, true, 1, true]);
    const rfc = resolveParams('rfc');
    expect([rfc.rtoInitialMs, rfc.rtoMinMs, rfc.timeWaitMs]).toEqual([1000, 1000, 240000]);
    const classic = resolveParams('classic');
    expect([classic.rtoInitialMs, classic.timeWaitMs, classic.synTimeoutMs, classic.synInSyncState]).toEqual([3000, 60000, 75000, 'reset']);
    expect(resolveParams('linux', undefined, { timeWaitMs: 0 }).timeWaitMs).toBe(0);
  });
});
