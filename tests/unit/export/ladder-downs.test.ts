// A crashed host's down time on the exported ladder (svg-ladder-downs.ts), as the app's ladder shades it:
// lesson 24 (B crashes at 1000 ms for 3000 ms) and its compare run where B stays down, in both languages. The
// PNG export is the same picture (png.test.ts checks its pixels).
import { describe, expect, it } from 'vitest';
import { hostDowns } from '../../../src-main/contract/host-downs.js';
import { renderExport, sessionExportInput } from '../../../src-main/lab/export/index.js';
import { ladderSvg } from '../../../src-main/lab/export/svg-ladder.js';
import type { ExportInput } from '../../../src-main/lab/export/types.js';
import { lessonById } from '../../../src-main/lab/lessons/index.js';
import { newSession } from '../../../src-main/lab/session-model.js';
import { hostDownsOf } from '../../../src-renderer/lib/host-downs.js';

function lesson24(compare: number | null = null): ExportInput {
  const l = lessonById('peer-crash')!;
  return sessionExportInput(newSession(JSON.parse(JSON.stringify(l.scenario)) as Record<string, unknown>, l.scenario.seed, { id: l.id, compare }));
}

interface Band { host: string; title: string; x: number; top: number; bottom: number; upBar: boolean }

function bands(svg: string): Band[] {
  return [...svg.matchAll(/<g class="down" data-host="([^"]+)"><title>([^<]*)<\/title><rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"[^>]*\/><path d="([^"]*)"/g)].map((m) => ({
    host: m[1]!, title: m[2]!, x: Number(m[3]) + Number(m[5]) / 2, top: Number(m[4]), bottom: Number(m[4]) + Number(m[6]),
    // The cross at the crash is two strokes; a third, horizontal one is the bar where the host came up.
    upBar: (m[7]!.match(/M/g) ?? []).length === 3,
  }));
}

/** y of an instant's row: its tick label sits 4 px below it (svg-ladder-layout.ts, dy 4). */
function tickRowY(svg: string, label: string): number {
  const m = new RegExp(`<text x="[\\d.]+" y="([\\d.]+)" text-anchor="end" fill="#6b7280">${label}</text>`).exec(svg);
  if (m === null) throw new Error(`no tick "${label}"`);
  return Number(m[1]) - 4;
}

const columnX = (svg: string, host: string): number => Number(new RegExp(`<text x="([\\d.]+)" y="56" text-anchor="middle" font-size="14" font-weight="bold" fill="#111827">${host}</text>`).exec(svg)![1]);
const marks = (svg: string): string[] => [...svg.matchAll(/<text [^>]*class="down-mark"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

describe('the exported ladder shades a crashed host (lesson 24)', () => {
  const input = lesson24();

  it('uses the app\'s computation of the down time (one shared module)', () => {
    expect(hostDowns(input.trace)).toEqual([{ host: 'B', fromMs: 1000, upMs: 4000, downMs: 3000 }]);
    expect(hostDownsOf(input.trace)).toEqual(hostDowns(input.trace));
  });

  it('in English: B\'s column from the crash row to the reboot row, "crashed", "up again" and a legend entry', () => {
    const svg = renderExport(input, 'svg-ladder', 'en') as string;
    expect(bands(svg)).toEqual([{ host: 'B', title: 'B down (crashed) from 1 s to 4 s', x: columnX(svg, 'B'), top: tickRowY(svg, '1 s'), bottom: tickRowY(svg, '4 s'), upBar: true }]);
    expect(marks(svg)).toEqual(['crashed', 'up again']);
    expect(svg).toContain('>host down (crashed)</text>');
  });

  it('in Chinese: the same band, with the app\'s words', () => {
    const svg = renderExport(input, 'svg-ladder', 'zh-CN') as string;
    expect(bands(svg)).toEqual([{ host: 'B', title: 'B 宕机（已崩溃）：1 s 至 4 s', x: columnX(svg, 'B'), top: tickRowY(svg, '1 s'), bottom: tickRowY(svg, '4 s'), upBar: true }]);
    expect(marks(svg)).toEqual(['崩溃', '重新启动']);
    expect(svg).toContain('>主机宕机（已崩溃）</text>');
  });

  it('the HTML report\'s ladder has it too', () => {
    expect(bands(renderExport(input, 'html', 'en') as string)).toHaveLength(1);
  });

  it('a host that stays down is shaded to the bottom of the picture, without "up again"', () => {
    const stays = lesson24(0); // compare run "B stays down"
    expect(hostDowns(stays.trace)).toEqual([{ host: 'B', fromMs: 1000, upMs: null, downMs: null }]);
    const svg = ladderSvg(stays, { lang: 'en' });
    const [band] = bands(svg);
    expect(band).toMatchObject({ host: 'B', title: 'B down (crashed) from 1 s to the end', upBar: false });
    const lastTick = Math.max(...[...svg.matchAll(/<text x="[\d.]+" y="([\d.]+)" text-anchor="end" fill="#6b7280">/g)].map((m) => Number(m[1]) - 4));
    expect(band!.bottom).toBeGreaterThan(lastTick);
    expect(marks(svg)).toEqual(['crashed']);
  });

  it('a picture without a crash has neither bands nor the legend entry', () => {
    const l = lessonById('three-way-handshake')!;
    const plain = sessionExportInput(newSession(JSON.parse(JSON.stringify(l.scenario)) as Record<string, unknown>, l.scenario.seed, { id: l.id, compare: null }));
    const svg = ladderSvg(plain);
    expect(bands(svg)).toEqual([]);
    expect(svg).not.toContain('host down');
  });
});
