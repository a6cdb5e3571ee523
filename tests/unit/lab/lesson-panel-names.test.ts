// A lesson step that sends the student to a panel must use the name the panel carries on screen, in each
// language: a Chinese step saying "梯形图" when the panel is titled "时序图" leaves a class hunting for it.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src-main/lab/lessons/index.js';
import { en } from '../../../src-renderer/i18n/en.js';
import { zhCN } from '../../../src-renderer/i18n/zh-CN.js';

/** The panels a lesson may name, by the English word that names them in the lessons' prose. */
const PANELS = [
  { word: /\bladder\b/i, key: 'region.ladder' },
  { word: /\bState diagram\b/, key: 'region.state' },
  { word: /\bRouter queue\b/, key: 'region.router' },
  { word: /\bPacket inspector\b/, key: 'region.inspector' },
  { word: /\bSocket controls\b/, key: 'region.sockets' },
] as const;

describe('lessons name the panels as the app titles them', () => {
  it('the English words are the panels’ English titles (so the table above stays true)', () => {
    expect(en['region.ladder']).toBe('Ladder diagram');
    expect(en['region.router']).toBe('Router queue');
  });

  for (const l of LESSONS) {
    it(`${l.order} ${l.id}: a Chinese sentence names each panel its English one names, by the panel’s Chinese title`, () => {
      const { en: e, 'zh-CN': z } = l.lesson.narrative;
      const pairs: Array<[string, string, string]> = [
        ['goal', e.goal, z.goal], ['question', e.question, z.question], ['answer', e.answer, z.answer],
        ...e.steps.map((s, i): [string, string, string] => [`steps[${i}]`, s, z.steps[i] ?? '']),
        ...e.notice.map((s, i): [string, string, string] => [`notice[${i}]`, s, z.notice[i] ?? '']),
      ];
      const wrong = pairs.flatMap(([where, a, b]) => PANELS
        .filter((p) => p.word.test(a) && !b.includes(zhCN[p.key]))
        .map((p) => `${where}: expected “${zhCN[p.key]}” in “${b}”`));
      expect(wrong).toEqual([]);
    });
  }
});
