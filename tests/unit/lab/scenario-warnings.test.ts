// Scenarios that say something that can never happen: an inverted seq range is an error; a rule from a host
// to itself, timing at or after untilMs and a flood at its own sender are warnings (the file still runs).
// Scenario actions that cannot apply (a replay of a cached packet that does not exist) are warnings at their
// path, naming the packet the user asked for (they used to say "packet id 0").
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src-main/lab/lessons/index.js';
import { formatErrors, parseScenario, type ScenarioError } from '../../../src-main/lab/scenario.js';
import { checkScenarioActions } from '../../../src-main/lab/scenario-action-check.js';
import { runScenario } from '../../../src-main/lab/scenario-exec.js';
import { newSession } from '../../../src-main/lab/session-model.js';
import { listenAndConnect, twoHostScenario, type ScenarioDoc } from './session-helpers.js';

type Doc = ScenarioDoc;

function scenario(): Doc {
  return twoHostScenario({
    rules: [{ match: { from: 'A', flags: 'S' }, action: 'cache' }],
    steps: listenAndConnect(),
    untilMs: 1000,
  });
}

function warnings(doc: Doc): ScenarioError[] {
  const r = parseScenario(doc);
  if (!r.ok) throw new Error(formatErrors(r.errors).join('\n'));
  return r.warnings;
}

describe('meaningless and suspicious scenarios', () => {
  it('a rule whose seqFrom is above its seqTo is an error (it can never match)', () => {
    const doc = scenario();
    doc.rules[0].match = { from: 'A', seqFrom: 10, seqTo: 5 };
    const r = parseScenario(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatErrors(r.errors)).toEqual(['$.rules[0].match.seqFrom: "seqFrom" (10) is above "seqTo" (5): the rule can never match']);
    expect(formatErrors(r.errors, 'zh-CN')).toEqual(['$.rules[0].match.seqFrom："seqFrom"（10）大于 "seqTo"（5）：该规则永远不会匹配']);
    doc.rules[0].match = { from: 'A', seqFrom: 5, seqTo: 5 };
    expect(parseScenario(doc).ok).toBe(true);
  });

  it('warns about a rule from a host to itself, timing at or after untilMs and a flood at its own sender', () => {
    const doc = scenario();
    doc.rules.push({ match: { from: 'A', to: 'A' }, action: 'drop' });
    doc.steps.push({ atMs: 1000, host: 'A', call: 'close', port: 40000 }, { atMs: 1001, host: 'A', call: 'close', port: 40000 });
    doc.steps.push({ on: 'eof', afterMs: 2000, host: 'B', call: 'close', port: 80 });
    doc.actions = [{ atMs: 5000, op: 'drop', id: 1 }];
    doc.floods = [{ from: 'A', target: '10.0.0.1:80', startMs: 1000, ratePerSec: 1, count: 1 }];
    const w = warnings(doc);
    expect(formatErrors(w)).toEqual([
      '$.rules[1].match.to: "from" and "to" are both "A": the rule matches only packets A sends to itself',
      '$.steps[2].atMs: 1000 ms is the run\'s last instant (untilMs 1000): nothing this step causes is in the run',
      '$.steps[3].atMs: 1001 ms is after the run ends (untilMs 1000): this step never happens',
      '$.steps[4].afterMs: 2000 ms is after the run ends (untilMs 1000): this step never happens',
      '$.actions[0].atMs: 5000 ms is after the run ends (untilMs 1000): this action never happens',
      '$.floods[0].startMs: 1000 ms is the run\'s last instant (untilMs 1000): nothing this flood causes is in the run',
      '$.floods[0].target: the flood\'s target 10.0.0.1:80 is its own sender A',
    ]);
    expect(formatErrors(w, 'zh-CN')).toEqual([
      '$.rules[1].match.to："from" 与 "to" 都是 "A"：该规则只匹配 A 发给自己的报文',
      '$.steps[2].atMs：1000 ms 是运行的最后一刻（untilMs 1000）：该步骤造成的任何结果都不在本次运行中',
      '$.steps[3].atMs：1001 ms 晚于运行结束时间（untilMs 1000）：该步骤永远不会发生',
      '$.steps[4].afterMs：2000 ms 晚于运行结束时间（untilMs 1000）：该步骤永远不会发生',
      '$.actions[0].atMs：5000 ms 晚于运行结束时间（untilMs 1000）：该动作永远不会发生',
      '$.floods[0].startMs：1000 ms 是运行的最后一刻（untilMs 1000）：该洪泛造成的任何结果都不在本次运行中',
      '$.floods[0].target：洪泛的目标 10.0.0.1:80 就是发送方 A 自己',
    ]);
  });

  it('a plain scenario and every lesson have no warnings', () => {
    expect(warnings(scenario())).toEqual([]);
    for (const l of LESSONS) expect([l.id, warnings(l.scenario as Doc)]).toEqual([l.id, []]);
  });
});

describe('scenario actions that cannot apply', () => {
  it('a replay of a cached packet that does not exist names the nth asked for and the path', () => {
    const doc = scenario();
    doc.actions = [{ atMs: 600, op: 'replay', id: 77 }, { atMs: 500, op: 'replay', cached: 3 }, { atMs: 700, op: 'replay', cached: 1 }];
    const r = parseScenario(doc);
    if (!r.ok) throw new Error('invalid');
    const run = runScenario(r.scenario);
    // Before the fix: "replay at 500 ms: packet id 0 is not an integer >= 1".
    expect(run.actionErrors).toEqual([
      'replay at 500 ms: no cached packet 3: the router has cached 1 packet so far (#1)',
      'replay at 600 ms: packet #77 is not in the router cache (cached: #1)',
    ]);
    const w = checkScenarioActions(newSession(doc, 1, null));
    expect(formatErrors(w)).toEqual([
      '$.actions[1].cached: the replay at 500 ms cannot apply: no cached packet 3: the router has cached 1 packet so far (#1)',
      '$.actions[0].id: the replay at 600 ms cannot apply: packet #77 is not in the router cache (cached: #1)',
    ]);
    expect(formatErrors(w, 'zh-CN')[0]).toBe('$.actions[1].cached：500 ms 的 replay 动作无法执行：没有第 3 个缓存的报文：路由器目前缓存了 1 个报文（#1）');
  });

  it('an empty cache says so', () => {
    const doc = scenario();
    doc.rules = [];
    doc.actions = [{ atMs: 10, op: 'replay', cached: 1 }];
    expect(formatErrors(checkScenarioActions(newSession(doc, 1, null)))).toEqual([
      '$.actions[0].cached: the replay at 10 ms cannot apply: no cached packet 1: the router has cached 0 packets so far',
    ]);
  });
});
