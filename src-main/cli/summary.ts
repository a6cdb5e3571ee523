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
  const other: Lang = lang === 'en' ? 'zh-CN' : 'en';
  return [
    lang === 'en' ? `${input.title[lang]} / ${input.title[other]}  (${origin})` : `${input.title[lang]} / ${input.title[other]}（${origin}）`,
    msg('summaryRun', String(m.seed ?? '?'), m.profile ?? '?', String(m.untilMs ?? '?'), m.compare ?? null)[lang],
    msg('summaryCounts', input.trace.length, input.packets.length, missing > 0, delivered, dropped, travelling)[lang],
    ...(missing > 0 ? [`  ${msg('offRecord', missing, sent)[lang]}`] : []),
    ...crashes.map((c) => msg('hostCrash', c.host, c.atMs, c.upMs)[lang]),
    finals.size === 0 ? msg('noStateChange')[lang] : msg('finalStates')[lang],
    ...finalStateLines(finals, lang),
  ];
}

/** Connections listed per host and final state; a flood's thousands of half-open ones are counted instead. */
export const MAX_LISTED_PER_STATE = 10;

/**
 * One line per connection, in the order they first changed state, but at most MAX_LISTED_PER_STATE per host and
 * state: where the next one would be, one line says how many more there are ("… and 87 more SYN-RECEIVED on B").
 * So a SYN flood's summary stays short, and the client's own connection, which comes later, is still listed.
 */
function finalStateLines(finals: ReadonlyMap<string, string>, lang: Lang): string[] {
  const groupOf = (key: string, state: string) => `${key.slice(0, key.indexOf('  '))} ${state}`;
  const total = new Map<string, number>();
  for (const [key, state] of finals) total.set(groupOf(key, state), (total.get(groupOf(key, state)) ?? 0) + 1);
  const seen = new Map<string, number>();
  const rows: Array<{ key: string; state: string } | { more: number; host: string; state: string }> = [];
  for (const [key, state] of finals) {
    const group = groupOf(key, state);
    const n = (seen.get(group) ?? 0) + 1;
    seen.set(group, n);
    if (n <= MAX_LISTED_PER_STATE) rows.push({ key, state });
    else if (n === MAX_LISTED_PER_STATE + 1) rows.push({ more: (total.get(group) ?? n) - MAX_LISTED_PER_STATE, host: key.slice(0, key.indexOf('  ')), state });
  }
  const width = Math.max(0, ...rows.map((r) => ('key' in r ? r.key.length : 0)));
  return rows.map((r) => ('key' in r ? `  ${r.key.padEnd(width)}  ${r.state}` : `  ${msg('moreConnections', r.more, r.state, r.host)[lang]}`));
}
