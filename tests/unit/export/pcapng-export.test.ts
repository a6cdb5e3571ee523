import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasChineseTraceText, localizeTraceText } from '../../../src-main/contract/trace-text.js';
import { renderExport } from '../../../src-main/lab/export/index.js';
import { exportPcapng, pcapngChunks, wireBytesOf } from '../../../src-main/lab/export/pcapng-export.js';
import { writeFileChunks } from '../../../src-main/lab/io/files.js';
import type { PacketRecord } from '../../../src-main/net/packets.js';
import { tcpChecksumOk } from '../../../src-main/tcp/codec.js';
import { FLAG } from '../../../src-main/tcp/segment.js';
import { interventionRun } from './fixture.js';

const TSHARK = '/usr/bin/tshark';
const dir = mkdtempSync(join(tmpdir(), 'tcplab-pcap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tshark(file: string, fields: string[]): string[][] {
  if (!existsSync(TSHARK)) throw new Error('tshark is missing: apt-get install tshark (the pcapng export is checked with it)');
  const out = execFileSync(TSHARK, ['-r', file, '-o', 'tcp.check_checksum:TRUE', '-o', 'ip.check_checksum:TRUE', '-T', 'fields', '-E', 'separator=\t',
    ...fields.flatMap((f) => ['-e', f])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out.trimEnd().split('\n').map((l) => l.split('\t'));
}

describe('pcapng export', () => {
  const input = interventionRun();
  const file = join(dir, 'run.pcapng');
  writeFileSync(file, exportPcapng(input));

  it('tshark reads every packet, with virtual-time timestamps and the story as comment', () => {
    const rows = tshark(file, ['frame.number', 'frame.time_relative', 'frame.comment', 'ip.src', 'tcp.srcport']);
    expect(rows).toHaveLength(input.packets.length);
    rows.forEach((r, i) => {
      const p = input.packets[i]!;
      expect(Number(r[1]) * 1000).toBeCloseTo(p.sentMs - input.packets[0]!.sentMs, 6);
      expect(r[2]!.startsWith(`#${p.id} ${p.from}→${p.to}: `)).toBe(true);
      expect([r[3], Number(r[4])]).toEqual([p.seg.srcIp, p.seg.srcPort]);
    });
    expect(rows[0]![2]).toBe('#1 A→B: held 3000 ms by the user; delivered at 3015 ms');
    expect(rows.filter((r) => r[2]!.includes('dropped by rule 1 (drop)'))).toHaveLength(1);
    expect(rows.filter((r) => /duplicate of #\d+/.test(r[2]!))).toHaveLength(2);
    expect(rows.filter((r) => /replay of #\d+/.test(r[2]!))).toHaveLength(1);
  });

  it('has no malformed packet and a bad checksum exactly where the user corrupted one', () => {
    const rows = tshark(file, ['frame.number', 'tcp.checksum.status', 'ip.checksum.status', '_ws.malformed', 'frame.comment']);
    const corrupted = input.packets.map((p, i) => (p.corrupt !== undefined ? i + 1 : 0)).filter((n) => n > 0);
    expect(corrupted).toHaveLength(1);
    // Wireshark checksum status: 0 bad, 1 good.
    expect(rows.filter((r) => r[1] === '0').map((r) => Number(r[0]))).toEqual(corrupted);
    expect(rows.filter((r) => r[1] !== '0').every((r) => r[1] === '1')).toBe(true);
    expect(rows.every((r) => r[2] === '1' && r[3] === '')).toBe(true);
    expect(rows[corrupted[0]! - 1]![4]).toContain('corrupted by the user: bad checksum on purpose');
  });

  it('writes the corrupted bytes for a corrupted packet and clean bytes for every other', () => {
    const bytes = exportPcapng(input);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const written: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; at += view.getUint32(at + 4, true)) {
      if (view.getUint32(at, true) === 6) written.push(bytes.slice(at + 28, at + 28 + view.getUint32(at + 20, true)));
    }
    expect(written).toHaveLength(input.packets.length);
    input.packets.forEach((p, i) => {
      expect(written[i]).toEqual(wireBytesOf(p));
      expect(tcpChecksumOk(written[i]!)).toBe(p.corrupt === undefined);
    });
  });

  // Speed is measured by `npm run bench -- --only lab.export`; this checks the output at that size.
  it('writes all of 100,000 packets', () => {
    const seg = { srcIp: '10.0.0.1', srcPort: 40000, dstIp: '10.0.0.2', dstPort: 80, seq: 1, ack: 1, flags: FLAG.ACK | FLAG.PSH, window: 502, urgent: 0, options: {}, payload: new Uint8Array(100) };
    const packets: PacketRecord[] = Array.from({ length: 100_000 }, (_, i) => ({
      id: i + 1, lineage: { type: 'original' }, seg: { ...seg, seq: (1 + i * 100) >>> 0 }, from: 'A', to: 'B', conn: '10.0.0.1:40000>10.0.0.2:80',
      sentMs: i * 0.5, fate: { state: 'delivered', atMs: i * 0.5 + 20 }, notes: [],
    }));
    const bytes = exportPcapng({ title: { en: 'bulk', 'zh-CN': '批量' }, trace: [], packets });
    // Each EPB: 12 framing + 20 fixed + 140 bytes of packet + comment option; the file holds them all.
    expect(bytes.length).toBeGreaterThan(100_000 * 172);
    // Count Enhanced Packet Blocks (type 6) by walking the block chain.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let epbs = 0;
    for (let at = 0; at < bytes.length; at += view.getUint32(at + 4, true)) if (view.getUint32(at, true) === 6) epbs++;
    expect(epbs).toBe(100_000);
  });
});

describe('pcapng export in the export language', () => {
  const input = interventionRun();
  const en = join(dir, 'en.pcapng'), zh = join(dir, 'zh.pcapng');
  writeFileSync(en, exportPcapng(input, { lang: 'en' }));
  // Through renderExport, as the CLI (--lang) and the app's Export menu (the UI language) call it.
  writeFileSync(zh, renderExport(input, 'pcapng', 'zh-CN'));

  it('tells each packet\'s story in Chinese in zh-CN (was English whatever the language), the same packets and bytes', () => {
    const enRows = tshark(en, ['frame.comment', 'frame.time_relative', 'frame.len', 'tcp.seq_raw', 'tcp.checksum.status']);
    const zhRows = tshark(zh, ['frame.comment', 'frame.time_relative', 'frame.len', 'tcp.seq_raw', 'tcp.checksum.status']);
    expect(zhRows.map((r) => r.slice(1))).toEqual(enRows.map((r) => r.slice(1)));
    expect(zhRows[0]![0]).toBe('#1 A→B：被用户扣留 3000 毫秒；于 3015 毫秒送达');
    expect(zhRows.filter((r) => r[0]!.includes('被规则 1 丢弃'))).toHaveLength(1);
    zhRows.forEach((r, i) => {
      const p = input.packets[i]!;
      const story = enRows[i]![0]!.slice(`#${p.id} ${p.from}→${p.to}: `.length);
      // Every story of the run has a Chinese rendering (no English left behind), shown as the report shows it.
      expect(hasChineseTraceText(story), story).toBe(true);
      expect(r[0]).toBe(`#${p.id} ${p.from}→${p.to}：${localizeTraceText(story, 'zh-CN')}`);
    });
    expect(exportPcapng(input)).toEqual(exportPcapng(input, { lang: 'en' })); // English stays the default
  });

  it('writes the section comment with the Chinese title and words', () => {
    const comment = (file: string) => execFileSync('/usr/bin/capinfos', ['-k', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n').find((l) => l.startsWith('Capture comment:'))?.replace(/^Capture comment:\s*/, '');
    expect(comment(en)).toBe(`${input.title.en} — virtual time, t=0 is the start of the session`);
    expect(comment(zh)).toBe(`${input.title['zh-CN']}——虚拟时间，t=0 为会话开始的时刻`);
  });
});

describe('pcapngChunks (the CLI writes the capture piece by piece)', () => {
  const input = interventionRun();
  const join2 = (pieces: Uint8Array[]) => {
    const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
    pieces.reduce((at, p) => (out.set(p, at), at + p.length), 0);
    return out;
  };

  it.each(['en', 'zh-CN'] as const)('streams exactly exportPcapng\'s bytes in %s, through two reused buffers', (lang) => {
    const whole = exportPcapng(input, { lang });
    const pieces: Uint8Array[] = [];
    const buffers = new Set<ArrayBufferLike>();
    for (const piece of pcapngChunks(input, { lang, chunkBytes: 512 })) {
      pieces.push(piece.slice());
      buffers.add(piece.buffer);
    }
    expect(pieces.length).toBeGreaterThan(4);
    expect(join2(pieces)).toEqual(whole);
    // Blocks bigger than a 512-byte buffer get their own; the rest go through the same two.
    expect(buffers.size).toBeLessThan(pieces.length);
    // With the default 1 MiB buffers a small run is one piece.
    expect([...pcapngChunks(input, { lang })].map((p) => p.slice())).toEqual([whole]);
  });

  it('writes a 100,000-packet capture through 2 MiB of buffers', () => {
    const seg = { srcIp: '10.0.0.1', srcPort: 40000, dstIp: '10.0.0.2', dstPort: 80, seq: 1, ack: 1, flags: FLAG.ACK | FLAG.PSH, window: 502, urgent: 0, options: {}, payload: new Uint8Array(100) };
    const packets: PacketRecord[] = Array.from({ length: 100_000 }, (_, i) => ({
      id: i + 1, lineage: { type: 'original' }, seg: { ...seg, seq: (1 + i * 100) >>> 0 }, from: 'A', to: 'B', conn: '10.0.0.1:40000>10.0.0.2:80',
      sentMs: i * 0.5, fate: { state: 'delivered', atMs: i * 0.5 + 20 }, notes: [],
    }));
    const big = { title: { en: 'bulk', 'zh-CN': '批量' }, trace: [], packets };
    const buffers = new Set<ArrayBufferLike>();
    let bytes = 0, epbs = 0;
    for (const piece of pcapngChunks(big)) {
      buffers.add(piece.buffer);
      bytes += piece.length;
      const view = new DataView(piece.buffer, piece.byteOffset, piece.byteLength);
      for (let at = 0; at < piece.length; at += view.getUint32(at + 4, true)) if (view.getUint32(at, true) === 6) epbs++;
    }
    expect(epbs).toBe(100_000);
    expect(bytes).toBe(exportPcapng(big).length);
    expect(buffers.size).toBe(2);
  });

  it('a CLI --pcap file is the app\'s export, byte for byte', () => {
    const file = join(dir, 'streamed.pcapng');
    writeFileChunks(file, pcapngChunks(input, { lang: 'zh-CN' }));
    expect(new Uint8Array(readFileSync(file))).toEqual(exportPcapng(input, { lang: 'zh-CN' }));
  });
});
