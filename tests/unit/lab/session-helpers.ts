// Shared fixtures for the session and timeline tests: a lesson opened as a session, and the lines of a trace.
import type { InterventionBody } from '../../../src-main/contract/intervention-schema.js';
import { lessonById } from '../../../src-main/lab/lessons/index.js';
import { LabSession } from '../../../src-main/lab/session-lab.js';
import { newSession, type Session } from '../../../src-main/lab/session-model.js';
import { traceLine, type TraceEvent } from '../../../src-main/net/trace.js';

export function lessonSession(id: string, compare: number | null = null): Session {
  const lesson = lessonById(id);
  if (lesson === undefined) throw new Error(`no lesson ${id}`);
  return newSession(lesson.scenario as unknown as Record<string, unknown>, lesson.scenario.seed, { id, compare });
}

export function openLesson(id: string, snapshotEvery = 5, compare: number | null = null): LabSession {
  return LabSession.open(lessonSession(id, compare), { snapshotEvery });
}

export function lines(events: readonly TraceEvent[]): string[] {
  return events.map(traceLine);
}

/** The whole current branch, run to the scenario's end. */
export function fullTrace(lab: LabSession): string[] {
  lab.timeline.computeToMs(lab.prepared.run.untilMs);
  return lines(lab.timeline.events.slice());
}

/** The first packet sent after fromMs (to intervene on it while it travels). */
export function firstSendAfter(lab: LabSession, fromMs: number, flags?: string): { t: number; id: number } {
  lab.timeline.computeToMs(lab.prepared.run.untilMs);
  const ev = lab.timeline.events.slice().find((e) => e.kind === 'segment.send' && e.t >= fromMs && (flags === undefined || e.seg.flags === flags));
  if (ev === undefined || ev.kind !== 'segment.send') throw new Error(`no segment sent after ${fromMs} ms`);
  return { t: ev.t, id: ev.id };
}

export function drop(id: number): InterventionBody {
  return { op: 'drop', id };
}
