import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wiresharkLabel } from '../../../src-main/net/label.js';
import { connOf, traceLine, type TraceEvent } from '../../../src-main/net/trace.js';
import { FLAG, type Segment } from '../../../src-main/tcp/segment.js';

function seg(over: Partial<Segment>): Segment {
  return { srcIp: '10.0.0.2', srcPort: 80, dstIp: '10.0.0.1', dstPort: 40000, seq: 1000, ack: 5001, flags: FLAG.SYN | FLAG.ACK, window: 65535, urgent: 0, options: {}, payload: new Uint8Array(0), ...over };
}

describe('wiresharkLabel', () => {
  it('prints a SYN-ACK with relative numbers like Wireshark', () => {
    expect(wiresharkLabel(seg({}), { seqBase: 1000, ackBase: 5000 })).toBe('[SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0');
  });
  it('prints absolute numbers, options, and omits Ack without the ACK flag', () => {
    expect(wiresharkLabel(seg({ flags: FLAG.SYN, ack: 0, options: { mss: 1460, sackPermitted: true, wscale: 7 } })))
      .toBe('[SYN] Seq=1000 Win=65535 Len=0 MSS=1460 SACK_PERM WS=128');
    expect(wiresharkLabel(seg({ flags: FLAG.FIN | FLAG.PSH | FLAG.ACK, payload: new Uint8Array(5) }), { seqBase: 999, ackBase: 5000 }))
      .toBe('[FIN, PSH, ACK] Seq=1 Ack=1 Win=65535 Len=5');
  });
  it('prints the window in bytes once scaling is in effect, as Wireshark and the ladder do, but never a SYN\'s', () => {
    // Linux offers shift 2 (x4): a data segment's field of 32768 is a window of 131072 bytes.
    const data = seg({ flags: FLAG.ACK | FLAG.PSH, window: 32768, payload: new Uint8Array(5) });
    expect(wiresharkLabel(data, { seqBase: 999, ackBase: 5000, winShift: 2 })).toBe('[PSH, ACK] Seq=1 Ack=1 Win=131072 Len=5');
    expect(wiresharkLabel(data, { seqBase: 999, ackBase: 5000 })).toBe('[PSH, ACK] Seq=1 Ack=1 Win=32768 Len=5');
    expect(wiresharkLabel(seg({ options: { wscale: 2 } }), { seqBase: 1000, ackBase: 5000, winShift: 2 })).toBe('[SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0 WS=4');
  });
  it('wraps relative numbers modulo 2^32', () => {
    expect(wiresharkLabel(seg({ seq: 5, flags: FLAG.ACK }), { seqBase: 4294967295, ackBase: 5000 })).toBe('[ACK] Seq=6 Ack=1 Win=65535 Len=0');
  });
});

describe('traceLine', () => {
  it('puts t, kind, host, conn, id first and sorts the rest, however the object was built', () => {
    const a = { t: 1, kind: 'segment.drop', host: 'router', conn: 'x', id: 3, seg: { flags: 'S', seq: 1, ack: 0, len: 0, win: 10, options: {} }, reason: 'r' } as TraceEvent;
    const b = { reason: 'r', seg: { options: {}, win: 10, len: 0, ack: 0, seq: 1, flags: 'S' }, id: 3, conn: 'x', host: 'router', kind: 'segment.drop', t: 1 } as TraceEvent;
    expect(traceLine(a)).toBe(traceLine(b));
    expect(traceLine(a)).toBe('{"t":1,"kind":"segment.drop","host":"router","conn":"x","id":3,"reason":"r","seg":{"ack":0,"flags":"S","len":0,"options":{},"seq":1,"win":10}}');
    expect(JSON.parse(traceLine(a))).toEqual(a);
  });
});

describe('connOf', () => {
  const plain = (s: Pick<Segment, 'srcIp' | 'srcPort' | 'dstIp' | 'dstPort'>) => `${s.srcIp}:${s.srcPort}>${s.dstIp}:${s.dstPort}`;

  it('spells every key "srcIp:srcPort>dstIp:dstPort" whichever of its ends it has cached', () => {
    // Few addresses and ports, so ends repeat, collide in the caches (by port mod 64) and get replaced.
    const ip = fc.constantFrom('10.0.0.2', '10.0.0.1', '198.18.7.200', '198.19.255.1', '10.0.0.22');
    const port = fc.constantFrom(80, 16, 144, 40000, 65535, 0, 1024, 40064);
    fc.assert(fc.property(fc.array(fc.record({ srcIp: ip, srcPort: port, dstIp: ip, dstPort: port }), { minLength: 1, maxLength: 60 }), (segs) => {
      for (const s of segs) expect(connOf(s)).toBe(plain(s));
    }));
  });

  it("reuses the cached host end of a flood's keys: SYNs to 10.0.0.2:80 and the SYN-ACKs back", () => {
    for (let i = 0; i < 200; i++) {
      const spoofed = { ip: `198.18.${i}.${(i * 7) & 255}`, port: 1024 + ((i * 7919) % 64000) };
      expect(connOf({ srcIp: spoofed.ip, srcPort: spoofed.port, dstIp: '10.0.0.2', dstPort: 80 })).toBe(`${spoofed.ip}:${spoofed.port}>10.0.0.2:80`);
      expect(connOf({ srcIp: '10.0.0.2', srcPort: 80, dstIp: spoofed.ip, dstPort: spoofed.port })).toBe(`10.0.0.2:80>${spoofed.ip}:${spoofed.port}`);
    }
  });
});
