import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PcapngWriter } from '../../../src-main/lab/pcapng.js';
import { corruptBytes, encodeIpv4Tcp, encodeIpv4TcpInto, hexDump, ipv4TcpMaxBytes } from '../../../src-main/tcp/codec.js';
import { Prng } from '../../../src-main/tcp/prng.js';
import { FLAG, type Segment } from '../../../src-main/tcp/segment.js';

function hex(b: Uint8Array): string {
  return Array.from(b, (v) => v.toString(16).padStart(2, '0')).join('');
}

interface Block { type: number; totalBytes: number; body: Uint8Array; trailerBytes: number }

/** Walks pcapng blocks independently of the writer, reading lengths little-endian. */
function blocks(file: Uint8Array): Block[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const out: Block[] = [];
  for (let at = 0; at < file.length;) {
    const type = view.getUint32(at, true), totalBytes = view.getUint32(at + 4, true);
    out.push({ type, totalBytes, body: file.subarray(at + 8, at + totalBytes - 4), trailerBytes: view.getUint32(at + totalBytes - 4, true) });
    at += totalBytes;
  }
  return out;
}

/** Options as [code, value] pairs, checking that each value is zero-padded to 32 bits and that opt_endofopt ends the list. */
function options(body: Uint8Array, from: number): Array<[number, Uint8Array]> {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const out: Array<[number, Uint8Array]> = [];
  let at = from;
  for (;;) {
    const code = view.getUint16(at, true), len = view.getUint16(at + 2, true);
    if (code === 0) { expect([len, at + 4]).toEqual([0, body.length]); return out; }
    out.push([code, body.slice(at + 4, at + 4 + len)]);
    const padded = (len + 3) & ~3;
    expect(Array.from(body.subarray(at + 4 + len, at + 4 + padded)).every((v) => v === 0)).toBe(true);
    at += 4 + padded;
  }
}

const text = (b: Uint8Array): string => new TextDecoder().decode(b);

function seg(over: Partial<Segment>): Segment {
  return {
    srcIp: '10.0.0.1', srcPort: 40000, dstIp: '10.0.0.2', dstPort: 80, seq: 0, ack: 0,
    flags: FLAG.ACK, window: 502, urgent: 0, options: {}, payload: new Uint8Array(0), ...over,
  };
}

