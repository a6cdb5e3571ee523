// Wireshark-style packet labels: "[SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0". Protocol notation, so the same
// in every UI language (Wireshark prints it this way in every locale too).
import type { LadderPacket } from './model.js';

/** Flag names in TCP header bit order, low bit first, which is the order Wireshark lists them. */
const FLAG_NAMES: readonly (readonly [string, string])[] = [
  ['F', 'FIN'], ['S', 'SYN'], ['R', 'RST'], ['P', 'PSH'], ['A', 'ACK'], ['U', 'URG'], ['E', 'ECE'], ['C', 'CWR'],
];

export function flagList(letters: string): string {
  return FLAG_NAMES.filter(([letter]) => letters.includes(letter)).map(([, name]) => name).join(', ');
}

/** Ack= appears only when the ACK flag is set, as in Wireshark's Info column. */
export function formatLabel(p: LadderPacket, relative: boolean): string {
  const seq = relative ? p.relSeq : p.seg.seq;
  const hasAck = p.seg.flags.includes('A');
  const ack = relative && p.relAck !== null ? p.relAck : p.seg.ack;
  const ackPart = hasAck ? ` Ack=${ack}` : '';
  return `[${flagList(p.seg.flags)}] Seq=${seq}${ackPart} Win=${p.winShown} Len=${p.seg.len}`;
}
