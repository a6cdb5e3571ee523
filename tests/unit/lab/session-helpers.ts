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

/** A scenario document to break on purpose: A (10.0.0.1) and B (10.0.0.2), plus the given rules, steps and fields. */
export type ScenarioDoc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function twoHostScenario(fields: ScenarioDoc): ScenarioDoc {
  return {
    format: 'tcplab.scenario/1',
    title: { en: 'T', 'zh-CN': 'T' },
    hosts: [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2' }],
    ...fields,
  };
}

/** B listens on port 80 and A connects to it, both at 0 ms (new objects each time: tests edit them). */
export function listenAndConnect(): ScenarioDoc[] {
  return [
    { atMs: 0, host: 'B', call: 'listen', port: 80 },
    { atMs: 0, host: 'A', call: 'connect', port: 40000, to: '10.0.0.2:80' },
  ];
}
