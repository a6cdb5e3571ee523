// The exported ladder as a teacher prints it: no text covers another, packets sent together are all
// visible, and a Chinese export has no English words besides the protocol's own notation.
import { describe, expect, it } from 'vitest';
import { renderExport, sessionExportInput } from '../../../src-main/lab/export/index.js';
import { ladderSvg } from '../../../src-main/lab/export/svg-ladder.js';
import { boxesOverlap, textBox, type Box } from '../../../src-main/lab/export/svg-text.js';
import type { ExportInput } from '../../../src-main/lab/export/types.js';
import { LESSONS } from '../../../src-main/lab/lessons/index.js';
import { newSession } from '../../../src-main/lab/session-model.js';
import { interventionRun } from './fixture.js';

const inputs = new Map<string, ExportInput>();
function lessonInput(id: string): ExportInput {
  let input = inputs.get(id);
  if (input === undefined) {
    const lesson = LESSONS.find((l) => l.id === id)!;
    input = sessionExportInput(newSession(JSON.parse(JSON.stringify(lesson.scenario)) as Record<string, unknown>, lesson.scenario.seed, { id, compare: null }));
    inputs.set(id, input);
  }
  return input;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (s: string): string => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);

interface SvgText { text: string; box: Box }

/** Every <text> of the picture with its box, estimated the way the layout estimates it (svg-text.ts textBox). */
function svgTexts(svg: string): SvgText[] {
  const out: SvgText[] = [];
  for (const m of svg.matchAll(/<text([^>]*)>(.*?)<\/text>/g)) {
    const attr = (name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(m[1]!)?.[1];
    const text = unescape(m[2]!.replace(/<[^>]+>/g, ''));
    const anchor = (attr('text-anchor') ?? 'start') as 'start' | 'middle' | 'end';
    out.push({ text, box: textBox(Number(attr('x')), Number(attr('y')), anchor, text, Number(attr('font-size') ?? 11)) });
  }
  return out;
}

function overlaps(texts: readonly SvgText[]): string[] {
  const sorted = [...texts].sort((a, b) => a.box.y0 - b.box.y0);
  const found: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.box.y0 < sorted[i]!.box.y1; j++) {
      if (boxesOverlap(sorted[i]!.box, sorted[j]!.box)) found.push(`"${sorted[i]!.text}" / "${sorted[j]!.text}"`);
    }
  }
  return found;
}

describe('ladder export layout', () => {
  const cases: Array<[string, () => ExportInput]> = [
    ['syn-flood', () => lessonInput('syn-flood')], ['four-way-close', () => lessonInput('four-way-close')],
    ['reset', () => lessonInput('reset')], ['simultaneous-open-close', () => lessonInput('simultaneous-open-close')], ['interventions fixture', interventionRun],
    // A crashed host: its "crashed" and "up again" marks are placed like the other texts (svg-ladder-downs.ts).
    ['peer-crash', () => lessonInput('peer-crash')],
  ];
  for (const [name, input] of cases) {
    for (const lang of ['en', 'zh-CN'] as const) {
      it(`${name} (${lang}): no two texts overlap`, () => {
        const svg = ladderSvg(input(), { lang, maxArrows: 400 });
        const texts = svgTexts(svg);
        expect(texts.length).toBeGreaterThan(10);
        expect(overlaps(texts)).toEqual([]);
        // The picture is wide enough for every text in it.
        const [, minX, width] = /viewBox="(-?[\d.]+) 0 ([\d.]+) /.exec(svg)!.map(Number);
        for (const t of texts) expect(t.box.x0 >= minX! - 2 && t.box.x1 <= minX! + width! + 2, t.text).toBe(true);
      }, 30_000);
    }
  }

  it('draws packets sent in the same millisecond on their own rows, each with its label', () => {
    // Lesson 19's mid-transfer reset: A sends #10-#19 at 1100 ms, all delivered at 1120 ms, and B's ten RSTs
    // leave together: before, their arrows were drawn exactly on top of each other.
    const input = lessonInput('reset');
    const svg = ladderSvg(input);
    const lines = [...svg.matchAll(/<g class="pkt" data-id="(\d+)">.*?<polyline points="([^"]+)"/g)].map((m) => ({ id: Number(m[1]), points: m[2]! }));
    expect(lines.length).toBe(input.packets.length);
    const starts = new Map<string, number[]>();
    for (const l of lines) {
      const first = l.points.split(' ')[0]!;
      starts.set(first, [...(starts.get(first) ?? []), l.id]);
    }
    expect([...starts.values()].filter((ids) => ids.length > 1)).toEqual([]);
    expect(new Set(lines.map((l) => l.points)).size).toBe(lines.length);
    const labels = svgTexts(svg).map((t) => t.text);
    for (const l of lines) expect(labels.some((t) => t.startsWith(`#${l.id} [`)), `label of #${l.id}`).toBe(true);
  });

  it('keeps the options for the tooltip when a crowded row drops them from the label', () => {
    const svg = ladderSvg(lessonInput('syn-flood'), { maxArrows: 200 });
    const titles = [...svg.matchAll(/<g class="pkt" data-id="(\d+)"><title>([^<]*)<\/title>/g)];
    expect(titles.length).toBe(200);
    expect(titles.every((m) => m[2]!.startsWith(`#${m[1]} [`))).toBe(true);
    expect(titles.some((m) => m[2]!.includes('MSS='))).toBe(true);
  });
});

