// One self-contained, offline HTML file: inline CSS, inline SVG, no scripts and no URL of any kind, so it
// opens from a USB stick or an e-mail attachment exactly as it was made. Sections: the run, the lesson
// text, the ladder, the state diagrams, the interventions, the branches, the packets and the events.
import { localizeTraceText } from '../../contract/trace-text.js';
import { flagsToLetters } from '../../tcp/segment.js';
import { describeAction } from './actions-text.js';
import { eventDetail } from './event-text.js';
import { indexPacketEvents, packetStoryFrom } from './fate.js';
import type { RelativeNumbers } from '../../contract/relative-seq.js';
import { segLabel } from './svg-label.js';
import { packetNumbers } from '../packet-numbers.js';
import { ladderSvg } from './svg-ladder.js';
import { stateSvg } from './svg-state.js';
import { strings, type Strings } from './strings.js';
import { escapeXml as esc } from './svg-text.js';
import type { ExportInput, Lang } from './types.js';

export interface HtmlOptions {
  lang: Lang;
  /** Show the lesson text in both languages (the chosen one first). */
  bothLanguages?: boolean;
  maxEvents?: number;
  maxPackets?: number;
}

const CSS = `body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#111827;line-height:1.5}
h1{font-size:1.6rem}h2{border-bottom:1px solid #e5e7eb;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;font-size:.85rem;width:100%}th,td{border:1px solid #e5e7eb;padding:.2rem .4rem;text-align:left;vertical-align:top}
th{background:#f3f4f6;white-space:nowrap}td.num{text-align:right;font-variant-numeric:tabular-nums}code,td.mono{font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:.8rem}
.figure{overflow-x:auto;border:1px solid #e5e7eb;margin:.5rem 0}.note{color:#6b7280;font-style:italic}dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}dt{font-weight:bold}
.answer{background:#f9fafb;border-left:3px solid #9ca3af;padding:.3rem .8rem}
@media print{.figure{overflow:visible}}`;

