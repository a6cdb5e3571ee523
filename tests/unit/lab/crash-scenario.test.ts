// The crash step in scenario files (scenario-refs.ts, scenario-crash.ts) and as a user's intervention in a
// session (export, reload, replay byte for byte; calls on a down host refused without touching the session).
import { describe, expect, it } from 'vitest';
import { LabError } from '../../../src-main/contract/errors.js';
import { stepCallSchema } from '../../../src-main/contract/intervention-schema.js';
import { formatErrors, parseScenario } from '../../../src-main/lab/scenario.js';
import { loadSession, saveSession } from '../../../src-main/lab/session-file.js';
import { LabSession } from '../../../src-main/lab/session-lab.js';
import { fullTrace, listenAndConnect, openLesson, twoHostScenario, type ScenarioDoc } from './session-helpers.js';

function errors(steps: ScenarioDoc[], lang: 'en' | 'zh-CN' = 'en'): string[] {
  const r = parseScenario(twoHostScenario({ steps }));
  if (r.ok) return [];
  return formatErrors(r.errors, lang);
}

describe('a crash step in a scenario', () => {
  it('is accepted with or without downMs and becomes net\'s crash call (no port)', () => {
    const r = parseScenario(twoHostScenario({ steps: [...listenAndConnect(), { atMs: 500, host: 'B', call: 'crash', downMs: 3000 }, { atMs: 9000, host: 'A', call: 'crash' }] }));
    if (!r.ok) throw new Error(formatErrors(r.errors).join('\n'));
    expect(r.run.steps.slice(2)).toEqual([{ host: 'B', call: 'crash', downMs: 3000, atMs: 500 }, { host: 'A', call: 'crash', atMs: 9000 }]);
  });

  it('refuses bad crash steps with every error at its path, in English and Chinese', () => {
    const steps = [
      ...listenAndConnect(),
      { atMs: 100, host: 'C', call: 'crash' },
      { atMs: 100, host: 'A', call: 'crash', downMs: -5 },
      { atMs: 100, host: 'A', call: 'crash', downMs: 'soon' },
      { atMs: 200, host: 'A', call: 'crash', port: 80 },
      { on: 'data', host: 'B', call: 'crash' },
      { atMs: 100, host: 'A', call: 'listen', port: 1, downMs: 5 },
      { atMs: 100, host: 'A', call: 'send', data: 'x' },
    ];
    expect(errors(steps)).toEqual([
      '$.steps[3].downMs: the value must be at least 0',
      '$.steps[4].downMs: expected number, got "soon"',
      '$.steps[2].host: unknown host "C"; hosts are A, B',
      '$.steps[5].port: "port" is not allowed for a crash at "atMs" (it is the whole host\'s)',
      '$.steps[6]: "port" is required for a crash on an application event (the socket whose event triggers it)',
      '$.steps[7].downMs: "downMs" is not allowed for a listen step',
      '$.steps[8]: "port" is required for every call but a crash',
    ]);
    expect(errors(steps, 'zh-CN').slice(3)).toEqual([
      '$.steps[5].port：对定时（"atMs"）的 crash 步骤（它针对整台主机）不允许出现 "port"',
      '$.steps[6]：对由应用事件触发的 crash 步骤（指明哪个套接字的事件触发它）必须提供 "port"',
      '$.steps[7].downMs：对 listen 步骤不允许出现 "downMs"',
      '$.steps[8]：对除 crash 以外的每个调用必须提供 "port"',
    ]);
  });

  it('refuses a timed step on a host that is down then, naming the crash; a step at the time it is up again is fine', () => {
    const steps = [
      ...listenAndConnect(),
      { atMs: 500, host: 'B', call: 'crash', downMs: 3000 },
      { atMs: 500, host: 'B', call: 'listen', port: 81 },
      { atMs: 1000, host: 'B', call: 'crash' },
      { atMs: 3500, host: 'B', call: 'listen', port: 80 },
      { atMs: 4000, host: 'A', call: 'crash' },
      { atMs: 9000, host: 'A', call: 'send', port: 40000, data: 'x' },
      { on: 'eof', host: 'A', call: 'close', port: 40000 },
    ];
    expect(errors(steps)).toEqual([
      '$.steps[3]: host B is down at 500 ms ($.steps[2] crashed it at 500 ms; it is up again at 3500 ms): its listen step cannot run',
      '$.steps[4]: host B is down at 1000 ms ($.steps[2] crashed it at 500 ms; it is up again at 3500 ms): it cannot crash again before it is up',
      '$.steps[7]: host A is down at 9000 ms ($.steps[6] crashed it at 4000 ms; it stays down): its send step cannot run',
    ]);
    expect(errors(steps, 'zh-CN')[2]).toBe('$.steps[7]：主机 A 在 9000 ms 处于宕机状态（$.steps[6] 让它在 4000 ms 崩溃；它此后一直没有恢复）：它的 send 步骤无法执行');
  });

  it('judges a lesson compare-run\'s own steps the same way', () => {
    const doc = twoHostScenario({ steps: listenAndConnect() });
    const lesson = openLesson('three-way-handshake').prepared.scenario.lesson!;
    doc.lesson = { ...lesson, compare: [{ label: { en: 'x', 'zh-CN': 'x' }, steps: [{ atMs: 0, host: 'B', call: 'crash' }, { atMs: 5, host: 'B', call: 'listen', port: 80 }], expect: [{ kind: 'never', match: { kind: 'app' } }] }] };
    const r = parseScenario(doc);
    expect(r.ok ? [] : formatErrors(r.errors)).toEqual([
      '$.lesson.compare[0].steps[1]: host B is down at 5 ms ($.lesson.compare[0].steps[0] crashed it at 0 ms; it stays down): its listen step cannot run',
    ]);
  });
});

