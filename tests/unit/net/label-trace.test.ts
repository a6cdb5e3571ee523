import { describe, expect, it } from 'vitest';
import { wiresharkLabel } from '../../../src-main/net/label.js';
import { traceLine, type TraceEvent } from '../../../src-main/net/trace.js';
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