function table(head: readonly string[], rows: ReadonlyArray<ReadonlyArray<{ text: string; cls?: string }>>): string {
  const th = head.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td${c.cls === undefined ? '' : ` class="${c.cls}"`}>${esc(c.text)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function runSection(input: ExportInput, s: Strings): string {
  const m = input.meta ?? {};
  const items: Array<[string, string]> = [];
  if (m.lessonId !== undefined && m.lessonId !== null) items.push([s.lesson, m.lessonId]);
  if (m.compare !== undefined && m.compare !== null) items.push([s.compare, String(m.compare)]);
  if (m.seed !== undefined) items.push([s.seed, String(m.seed)]);
  if (m.profile !== undefined) items.push([s.profile, m.profile]);
  if (m.untilMs !== undefined) items.push([s.until, `${m.untilMs} ms`]);
  if (m.branch !== undefined) items.push([s.branch, m.branch]);
  items.push([s.hosts, input.hosts.map((h) => `${h.name} ${h.ip}`).join(', ')]);
  return `<h2>${esc(s.run)}</h2><dl>${items.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

function lessonSection(input: ExportInput, opts: HtmlOptions): string {
  if (input.lesson === undefined) return '';
  const langs: Lang[] = opts.bothLanguages === true ? [opts.lang, opts.lang === 'en' ? 'zh-CN' : 'en'] : [opts.lang];
  return langs.map((lang) => {
    const s = strings(lang), n = input.lesson!.narrative[lang];
    const list = (xs: readonly string[], tag: 'ol' | 'ul') => `<${tag}>${xs.map((x) => `<li>${esc(x)}</li>`).join('')}</${tag}>`;
    return `<section lang="${lang}"><h2>${esc(s.lesson)}: ${esc(input.title[lang])}</h2>` +
      `<h3>${esc(s.goal)}</h3><p>${esc(n.goal)}</p><h3>${esc(s.steps)}</h3>${list(n.steps, 'ol')}` +
      `<h3>${esc(s.notice)}</h3>${list(n.notice, 'ul')}<h3>${esc(s.question)}</h3><p>${esc(n.question)}</p>` +
      `<h3>${esc(s.answer)}</h3><p class="answer">${esc(n.answer)}</p></section>`;
  }).join('\n');
}

function interventionSection(input: ExportInput, s: Strings): string {
  const body = input.actions.length === 0 ? `<p class="note">${esc(s.noInterventions)}</p>`
    : `<ol>${input.actions.map((a) => `<li><code>${esc(describeAction(a, s.lang))}</code></li>`).join('')}</ol>`;
  const branches = input.branches.length === 0 ? '' : `<h2>${esc(s.branches)}</h2>` + table(s.branchCols,
    input.branches.map((b) => [{ text: b.name }, { text: b.parent ?? '—' }, { text: `${b.forkAtMs} ms`, cls: 'num' }, { text: String(b.actionCount), cls: 'num' }]));
  return `<h2>${esc(s.interventions)}</h2>${body}${branches}`;
}

function packetSection(input: ExportInput, s: Strings, max: number): string {
  const index = indexPacketEvents(input.trace);
  const numbers = packetNumbers(input.trace);
  const shown = input.packets.slice(0, max);
  const rows = shown.map((r) => {
    const label = labelOfRecord(r, numbers);
    return [{ text: String(r.id), cls: 'num' }, { text: `${r.sentMs} ms`, cls: 'num' }, { text: `${r.from} → ${r.to ?? '?'}` },
      { text: label, cls: 'mono' }, { text: localizeTraceText(packetStoryFrom(index, r), s.lang) }];
  });
  const note = input.packets.length > shown.length ? `<p class="note">${esc(s.packetsCapped(shown.length, input.packets.length))}</p>` : '';
  return `<h2>${esc(s.packets)}</h2>${note}${table(s.packetCols, rows)}`;
}

function labelOfRecord(r: ExportInput['packets'][number], numbers: ReadonlyMap<number, RelativeNumbers>): string {
  return segLabel({ flags: flagsToLetters(r.seg.flags), seq: r.seg.seq, ack: r.seg.ack, len: r.seg.payload.length, win: r.seg.window, options: r.seg.options }, numbers.get(r.id));
}

function eventSection(input: ExportInput, s: Strings, max: number): string {
  const shown = input.trace.slice(0, max);
  const rows = shown.map((ev) => {
    const e = ev as { conn?: string | null; id?: number; seg?: { flags: string; seq: number; ack: number; len: number; win: number } };
    const seg = e.seg === undefined ? '' : `${e.seg.flags || '-'} seq=${e.seg.seq} ack=${e.seg.ack} len=${e.seg.len} win=${e.seg.win}`;
    return [{ text: String(ev.t), cls: 'num' }, { text: ev.kind }, { text: ev.host }, { text: e.conn ?? '', cls: 'mono' }, { text: e.id === undefined ? '' : String(e.id), cls: 'num' },
      { text: seg, cls: 'mono' }, { text: ev.kind === 'state' ? `${ev.from} → ${ev.to}` : '' }, { text: eventDetail(ev, s.lang) }];
  });
  const note = input.trace.length > shown.length ? `<p class="note">${esc(s.eventsCapped(shown.length, input.trace.length))}</p>` : '';
  return `<h2>${esc(s.events)}</h2>${note}${table(s.eventCols, rows)}`;
}

export function htmlReport(input: ExportInput, opts: HtmlOptions): string {
  const s = strings(opts.lang);
  const title = input.title[opts.lang];
  return `<!DOCTYPE html>
<html lang="${opts.lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${title} — ${s.report}`)}</title>
<style>${CSS}</style></head>
<body>
<h1>${esc(title)}</h1>
<p class="note">${esc(s.generatedBy)}</p>
${runSection(input, s)}
${lessonSection(input, opts)}
<h2>${esc(s.ladder)}</h2><div class="figure">${ladderSvg(input, { standalone: false, title, lang: opts.lang })}</div>
<h2>${esc(s.states)}</h2><div class="figure">${stateSvg(input, { lang: opts.lang, standalone: false })}</div>
${interventionSection(input, s)}
${packetSection(input, s, opts.maxPackets ?? 5000)}
${eventSection(input, s, opts.maxEvents ?? 20000)}
</body>
</html>
`;
}