describe('a crash as a user intervention', () => {
  it('the contract accepts { call: "crash", downMs } and refuses a crash with a port or a socket call without one', () => {
    expect(stepCallSchema.safeParse({ host: 'B', call: 'crash', downMs: 2000 }).success).toBe(true);
    expect(stepCallSchema.safeParse({ host: 'B', call: 'crash' }).success).toBe(true);
    const issues = (v: unknown) => {
      const r = stepCallSchema.safeParse(v);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues({ host: 'B', call: 'crash', port: 80 })).toEqual(['port: a crash takes no "port" (it is the whole host\'s)']);
    expect(issues({ host: 'B', call: 'listen' })).toEqual(['port: "port" is required for a listen call']);
    expect(issues({ host: 'B', call: 'close', port: 80, downMs: 5 })).toEqual(['downMs: "downMs" is only for a crash']);
    expect(issues({ host: 'B', call: 'crash', downMs: -1 }).length).toBe(1);
  });

  it('is recorded in the session, exported, reloaded and replayed byte for byte', () => {
    const lab = openLesson('three-way-handshake');
    lab.seekMs(100);
    lab.intervene({ op: 'call', step: { host: 'B', call: 'crash', downMs: 400 } });
    lab.seekMs(300);
    lab.intervene({ op: 'call', step: { host: 'A', call: 'send', port: 40000, data: 'anyone?' } });
    const before = fullTrace(lab);
    expect(before.filter((l) => l.includes('"kind":"host.'))).toEqual([
      '{"t":100,"kind":"host.crash","host":"B","downMs":400}',
      '{"t":500,"kind":"host.up","host":"B","downMs":400}',
    ]);
    expect(before.some((l) => l.includes('"reason":"host down (crashed at 100 ms)"'))).toBe(true);
    expect(before.some((l) => l.includes('"event":"reset"'))).toBe(true); // the rebooted B answered with RST
    const text = saveSession(lab.session);
    expect(text).toContain('"call": "crash"');
    const res = loadSession(text);
    if (!res.ok) throw new Error(res.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    const again = LabSession.open(res.session, { snapshotEvery: 7 });
    expect(fullTrace(again)).toEqual(before);
    expect(saveSession(again.session)).toBe(text);
  });

  it('refuses a call on a down host (and a second crash) with "host-down", leaving the session as it was', () => {
    const lab = openLesson('three-way-handshake');
    lab.seekMs(100);
    lab.intervene({ op: 'call', step: { host: 'B', call: 'crash' } });
    lab.seekMs(200);
    const saved = saveSession(lab.session);
    const refusal = (f: () => void): string => {
      try {
        f();
      } catch (e) {
        return e instanceof LabError ? `${e.code}: ${e.message}` : String(e);
      }
      return 'accepted';
    };
    expect(refusal(() => lab.intervene({ op: 'call', step: { host: 'B', call: 'listen', port: 80 } })))
      .toBe('host-down: B is down (crashed at 100 ms and stays down): its application cannot listen');
    expect(refusal(() => lab.intervene({ op: 'call', step: { host: 'B', call: 'crash', downMs: 10 } })))
      .toBe('host-down: B is down (crashed at 100 ms and stays down): it cannot crash again before it is up');
    expect(saveSession(lab.session)).toBe(saved);
  });
});
