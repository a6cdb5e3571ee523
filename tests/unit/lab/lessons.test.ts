// The lesson library: every lesson file validates, covers the required cases in order, is complete in both
// languages, and — for the main run and every compare-run — the trace satisfies every claim the lesson makes.
// These tests keep a lesson's text from drifting away from what the simulator does.
import { describe, expect, it } from 'vitest';
import { checkExpectations } from '../../../src-main/lab/expect.js';
import { LESSONS, LESSON_LOAD_ERRORS, lessonById, lessonList } from '../../../src-main/lab/lessons/index.js';
import { runScenario } from '../../../src-main/lab/scenario-exec.js';
import { formatErrors, withCompare } from '../../../src-main/lab/scenario.js';
import { traceLine } from '../../../src-main/net/trace.js';

const REQUIRED_IDS = [
  'three-way-handshake', 'handshake-knowledge', 'old-duplicate-syn', 'lost-synack-two-way', 'syn-lost',
  'synack-lost', 'third-ack-lost', 'third-ack-lost-then-data', 'data-on-third-ack', 'syn-flood',
  'four-way-close', 'half-close', 'fin-lost', 'server-fin-lost', 'last-ack-lost',
  'time-wait-old-duplicates', 'fin-wait-2-timeout', 'simultaneous-open-close', 'reset', 'time-wait-length', 'accept-queue-full',
  'old-syn-new-attempt', 'server-closes-first', 'peer-crash',
];

describe('the lesson library', () => {
  it('loads every file without validation errors', () => {
    const report = LESSON_LOAD_ERRORS.map((e) => `${e.file}\n  ${formatErrors(e.errors).join('\n  ')}`).join('\n');
    expect(report).toBe('');
  });
  it('has the 24 required lessons, in order', () => {
    expect(LESSONS.map((l) => l.id)).toEqual(REQUIRED_IDS);
    expect(LESSONS.map((l) => l.order)).toEqual(REQUIRED_IDS.map((_, i) => i + 1));
    expect(lessonById('third-ack-lost')?.file).toBe('07-third-ack-lost.json');
    expect(lessonById('no-such-lesson')).toBeUndefined();
    expect(lessonList()[6]).toEqual({ id: 'third-ack-lost', order: 7, title: { en: 'The third ACK is lost', 'zh-CN': '第三次握手的 ACK 丢失' } });
  });
  it('is complete in both languages, with the same number of steps and notices', () => {
    for (const l of LESSONS) {
      const { en, 'zh-CN': zh } = l.lesson.narrative;
      expect([l.id, zh.steps.length, zh.notice.length]).toEqual([l.id, en.steps.length, en.notice.length]);
      expect(/[\u4e00-\u9fff]/.test(l.title['zh-CN'] + zh.goal + zh.answer), l.id).toBe(true);
      for (const c of l.lesson.compare ?? []) expect(/[\u4e00-\u9fff]|_/.test(c.label['zh-CN']), `${l.id}: ${c.label.en}`).toBe(true);
    }
  });
  it('lesson 2 has the "who can be sure of what" table, filled by step', () => {
    const table = lessonById('handshake-knowledge')?.lesson.table;
    expect(table?.columns.map((c) => c.en)).toEqual(['A can send', 'A can receive', 'B can send', 'B can receive']);
    expect(table?.rows.map((r) => [r.label.en, r.knownAtStep])).toEqual([['A is sure', [2, 2, 2, 2]], ['B is sure', [1, 3, 3, 1]]]);
  });
  it('runs deterministically: the same lesson gives a byte-identical trace', () => {
    const l = lessonById('third-ack-lost')!;
    const a = runScenario(l.scenario).trace.map(traceLine).join('\n');
    const b = runScenario(l.scenario).trace.map(traceLine).join('\n');
    expect(a.length).toBeGreaterThan(1000);
    expect(a).toBe(b);
  });
});

for (const lesson of LESSONS) {
  describe(`lesson ${lesson.order}: ${lesson.id}`, () => {
    const runs = [
      { label: 'main run', scenario: lesson.scenario, expect: lesson.lesson.expect },
      ...(lesson.lesson.compare ?? []).map((c) => ({ label: `compare: ${c.label.en}`, scenario: withCompare(lesson.scenario, c), expect: c.expect })),
    ];
    for (const run of runs) {
      it(`${run.label} — every claim holds`, () => {
        const result = runScenario(run.scenario);
        expect(result.actionErrors).toEqual([]);
        const failed = checkExpectations(result.trace, run.expect, result.received)
          .filter((c) => !c.ok)
          .map((c) => `${c.claim} — ${c.detail}`);
        expect(failed).toEqual([]);
      });
    }
  });
}