/** Words a Chinese export may keep: protocol notation (flags, Wireshark fields, RFC state names), units, file formats. */
const NOTATION = new Set([
  'SYN', 'ACK', 'FIN', 'RST', 'PSH', 'URG', 'ECE', 'CWR', 'Seq', 'Ack', 'Win', 'Len', 'MSS', 'SACK_PERM', 'TSval', 'TSecr', 'WS', 'SLE', 'SRE',
  'CLOSED', 'LISTEN', 'SYN-SENT', 'SYN-RECEIVED', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT',
  'SYN-ACK', 'ms', 's', 'min', 'TCP', 'RFC', 'ISN', 'pcapng', 'CSV',
]);

/** Names the scenario gave (hosts, rule ids such as "lose-synack"): data, not words of the picture. */
function namesOf(input: ExportInput): string[] {
  const said = input.trace.map((ev) => (ev.kind === 'segment.drop' ? ev.reason : 'by' in ev ? String(ev.by) : ''));
  const rules = said.flatMap((text) => [...text.matchAll(/rule (\S+) \(/g)].map((m) => m[1]!));
  return [...input.hosts.map((h) => h.name), ...rules];
}

function englishWords(svg: string, hosts: readonly string[]): string[] {
  const texts = [...svg.matchAll(/<(text|title)[^>]*>(.*?)<\/\1>/g)].map((m) => unescape(m[2]!.replace(/<[^>]+>/g, '')));
  texts.push(unescape(/aria-label="([^"]*)"/.exec(svg)![1]!));
  const words = texts.flatMap((t) => t.match(/[A-Za-z][A-Za-z0-9_-]*/g) ?? []);
  return [...new Set(words.filter((w) => !NOTATION.has(w) && !hosts.includes(w) && !/^[A-Z]$/.test(w)))];
}

describe('ladder export in Chinese', () => {
  for (const id of ['old-duplicate-syn', 'lost-synack-two-way', 'syn-flood', 'time-wait-old-duplicates', 'reset', 'peer-crash', 'fixture']) {
    it(`${id}: every word around the protocol notation is Chinese (SVG and the PNG's picture)`, () => {
      const input = id === 'fixture' ? interventionRun() : lessonInput(id);
      const hosts = namesOf(input);
      const zh = renderExport(input, 'svg-ladder', 'zh-CN') as string;
      expect(englishWords(zh, hosts)).toEqual([]);
      expect(englishWords(ladderSvg(input, { lang: 'zh-CN', maxArrows: 200 }), hosts)).toEqual([]);
      expect(zh).toContain('路由器');
      // The same picture in English does have words of its own (the check can fail).
      expect(englishWords(renderExport(input, 'svg-ladder', 'en') as string, hosts)).toContain('router');
    }, 30_000);
  }
});
