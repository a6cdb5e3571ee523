// What `run` prints when no output file is asked for: counts and the final state of every connection.
import { offRecordText, packetsOffRecord } from '../lab/export/fate.js';
import type { ExportInput } from '../lab/export/index.js';

export function summaryLines(input: ExportInput, origin: string): string[] {
  const m = input.meta ?? {};
  let delivered = 0, dropped = 0, travelling = 0;
  for (const p of input.packets) {
    if (p.fate.state === 'delivered') delivered++;
    else if (p.fate.state === 'dropped') dropped++;
    else if (p.fate.state === 'in-flight') travelling++;
  }
  const finals = new Map<string, string>();
  const sendIds: number[] = [];
  for (const ev of input.trace) {
    if (ev.kind === 'state') finals.set(`${ev.host}  ${ev.conn}`, ev.to);
    else if (ev.kind === 'segment.send') sendIds.push(ev.id);
  }
  const { sent, missing } = packetsOffRecord(sendIds, input.packets);
  const width = Math.max(0, ...[...finals.keys()].map((k) => k.length));
  return [
    `${input.title.en} / ${input.title['zh-CN']}  (${origin})`,
    `seed ${m.seed ?? '?'}, profile ${m.profile ?? '?'}, ran to ${m.untilMs ?? '?'} ms${m.compare !== null && m.compare !== undefined ? `, comparison run ${m.compare}` : ''}`,
    `${input.trace.length} events, ${input.packets.length} packets${missing > 0 ? ' on record' : ''} (${delivered} delivered, ${dropped} dropped${travelling > 0 ? `, ${travelling} still travelling` : ''})`,
    ...(missing > 0 ? [`  ${offRecordText(missing, sent)}`] : []),
    finals.size === 0 ? 'no connection changed state' : 'final states:',
    ...[...finals].map(([k, state]) => `  ${k.padEnd(width)}  ${state}`),
  ];
}
