// The session's packets as a pcapng capture (DESIGN.md "pcapng"): one Enhanced Packet Block per packet
// that was ever put on the wire, in id order (ids are handed out in virtual-time order), with its real
// IPv4 + TCP bytes, its virtual send time, and a comment telling its story (fate.ts). A corrupted packet
// carries the corrupted bytes the router made, so Wireshark flags exactly those checksums.
import { encodeIpv4Tcp, encodeIpv4TcpInto, ipv4TcpMaxBytes } from '../../tcp/codec.js';
import type { PacketRecord } from '../../net/packets.js';
import { PcapngWriter } from '../pcapng.js';
import { indexPacketEvents, offRecordText, packetsOffRecord, packetStoryFrom } from './fate.js';
import type { ExportInput } from './types.js';

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

export function exportPcapng(input: Pick<ExportInput, 'title' | 'trace' | 'packets'>): Uint8Array {
  const index = indexPacketEvents(input.trace);
  // Every sent packet without a record counts, not only ids before the first kept one: flood packets keep a
  // small ring of their own, so gaps lie inside the kept range too.
  const { sent, missing } = packetsOffRecord(index.sendIds, input.packets);
  const sectionComment = `${input.title.en} — virtual time, t=0 is the start of the session` +
    (missing > 0 ? `; ${offRecordText(missing, sent)}` : '');
  // Comments first, so that the file's size can be bounded and it is written into one buffer (sizeHintBytes).
  const comments = input.packets.map((r) => `#${r.id} ${r.from}→${r.to ?? '?'}: ${packetStoryFrom(index, r)}`);
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