describe('PcapngWriter: block structure', () => {
  it('writes the Section Header Block byte for byte', () => {
    const file = new PcapngWriter({ appName: 'tcplab' }).toBytes();
    // type 0a0d0d0a, length 44 (8 + 16 body + 12 option + 4 end + 4 trailer), magic 1a2b3c4d (LE),
    // version 1.0, section length -1, shb_userappl (4) length 6 "tcplab" + 2 pad, opt_endofopt, 44 again.
    expect(hex(file.subarray(0, 44))).toBe(
      '0a0d0d0a' + '2c000000' + '4d3c2b1a' + '0100' + '0000' + 'ffffffffffffffff' +
      '0400' + '0600' + '7463706c61620000' + '00000000' + '2c000000',
    );
  });

  it('writes one Interface Description Block: LINKTYPE_IPV4 (228), snaplen 65535, if_tsresol 6', () => {
    const file = new PcapngWriter({ appName: 'tcplab' }).toBytes();
    // type 1, length 32 (8 + 8 body + 8 option + 4 end + 4 trailer), linktype e4 00, reserved, snaplen ffff0000,
    // if_tsresol (9) length 1 value 06 + 3 pad, opt_endofopt, 32 again.
    expect(hex(file.subarray(44))).toBe('01000000' + '20000000' + 'e400' + '0000' + 'ffff0000' + '0900' + '0100' + '06000000' + '00000000' + '20000000');
  });

  it('puts the section comment before shb_userappl and UTF-8-encodes both', () => {
    const [shb] = blocks(new PcapngWriter({ appName: 'tcplab 0.1.0', comment: '第三次握手的 ACK 丢失' }).toBytes());
    const opts = options(shb!.body, 16);
    expect(opts.map(([code, v]) => [code, text(v)])).toEqual([[1, '第三次握手的 ACK 丢失'], [4, 'tcplab 0.1.0']]);
  });

  it('writes Enhanced Packet Blocks with timestamps, lengths, zero padding and the comment option', () => {
    const w = new PcapngWriter({ appName: 'tcplab' });
    const packet = encodeIpv4Tcp(seg({ payload: Uint8Array.of(1, 2, 3) })); // 43 bytes: needs 1 pad byte
    w.addPacket({ timeUs: 4294967296 + 5, bytes: packet, comment: '重复 #17' });
    w.addPacket({ timeUs: 1n << 40n, bytes: packet });
    w.addPacket({ timeUs: 0, bytes: packet, comment: '' });
    expect(w.packetCount).toBe(3);
    const file = w.toBytes();
    const all = blocks(file);
    expect(all.map((b) => b.type)).toEqual([0x0a0d0d0a, 1, 6, 6, 6]);
    for (const b of all) expect([b.totalBytes % 4, b.trailerBytes]).toEqual([0, b.totalBytes]);
    expect(all.reduce((n, b) => n + b.totalBytes, 0)).toBe(file.length);

    const [first, second, third] = all.slice(2);
    const v = new DataView(first!.body.buffer, first!.body.byteOffset, first!.body.byteLength);
    // interface 0, timestamp high 1 / low 5, captured 43, original 43
    expect([0, 4, 8, 12, 16].map((o) => v.getUint32(o, true))).toEqual([0, 1, 5, 43, 43]);
    expect(hex(first!.body.subarray(20, 64))).toBe(hex(packet) + '00');
    // "重复 #17" is 10 bytes of UTF-8: option 1, length 10, two pad bytes, then opt_endofopt.
    expect(hex(first!.body.subarray(64, 68))).toBe('01000a00');
    expect(options(first!.body, 64).map(([code, val]) => [code, text(val)])).toEqual([[1, '重复 #17']]);
    expect(first!.totalBytes).toBe(12 + 20 + 44 + 4 + 12 + 4);

    const v2 = new DataView(second!.body.buffer, second!.body.byteOffset, second!.body.byteLength);
    expect([v2.getUint32(4, true), v2.getUint32(8, true)]).toEqual([256, 0]);
    // No comment (or an empty one): no options at all, not even opt_endofopt.
    expect(second!.totalBytes).toBe(12 + 20 + 44);
    expect(third!.totalBytes).toBe(12 + 20 + 44);
  });

  it('keeps writing after toBytes and snapshots packet bytes when they are added', () => {
    const w = new PcapngWriter({ appName: 'x' });
    const packet = encodeIpv4Tcp(seg({}));
    w.addPacket({ timeUs: 1, bytes: packet });
    const before = w.toBytes();
    packet[0] = 0x99; // mutating the caller's buffer afterwards must not change the file
    w.addPacket({ timeUs: 2, bytes: encodeIpv4Tcp(seg({})) });
    const after = w.toBytes();
    expect(hex(after.subarray(0, before.length))).toBe(hex(before));
    expect(blocks(after).map((b) => b.type)).toEqual([0x0a0d0d0a, 1, 6, 6]);
    const firstEpbStart = before.length - (12 + 20 + 40);
    expect(after[firstEpbStart + 28]).toBe(0x45); // the IPv4 version/IHL byte as it was when added
  });

  it('rejects what the format cannot hold', () => {
    const w = new PcapngWriter({ appName: 'x' });
    const bytes = encodeIpv4Tcp(seg({}));
    expect(() => w.addPacket({ timeUs: 0, bytes, interfaceId: 1 })).toThrow('interfaceId 1 does not exist');
    expect(() => w.addPacket({ timeUs: -1, bytes })).toThrow('must be a non-negative integer');
    expect(() => w.addPacket({ timeUs: 1.5, bytes })).toThrow('must be a non-negative integer');
    expect(() => w.addPacket({ timeUs: 1n << 64n, bytes })).toThrow('outside 0 … 2^64-1');
    expect(() => w.addPacket({ timeUs: 0, bytes: new Uint8Array(65536) })).toThrow('exceeds the snap length 65535');
    expect(() => w.addPacket({ timeUs: 0, bytes, comment: 'x'.repeat(65536) })).toThrow('over the 65535-byte option limit');
    expect(w.packetCount).toBe(0);
    expect(blocks(w.toBytes()).map((b) => b.type)).toEqual([0x0a0d0d0a, 1]);
  });

  it('addPacketWith writes the same block as addPacket with the encoded bytes, for any comment', () => {
    const comments = [undefined, '', 'a', '重复 #17', '丢弃 🧪 by rule 2', 'x'.repeat(1000), '\ud800 lone surrogate'];
    const segs = [seg({}), seg({ payload: Uint8Array.of(1, 2, 3) }), seg({ flags: FLAG.SYN, options: { mss: 1460, sackPermitted: true, timestamp: { val: 1, ecr: 0 }, wscale: 7 } })];
    const byCopy = new PcapngWriter({ appName: 'x' });
    const inPlace = new PcapngWriter({ appName: 'x' });
    let t = 0;
    for (const c of comments) {
      for (const s of segs) {
        byCopy.addPacket({ timeUs: ++t, bytes: encodeIpv4Tcp(s), comment: c });
        inPlace.addPacketWith(t, ipv4TcpMaxBytes(s), encodeIpv4TcpInto, s, c);
      }
    }
    expect(inPlace.packetCount).toBe(comments.length * segs.length);
    expect(hex(inPlace.toBytes())).toBe(hex(byCopy.toBytes()));
  });

  it('addPacketWith keeps nothing of a block whose writer or comment fails, and pads the next one with zeros', () => {
    const w = new PcapngWriter({ appName: 'x' });
    w.addPacket({ timeUs: 1, bytes: encodeIpv4Tcp(seg({})) });
    const before = w.toBytes();
    // A writer that fills its room with 0xff and then claims more than it asked for.
    const greedy = (out: Uint8Array, at: number, n: number) => (out.fill(0xff, at, at + n), n + 1);
    expect(() => w.addPacketWith(2, 64, greedy, 64)).toThrow('wrote 65 bytes, more than the 64 it asked room for');
    expect(() => w.addPacketWith(2, 80, encodeIpv4TcpInto, seg({}), '长'.repeat(21846))).toThrow('65538 bytes of UTF-8, over the 65535-byte option limit');
    expect(w.packetCount).toBe(1);
    expect(hex(w.toBytes())).toBe(hex(before));
    // The next block lands where the failed ones wrote: its 3-byte packet's pad byte must still be zero.
    w.addPacketWith(3, 3, (out, at) => (out.set([1, 2, 3], at), 3), null, 'ok');
    const epb = blocks(w.toBytes()).at(-1)!;
    expect(hex(epb.body.subarray(20, 24))).toBe('01020300');
    expect(options(epb.body, 24).map(([code, val]) => [code, text(val)])).toEqual([[1, 'ok']]);
  });

  it('with a size bound, writes the same bytes into one buffer and hands it over without a copy', () => {
    const comments = [undefined, 'a', '重复 #17', '丢弃 🧪 by rule 2', 'x'.repeat(300)];
    const segs = [seg({}), seg({ payload: new Uint8Array(1460).fill(7) }), seg({ flags: FLAG.SYN, options: { mss: 1460, sackPermitted: true, wscale: 7 } })];
    const packets = comments.flatMap((c) => segs.map((s) => ({ s, c })));
    const bound = PcapngWriter.HEADERS_MAX_BYTES + packets.reduce((n, p) => n + PcapngWriter.packetBlockMaxBytes(ipv4TcpMaxBytes(p.s), p.c), 0);
    const write = (sizeHintBytes?: number) => {
      const w = new PcapngWriter({ appName: 'x', comment: 'section', ...(sizeHintBytes === undefined ? {} : { sizeHintBytes }) });
      packets.forEach((p, i) => w.addPacketWith(i, ipv4TcpMaxBytes(p.s), encodeIpv4TcpInto, p.s, p.c));
      return w.toBytes();
    };
    const plain = write();
    const bounded = write(bound);
    expect(hex(bounded)).toBe(hex(plain));
    // One buffer of the bound's size: the file is a view of it, not a copy.
    expect(bounded.byteOffset).toBe(0);
    expect(bounded.buffer.byteLength).toBe(bound);
    expect(bounded.length).toBeLessThan(bound);
    // A bound too small (and one of zero) still gives the same file, through chunks.
    expect(hex(write(200))).toBe(hex(plain));
    expect(hex(write(0))).toBe(hex(plain));
    // Each block stays within its stated maximum, for any comment.
    for (const p of packets) {
      const w = new PcapngWriter({ appName: 'x' });
      const headers = w.toBytes().length;
      w.addPacketWith(0, ipv4TcpMaxBytes(p.s), encodeIpv4TcpInto, p.s, p.c);
      expect(w.toBytes().length - headers).toBeLessThanOrEqual(PcapngWriter.packetBlockMaxBytes(ipv4TcpMaxBytes(p.s), p.c));
    }
  });

  describe('stream mode (onChunk)', () => {
    const comments = [undefined, 'a', '重复 #17', '丢弃 🧪 by rule 2', 'x'.repeat(300)];
    const segs = [seg({}), seg({ payload: new Uint8Array(1460).fill(7) }), seg({ flags: FLAG.SYN, options: { mss: 1460, sackPermitted: true, wscale: 7 } })];
    const packets = comments.flatMap((c) => segs.map((s) => ({ s, c })));
    const addAll = (w: PcapngWriter) => packets.forEach((p, i) => w.addPacketWith(i, ipv4TcpMaxBytes(p.s), encodeIpv4TcpInto, p.s, p.c));
    const plain = (() => { const w = new PcapngWriter({ appName: 'x', comment: 'section' }); addAll(w); return w.toBytes(); })();

    /** Pieces copied as they arrive, plus each handed-out view to see what the writer did with it later. */
    function stream(chunkBytes: number): { pieces: Uint8Array[]; views: Uint8Array[]; w: PcapngWriter } {
      const pieces: Uint8Array[] = [], views: Uint8Array[] = [];
      const w = new PcapngWriter({ appName: 'x', comment: 'section', chunkBytes, onChunk: (c) => { pieces.push(c.slice()); views.push(c); } });
      addAll(w);
      w.flush();
      return { pieces, views, w };
    }

    it.each([64, 200, 1024, 4096, 1 << 20])('hands out pieces of at most %i bytes (or one block) that make the same file', (chunkBytes) => {
      const { pieces, w } = stream(chunkBytes);
      const joined = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
      pieces.reduce((at, p) => (joined.set(p, at), at + p.length), 0);
      expect(hex(joined)).toBe(hex(plain));
      expect(w.bytesHandedOut).toBe(plain.length);
      // Blocks never straddle two pieces: each piece is whole blocks.
      for (const p of pieces) expect(blocks(p).reduce((n, b) => n + b.totalBytes, 0)).toBe(p.length);
      const largestBlock = Math.max(...blocks(plain).map((b) => b.totalBytes));
      for (const p of pieces) expect(p.length).toBeLessThanOrEqual(Math.max(chunkBytes, largestBlock));
      if (chunkBytes <= 1024) expect(pieces.length).toBeGreaterThan(3);
    });

    it('reuses two buffers: a piece stays intact until the next one is handed out, and is written over after that', () => {
      const { pieces, views } = stream(256);
      expect(views.length).toBeGreaterThan(4);
      // The last two pieces are each still intact (nothing was written after them); older ones were reused.
      expect(hex(views.at(-1)!)).toBe(hex(pieces.at(-1)!));
      expect(hex(views.at(-2)!)).toBe(hex(pieces.at(-2)!));
      const buffers = new Set(views.map((v) => v.buffer));
      // Two buffers of 256 bytes take turns; blocks larger than that (1,460-byte payloads) get one each.
      expect(buffers.size).toBeLessThan(views.length);
      expect(views.some((v, i) => hex(v) !== hex(pieces[i]!))).toBe(true);
    });

    it('keeps nothing of a failed block and zero-pads over the junk it left in a reused buffer', () => {
      const pieces: Uint8Array[] = [];
      const w = new PcapngWriter({ appName: 'x', chunkBytes: 128, onChunk: (c) => pieces.push(c.slice()) });
      const greedy = (out: Uint8Array, at: number, n: number) => (out.fill(0xff, at, at + n), n + 1);
      for (let i = 0; i < 6; i++) {
        expect(() => w.addPacketWith(i, 64, greedy, 64)).toThrow('wrote 65 bytes, more than the 64 it asked room for');
        w.addPacketWith(i, 3, (out, at) => (out.set([1, 2, 3], at), 3), null, 'ok');
      }
      w.flush();
      const file = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
      pieces.reduce((at, p) => (file.set(p, at), at + p.length), 0);
      const epbs = blocks(file).filter((b) => b.type === 6);
      expect(epbs).toHaveLength(6);
      for (const epb of epbs) {
        expect(hex(epb.body.subarray(20, 24))).toBe('01020300');
        expect(options(epb.body, 24).map(([code, val]) => [code, text(val)])).toEqual([[1, 'ok']]);
      }
    });

    it('refuses toBytes and a chunk size below 64 bytes, naming the problem', () => {
      const w = new PcapngWriter({ appName: 'x', onChunk: () => {} });
      expect(() => w.toBytes()).toThrow('this pcapng writer streams its chunks (onChunk): call flush(), not toBytes()');
      expect(() => new PcapngWriter({ appName: 'x', chunkBytes: 10, onChunk: () => {} })).toThrow('pcapng chunkBytes 10 must be an integer of at least 64');
      expect(() => new PcapngWriter({ appName: 'x', chunkBytes: 1.5, onChunk: () => {} })).toThrow('chunkBytes 1.5');
    });

    it('a flush with nothing new hands out nothing, and packets after a flush go on in a fresh buffer', () => {
      const views: Uint8Array[] = [], pieces: Uint8Array[] = [];
      const w = new PcapngWriter({ appName: 'x', onChunk: (c) => { views.push(c); pieces.push(c.slice()); } });
      w.flush();
      w.flush();
      expect(pieces).toHaveLength(1); // the headers
      w.addPacket({ timeUs: 1, bytes: encodeIpv4Tcp(seg({})) });
      w.flush();
      expect(pieces).toHaveLength(2);
      // The headers' piece was not written over by the packet that followed it.
      expect(hex(views[0]!)).toBe(hex(pieces[0]!));
      expect(blocks(pieces[1]!).map((b) => b.type)).toEqual([6]);
    });
  });

  // Speed is measured by `npm run bench` (lab.export); this checks the structure at that size.
  it('writes a well-formed file of 100,000 packets', () => {
    const payload = new Uint8Array(100);
    const w = new PcapngWriter({ appName: 'bench' });
    for (let i = 0; i < 100_000; i++) {
      const bytes = encodeIpv4Tcp(seg({ seq: (i * 100) >>> 0, ack: 1, flags: FLAG.ACK | FLAG.PSH, payload, options: { timestamp: { val: i, ecr: i } } }), { ipId: i & 0xffff });
      w.addPacket({ timeUs: i * 1000, bytes, comment: i % 10 === 0 ? `dropped by rule ${i % 7}` : undefined });
    }
    const file = w.toBytes();
    expect(blocks(file).length).toBe(100_002);
    expect(w.packetCount).toBe(100_000);
  });
});

