// SYN flood (RFC 4987): attacker M sends spoofed SYNs from 198.18.0.0/15 at B's listener (backlog 128,
// linux tcp_max_syn_backlog 128), 200 per second for 70 s; the legitimate client A connects at 1 s.
// Without cookies, linux keeps the last quarter of tcp_max_syn_backlog for proven peers, so the queue stops at
// 97 (what a 6.18 kernel held, docs/TCP.md "Listener"); with cookies on, it holds backlog + 1 = 129.
import { describe, expect, it } from 'vitest';
import { isFloodAddress } from '../../../src-main/net/core.js';
import { SPOOF_BASE, SPOOF_SPAN, spoofedIp } from '../../../src-main/net/flood.js';
import { Network } from '../../../src-main/net/network.js';
import { u32ToIp } from '../../../src-main/tcp/codec.js';
import { SYN_UNPROVEN_DROP } from '../../../src-main/tcp/listen.js';
import type { RunSpec } from '../../../src-main/net/spec.js';
import { connOf, type SegmentEventKind, type TraceEvent } from '../../../src-main/net/trace.js';
import type { Segment, TcpOptions } from '../../../src-main/tcp/segment.js';
import { A_IP, B_IP, CONNECT, LISTEN, spec, start } from './helpers.js';

function floodSpec(syncookies: number): RunSpec {
  const s = spec({
    steps: [LISTEN, { ...CONNECT, atMs: 1000 }],
    floods: [{ from: 'M', target: `${B_IP}:80`, startMs: 0, ratePerSec: 200, count: 14_000 }],
    untilMs: 140_000,
  }, { B: { sysctl: { 'net.ipv4.tcp_syncookies': syncookies } } });
  s.hosts.push({ name: 'M', ip: '10.0.0.66' });
  return s;
}

/** Keeps A's events and counts the rest (a flood makes ~50,000 events). */
function run(syncookies: number) {
  const mine: TraceEvent[] = [];
  const kinds = new Map<string, number>();
  const sink = {
    emit(e: TraceEvent) {
      const key = e.kind === 'segment.drop' || e.kind === 'tcp.drop' ? `${e.kind}: ${e.reason.replace(/198\.1[89]\.\d+\.\d+/, 'X')}` : e.kind;
      kinds.set(key, (kinds.get(key) ?? 0) + 1);
      if (e.host === 'A' || ('conn' in e && e.conn !== null && e.conn.includes(`${A_IP}:40000`))) mine.push(e);
    },
  };
  const net = new Network(floodSpec(syncookies), sink, { limits: { packetRecords: 1000 } });
  net.runUntil(140_000);
  return { net, mine, kinds };
}

