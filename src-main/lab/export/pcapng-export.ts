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

export function exportPcapng(input: Pick<ExportInput, 'title' | 'trace' | 'packets'>, opts: PcapngOptions = {}): Uint8Array {
  const lang = opts.lang ?? 'en';
  const s = strings(lang);
  const index = indexPacketEvents(input.trace);
  // Every sent packet without a record counts, not only ids before the first kept one: flood packets keep a
  // small ring of their own, so gaps lie inside the kept range too.
  const { sent, missing } = packetsOffRecord(index.sendIds, input.packets);
  const sectionComment = s.pcapngSection(input.title[lang], offRecordText(missing, sent, lang));
  // Comments first, so that the file's size can be bounded and it is written into one buffer (sizeHintBytes).
  // The story is the engine's English, shown in zh-CN through the table the app and the HTML report use.
  const comments = input.packets.map((r) => s.pcapngPacket(r.id, r.from, r.to ?? '?', localizeTraceText(packetStoryFrom(index, r), lang)));
  let sizeHintBytes = PcapngWriter.HEADERS_MAX_BYTES + 3 * sectionComment.length;
  input.packets.forEach((r, i) => (sizeHintBytes += PcapngWriter.packetBlockMaxBytes(r.corrupt?.bytes.length ?? ipv4TcpMaxBytes(r.seg), comments[i])));
  const w = new PcapngWriter({ appName: PCAPNG_APP_NAME, comment: sectionComment, sizeHintBytes });
  input.packets.forEach((r, i) => {
    const comment = comments[i];
    // wireBytesOf(r), but an uncorrupted packet is encoded straight into the file, without an array per packet.
    if (r.corrupt !== undefined) w.addPacket({ timeUs: timeUs(r.sentMs), bytes: r.corrupt.bytes, comment });
    else w.addPacketWith(timeUs(r.sentMs), ipv4TcpMaxBytes(r.seg), encodeIpv4TcpInto, r.seg, comment);
  });
  return w.toBytes();
}