const TSHARK = ['/usr/bin/tshark', '/usr/local/bin/tshark'].find((p) => existsSync(p));

function tshark(args: string[]): string {
  if (TSHARK === undefined) throw new Error('tshark not found: install tshark (apt-get install tshark) to run the pcapng check');
  return execFileSync(TSHARK, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

/** Value name -> number for tcp.checksum.status on this tshark version (from `tshark -G values`). */
function checksumStatusValues(): Record<string, string> {
  tshark(['-v']); // fails with the install hint when tshark is missing
  // -G values prints ~90 MB: filter it in the shell instead of buffering it in Node.
  const lines = execFileSync('/bin/sh', ['-c', `"${TSHARK}" -G values 2>/dev/null | grep -F "tcp.checksum.status"`], { encoding: 'utf8' });
  const byName: Record<string, string> = {};
  for (const line of lines.split('\n')) {
    const [kind, field, value, name] = line.split('\t');
    if (kind === 'V' && field === 'tcp.checksum.status' && value !== undefined && name !== undefined) byName[name] = value;
  }
  return byName;
}

describe('tshark reads the file', () => {
  it('decodes every packet as TCP with good checksums, no malformed packets, the comments, and a flagged corrupt packet', () => {
    const a = { srcIp: '10.0.0.1', srcPort: 40000, dstIp: '10.0.0.2', dstPort: 80 };
    const b = { srcIp: '10.0.0.2', srcPort: 80, dstIp: '10.0.0.1', dstPort: 40000 };
    const iss = 4294967290, irs = 1000;
    const hello = new TextEncoder().encode('hello');
    const synOpts = { mss: 1460, sackPermitted: true, timestamp: { val: 100, ecr: 0 }, wscale: 7 };
    const packets: Array<{ timeUs: number; seg: Segment; comment?: string; corrupt?: true }> = [
      { timeUs: 0, seg: seg({ ...a, seq: iss, flags: FLAG.SYN, window: 64240, options: synOpts }) },
      { timeUs: 10_000, seg: seg({ ...b, seq: irs, ack: iss + 1, flags: FLAG.SYN | FLAG.ACK, window: 65160, options: { ...synOpts, timestamp: { val: 7, ecr: 100 } } }) },
      { timeUs: 20_000, seg: seg({ ...a, seq: iss + 1, ack: irs + 1, options: { timestamp: { val: 110, ecr: 7 } } }), comment: 'dropped by rule 2' },
      { timeUs: 25_000, seg: seg({ ...a, seq: iss + 1, ack: irs + 1, flags: FLAG.ACK | FLAG.PSH, payload: hello, options: { timestamp: { val: 115, ecr: 7 } } }), comment: '重复 #17' },
      { timeUs: 30_000, seg: seg({ ...b, seq: irs + 1, ack: (iss + 6) >>> 0, options: { timestamp: { val: 12, ecr: 115 }, sack: [[1, 2]] } }), comment: 'corrupted by rule 3', corrupt: true },
      { timeUs: 3_000_000, seg: seg({ ...a, seq: (iss + 6) >>> 0, ack: irs + 1, flags: FLAG.FIN | FLAG.ACK, options: { timestamp: { val: 3100, ecr: 12 } } }) },
    ];
    const w = new PcapngWriter({ appName: 'tcplab test', comment: 'tshark check' });
    const written: Uint8Array[] = [];
    packets.forEach((p, i) => {
      const clean = encodeIpv4Tcp(p.seg, { ipId: i + 1 });
      const bytes = p.corrupt ? corruptBytes(clean, new Prng(5)) : clean;
      written.push(bytes);
      w.addPacket({ timeUs: p.timeUs, bytes, comment: p.comment });
    });
    const dir = mkdtempSync(join(tmpdir(), 'tcplab-pcapng-'));
    const file = join(dir, 'check.pcapng');
    try {
      writeFileSync(file, w.toBytes());
      const status = checksumStatusValues();
      const good = status.Good, bad = status.Bad;
      // TShark 4.0.17 says 0 Bad, 1 Good, 2 Unverified, 3 Not present, 4 Illegal (so 2 does NOT mean good).
      expect(good !== undefined && bad !== undefined && good !== bad).toBe(true);
      const fields = ['frame.protocols', 'frame.time_epoch', 'frame.comment', 'tcp.flags.str', 'tcp.seq_raw', 'tcp.ack_raw',
        'tcp.len', 'ip.checksum.status', 'tcp.checksum.status', '_ws.malformed', '_ws.expert.message'];
      const out = tshark(['-r', file, '-o', 'tcp.check_checksum:TRUE', '-o', 'ip.check_checksum:TRUE', '-T', 'fields',
        '-E', 'separator=|', ...fields.flatMap((f) => ['-e', f])]);
      const rows = out.trimEnd().split('\n').map((line) => line.split('|'));
      expect(rows.length).toBe(packets.length);
      rows.forEach((row, i) => {
        const p = packets[i]!;
        const [protocols, epoch, comment, flags, seqRaw, , tcpLen, ipStatus, tcpStatus, malformed, expert] = row;
        expect([i, protocols!.startsWith('ip:tcp'), malformed]).toEqual([i, true, '']);
        expect([i, expert!.includes('Malformed')]).toEqual([i, false]);
        expect([i, epoch]).toEqual([i, (p.timeUs / 1e6).toFixed(9)]);
        expect([i, comment]).toEqual([i, p.comment ?? '']);
        // corruptBytes may flip a seq bit, so the corrupted frame's seq is read back from the bytes written.
        const wire = written[i]!;
        const seqExpected = p.corrupt ? new DataView(wire.buffer, wire.byteOffset).getUint32(24) : p.seg.seq;
        expect([i, seqRaw, tcpLen]).toEqual([i, String(seqExpected), String(p.seg.payload.length)]);
        expect([i, ipStatus, tcpStatus]).toEqual([i, good, p.corrupt ? bad : good]);
        if (p.corrupt) expect(expert).toContain('Bad checksum');
        expect(flags!.length).toBe(12);
      });
      expect(rows.map((r) => r[3])).toEqual(['··········S·', '·······A··S·', '·······A····', '·······AP···', '·······A····', '·······A···F']);
      // hexDump reproduces tshark's own hex view of the corrupted frame, character for character.
      const x = tshark(['-r', file, '-x', '-Y', 'frame.number == 5']).trimEnd();
      expect(hexDump(written[4]!)).toBe(x);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
