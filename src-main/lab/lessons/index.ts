// The lesson library: one tcplab.scenario/1 file per lesson, each with a `lesson` block (see docs/LESSONS.md).
// Every file is validated when this module loads. A file that fails validation is left out of LESSONS
// and reported in LESSON_LOAD_ERRORS (tests/unit/lab/lessons.test.ts fails on any), so one broken lesson
// cannot take the CLI or the app down with it.
import type { RunSpec } from '../../net/spec.js';
import { parseScenario, type LessonBlock, type Scenario, type ScenarioError } from '../scenario.js';
import l01 from './01-three-way-handshake.json' with { type: 'json' };
import l02 from './02-handshake-knowledge.json' with { type: 'json' };
import l03 from './03-old-duplicate-syn.json' with { type: 'json' };
import l04 from './04-lost-synack-two-way.json' with { type: 'json' };
import l05 from './05-syn-lost.json' with { type: 'json' };
import l06 from './06-synack-lost.json' with { type: 'json' };
import l07 from './07-third-ack-lost.json' with { type: 'json' };
import l08 from './08-third-ack-lost-then-data.json' with { type: 'json' };
import l09 from './09-data-on-third-ack.json' with { type: 'json' };
import l10 from './10-syn-flood.json' with { type: 'json' };
import l11 from './11-four-way-close.json' with { type: 'json' };
import l12 from './12-half-close.json' with { type: 'json' };
import l13 from './13-fin-lost.json' with { type: 'json' };
import l14 from './14-server-fin-lost.json' with { type: 'json' };
import l15 from './15-last-ack-lost.json' with { type: 'json' };
import l16 from './16-time-wait-old-duplicates.json' with { type: 'json' };
import l17 from './17-fin-wait-2-timeout.json' with { type: 'json' };
import l18 from './18-simultaneous-open-close.json' with { type: 'json' };
import l19 from './19-reset.json' with { type: 'json' };
import l20 from './20-time-wait-length.json' with { type: 'json' };
import l21 from './21-accept-queue-full.json' with { type: 'json' };
import l22 from './22-old-syn-new-attempt.json' with { type: 'json' };
import l23 from './23-server-closes-first.json' with { type: 'json' };
import l24 from './24-peer-crash.json' with { type: 'json' };

/** File name and content, in lesson order. */
const FILES: ReadonlyArray<readonly [string, unknown]> = [
  ['01-three-way-handshake.json', l01],
  ['02-handshake-knowledge.json', l02],
  ['03-old-duplicate-syn.json', l03],
  ['04-lost-synack-two-way.json', l04],
  ['05-syn-lost.json', l05],
  ['06-synack-lost.json', l06],
  ['07-third-ack-lost.json', l07],
  ['08-third-ack-lost-then-data.json', l08],
  ['09-data-on-third-ack.json', l09],
  ['10-syn-flood.json', l10],
  ['11-four-way-close.json', l11],
  ['12-half-close.json', l12],
  ['13-fin-lost.json', l13],
  ['14-server-fin-lost.json', l14],
  ['15-last-ack-lost.json', l15],
  ['16-time-wait-old-duplicates.json', l16],
  ['17-fin-wait-2-timeout.json', l17],
  ['18-simultaneous-open-close.json', l18],
  ['19-reset.json', l19],
  ['20-time-wait-length.json', l20],
  ['21-accept-queue-full.json', l21],
  ['22-old-syn-new-attempt.json', l22],
  ['23-server-closes-first.json', l23],
  ['24-peer-crash.json', l24],
];

export interface Lesson {
  id: string;
  order: number;
  title: Scenario['title'];
  tags: string[];
  /** e.g. "07-third-ack-lost.json" */
  file: string;
  scenario: Scenario;
  lesson: LessonBlock;
  run: RunSpec;
}

export interface LessonLoadError {
  file: string;
  errors: ScenarioError[];
}

function load(): { lessons: Lesson[]; errors: LessonLoadError[] } {
  const lessons: Lesson[] = [];
  const errors: LessonLoadError[] = [];
  for (const [file, json] of FILES) {
    const parsed = parseScenario(json);
    if (!parsed.ok) {
      errors.push({ file, errors: parsed.errors });
      continue;
    }
    const lesson = parsed.scenario.lesson;
    // The file name is NN-id.json: the order and id inside must agree with it.
    const expected = lesson ? `${String(lesson.order).padStart(2, '0')}-${lesson.id}.json` : '';
    if (!lesson || expected !== file) {
      const detail = lesson ? `file name should be ${expected}` : 'the file has no "lesson" block';
      errors.push({ file, errors: [{ path: '$.lesson', message: detail, code: 'bad-value', params: { detail } }] });
      continue;
    }
    lessons.push({
      id: lesson.id, order: lesson.order, title: parsed.scenario.title, tags: lesson.tags,
      file, scenario: parsed.scenario, lesson, run: parsed.run,
    });
  }
  lessons.sort((a, b) => a.order - b.order);
  return { lessons, errors };
}

const loaded = load();

/** Every valid lesson, by order. */
export const LESSONS: readonly Lesson[] = loaded.lessons;

/** Lesson files that failed validation (empty in a correct build). */
export const LESSON_LOAD_ERRORS: readonly LessonLoadError[] = loaded.errors;

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** What `tcplab lessons` prints: id, order and both titles. */
export function lessonList(): Array<{ id: string; order: number; title: Scenario['title'] }> {
  return LESSONS.map((l) => ({ id: l.id, order: l.order, title: { en: l.title.en, 'zh-CN': l.title['zh-CN'] } }));
}
