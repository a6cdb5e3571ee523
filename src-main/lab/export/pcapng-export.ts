// The session's packets as a pcapng capture (DESIGN.md "pcapng"): one Enhanced Packet Block per packet
// that was ever put on the wire, in id order (ids are handed out in virtual-time order), with its real
// IPv4 + TCP bytes, its virtual send time, and a comment telling its story (fate.ts) in the export's language. A corrupted packet
// carries the corrupted bytes the router made, so Wireshark flags exactly those checksums.
import { localizeTraceText } from '../../contract/trace-text.js';
import { encodeIpv4Tcp, encodeIpv4TcpInto, ipv4TcpMaxBytes } from '../../tcp/codec.js';
import type { PacketRecord } from '../../net/packets.js';
import { PcapngWriter } from '../pcapng.js';
import { indexPacketEvents, offRecordText, packetsOffRecord, packetStoryFrom } from './fate.js';
import { strings } from './strings.js';
import type { ExportInput, Lang } from './types.js';

export const PCAPNG_APP_NAME = 'tcplab 0.1.0';
const US_PER_MS = 1000;

/** The bytes a capture at the router shows: corrupted ones when the router or the user flipped bits. */
export function wireBytesOf(r: PacketRecord): Uint8Array {
  return r.corrupt !== undefined ? r.corrupt.bytes : encodeIpv4Tcp(r.seg);
}

/** Microseconds, rounded: virtual times may be fractional (serialization delay), pcapng needs integers. */
function timeUs(ms: number): number {
  return Math.round(ms * US_PER_MS);
}

export interface PcapngOptions {
  /** The language of the comments (the export's, as for the HTML report); the packet bytes are the same. */
  lang?: Lang;
}

type PcapngInput = Pick<ExportInput, 'title' | 'trace' | 'packets'>;

/** What every packet's comment is made from: the packets' router events and the section's comment. */
function prepareComments(input: PcapngInput, lang: Lang): { sectionComment: string; packetComment: (r: PacketRecord) => string } {
  const s = strings(lang);
  const index = indexPacketEvents(input.trace);
  // Every sent packet without a record counts, not only ids before the first kept one: flood packets keep a
  // small ring of their own, so gaps lie inside the kept range too.
  const { sent, missing } = packetsOffRecord(index.sendIds, input.packets);
  const sectionComment = s.pcapngSection(input.title[lang], offRecordText(missing, sent, lang));
  // The story is the engine's English, shown in zh-CN through the table the app and the HTML report use.
  const packetComment = (r: PacketRecord): string => s.pcapngPacket(r.id, r.from, r.to ?? '?', localizeTraceText(packetStoryFrom(index, r), lang));
  return { sectionComment, packetComment };
}

function addRecord(w: PcapngWriter, r: PacketRecord, comment: string): void {
  // wireBytesOf(r), but an uncorrupted packet is encoded straight into the file, without an array per packet.
  if (r.corrupt !== undefined) w.addPacket({ timeUs: timeUs(r.sentMs), bytes: r.corrupt.bytes, comment });
  else w.addPacketWith(timeUs(r.sentMs), ipv4TcpMaxBytes(r.seg), encodeIpv4TcpInto, r.seg, comment);
}

/** The whole capture as one array (the app's export, which the host sends to the window as base64). */
export function exportPcapng(input: PcapngInput, opts: PcapngOptions = {}): Uint8Array {
  const { sectionComment, packetComment } = prepareComments(input, opts.lang ?? 'en');
  // Comments first, so that the file's size can be bounded and it is written into one buffer (sizeHintBytes).
  const comments = input.packets.map(packetComment);
  let sizeHintBytes = PcapngWriter.HEADERS_MAX_BYTES + 3 * sectionComment.length;
  input.packets.forEach((r, i) => (sizeHintBytes += PcapngWriter.packetBlockMaxBytes(r.corrupt?.bytes.length ?? ipv4TcpMaxBytes(r.seg), comments[i])));
  const w = new PcapngWriter({ appName: PCAPNG_APP_NAME, comment: sectionComment, sizeHintBytes });
  input.packets.forEach((r, i) => addRecord(w, r, comments[i]!));
  return w.toBytes();
}

/**
 * The same capture, byte for byte, in pieces of about chunkBytes (default 1 MiB) for a caller that writes
 * them to a file (the CLI's --pcap). Two buffers take turns, so a piece is only valid until the next one is
 * asked for: write it, do not keep it. A 100,000-packet capture is ~100 MB; made this way it takes 2 MiB of
 * memory instead of a new 100 MB array, and on this machine that array's page faults were most of the
 * export's time (docs/PERFORMANCE.md "lab.export.pcapng, session 22").
 */
export function* pcapngChunks(input: PcapngInput, opts: PcapngOptions & { chunkBytes?: number } = {}): Generator<Uint8Array, void, undefined> {
  const { sectionComment, packetComment } = prepareComments(input, opts.lang ?? 'en');
  let ready: Uint8Array | null = null;
  const w = new PcapngWriter({
    appName: PCAPNG_APP_NAME,
    comment: sectionComment,
    chunkBytes: opts.chunkBytes,
    onChunk: (chunk) => {
      // At most one piece is handed out per block: the writer seals a buffer only to start the next one.
      if (ready !== null) throw new Error('pcapngChunks: a piece was handed out before the last one was taken');
      ready = chunk;
    },
  });
  for (const r of input.packets) {
    addRecord(w, r, packetComment(r));
    if (ready !== null) {
      const piece: Uint8Array = ready;
      ready = null;
      yield piece;
    }
  }
  w.flush();
  if (ready !== null) yield ready;
}
