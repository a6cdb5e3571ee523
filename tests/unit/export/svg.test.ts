import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTimeAxis, formatMs } from '../../../src-main/lab/export/svg-ladder-axis.js';
import { buildLadder } from '../../../src-main/lab/export/svg-ladder-model.js';
import { ladderSvg } from '../../../src-main/lab/export/svg-ladder.js';
import { segLabel } from '../../../src-main/lab/export/svg-label.js';
import { packetNumbers } from '../../../src-main/lab/packet-numbers.js';
import type { RelativeNumbers } from '../../../src-main/contract/relative-seq.js';
import { edgeFor, EDGES, NODES, nodeById } from '../../../src-main/lab/export/svg-state-layout.js';
import { endpointsOf, stateSvg } from '../../../src-main/lab/export/svg-state.js';
import { escapeXml } from '../../../src-main/lab/export/svg-text.js';
import { wiresharkLabel } from '../../../src-main/net/label.js';
import { segSummary } from '../../../src-main/net/trace.js';
import type { TraceEvent } from '../../../src-main/net/trace.js';
import type { Segment } from '../../../src-main/tcp/segment.js';
import { interventionRun } from './fixture.js';

/** Well-formedness without a DOM: every tag closes in order, no raw & or < in text, attributes quoted. */
function checkXml(svg: string): void {
  const stack: string[] = [];
  const tagRe = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/g;
  let consumed = 0;
  for (const m of svg.matchAll(tagRe)) {
    consumed += m[0].length;
    if (m[5] !== undefined) { expect(m[5]).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/); continue; }
    if (m[1] === '/') expect(stack.pop()).toBe(m[2]);
    else if (m[4] !== '/') stack.push(m[2]!);
  }
  expect(stack).toEqual([]);
  expect(consumed).toBe(svg.length);
}

describe('escaping', () => {
  it('escapes markup characters and replaces characters XML forbids', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u0007c\td\ud800e')).toBe('a\ufffdb\ufffdc\td\ufffde');
    expect(escapeXml('你好 😀')).toBe('你好 😀');
  });
});

describe('ladder labels', () => {
  it('match the network\'s Wireshark labels for any segment (absolute numbers)', () => {
    const seg = fc.record({
      seq: fc.integer({ min: 0, max: 0xffffffff }), ack: fc.integer({ min: 0, max: 0xffffffff }), flags: fc.integer({ min: 0, max: 255 }),
      window: fc.integer({ min: 0, max: 65535 }), len: fc.integer({ min: 0, max: 40 }),
      mss: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }), wscale: fc.option(fc.integer({ min: 0, max: 14 }), { nil: undefined }),
    });
    fc.assert(fc.property(seg, (s) => {
      const full: Segment = { srcIp: '10.0.0.1', srcPort: 1, dstIp: '10.0.0.2', dstPort: 2, seq: s.seq, ack: s.ack, flags: s.flags, window: s.window, urgent: 0,
        options: { ...(s.mss === undefined ? {} : { mss: s.mss }), ...(s.wscale === undefined ? {} : { wscale: s.wscale }) }, payload: new Uint8Array(s.len) };
      expect(segLabel(segSummary(full))).toBe(wiresharkLabel(full));
      // With both directions' shifts known, both scale the same way (and neither scales a SYN).
      const abs: RelativeNumbers = { relSeq: s.seq, relAck: s.ack, seqBase: 0, ackBase: 0, winShift: s.wscale ?? 3 };
      expect(segLabel(segSummary(full), abs)).toBe(wiresharkLabel(full, { winShift: s.wscale ?? 3 }));
    }), { numRuns: 300, seed: 5 });
  });

  const send = (id: number, conn: string, flags: string, seq: number, ack: number, wscale?: number): TraceEvent => ({
    t: id, kind: 'segment.send', host: conn.startsWith('a') ? 'A' : 'B', conn, id, cause: 'x', lineage: { type: 'original' },
    seg: { flags, seq, ack, len: 0, win: 1000, options: wscale === undefined ? {} : { wscale } },
  });

  it('prints SYN-ACK relative to both ISNs, as Wireshark does', () => {
    const n = packetNumbers([send(1, 'a>b', 'S', 1000, 0), send(2, 'b>a', 'SA', 5000, 1001), send(3, 'a>b', 'FA', 1006, 5001), send(4, 'c>d', 'R', 4, 0)]);
    expect(segLabel({ flags: 'SA', seq: 5000, ack: 1001, len: 0, win: 65535, options: {} }, n.get(2))).toBe('[SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0');
    expect(segLabel({ flags: 'FA', seq: 1006, ack: 5001, len: 0, win: 502, options: {} }, n.get(3))).toBe('[FIN, ACK] Seq=6 Ack=1 Win=502 Len=0');
    // A direction first seen without a SYN counts from seq - 1 (Wireshark: its first segment is Seq=1).
    expect(segLabel({ flags: 'R', seq: 4, ack: 0, len: 0, win: 0, options: {} }, n.get(4))).toBe('[RST] Seq=1 Win=0 Len=0');
  });

  it('scales the window only when both directions\' SYNs offered a shift; a new conversation forgets them', () => {
    // Session 17 counted only each direction's first SYN; Wireshark takes the latest SYN, and a SYN with a
    // new ISN starts a new conversation instance on the 4-tuple (the other side's scale is unknown again).
    const both = packetNumbers([send(1, 'a>b', 'S', 1000, 0, 2), send(2, 'b>a', 'SA', 5000, 1001, 7), send(3, 'a>b', 'A', 1001, 5001), send(4, 'b>a', 'A', 5001, 1001)]);
    const data = { flags: 'A', seq: 1001, ack: 5001, len: 0, win: 1000, options: {} };
    expect(segLabel(data, both.get(3), false)).toBe('[ACK] Seq=1001 Ack=5001 Win=4000 Len=0');
    expect(segLabel(data, both.get(4), false)).toBe('[ACK] Seq=1001 Ack=5001 Win=128000 Len=0');
    const oneSided = packetNumbers([send(1, 'a>b', 'S', 1000, 0, 2), send(2, 'b>a', 'SA', 5000, 1001), send(3, 'a>b', 'A', 1001, 5001)]);
    expect(segLabel(data, oneSided.get(3), false)).toBe('[ACK] Seq=1001 Ack=5001 Win=1000 Len=0');
    const renewed = packetNumbers([send(1, 'a>b', 'S', 1000, 0, 2), send(2, 'b>a', 'SA', 5000, 1001, 7), send(3, 'a>b', 'S', 9000, 0, 2), send(4, 'a>b', 'A', 9001, 5001)]);
    expect(segLabel({ ...data, seq: 9001 }, renewed.get(4))).toBe('[ACK] Seq=1 Ack=1 Win=1000 Len=0');
  });
});

