// "Did you mean …?" for an unknown key suggests a key allowed at that exact place, never one from another
// object (a typo inside a rule's match used to be compared with every key of the whole schema).
import { describe, expect, it } from 'vitest';
import { keysAt } from '../../../src-main/lab/key-hints.js';
import { parseScenario } from '../../../src-main/lab/scenario.js';
import { scenarioV1Schema } from '../../../src-main/lab/scenario-schema.js';
import { loadSession, saveSession } from '../../../src-main/lab/session-file.js';
import { lessonSession, twoHostScenario, type ScenarioDoc } from './session-helpers.js';

type Doc = ScenarioDoc;

function scenario(): Doc {
  return twoHostScenario({
    rules: [{ match: { from: 'A' }, action: 'delay', delayMs: 5 }],
    steps: [{ atMs: 0, host: 'B', call: 'listen', port: 80 }],
  });
}

function unknownKeyMessages(doc: unknown): string[] {
  const r = parseScenario(doc);
  if (r.ok) throw new Error('expected errors');
  return r.errors.filter((e) => e.code === 'unknown-key').map((e) => `${e.path}: ${e.message}`);
}

describe('"did you mean" comes from the keys allowed at that path', () => {
  it('a typo inside a rule match is compared with match keys only', () => {
    const doc = scenario();
    doc.rules[0].match = { from: 'A', tp: 'B', hots: 'B', seqfrom: 1 };
    expect(unknownKeyMessages(doc)).toEqual([
      // Before: "tp" suggested "id" and "hots" suggested "host" (keys of other objects).
      '$.rules[0].match.tp: unknown key "tp" (did you mean "to"?)',
      '$.rules[0].match.hots: unknown key "hots"',
      '$.rules[0].match.seqfrom: unknown key "seqfrom" (did you mean "seqFrom"?)',
    ]);
  });

  it('a union member is picked by its discriminator (a rule\'s action, an action\'s op)', () => {
    const doc = scenario();
    doc.rules[0].delayMS = 5;
    delete doc.rules[0].delayMs;
    doc.actions = [{ atMs: 1, op: 'replay', cachd: 1 }];
    const messages = unknownKeyMessages(doc);
    expect(messages).toContain('$.rules[0].delayMS: unknown key "delayMS" (did you mean "delayMs"?)');
    expect(messages).toContain('$.actions[0].cachd: unknown key "cachd" (did you mean "cached"?)');
    expect(keysAt(scenarioV1Schema, doc, ['actions', 0])).toEqual(['atMs', 'op', 'id', 'cached']);
    expect(keysAt(scenarioV1Schema, doc, ['rules', 0, 'match'])).toContain('seqTo');
    expect(keysAt(scenarioV1Schema, doc, ['nowhere'])).toEqual([]);
  });

  it('top-level keys still get top-level suggestions', () => {
    const doc = scenario();
    doc.untilms = 5;
    expect(unknownKeyMessages(doc)).toEqual(['$.untilms: unknown key "untilms" (did you mean "untilMs"?)']);
  });

  it('session files get suggestions from the session schema', () => {
    const d = JSON.parse(saveSession(lessonSession('three-way-handshake'))) as Doc;
    d.curent = d.current;
    delete d.current;
    d.cursor.tms = 0;
    const r = loadSession(JSON.stringify(d));
    if (r.ok) throw new Error('expected errors');
    const messages = r.errors.filter((e) => e.code === 'unknown-key').map((e) => `${e.path}: ${e.message}`);
    expect(messages.sort()).toEqual([
      '$.curent: unknown key "curent" (did you mean "current"?)',
      '$.cursor.tms: unknown key "tms" (did you mean "tMs"?)',
    ]);
  });
});
