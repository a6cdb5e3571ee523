/* eslint-disable @typescript-eslint/no-explicit-any -- tests poke at parsed JSON and replies freely */
import { describe, expect, it } from 'vitest';
import { LabSession } from '../../../src-main/lab/session-lab.js';
import { loadSession, saveSession } from '../../../src-main/lab/session-file.js';
import { Network } from '../../../src-main/net/network.js';
import type { TraceEvent } from '../../../src-main/net/trace.js';
import { Prng } from '../../../src-main/tcp/prng.js';
import { drop, firstSendAfter, fullTrace, lessonSession, lines, openLesson } from './session-helpers.js';

function reload(text: string): LabSession {
  const res = loadSession(text);
  if (!res.ok) throw new Error(res.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return LabSession.open(res.session, { snapshotEvery: 11 });
}

function errorsOf(text: string): Array<{ path: string; message: string }> {
  const res = loadSession(text);
  if (res.ok) throw new Error('expected errors');
  return res.errors.map((e) => ({ path: e.path, message: e.message }));
}

describe('session file round trip', () => {
  it.each([
    ['three-way-handshake', null],
    ['third-ack-lost', 0],
    ['fin-lost', null],
    ['time-wait-old-duplicates', 0],
  ] as const)('%s (compare %s): export, reload and replay give a byte-identical trace', (id, compare) => {
    const lab = openLesson(id, 5, compare);
    // Drop the second packet, then hold and release a later one.
    const second = firstSendAfter(lab, 1);
    lab.seekMs(second.t);
    lab.intervene(drop(second.id));
    const later = firstSendAfter(lab, second.t + 1);
    lab.seekMs(later.t);
    lab.intervene({ op: 'hold', id: later.id });
    lab.seekMs(later.t + 100);
    lab.intervene({ op: 'release', id: later.id });
    const before = fullTrace(lab);
    // firstSendAfter computed each branch to its end, so both the drop and the hold forked; release appended.
    expect(lab.branches.map((b) => [b.id, b.parent, b.actions.length])).toEqual([['main', null, 0], ['b2', 'main', 1], ['b3', 'b2', 3]]);
    const text = saveSession(lab.session);
    const again = reload(text);
    expect(fullTrace(again)).toEqual(before);
    expect(saveSession(again.session)).toBe(text);
    // The other branch replays too.
    again.switchTo('main');
    lab.switchTo('main');
    expect(fullTrace(again)).toEqual(fullTrace(lab));
  });

  it('a session without scenario actions is Network.replay(spec, sink, actions) byte for byte', () => {
    const lab = openLesson('three-way-handshake');
    const syn = firstSendAfter(lab, 0, 'S');
    lab.seekMs(syn.t + 1);
    lab.intervene({ op: 'delay', id: syn.id, delayMs: 500 });
    const events: TraceEvent[] = [];
    const net = Network.replay(lab.prepared.run, { emit: (e) => events.push(e) }, lab.currentBranch.actions);
    net.run();
    expect(lines(events)).toEqual(fullTrace(lab));
    expect(fullTrace(lab).some((l) => l.includes('"kind":"router.delay"'))).toBe(true);
  });

  it('createdAt and the app version never reach the trace', () => {
    const lab = openLesson('three-way-handshake');
    const a = reload(saveSession(lab.session, { createdAt: '2020-01-01T00:00:00.000Z', appVersion: '1.0.0' }));
    const b = reload(saveSession(lab.session, { createdAt: '2031-05-05T10:00:00.000Z', appVersion: '9.9.9' }));
    expect(fullTrace(a)).toEqual(fullTrace(b));
  });
});

describe('hostile session files', () => {
  const good = saveSession({ ...lessonSession('three-way-handshake'), branches: [{ id: 'main', name: 'main', parent: null, forkAtMs: 0, inherited: 0, actions: [{ atMs: 30, op: 'drop', id: 2 }] }] });
  const doc = () => JSON.parse(good) as Record<string, any>;

  it('accepts the good file', () => {
    expect(loadSession(good).ok).toBe(true);
  });

  it('truncated text: a JSON syntax error with line and column', () => {
    const errs = errorsOf(good.slice(0, 200));
    expect(errs).toHaveLength(1);
    expect(errs[0]!.path).toBe('$');
    expect(errs[0]!.message).toMatch(/^JSON syntax error at line \d+, column \d+/);
  });

  it('wrong types name the field by JSON path', () => {
    const d = doc();
    d.branches[0].actions[0].id = 'two';
    d.seed = -1;
    d.cursor = { tMs: 'now', event: 0 };
    const errs = errorsOf(JSON.stringify(d));
    expect(errs).toContainEqual({ path: '$.branches[0].actions[0].id', message: 'expected number, got "two"' });
    expect(errs).toContainEqual({ path: '$.seed', message: 'the value must be at least 0' });
    expect(errs).toContainEqual({ path: '$.cursor.tMs', message: 'expected number, got "now"' });
  });

  it('a huge seed or untilMs is told the tighter limit only, not also the safe-integer one', () => {
    const seed = doc();
    seed.seed = 1e20;
    expect(errorsOf(JSON.stringify(seed))).toEqual([{ path: '$.seed', message: 'the value must be at most 4294967295' }]);
    const until = doc(); // the scenario is checked once the session's own fields are valid
    until.scenario.untilMs = 1e20;
    expect(errorsOf(JSON.stringify(until))).toEqual([{ path: '$.scenario.untilMs', message: 'the value must be at most 86400000' }]);
  });

  it('__proto__ keys are refused and Object.prototype stays clean', () => {
    const text = good.replace('"seed": 1,', '"seed": 1, "__proto__": { "polluted": true },');
    expect(errorsOf(text)).toContainEqual({ path: '$.__proto__', message: 'the key "__proto__" is not allowed (it could alter object prototypes)' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('huge numbers and unknown versions', () => {
    const d = doc();
    d.branches[0].actions[0].atMs = 1e300;
    expect(errorsOf(JSON.stringify(d))).toContainEqual({ path: '$.branches[0].actions[0].atMs', message: 'the value must be at most 86400000' });
    expect(errorsOf(good.replace('tcplab.session/1', 'tcplab.session/7'))).toEqual([
      { path: '$.format', message: 'unknown format "tcplab.session/7"; supported: "tcplab.session/1"' },
    ]);
  });

  it('cross-field errors: scenario, parents, current branch, action order, hosts', () => {
    const d = doc();
    d.scenario.hosts[0].ip = '10.0.0.300';
    expect(errorsOf(JSON.stringify(d))[0]!.path).toBe('$.scenario.hosts[0].ip');
    const e = doc();
    e.branches.push({ id: 'b2', name: 'x', parent: 'nope', forkAtMs: 0, inherited: 0, actions: [
      { atMs: 50, op: 'drop', id: 3 }, { atMs: 10, op: 'call', step: { host: 'Z', call: 'close', port: 1 } },
    ] });
    e.current = 'b9';
    const errs = errorsOf(JSON.stringify(e)).map((x) => x.path);
    expect(errs).toEqual(['$.branches[1].parent', '$.branches[1].actions[1].atMs', '$.branches[1].actions[1].step.host', '$.current']);
  });

  it('never throws on 500 seeded mutations', () => {
    const prng = new Prng(99);
    const junk = ['null', '1e999', '"x"', '[]', '{}', '-1', 'true', '{"__proto__":1}', '99999999999999999999'];
    for (let i = 0; i < 500; i++) {
      const at = prng.nextU32() % good.length;
      const kind = prng.nextU32() % 3;
      const text = kind === 0 ? good.slice(0, at) : kind === 1 ? good.slice(0, at) + junk[prng.nextU32() % junk.length]! + good.slice(at) : good.replace(/\d+/, String(prng.nextU32() * 1e9));
      const res = loadSession(text);
      if (!res.ok) for (const e of res.errors) expect(e.path.startsWith('$')).toBe(true);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
