// What `run` prints when no output file is asked for: counts and the final state of every connection, in
// the CLI's language (both titles: the chosen language's first).
import type { Lang } from '../contract/commands.js';
import { packetsOffRecord } from '../lab/export/fate.js';
import type { ExportInput } from '../lab/export/index.js';
import { msg } from './messages.js';

export function summaryLines(input: ExportInput, origin: string, lang: Lang = 'en'): string[] {
  const m = input.meta ?? {};
  let delivered = 0, dropped = 0, travelling = 0;
  for (const p of input.packets) {
    if (p.fate.state === 'delivered') delivered++;
    else if (p.fate.state === 'dropped') dropped++;
    else if (p.fate.state === 'in-flight') travelling++;
  }
  const finals = new Map<string, string>();
  const sendIds: number[] = [];
  // Host crashes (net/crash.ts), each with the time the host was up again (null: it stayed down).
  const crashes: Array<{ host: string; atMs: number; upMs: number | null }> = [];
  for (const ev of input.trace) {
    if (ev.kind === 'state') finals.set(`${ev.host}  ${ev.conn}`, ev.to);
    else if (ev.kind === 'segment.send') sendIds.push(ev.id);
    else if (ev.kind === 'host.crash') crashes.push({ host: ev.host, atMs: ev.t, upMs: null });
    else if (ev.kind === 'host.up') {
      const open = crashes.findLast((c) => c.host === ev.host && c.upMs === null);
      if (open) open.upMs = ev.t;
    }
  }
  const { sent, missing } = packetsOffRecord(sendIds, input.packets);
  const width = Math.max(0, ...[...finals.keys()].map((k) => k.length));
  const other: Lang = lang === 'en' ? 'zh-CN' : 'en';
  return [
    lang === 'en' ? `${input.title[lang]} / ${input.title[other]}  (${origin})` : `${input.title[lang]} / ${input.title[other]}（${origin}）`,
    msg('summaryRun', String(m.seed ?? '?'), m.profile ?? '?', String(m.untilMs ?? '?'), m.compare ?? null)[lang],
    msg('summaryCounts', input.trace.length, input.packets.length, missing > 0, delivered, dropped, travelling)[lang],
    ...(missing > 0 ? [`  ${msg('offRecord', missing, sent)[lang]}`] : []),
    ...crashes.map((c) => msg('hostCrash', c.host, c.atMs, c.upMs)[lang]),
    finals.size === 0 ? msg('noStateChange')[lang] : msg('finalStates')[lang],
    ...[...finals].map(([k, state]) => `  ${k.padEnd(width)}  ${state}`),
  ];
}