describe('time axis', () => {
  it('keeps small gaps linear, stretches tiny ones and cuts long ones with a break', () => {
    const ax = buildTimeAxis([0, 20, 20, 21, 5000], { topPx: 100, pxPerMs: 1, minGapPx: 10, maxGapPx: 50 });
    expect(ax.keyTimes).toEqual([0, 20, 21, 5000]);
    expect([ax.y(0), ax.y(10), ax.y(20), ax.y(21), ax.y(5000)]).toEqual([100, 110, 120, 130, 180]);
    expect(ax.breaks).toEqual([{ y0: 130, y1: 180, gapMs: 4979 }]);
    expect(formatMs(250)).toBe('250 ms');
    expect(formatMs(1500)).toBe('1.5 s');
    expect(formatMs(127_000)).toBe('2 min 7 s');
  });
});

describe('ladder SVG', () => {
  const input = interventionRun();

  it('pairs every packet with its end and marks parks, drops and copies', () => {
    const m = buildLadder(input.trace, input.hosts, { maxArrows: 1000, relative: true });
    expect(m.arrows).toHaveLength(input.packets.length);
    expect(m.arrows.map((a) => a.fate)).toEqual(input.packets.map((p) => (p.fate.state === 'dropped' ? 'dropped' : p.fate.state === 'delivered' ? 'delivered' : 'in-flight')));
    const held = m.arrows[0]!;
    expect([held.park?.kind, held.park?.startMs, held.park?.endMs, held.park?.by]).toEqual(['held', 5, 3005, 'user']);
    expect(held.label).toMatch(/^\[SYN\] Seq=0 Win=\d+ Len=0 MSS=\d+/);
    expect(m.arrows.filter((a) => a.from === 'router').map((a) => a.tag)).toEqual([expect.stringMatching(/^duplicate of #\d+$/), expect.stringMatching(/^duplicate of #\d+$/), expect.stringMatching(/^replay of #\d+$/)]);
    expect(m.arrows.filter((a) => a.corrupted)).toHaveLength(1);
  });

  it('writes its words and the packets\' tags in the chosen language', () => {
    const cjk = /[\u3400-\u9fff]/;
    const packets = (svg: string) => svg.match(/<g class="pkt"[^]*?<\/g>/g) ?? [];
    const zh = ladderSvg(input, { lang: 'zh-CN', title: '导出' });
    expect(zh).toContain('>路由器<');
    expect(zh).toMatch(/重传 #\d+/);
    expect(packets(zh).some((g) => cjk.test(g))).toBe(true);
    const en = ladderSvg(input, { title: 'Export' });
    expect(packets(en).filter((g) => cjk.test(g))).toEqual([]);
  });

  it('is well-formed, escapes the title and draws one cross per dropped packet', () => {
    const svg = ladderSvg(input);
    checkXml(svg);
    expect(svg).toContain('Export &lt;fixture&gt; &amp; &quot;friends&quot;');
    expect(svg).not.toContain('<fixture>');
    const drops = input.packets.filter((p) => p.fate.state === 'dropped').length;
    // (The legend under the diagram shows a cross and a dashed line of its own.)
    const diagram = svg.slice(0, svg.indexOf('<g class="legend">'));
    expect(diagram.match(/stroke="#dc2626" stroke-width="2.2"/g)).toHaveLength(drops);
    expect(svg.match(/<g class="pkt"/g)).toHaveLength(input.packets.length);
    expect(svg).toContain('[SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0');
    expect(diagram.match(/stroke-dasharray="6 3"/g)!.length).toBe(input.packets.filter((p) => p.lineage.type === 'retransmission').length);
  });

  it('draws at most maxArrows packets and says how many it left out', () => {
    const svg = ladderSvg(input, { maxArrows: 5 });
    expect(svg.match(/<g class="pkt"/g)).toHaveLength(5);
    expect(svg).toContain(`${input.packets.length - 5} more packet(s) not drawn`);
  });
});

describe('state diagram SVG', () => {
  const input = interventionRun();

  it('has the RFC 9293 figure: every edge joins two existing boxes, no two boxes overlap', () => {
    for (const e of EDGES) { expect(nodeById(e.from)).toBeDefined(); expect(nodeById(e.to)).toBeDefined(); }
    for (const a of NODES) for (const b of NODES) if (a !== b) expect(Math.abs(a.x - b.x) >= 116 || Math.abs(a.y - b.y) >= 34).toBe(true);
    expect(edgeFor('SYN-SENT', 'ESTABLISHED')?.key).toBe('synsent-estab');
    expect(edgeFor('TIME-WAIT', 'CLOSED')?.key).toBe('timewait-closed');
    expect(edgeFor('ESTABLISHED', 'CLOSED')).toBeUndefined();
  });

  it('draws one panel per endpoint with its states lit and its transitions listed', () => {
    const eps = endpointsOf(input.trace);
    const svg = stateSvg(input, { lang: 'zh-CN' });
    checkXml(svg);
    const a = eps.find((e) => e.host === 'A')!;
    expect(a.transitions.slice(0, 2).map((t) => `${t.from}>${t.to}`)).toEqual(['CLOSED>SYN-SENT', 'SYN-SENT>ESTABLISHED']);
    expect(svg.match(/<g transform="translate/g)).toHaveLength(eps.length);
    expect(svg).toContain('收 SYN,ACK / 发 ACK');
    // The cause in the report's language (it was English in zh-CN before the exports used the trace table).
    expect(svg).toContain('1. 0 ms  CLOSED → SYN-SENT：RFC 9293 3.10.1: 主动打开（active OPEN），已发送 SYN');
    expect(svg).toContain('导出测试：&lt;全部&gt; 干预');
    // Lit boxes: the states some endpoint visited, each drawn in the highlight colour.
    expect(svg.match(/fill="#fde68a"/g)!.length).toBeGreaterThanOrEqual(eps.length * 2);
  });

  it('puts the labels of the two CLOSED-LISTEN curves on either side, not on top of each other', () => {
    const labelOf = (svg: string, text: string) => new RegExp(`<text x="([\\d.]+)" y="[\\d.]+"[^>]*text-anchor="(\\w+)"[^>]*>${text}</text>`).exec(svg);
    const input = { title: { en: 't', 'zh-CN': 't' }, trace: [{ t: 0, kind: 'state', host: 'B', conn: '10.0.0.2:80>*:*', from: 'CLOSED', to: 'LISTEN', cause: 'passive OPEN' }] } as unknown as Parameters<typeof stateSvg>[0];
    for (const [lang, open, close] of [['en', 'passive OPEN / create TCB', 'CLOSE / delete TCB'], ['zh-CN', '被动打开 / 建 TCB', '关闭 / 删 TCB']] as const) {
      const svg = stateSvg(input, { lang });
      const a = labelOf(svg, open), b = labelOf(svg, close);
      expect([a?.[2], b?.[2]], lang).toEqual(['end', 'start']);
      expect(Number(a![1]), lang).toBeLessThan(Number(b![1]));
    }
  });

  it('names each box by its RFC name, and in zh-CN also by its textbook Chinese name under it', () => {
    const zh = stateSvg(input, { lang: 'zh-CN' });
    const en = stateSvg(input, { lang: 'en' });
    for (const [state, gloss] of [['TIME-WAIT', '时间等待'], ['SYN-RECEIVED', '同步已收到'], ['ESTABLISHED', '已建立连接']]) {
      expect(zh).toMatch(new RegExp(`>${state}</text><text [^>]*>${gloss}</text>`));
      expect(en).toContain(`>${state}</text>`);
      expect(en).not.toContain(gloss);
    }
  });

  it('says so when there is no state change', () => {
    expect(stateSvg({ title: { en: 't', 'zh-CN': 't' }, trace: [] })).toContain('no state changes in this trace');
  });
});
