// Every word the ladder picture prints around the Wireshark labels, in the export's language: the tags
// after a label (lineage, corruption, time parked), drop reasons and state names. The Wireshark notation
// itself ([SYN, ACK] Seq=0 …) and RFC state names stay as they are in every language, as in the app.
import { localizeTraceText } from '../../contract/trace-text.js';
import { formatMs } from './svg-ladder-axis.js';
import type { LadderArrow } from './svg-ladder-model.js';
import { strings } from './strings.js';
import type { Lang } from './types.js';

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w)\}/g, (whole, k: string) => values[k] ?? whole);
}

/** "the user", "rule 2" (the action is the park's kind already). */
function actor(by: string, lang: Lang): string {
  const s = strings(lang);
  if (by === 'user' || by === 'the user') return s.actorUser;
  const rule = /^rule (\S+) \(\w+\)$/.exec(by);
  return rule === null ? by : s.actorRule(rule[1]!);
}

function lineageTag(a: LadderArrow, lang: Lang): string | null {
  const s = strings(lang);
  const l = a.lineage;
  switch (l.type) {
    case 'original': return null;
    case 'injected': return s.injected;
    case 'retransmission': return l.of === null ? s.retransmission : fill(s.lineage.retransmission, { n: String(l.of) });
    default: return fill(s.lineage[l.type], { n: String(l.of) });
  }
}

/** What follows a label in brackets: "retransmission of #1, held 3 s by the user"; '' when nothing. */
export function arrowTag(a: LadderArrow, lang: Lang): string {
  const s = strings(lang);
  const parts: string[] = [];
  const lineage = lineageTag(a, lang);
  if (lineage !== null) parts.push(lineage);
  if (a.corrupted) parts.push(s.corrupted);
  if (a.park !== null) {
    const who = actor(a.park.by, lang);
    parts.push(a.park.endMs === null ? fill(s.parkOpen[a.park.kind], { a: who }) : fill(s.park[a.park.kind], { a: who, d: formatMs(a.park.endMs - a.park.startMs) }));
  }
  return parts.join(lang === 'zh-CN' ? '，' : ', ');
}

/** "#3 rule 1 (drop)" → "#3 规则 1 丢弃了它"…: the reason as the app shows it. */
export function dropText(a: LadderArrow, lang: Lang): string {
  return `#${a.id} ${a.dropReason === null ? strings(lang).dropped : localizeTraceText(a.dropReason, lang)}`;
}

/**
 * The states' names in the legend: "ESTABLISHED 已建立连接" for each state the picture shows, in Chinese only.
 * The diagram itself prints the RFC names, as the app and the zh-CN lessons do; a gloss beside every state
 * change would crowd the columns.
 */
export function stateGlossary(states: Iterable<string>, lang: Lang): string[] {
  const gloss = strings(lang).stateGloss;
  return [...new Set(states)].filter((st) => gloss[st] !== undefined).map((st) => `${st} ${gloss[st]}`);
}
