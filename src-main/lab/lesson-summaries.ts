// The lesson list as the host and the CLI show it.
import type { LessonSummary } from '../contract/index.js';
import { LESSONS } from './lessons/index.js';

export function lessonSummaries(): LessonSummary[] {
  return LESSONS.map((l) => ({ id: l.id, order: l.order, title: l.title }));
}