describe('SYN flood', () => {
  it('without SYN cookies the SYN queue stays at 97 (3/4 of tcp_max_syn_backlog): every SYN of A is dropped and connect() times out', () => {
    const { net, mine, kinds } = run(0);
    const aSyns = mine.filter((e) => e.kind === 'segment.send' && e.host === 'A').map((e) => e.t);
    // linux: 4 linear 1 s retries (tcp_syn_linear_timeouts), then exponential backoff.
    expect(aSyns).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 8000, 12_000, 20_000, 36_000, 68_000]);
    const drops = mine.filter((e) => e.kind === 'tcp.drop').map((e) => e.kind === 'tcp.drop' && [e.t, e.host, e.reason]);
    expect(drops).toEqual(aSyns.map((t) => [t + 20, 'B', SYN_UNPROVEN_DROP]));
    expect(mine.filter((e) => e.kind === 'app').map((e) => e.kind === 'app' && [e.t, e.event])).toEqual([[132_000, 'timeout'], [132_000, 'closed']]);
    // The server answered only the first 97 spoofed SYNs (128 - 128/4 + 1), retrying each SYN-ACK 5
    // times (tcp_synack_retries) into the void; every other SYN was dropped as coming from an unproven peer.
    // Twice: the first 97 half-open entries expire after 63 s (1+2+4+8+16+32) and the still-running
    // flood refills the queue at once with 97 more. The queue never reaches its hard bound (129).
    expect(kinds.get('segment.drop: no route to spoofed address X')).toBe(2 * 97 * 6);
    expect(kinds.get(`tcp.drop: ${SYN_UNPROVEN_DROP}`)).toBe(14_000 - 2 * 97 + aSyns.length);
    expect(kinds.get('tcp.drop: SYN queue full')).toBeUndefined();
    // Memory stays bounded: records are a fixed window, nothing per SYN survives.
    const stats = net.packetStats();
    expect(stats.live).toBe(0);
    expect(stats.evicted).toBeGreaterThan(stats.lastId - 1000 - 4096 - 1);
  });

  it('with SYN cookies (linux default tcp_syncookies = 1) A connects at once', () => {
    const { mine, kinds } = run(1);
    expect(mine.filter((e) => e.kind === 'app').map((e) => e.kind === 'app' && [e.t, e.host, e.event])).toEqual([[1040, 'A', 'connected'], [1060, 'B', 'accepted']]);
    // Why B answered with a cookie is the SYN-ACK's cause (there is no note event per cookie: a flood sends millions).
    const causes = mine.filter((e) => e.kind === 'segment.send' && e.host === 'B').map((e) => e.kind === 'segment.send' && e.cause);
    expect(causes).toEqual(['SYN queue full: SYN-ACK with a SYN cookie, no state kept (RFC 4987)']);
    expect(mine.filter((e) => e.kind === 'note')).toEqual([]);
    expect(kinds.get('note')).toBeUndefined();
    expect(kinds.get('tcp.drop: SYN queue full')).toBeUndefined();
  });

  it('replies to spoofed addresses die at the router, and the trace says so', () => {
    const mine: TraceEvent[] = [];
    const s = floodSpec(2);
    s.floods = [{ from: 'M', target: `${B_IP}:80`, startMs: 0, ratePerSec: 1000, count: 2 }];
    const net = new Network(s, { emit: (e) => void mine.push(e) });
    net.runUntil(100);
    const flood = mine.filter((e) => e.kind.startsWith('segment.') || e.kind.startsWith('flood.')).map((e) => {
      if (e.kind === 'segment.send' || e.kind === 'segment.recv') return `${e.t} ${e.kind} ${e.host} ${e.conn} ${e.seg.flags}`;
      if (e.kind === 'segment.drop') return `${e.t} ${e.kind} ${e.host} ${e.reason}`;
      return `${e.t} ${e.kind}`;
    });
    // Sources are random (the flood's own seeded stream) within 198.18.0.0/15.
    const [p1 = '', p2 = ''] = mine.filter((e) => e.kind === 'segment.send' && e.host === 'M').map((e) => e.kind === 'segment.send' ? e.conn.split('>')[0]! : '');
    expect(p1).toMatch(/^198\.1[89]\.\d+\.\d+:\d+$/);
    expect(p2).toMatch(/^198\.1[89]\.\d+\.\d+:\d+$/);
    const ip = (p: string) => p.split(':')[0];
    expect(flood).toEqual([
      '0 flood.start',
      `0 segment.send M ${p1}>10.0.0.2:80 S`,
      `1 segment.send M ${p2}>10.0.0.2:80 S`,
      '1 flood.end',
      `20 segment.recv B ${p1}>10.0.0.2:80 S`,
      `20 segment.send B 10.0.0.2:80>${p1} SA`,
      `21 segment.recv B ${p2}>10.0.0.2:80 S`,
      `21 segment.send B 10.0.0.2:80>${p2} SA`,
      `30 segment.drop router no route to spoofed address ${ip(p1)}`,
      `31 segment.drop router no route to spoofed address ${ip(p2)}`,
    ]);
    // A different seed spoofs different addresses.
    const other: string[] = [];
    new Network({ ...s, seed: 8 }, { emit: (e) => void (e.kind === 'segment.send' && e.host === 'M' && other.push(e.conn.split('>')[0]!)) }).runUntil(5);
    expect(other).toHaveLength(2);
    expect(other).not.toEqual([p1, p2]);
  });

  it('the SYNs and the cookie SYN-ACKs each share one frozen options summary, with the options they carry', () => {
    const sends: TraceEvent[] = [];
    const s = floodSpec(2);
    s.floods = [{ from: 'M', target: `${B_IP}:80`, startMs: 0, ratePerSec: 1000, count: 40 }];
    new Network(s, { emit: (e) => void (e.kind === 'segment.send' && sends.push(e)) }).runUntil(200);
    const optionsBy = (host: string) => sends.flatMap((e) => (e.kind === 'segment.send' && e.host === host ? [e.seg.options] : []));
    const syn = optionsBy('M'), synAck = optionsBy('B');
    expect([syn.length, synAck.length]).toEqual([40, 40]);
    // The two kinds alternate in the trace, so a one-entry cache would summarise every SYN-ACK afresh.
    expect([new Set(syn).size, new Set(synAck).size]).toEqual([1, 1]);
    expect([syn[0], synAck[0]]).toEqual([{ mss: 1460 }, { mss: 1460 }]);
    expect(syn[0]).not.toBe(synAck[0]);
    expect(Object.isFrozen(synAck[0])).toBe(true);
  });

  it('a flood can also be started by command while the network runs', () => {
    const mine: TraceEvent[] = [];
    const s = floodSpec(1);
    s.floods = [];
    const net = new Network(s, { emit: (e) => void mine.push(e) });
    net.runUntil(2000);
    net.apply({ atMs: 2000, op: 'flood', flood: { from: 'M', target: `${B_IP}:80`, startMs: 2000, ratePerSec: 100, count: 3 } });
    net.runUntil(3000);
    expect(mine.filter((e) => e.kind === 'segment.send' && e.host === 'M').map((e) => e.t)).toEqual([2000, 2010, 2020]);
    expect(mine.filter((e) => e.kind === 'flood.end').map((e) => e.kind === 'flood.end' && [e.t, e.sent])).toEqual([[2020, 3]]);
  });

  it('spells every spoofed source address as u32ToIp does (each octet width: 1, 2 and 3 digits)', () => {
    for (let k = 0; k < SPOOF_SPAN; k++) {
      const ip = spoofedIp(k);
      if (ip !== u32ToIp(SPOOF_BASE + k)) expect(ip).toBe(u32ToIp(SPOOF_BASE + k)); // one expect per miss, not 131,072
    }
    expect([spoofedIp(0), spoofedIp(0x1ff), spoofedIp(0x10000), spoofedIp(SPOOF_SPAN - 1)]).toEqual(['198.18.0.0', '198.18.1.255', '198.19.0.0', '198.19.255.255']);
  });

  it('a host that has an address in the flood range still gets its packets', () => {
    // The flood range names spoofed sources in drop reasons, but an address a host owns is routed to it.
    const s = spec({}, { B: { ip: '198.18.7.1' } });
    s.steps = [LISTEN, { ...CONNECT, to: '198.18.7.1:80' }];
    const { net, rec } = start(s);
    net.runUntil(1000);
    expect(rec.of('segment.drop')).toEqual([]);
    expect(rec.of('state').filter((e) => e.to === 'ESTABLISHED').map((e) => e.host).sort()).toEqual(['A', 'B']);
  });

  it('recognises exactly the addresses of 198.18.0.0/15 as flood sources', () => {
    for (const ip of ['198.18.0.0', '198.18.7.1', '198.19.255.255', spoofedIp(12345)]) expect(isFloodAddress(ip)).toBe(true);
    for (const ip of ['198.17.0.1', '198.20.0.1', '198.180.0.1', '198.190.1.1', '199.18.0.1', '98.18.0.1', '10.0.0.1', '198.1', '', '198.18']) {
      expect(isFloodAddress(ip)).toBe(false);
    }
  });
});

