// Pre-fills the inject form from the selected packet (same connection, same numbers), so crafting a
// spoofed or repeated segment starts from something real.
import type { PacketDetail } from '../../src-main/contract/index.js';
import type { InjectForm } from './packet-form.js';

function split(endpoint: string): [string, string] {
  const colon = endpoint.lastIndexOf(':');
  return colon < 0 ? [endpoint, ''] : [endpoint.slice(0, colon), endpoint.slice(colon + 1)];
}

export function injectTemplate(p: PacketDetail | null, hosts: ReadonlyArray<{ name: string; ip: string }>): InjectForm {
  const first = hosts[0]?.name ?? '';
  if (!p) return { from: first, srcIp: '', srcPort: '', dstIp: hosts[1]?.ip ?? '', dstPort: '', seq: '0', ack: '', flags: 'S', window: '', payload: '' };
  const [src = '', dst = ''] = p.conn.split('>');
  const [srcIp, srcPort] = split(src);
  const [dstIp, dstPort] = split(dst);
  const from = hosts.find((h) => h.name === p.from)?.name ?? first;
  return {
    from, srcIp, srcPort, dstIp, dstPort, seq: String(p.seg.seq), ack: p.seg.flags.includes('A') ? String(p.seg.ack) : '',
    flags: p.seg.flags, window: String(p.seg.win), payload: '',
  };
}
