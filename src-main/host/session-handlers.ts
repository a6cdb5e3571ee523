// One handler per session command of the contract (contract/session.ts). Arguments arrive validated by
// LabHost.call; results are plain copies. See docs/HOST-API.md for each command's errors.
import { LabError } from '../contract/errors.js';
import type { CommandArgs } from '../contract/commands.js';
import type { ExportResult, KnobView, SessionCommandResults } from '../contract/session.js';
import { exportSession } from '../lab/export/index.js';
import { lessonById } from '../lab/lessons/index.js';
import { saveSession } from '../lab/session-file.js';
import { labErrorOf } from '../lab/session-lab.js';
import { connectionsOf, listenersOf, packetDetailOf, routerViewOf } from '../lab/session-views.js';
import { KNOBS } from '../tcp/profiles.js';
import { KNOB_ORDER } from '../tcp/profile-table.js';
import type { HostClock } from './clock.js';
import { lessonDetail } from './session-info.js';
import type { SessionHost } from './session-host.js';

type SessionCommand = keyof SessionCommandResults;

/** view.tcbHistory's and view.listenerHistory's points when the caller names none: about one per pixel column of the plot. */
const DEFAULT_HISTORY_POINTS = 200;
export type SessionHandlers = { [K in SessionCommand]: (args: CommandArgs<K>) => SessionCommandResults[K] };

function knobs(): KnobView[] {
  return KNOBS.map((k) => {
    const view: KnobView = { name: k.name, unit: k.unit, min: k.min, max: k.max, defaults: { ...k.defaults }, help: { en: k.en, 'zh-CN': k['zh-CN'] } };
    const high = KNOB_ORDER.find((o) => o.low === k.name)?.high;
    if (high !== undefined) view.atMost = high;
    return view;
  });
}

function exportOf(sh: SessionHost, format: CommandArgs<'session.export'>['format'], lang: 'en' | 'zh-CN', version: string, clock: HostClock): ExportResult {
  const session = sh.open.session;
  if (format === 'session') {
    const base = (session.lesson?.id ?? 'session').replace(/[^A-Za-z0-9-]+/g, '-');
    const data = saveSession(session, { appVersion: version, createdAt: clock.isoNow() });
    return { fileName: `${base}.session.json`, mime: 'application/json', encoding: 'utf8', data };
  }
  try {
    return exportSession(session, format, lang);
  } catch (err) {
    throw labErrorOf(err);
  }
}

export function sessionHandlers(sh: SessionHost, version: string, clock: HostClock): SessionHandlers {
  const lab = () => sh.open;
  return {
    'lesson.get': ({ id }) => {
      const l = lessonById(id);
      if (l === undefined) throw new LabError('unknown-lesson', `no lesson "${id}"`, '$.id');
      return lessonDetail(l);
    },
    'session.openLesson': ({ id, compare }) => sh.openLesson(id, compare),
    'session.openText': ({ text, fileName }) => sh.openText(text, fileName),
    'session.info': () => sh.info(),
    'session.export': ({ format, lang }) => exportOf(sh, format, lang ?? 'en', version, clock),
    'timeline.play': ({ speed }) => sh.play(speed),
    'timeline.pause': () => sh.pause(),
    'timeline.step': ({ unit }) => sh.edit((l) => void l.step(unit), false),
    'timeline.seek': (args) => sh.edit((l) => ('tMs' in args ? l.seekMs(args.tMs) : l.seekEvent(args.event)), false),
    'timeline.branch': ({ name }) => sh.edit((l) => l.branch(name), true),
    'timeline.switch': ({ branch }) => sh.edit((l) => l.switchTo(branch), true),
    'trace.get': ({ from, count, branch }) => lab().traceSlice(from, count, branch),
    'view.router': () => {
      const l = lab();
      return routerViewOf(l.stateAtCursor().network, l.timeline.packetNumbers);
    },
    'view.packet': ({ id }) => {
      const l = lab();
      return packetDetailOf(l.stateAtCursor().network, id, l.timeline.packetNumbers);
    },
    'view.connections': () => connectionsOf(lab().stateAtCursor().network),
    'view.tcbHistory': ({ host, conn, fromMs, points }) => {
      const l = lab();
      const h = l.tcbHistory(host, conn, fromMs, points ?? DEFAULT_HISTORY_POINTS);
      return { host, conn, fromMs: h.fromMs, toMs: l.cursor.tMs, points: h.points };
    },
    'view.listeners': () => listenersOf(lab().stateAtCursor().network),
    'view.listenerHistory': ({ host, listener, fromMs, points }) => {
      const l = lab();
      const h = l.listenerHistory(host, listener, fromMs, points ?? DEFAULT_HISTORY_POINTS);
      return { host, listener, fromMs: h.fromMs, toMs: l.cursor.tMs, points: h.points };
    },
    intervene: ({ action }) => sh.edit((l) => l.intervene(action), true),
    'history.undo': () => sh.edit((l) => l.undo(), true),
    'history.redo': () => sh.edit((l) => l.redo(), true),
    'settings.knobs': () => knobs(),
  };
}
