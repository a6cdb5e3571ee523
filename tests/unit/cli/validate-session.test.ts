// `tcplab validate` on a session file: one run per branch gives both the refused user actions (errors) and the
// scenario actions that cannot apply (warnings, from the current branch's run, as `tcplab replay` reports them).
// Before, a session with user actions cost one more run: the scenario alone, up to its last action.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../src-main/cli/cli.js';
import { Executor } from '../../../src-main/lab/session-executor.js';
import { saveSession } from '../../../src-main/lab/session-file.js';
import { newSession } from '../../../src-main/lab/session-model.js';
import type { Scenario } from '../../../src-main/lab/scenario.js';

const dir = mkdtempSync(join(tmpdir(), 'tcplab-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const f = (name: string) => join(dir, name);

function cli(args: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [], err: string[] = [];
  return { code: runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), nowMs: () => 0 }), out, err };
}

/** Two warnings from reading the file, two from running it (a release of a delivered packet, an empty cache). */
const doc = {
  format: 'tcplab.scenario/1',
  title: { en: 'Two hosts', 'zh-CN': '两台主机' },
  hosts: [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2' }],
  rules: [{ match: { from: 'A', to: 'A' }, action: 'drop' }],
  steps: [
    { atMs: 0, host: 'B', call: 'listen', port: 80 },
    { atMs: 0, host: 'A', call: 'connect', port: 40000, to: '10.0.0.2:80' },
    { atMs: 5000, host: 'A', call: 'close', port: 40000 },
  ],
  actions: [{ atMs: 300, op: 'release', id: 1 }, { atMs: 100, op: 'replay', cached: 2 }],
  untilMs: 2000,
};
/** A session of `doc` whose branches hold these user actions (the first branch is the current one). */
function session(name: string, ...branches: unknown[][]): string {
  const s = JSON.parse(saveSession(newSession(doc as unknown as Scenario, 4, null))) as { branches: Array<Record<string, unknown>> };
  s.branches = branches.map((actions, i) => ({ ...s.branches[0], id: i === 0 ? 'main' : `b${i}`, name: i === 0 ? 'main' : `b${i}`, parent: i === 0 ? null : 'main', actions }));
  writeFileSync(f(name), JSON.stringify(s));
  return f(name);
}
const send = { atMs: 20, op: 'call', step: { host: 'A', call: 'send', port: 40000, data: 'hi' } };

const WARNINGS = [
  'tcplab validate: warning: $.scenario.rules[0].match.to: "from" and "to" are both "A": the rule matches only packets A sends to itself',
  'tcplab validate: warning: $.scenario.steps[2].atMs: 5000 ms is after the run ends (untilMs 2000): this step never happens',
  'tcplab validate: warning: $.scenario.actions[1].cached: the replay at 100 ms cannot apply: no cached packet 2: the router has cached 0 packets so far',
  'tcplab validate: warning: $.scenario.actions[0]: the release at 300 ms cannot apply: packet #1 was already delivered at 20 ms',
];

describe('tcplab validate on a session', () => {
  const start = vi.spyOn(Executor, 'start');
  afterEach(() => start.mockClear());
  afterAll(() => start.mockRestore());

  it('simulates each branch once, the current one also for the warnings (was one more run of the scenario alone)', () => {
    const cases: Array<[string, number]> = [
      [session('none.json', []), 1], // no user action: the scenario alone, as before
      [session('one.json', [send]), 1], // was 2
      [session('two.json', [send], [send]), 2], // was 3
      [session('bad.json', [send], [{ atMs: 30, op: 'hold', id: 99 }]), 2],
    ];
    for (const [file, runs] of cases) {
      start.mockClear();
      cli(['validate', file]);
      expect(start, file).toHaveBeenCalledTimes(runs);
    }
  });

  it('prints the same errors and warnings as before, in both languages and with --json', () => {
    for (const file of [session('none.json', []), session('one.json', [send]), session('two.json', [send], [send])]) {
      expect(cli(['validate', file]), file).toEqual({ code: 0, out: [`${file}: a valid session`], err: WARNINGS });
      const j = JSON.parse(cli(['validate', file, '--json']).out.join('\n')) as { ok: boolean; errors: unknown[]; warnings: Array<{ path: string }> };
      expect([j.ok, j.errors, j.warnings.map((w) => w.path)]).toEqual([true, [], ['$.scenario.rules[0].match.to', '$.scenario.steps[2].atMs', '$.scenario.actions[1].cached', '$.scenario.actions[0]']]);
      const zh = cli(['validate', file, '--lang', 'zh-CN']).err;
      expect(zh).toHaveLength(4);
      expect(zh[3]).toMatch(/^tcplab validate：警告：\$\.scenario\.actions\[0\]：/);
    }
    const bad = session('bad.json', [send], [{ atMs: 30, op: 'hold', id: 99 }]);
    expect(cli(['validate', bad])).toEqual({ code: 2, err: [], out: [`${bad}: 1 error(s) in this session:`, '  $.branches[1].actions[0].id: no packet #99 (packets so far: #1-#2)'] });
    expect(JSON.parse(cli(['validate', bad, '--json']).out.join('\n'))).toEqual({
      ok: false, kind: 'session', errors: [{ path: '$.branches[1].actions[0].id', message: 'no packet #99 (packets so far: #1-#2)' }], warnings: [],
    });
  });

  it('reports the scenario actions of the current branch, as replay does, when a user action changes whether one applies', () => {
    // The user holds packet #1 before it arrives, so the scenario's release at 300 ms applies in this session.
    const file = session('hold.json', [{ atMs: 10, op: 'hold', id: 1 }], []);
    for (const lang of ['en', 'zh-CN']) {
      const v = cli(['validate', file, '--lang', lang]);
      const r = cli(['replay', file, '--lang', lang]);
      expect(v.code).toBe(0);
      expect(v.err).toEqual(r.err.map((l) => l.replace('tcplab replay', 'tcplab validate')));
    }
    expect(cli(['validate', file]).err).toEqual(WARNINGS.slice(0, 3));
  });
});
