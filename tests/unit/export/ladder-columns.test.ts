// The ladder's column order, shared by the app's canvas ladder and the SVG export (contract/ladder-columns.ts):
// the first two hosts outermost with the router between them, so every lesson reads A | router | B, and the SYN
// flood lesson's attacker M stands on the client's side by the router (it used to be A | B | router | M, with the
// router between B and M).
import { describe, expect, it } from 'vitest';
import { ladderColumnOrder } from '../../../src-main/contract/ladder-columns.js';
import { sessionExportInput } from '../../../src-main/lab/export/index.js';
import { ladderSvg } from '../../../src-main/lab/export/svg-ladder.js';
import { LESSONS } from '../../../src-main/lab/lessons/index.js';
import { newSession } from '../../../src-main/lab/session-model.js';
import { columnLayout } from '../../../src-renderer/views/ladder/geometry.js';

const R = 'router';
const names = (hosts: ReadonlyArray<{ name: string; ip: string }>) => columnLayout(hosts, 1000, 50, 50).map((c) => c.name);

describe('ladder column order', () => {
  it('puts the first two hosts outermost with the router between, further hosts inside, left then right', () => {
    expect(ladderColumnOrder([], R)).toEqual([R]);
    expect(ladderColumnOrder(['A'], R)).toEqual(['A', R]);
    expect(ladderColumnOrder(['A', 'B'], R)).toEqual(['A', R, 'B']);
    expect(ladderColumnOrder(['A', 'B', 'M'], R)).toEqual(['A', 'M', R, 'B']);
    expect(ladderColumnOrder(['A', 'B', 'C', 'D', 'E'], R)).toEqual(['A', 'C', 'E', R, 'D', 'B']);
  });

  it('every lesson has the router between its client and server; the SYN flood lesson A | M | router | B', () => {
    for (const lesson of LESSONS) {
      const hosts = lesson.scenario.hosts;
      const expected = lesson.id === 'syn-flood' ? ['A', 'M', R, 'B'] : [hosts[0]!.name, R, hosts[1]!.name];
      expect(names(hosts), lesson.id).toEqual(expected);
    }
  });

  it('the exported SVG ladder has the columns in the same order', () => {
    const lesson = LESSONS.find((l) => l.id === 'syn-flood')!;
    const input = sessionExportInput(newSession(JSON.parse(JSON.stringify(lesson.scenario)) as Record<string, unknown>, lesson.scenario.seed, { id: lesson.id, compare: null }));
    const svg = ladderSvg(input, { lang: 'en', maxArrows: 50 });
    const heads = [...svg.matchAll(/<text x="([\d.]+)"[^>]*font-size="14" font-weight="bold"[^>]*>([^<]+)<\/text>/g)].map((m) => ({ x: Number(m[1]), name: m[2] }));
    expect(heads.sort((a, b) => a.x - b.x).map((h) => h.name)).toEqual(['A', 'M', 'router', 'B']);
  });
});
