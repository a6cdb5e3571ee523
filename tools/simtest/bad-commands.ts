// Malformed and impossible host commands, seeded: broken envelopes, unknown commands, arguments of the
// wrong shape for every command family, and schema-valid requests the session must refuse (unknown
// packets, branches, events). Every one must be answered ok: false and leave the lab state unchanged.
import { Prng } from '../../src-main/tcp/prng.js';
import { pick } from './gen.js';

const CMDS = [
  'app.info', 'lessons.list', 'lesson.get', 'session.openLesson', 'session.openText', 'session.info', 'session.export',
  'timeline.play', 'timeline.pause', 'timeline.step', 'timeline.seek', 'timeline.branch', 'timeline.switch', 'trace.get',
  'view.router', 'view.packet', 'view.connections', 'view.tcbHistory', 'view.listeners', 'view.listenerHistory', 'intervene', 'history.redo', 'settings.knobs', 'prefs.set',
  'recovery.restore',
];

/** Arguments that a command's schema, or the session behind it, must refuse. */
const BAD_ARGS: Record<string, ReadonlyArray<unknown>> = {
  'app.info': [{ x: 1 }, 5, 'x', [1]],
  'lesson.get': [{}, { id: '' }, { id: 'no-such-lesson' }, { id: 'x'.repeat(65) }, { id: 7 }],
  'session.openLesson': [{ id: 'no-such-lesson' }, { id: 'third-ack-lost', compare: -1 }, { id: 'third-ack-lost', compare: 1.5 }, { id: null }],
  'session.openText': [{ text: 5 }, { text: '' }, { text: '{' }, { text: '{}', fileName: 7 }, { text: '{"format":"tcplab.session/9"}' }],
  'session.export': [{ format: 'exe' }, { format: 'session', lang: 'fr' }, {}, { format: ['session'] }],
  'timeline.play': [{ speed: 0 }, { speed: 1e9 }, { speed: 'fast' }, { speed: Number.NaN }],
  'timeline.step': [{ unit: 'year' }, {}, { unit: null }],
  'timeline.seek': [{ tMs: -1 }, { tMs: 'x' }, { event: -1 }, { event: 1.5 }, { tMs: 1, event: 1 }, {}],
  'timeline.branch': [{ name: '' }, { name: 'x'.repeat(65) }, { name: 5 }],
  'timeline.switch': [{ branch: 'no-such-branch' }, { branch: '' }, {}, { branch: 12 }],
  'trace.get': [{ from: -1, count: 1 }, { from: 0, count: 0 }, { from: 0, count: 1e9 }, { from: 0, count: 10, branch: 'nope' }],
  'view.packet': [{ id: 0 }, { id: 987_654 }, { id: -5 }, { id: '1' }],
  'view.tcbHistory': [
    {}, { host: 'Z', conn: '10.0.0.1:1>10.0.0.2:2', fromMs: 0 }, { host: 'A', conn: '10.9.9.9:1>10.0.0.2:2', fromMs: 0 },
    { host: 'A', conn: 'x', fromMs: 0 }, { host: 'A', conn: '10.0.0.1:1>10.0.0.2:2', fromMs: -1 },
    { host: 'A', conn: '10.0.0.1:1>10.0.0.2:2', fromMs: 0, points: 5000 },
  ],
  'view.listeners': [{ x: 1 }, 5],
  'view.listenerHistory': [
    {}, { host: 'Z', listener: '10.0.0.2:80>*:*', fromMs: 0 }, { host: 'B', listener: '10.0.0.2:9>*:*', fromMs: 0 },
    { host: 'B', listener: '10.0.0.2:80>10.0.0.1:1', fromMs: 0 }, { host: 'B', listener: '10.0.0.2:80>*:*', fromMs: -1 },
    { host: 'B', listener: '10.0.0.2:80>*:*', fromMs: 0, points: 1 },
  ],
  intervene: [
    { action: { op: 'drop', id: 987_654 } }, { action: { op: 'drop', id: 0 } }, { action: { op: 'explode', id: 1 } },
    { action: { op: 'delay', id: 1, delayMs: -5 } }, { action: { op: 'inject', from: 'Z', seg: {} } }, { action: null },
    { action: { op: 'call', step: { host: 'A', call: 'rm -rf', port: 1 } } }, { action: { op: 'replay', id: 424_242 } },
  ],
  'prefs.set': [{ lang: 'fr' }, { theme: 'neon' }, { panel: 'everything' }],
  'history.redo': [{ x: 1 }],
  'recovery.restore': [null],
};

/** One message that must be refused. Strings are sent as they are (raw frames); other values as JSON. */
export function badMessage(rng: Prng, id: number): unknown {
  const r = rng.next();
  if (r < 0.1) return pick(rng, ['', 'not json', '{', '[]', 'null', '42', '"call"', '{"t":"call"', '\u0000']);
  if (r < 0.25) {
    return pick(rng, [
      { t: 'call', id: -1, cmd: 'app.info', args: null }, { t: 'call', id: 1.5, cmd: 'app.info' }, { t: 'cast', id, cmd: 'app.info' },
      { t: 'call', id, cmd: '' }, { t: 'call', id, cmd: 'x'.repeat(65) }, { id, cmd: 'app.info' }, { t: 'call', cmd: 'app.info' },
      { t: 'call', id: 2 ** 60, cmd: 'app.info' }, { t: 'call', id, cmd: 5 }, [{ t: 'call', id, cmd: 'app.info' }],
    ]);
  }
  if (r < 0.35) {
    return { t: 'call', id, cmd: pick(rng, ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'shell.openExternal', 'app.quit', 'SESSION.INFO']), args: null };
  }
  const cmd = pick(rng, Object.keys(BAD_ARGS));
  return { t: 'call', id, cmd, args: pick(rng, BAD_ARGS[cmd]!) };
}

export const KNOWN_COMMANDS = CMDS;
export { Prng };
