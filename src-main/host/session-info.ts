// SessionInfo and LessonDetail: the plain copies the renderer gets about the open session and a lesson.
import type { LessonDetail, SessionInfo } from '../contract/session.js';
import type { Lesson } from '../lab/lessons/index.js';
import type { LabSession } from '../lab/session-lab.js';

export function sessionInfo(lab: LabSession, playing: boolean, speed: number): SessionInfo {
  const p = lab.prepared, tl = lab.timeline, c = lab.cursor;
  const lesson = lab.session.lesson;
  return {
    title: { en: p.scenario.title.en, 'zh-CN': p.scenario.title['zh-CN'] },
    lessonId: lesson?.id ?? null,
    compare: lesson?.compare ?? null,
    profile: p.run.profile,
    seed: p.run.seed,
    hosts: p.run.hosts.map((h) => ({ name: h.name, ip: h.ip })),
    untilMs: p.run.untilMs,
    branches: lab.branches.map((b) => ({ id: b.id, name: b.name, parent: b.parent, forkAtMs: b.forkAtMs, actionCount: b.actions.length })),
    branch: lab.currentBranch.id,
    headMs: tl.headMs,
    headEvent: tl.headEvent,
    cursorMs: c.tMs,
    cursorEvent: c.event,
    playing,
    speed,
    canUndo: lab.canUndo,
    canRedo: lab.canRedo,
  };
}

export function lessonDetail(l: Lesson): LessonDetail {
  const detail: LessonDetail = {
    id: l.id,
    order: l.order,
    title: { en: l.title.en, 'zh-CN': l.title['zh-CN'] },
    narrative: { en: l.lesson.narrative.en, 'zh-CN': l.lesson.narrative['zh-CN'] },
    compare: (l.lesson.compare ?? []).map((c, index) => ({ index, label: { en: c.label.en, 'zh-CN': c.label['zh-CN'] } })),
  };
  if (l.lesson.table !== undefined) detail.table = l.lesson.table;
  return detail;
}
