// A file with schema errors still gets its reference errors (unknown hosts, duplicate names, call fields)
// in the same run, checked on the items that are schema-valid (scenario-partial.ts).
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src-main/lab/scenario.js';
import { loadSession, saveSession } from '../../../src-main/lab/session-file.js';
import { listenAndConnect, lessonSession, twoHostScenario, type ScenarioDoc } from './session-helpers.js';

type Doc = ScenarioDoc;

function scenario(): Doc {
  return twoHostScenario({
    rules: [{ match: { from: 'A' }, action: 'drop' }, { match: { from: 'B' }, action: 'drop' }],
    steps: listenAndConnect(),
  });
}

function lines(doc: unknown): string[] {
  const r = parseScenario(doc);
  if (r.ok) throw new Error('expected errors');
  return r.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('reference errors are reported together with schema errors', () => {
  it('an unknown host in a valid rule or step shows next to a typo elsewhere', () => {
    const doc = scenario();
    doc.rules[0].match.flgs = 'S';
    doc.rules[1].match.from = 'D';
    doc.steps[0].port = 0;
    doc.steps[1].host = 'Z';
    doc.steps[1].data = 'x';
    expect(lines(doc)).toEqual([
      '$.rules[0].match.flgs: unknown key "flgs" (did you mean "flags"?)',
      '$.steps[0].port: the value must be at least 1',
      '$.rules[1].match.from: unknown host "D"; hosts are A, B',
      '$.steps[1].host: unknown host "Z"; hosts are A, B',
      '$.steps[1].data: "data" is not allowed for a connect step',
    ]);
  });

  it('an item with a schema error is not also judged for references (its own error comes first)', () => {
    const doc = scenario();
    doc.rules[0].match = { from: 'C', flgs: 'S' };
    expect(lines(doc)).toEqual(['$.rules[0].match.flgs: unknown key "flgs" (did you mean "flags"?)']);
  });

  it('a host with a bad field still counts as defined; unusable hosts judge no reference', () => {
    const doc = scenario();
    doc.hosts[0].ip = '10.0.0.300';
    doc.hosts.push({ name: 'B', ip: '10.0.0.9' });
    expect(lines(doc)).toEqual([
      '$.hosts[0].ip: must be a dotted-quad IPv4 address; got "10.0.0.300"',
      '$.hosts[2].name: duplicate host name "B" (first used at $.hosts[1].name)',
    ]);
    const noHosts = scenario();
    noHosts.hosts = 'A,B';
    expect(lines(noHosts)).toEqual(['$.hosts: expected array, got "A,B"']);
  });

  it('a session with a schema error also reports its scenario\'s errors', () => {
    const d = JSON.parse(saveSession(lessonSession('three-way-handshake'))) as Doc;
    d.cursor.tMs = 'now';
    d.scenario.steps[0].host = 'Nobody';
    const r = loadSession(JSON.stringify(d));
    if (r.ok) throw new Error('expected errors');
    const paths = r.errors.map((e) => `${e.path}: ${e.message}`);
    expect(paths).toContain('$.cursor.tMs: expected number, got "now"');
    expect(paths.some((p) => p.startsWith('$.scenario.steps[0].host: unknown host "Nobody"'))).toBe(true);
  });
});
