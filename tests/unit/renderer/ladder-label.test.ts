// Wireshark-style labels and relative sequence numbers (each direction counts from its own ISN).
import { describe, expect, it } from 'vitest';
import { buildLadder, type LadderPacket } from '../../../src-renderer/views/ladder/model.js';
import { flagList, formatLabel } from '../../../src-renderer/views/ladder/label.js';
import type { AnyTraceEvent, SegSummary } from '../../../src-renderer/views/model/trace-types.js';
import { loadFixture } from './fixture.js';

const CA = '10.0.0.1:40000>10.0.0.2:80';
const CB = '10.0.0.2:80>10.0.0.1:40000';

function labels(packets: LadderPacket[], relative: boolean): Record<number, string> {
  return Object.fromEntries(packets.map((p) => [p.id, formatLabel(p, relative)]));
}

describe('Wireshark labels on the fixture (ISN A = 1000, ISN B = 5000, wscale 7 both ways)', () => {
  const packets = buildLadder(loadFixture().events);
  const rel = labels(packets, true);
  const abs = labels(packets, false);

  it('SYN: no Ack, relative Seq 0, the SYN window unscaled', () => {
    expect(rel[1]).toBe('[SYN] Seq=0 Win=65535 Len=0');
    expect(abs[1]).toBe('[SYN] Seq=1000 Win=65535 Len=0');
  });

  it('SYN-ACK and its retransmission', () => {
    expect(rel[2]).toBe('[SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0');
    expect(rel[3]).toBe('[SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0');
    expect(abs[3]).toBe('[SYN, ACK] Seq=5000 Ack=1001 Win=65535 Len=0');
  });

  it('ACK and data: window scaled by 2^7 once both SYNs offered scaling', () => {
    expect(rel[4]).toBe('[ACK] Seq=1 Ack=1 Win=64256 Len=0');
    expect(rel[5]).toBe('[PSH, ACK] Seq=1 Ack=1 Win=64256 Len=5');
    expect(abs[5]).toBe('[PSH, ACK] Seq=1001 Ack=5001 Win=64256 Len=5');
    expect(rel[6]).toBe('[ACK] Seq=1 Ack=6 Win=64256 Len=0');
  });

  it('FIN-ACK and RST', () => {
    expect(rel[8]).toBe('[FIN, ACK] Seq=6 Ack=1 Win=64256 Len=0');
    expect(rel[10]).toBe('[FIN, ACK] Seq=1 Ack=7 Win=64256 Len=0');
    expect(rel[13]).toBe('[RST] Seq=1 Win=0 Len=0');
    expect(abs[13]).toBe('[RST] Seq=5001 Win=0 Len=0');
  });
});

describe('relative sequence numbers', () => {
  const s = (flags: string, seq: number, ack: number, len = 0, win = 512): SegSummary => ({ flags, seq, ack, len, win, options: {} });
  const send = (id: number, t: number, conn: string, sg: SegSummary): AnyTraceEvent => ({ t, kind: 'segment.send', host: conn === CA ? 'A' : 'B', conn, id, seg: sg });

  it('wraps modulo 2^32 and leaves the window unscaled without wscale', () => {
    const isn = 4294967290; // 6 below 2^32
    const packets = buildLadder([
      send(1, 0, CA, s('S', isn, 0)),
      send(2, 1, CB, s('SA', 77, isn + 1)),
      send(3, 2, CA, s('PA', isn + 1, 78, 10)),
      send(4, 3, CA, s('PA', 5, 78, 10)), // isn + 11 wrapped
      send(5, 4, CB, s('RA', 78, 15)),
    ]);
    expect(packets.map((p) => formatLabel(p, true))).toEqual([
      '[SYN] Seq=0 Win=512 Len=0',
      '[SYN, ACK] Seq=0 Ack=1 Win=512 Len=0',
      '[PSH, ACK] Seq=1 Ack=1 Win=512 Len=10',
      '[PSH, ACK] Seq=11 Ack=1 Win=512 Len=10',
      '[RST, ACK] Seq=1 Ack=21 Win=512 Len=0',
    ]);
  });

  it('counts from seq - 1 when the SYN is missing and from ack - 1 for an unknown peer, as tshark does', () => {
    // tshark 4.0 on such a capture: Seq=1 Ack=1, then Seq=51 Ack=1 (tests/unit/export/relative-seq-tshark.test.ts).
    const packets = buildLadder([send(1, 0, CA, s('A', 900, 3000)), send(2, 1, CA, s('A', 950, 3000))]);
    expect(packets.map((p) => formatLabel(p, true))).toEqual(['[ACK] Seq=1 Ack=1 Win=512 Len=0', '[ACK] Seq=51 Ack=1 Win=512 Len=0']);
  });

  it('a SYN with a new ISN on the same 4-tuple starts a new base', () => {
    const packets = buildLadder([send(1, 0, CA, s('S', 100, 0)), send(2, 5, CA, s('S', 100, 0)), send(3, 9, CA, s('S', 7000, 0)), send(4, 10, CA, s('A', 7001, 0))]);
    expect(packets.map((p) => p.relSeq)).toEqual([0, 0, 0, 1]);
  });

  it('lists flags in header bit order', () => {
    expect(flagList('APF')).toBe('FIN, PSH, ACK');
    expect(flagList('SEC')).toBe('SYN, ECE, CWR');
  });
});