/** Every segment event of a run as a sink with segment() gets it: the key given, and the segment's own key. */
function segmentEvents(lazy: boolean, s: RunSpec, untilMs: number) {
  const out: Array<{ kind: string; t: number; host: string; conn: string | null; id: number; keyOfSeg: string; text: string }> = [];
  const others: TraceEvent[] = [];
  const sink = {
    lazyConn: lazy,
    emit: (e: TraceEvent) => void others.push(e),
    segment(kind: SegmentEventKind, t: number, host: string, conn: string | null, id: number, seg: Segment, _o: TcpOptions, text: string) {
      out.push({ kind, t, host, conn, id, keyOfSeg: connOf(seg), text });
    },
  };
  const net = new Network(s, sink);
  net.runUntil(untilMs);
  return { net, out, others };
}

describe("a flood's connection keys, built only for a sink that reads them (TraceSink.lazyConn)", () => {
  // Cookies always on (2): no spoofed SYN gets a half-open connection (whose key TCP builds anyway).
  const s = floodSpec(2);
  s.floods = [{ from: 'M', target: `${B_IP}:80`, startMs: 0, ratePerSec: 1000, count: 300 }];

  it('a sink that reads keys gets every segment event with its key, sender first', () => {
    const { out } = segmentEvents(false, s, 3000);
    expect(out.length).toBeGreaterThan(4 * 300);
    for (const e of out) expect(e.conn).toBe(e.keyOfSeg);
  });

  it('a lazy sink gets null for the spoofed SYNs and the replies to them, and the same events otherwise', () => {
    const keyed = segmentEvents(false, s, 3000), lazy = segmentEvents(true, s, 3000);
    expect(lazy.out.map((e) => ({ ...e, conn: e.conn ?? e.keyOfSeg }))).toEqual(keyed.out);
    expect(lazy.others).toEqual(keyed.others);
    const spoofed = (e: { keyOfSeg: string }) => /^198\.1[89]\.|>198\.1[89]\./.test(e.keyOfSeg);
    // Each spoofed SYN: sent by M, received by B, answered (sent by B), the answer dropped at the router.
    expect(lazy.out.filter(spoofed).length).toBe(4 * 300);
    for (const e of lazy.out) expect([e.keyOfSeg, e.conn === null]).toEqual([e.keyOfSeg, spoofed(e)]);
    // A's own handshake keeps its keys (they are built once per connection anyway).
    expect(lazy.out.filter((e) => e.keyOfSeg.includes(`${A_IP}:40000`)).every((e) => e.conn === e.keyOfSeg)).toBe(true);
  });

  it("the network's packet records and views have the keys a lazy sink never asked for", () => {
    const { net, out } = segmentEvents(true, s, 3000);
    const lastSyn = out.filter((e) => e.kind === 'segment.send' && e.host === 'M').at(-1)!;
    const lastReply = out.filter((e) => e.kind === 'segment.drop').at(-1)!;
    expect(lastSyn.conn).toBeNull();
    expect(net.packet(lastSyn.id)?.conn).toBe(lastSyn.keyOfSeg);
    expect(net.packet(lastReply.id)?.conn).toBe(lastReply.keyOfSeg);
    expect(lastReply.text).toMatch(/^no route to spoofed address 198\.1[89]\./);
    for (const p of net.packets()) expect(p.conn).toBe(connOf(p.seg));
  });

  it('a SYN-ACK with cookies always on says so in its cause', () => {
    const always = floodSpec(2);
    always.floods = [{ from: 'M', target: `${B_IP}:80`, startMs: 0, ratePerSec: 1000, count: 3 }];
    const { out } = segmentEvents(true, always, 100);
    expect(out.filter((e) => e.kind === 'segment.send' && e.host === 'B').map((e) => e.text))
      .toEqual(Array(3).fill('SYN-ACK with a SYN cookie, no state kept (tcp_syncookies = 2)'));
  });
});
