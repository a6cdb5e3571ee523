// Scenario validation: the DESIGN.md example, one test per error class (path + message), guards, versioning,
// the published JSON Schema, and a seeded fuzz of 2,400 mutated files that must never throw.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src-main/tcp/prng.js';
import { resolveParams } from '../../../src-main/tcp/profiles.js';
import { formatErrors, parseScenario, parseScenarioText, SUPPORTED_FORMATS, type ParseResult } from '../../../src-main/lab/scenario.js';
import { MAX_DEPTH, MAX_TEXT_CHARS } from '../../../src-main/lab/scenario-guard.js';
import { SCENARIO_SCHEMA_FILE, scenarioJsonSchemaText } from '../../../src-main/lab/scenario-jsonschema.js';

/** The example from DESIGN.md "Scenario", verbatim. */
const DESIGN_EXAMPLE = `{
  "format": "tcplab.scenario/1",
  "title": { "en": "Third ACK lost", "zh-CN": "第三次握手的 ACK 丢失" },
  "seed": 7,
  "profile": "linux",
  "hosts": [
    { "name": "A", "ip": "10.0.0.1" },
    { "name": "B", "ip": "10.0.0.2", "sysctl": { "net.ipv4.tcp_synack_retries": 2 } }
  ],
  "network": { "delayMs": 10 },
  "rules": [
    { "match": { "from": "A", "flags": "A", "len": 0, "nth": 1 }, "action": "drop" },
    { "match": { "from": "B", "flags": "SA" }, "action": "delay", "delayMs": 3000 }
  ],
  "steps": [
    { "atMs": 0, "host": "B", "call": "listen", "port": 80, "backlog": 128 },
    { "atMs": 0, "host": "A", "call": "connect", "port": 40000, "to": "10.0.0.2:80" },
    { "atMs": 5000, "host": "A", "call": "send", "port": 40000, "data": "hello" },
    { "atMs": 9000, "host": "A", "call": "close", "port": 40000 }
  ],
  "untilMs": 120000
}`;

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function example(): Doc {
  return JSON.parse(DESIGN_EXAMPLE) as Doc;
}

function errorsOf(r: ParseResult): Array<{ path: string; message: string; code: string }> {
  if (r.ok) throw new Error('expected errors, got a valid scenario');
  return r.errors.map(({ path, message, code }) => ({ path, message, code }));
}

function onlyError(doc: unknown): { path: string; message: string; code: string } {
  const errors = errorsOf(parseScenario(doc));
  expect(errors).toHaveLength(1);
  return errors[0]!;
}

describe('the DESIGN.md example', () => {
  it('is accepted as written and becomes the RunSpec net/ runs', () => {
    const r = parseScenarioText(DESIGN_EXAMPLE);
    if (!r.ok) throw new Error(formatErrors(r.errors).join('\n'));
    expect(r.scenario.title['zh-CN']).toBe('第三次握手的 ACK 丢失');
    expect(r.run).toEqual({
      seed: 7,
      profile: 'linux',
      hosts: [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2', sysctl: { 'net.ipv4.tcp_synack_retries': 2 } }],
      network: { delayMs: 10 },
      rules: [
        { match: { from: 'A', flags: 'A', len: 0, nth: 1 }, action: 'drop' },
        { match: { from: 'B', flags: 'SA' }, action: 'delay', delayMs: 3000 },
      ],
      steps: [
        { host: 'B', call: 'listen', port: 80, backlog: 128, atMs: 0 },
        { host: 'A', call: 'connect', port: 40000, to: '10.0.0.2:80', atMs: 0 },
        { host: 'A', call: 'send', port: 40000, data: 'hello', atMs: 5000 },
        { host: 'A', call: 'close', port: 40000, atMs: 9000 },
      ],
      untilMs: 120000,
    });
  });

  it('fills the defaults: profile linux, seed 1, network 10 ms, no rules, 120 s', () => {
    const doc = example();
    for (const key of ['seed', 'profile', 'network', 'rules', 'untilMs']) delete doc[key];
    const r = parseScenario(doc);
    expect(r.ok && [r.run.seed, r.run.profile, r.run.network, r.run.rules, r.run.untilMs]).toEqual([1, 'linux', { delayMs: 10 }, [], 120000]);
  });

  it('accepts reactive steps, byte sends, peers, floods, per-host links and variants', () => {
    const doc = example();
    doc.hosts[1].link = { delayMs: 5, bandwidthBps: 1000000, queueCapacity: 50 };
    doc.hosts[1].variants = { twoWayHandshake: true, timeWaitMs: 0 };
    doc.hosts.push({ name: 'M', ip: '10.0.0.66' });
    doc.floods = [{ from: 'M', target: '10.0.0.2:80', startMs: 0, ratePerSec: 100, count: 10 }];
    doc.steps.push({ on: 'eof', afterMs: 0, host: 'B', call: 'close', port: 80, peer: '10.0.0.1:40000' });
    doc.steps.push({ atMs: 1, host: 'B', call: 'send', port: 80, peer: '10.0.0.1:40000', bytes: 5000 });
    doc.steps.push({ atMs: 1, host: 'B', call: 'autoread', port: 80, peer: '10.0.0.1:40000', value: 0 });
    const r = parseScenario(doc);
    if (!r.ok) throw new Error(formatErrors(r.errors).join('\n'));
    expect(r.run.steps[4]).toEqual({ host: 'B', call: 'close', port: 80, peer: '10.0.0.1:40000', on: 'eof', afterMs: 0 });
    expect(r.run.floods).toEqual([{ from: 'M', target: '10.0.0.2:80', startMs: 0, ratePerSec: 100, count: 10 }]);
  });
});

describe('each error class has a precise path and a clear message', () => {
  it('an autoaccept step needs value 0 or 1 and takes no peer', () => {
    const at = (extra: Record<string, unknown>) => {
      const doc = example();
      doc.steps.push({ atMs: 1, host: 'B', call: 'autoaccept', port: 80, ...extra });
      const r = parseScenario(doc);
      return r.ok ? [] : errorsOf(r).map((e) => `${e.path}: ${e.message}`);
    };
    expect(at({ value: 0 })).toEqual([]);
    const n = example().steps.length;
    expect(at({})).toEqual([`$.steps[${n}]: "value" is required for an autoaccept step`]);
    expect(at({ value: 2 })).toEqual([`$.steps[${n}].value: the value must be at most 1`]);
    expect(at({ value: 1, peer: '10.0.0.1:40000' })).toEqual([`$.steps[${n}].peer: "peer" is not allowed for an autoaccept step`]);
  });
  it('wrong type inside a sysctl map', () => {
    const doc = example();
    doc.hosts[1].sysctl['net.ipv4.tcp_synack_retries'] = 'two';
    expect(onlyError(doc)).toEqual({ path: '$.hosts[1].sysctl["net.ipv4.tcp_synack_retries"]', message: 'expected number, got "two"', code: 'type' });
  });
  it('sysctl value outside the engine knob range', () => {
    const doc = example();
    doc.hosts[1].sysctl['net.ipv4.tcp_synack_retries'] = 300;
    expect(onlyError(doc)).toEqual({ path: '$.hosts[1].sysctl["net.ipv4.tcp_synack_retries"]', message: 'the value must be at most 255', code: 'too-big' });
  });
  it('unknown sysctl name, with a suggestion', () => {
    const doc = example();
    doc.hosts[1].sysctl = { 'net.ipv4.tcp_synack_retry': 2 };
    expect(onlyError(doc)).toEqual({
      path: '$.hosts[1].sysctl["net.ipv4.tcp_synack_retry"]',
      message: 'unknown key "net.ipv4.tcp_synack_retry" (did you mean "net.ipv4.tcp_synack_retries"?)',
      code: 'unknown-key',
    });
  });
  it('port out of range', () => {
    const doc = example();
    doc.steps[3].port = 70000;
    expect(onlyError(doc)).toEqual({ path: '$.steps[3].port', message: 'the value must be at most 65535', code: 'too-big' });
  });
  it('non-integer, NaN-like and infinite numbers', () => {
    const doc = example();
    doc.seed = 1.5;
    expect(onlyError(doc)).toEqual({ path: '$.seed', message: 'must be an integer', code: 'not-integer' });
    // JSON cannot carry Infinity, but a JS caller can.
    const js = example();
    js.untilMs = Infinity;
    expect(onlyError(js)).toEqual({ path: '$.untilMs', message: 'expected number, got Infinity', code: 'type' });
  });
  it('misspelled key, with a suggestion', () => {
    const doc = example();
    doc.stepz = doc.steps;
    delete doc.steps;
    expect(errorsOf(parseScenario(doc))).toEqual([
      { path: '$.steps', message: 'required array is missing', code: 'required' },
      { path: '$.stepz', message: 'unknown key "stepz" (did you mean "steps"?)', code: 'unknown-key' },
    ]);
  });
  it('unknown rule action names the allowed ones', () => {
    const doc = example();
    doc.rules[0].action = 'dorp';
    expect(onlyError(doc)).toEqual({
      path: '$.rules[0].action',
      message: 'must be one of "drop", "delay", "duplicate", "reorder", "corrupt", "hold", "cache"; got "dorp"',
      code: 'enum',
    });
  });
  it('bad IP address and bad flag letters', () => {
    const doc = example();
    doc.hosts[0].ip = '10.0.0.256';
    doc.rules[1].match.flags = 'SS';
    expect(errorsOf(parseScenario(doc))).toEqual([
      { path: '$.hosts[0].ip', message: 'must be a dotted-quad IPv4 address; got "10.0.0.256"', code: 'format' },
      { path: '$.rules[1].match.flags', message: 'must be flag letters from SAFRPUEC, each at most once; got "SS"', code: 'format' },
    ]);
  });
  it('probability above 1 and nth below 1', () => {
    const doc = example();
    doc.rules[0].match.nth = 0;
    doc.rules[1].match.probability = 1.5;
    expect(errorsOf(parseScenario(doc)).map((e) => `${e.path}: ${e.message}`)).toEqual([
      '$.rules[0].match.nth: the value must be at least 1',
      '$.rules[1].match.probability: the value must be at most 1',
    ]);
  });
  it('delays over 24 h, data over 1 MiB, more than 64 hosts', () => {
    const doc = example();
    doc.rules[1].delayMs = 86_400_001;
    doc.steps[2].data = 'x'.repeat(1_048_577);
    doc.hosts = Array.from({ length: 65 }, (_, i) => ({ name: `H${i}`, ip: `10.0.1.${i}` }));
    // The reference checks run on the parts that parsed too: the new hosts H0…H64 leave A and B undefined.
    expect(errorsOf(parseScenario(doc)).map((e) => `${e.path}: ${e.message}`.replace(/; hosts are H0, .*$/, '; hosts are H0, …'))).toEqual([
      '$.hosts: the list must be at most 64 items',
      '$.rules[1].delayMs: the value must be at most 86400000',
      '$.steps[2].data: the text must be at most 1048576 characters',
      '$.rules[0].match.from: unknown host "A"; hosts are H0, …',
      '$.steps[0].host: unknown host "B"; hosts are H0, …',
      '$.steps[1].host: unknown host "A"; hosts are H0, …',
      '$.steps[3].host: unknown host "A"; hosts are H0, …',
    ]);
  });
  it('duplicate host names and addresses point at the second use', () => {
    const doc = example();
    doc.hosts.push({ name: 'A', ip: '10.0.0.2' });
    expect(errorsOf(parseScenario(doc))).toEqual([
      { path: '$.hosts[2].name', message: 'duplicate host name "A" (first used at $.hosts[0].name)', code: 'duplicate' },
      { path: '$.hosts[2].ip', message: 'duplicate IP address "10.0.0.2" (first used at $.hosts[1].ip)', code: 'duplicate' },
    ]);
  });
  it('references to hosts that do not exist', () => {
    const doc = example();
    doc.rules[1].match.from = 'C';
    doc.steps[0].host = 'Server';
    doc.actions = [{ atMs: 10, op: 'inject', from: 'Mallory', seg: { srcPort: 80, dstIp: '10.0.0.1', dstPort: 40000, seq: 1, flags: 'R' } }];
    expect(errorsOf(parseScenario(doc)).map((e) => `${e.path}: ${e.message}`)).toEqual([
      '$.rules[1].match.from: unknown host "C"; hosts are A, B',
      '$.steps[0].host: unknown host "Server"; hosts are A, B',
      '$.actions[0].from: unknown host "Mallory"; hosts are A, B',
    ]);
  });
  it('an inject action carries a crafted segment: fields checked, unknown keys refused', () => {
    const doc = example();
    const seg = { srcIp: '10.0.0.2', srcPort: 80, dstIp: '10.0.0.1', dstPort: 40000, seq: 4294967295, ack: 7, flags: 'RA', window: 0, payloadText: 'x' };
    doc.actions = [{ atMs: 10, op: 'inject', from: 'B', seg }];
    const r = parseScenario(doc);
    if (!r.ok) throw new Error(formatErrors(r.errors).join('\n'));
    expect(r.scenario.actions).toEqual([{ atMs: 10, op: 'inject', from: 'B', seg }]);
    doc.actions = [{ atMs: 10, op: 'inject', from: 'B', seg: { ...seg, flags: 'RR', dstPort: 0, sequence: 5 } }];
    expect(errorsOf(parseScenario(doc)).map((e) => e.path).sort()).toEqual(['$.actions[0].seg.dstPort', '$.actions[0].seg.flags', '$.actions[0].seg.sequence']);
  });
  it('step timing and call-specific fields', () => {
    const doc = example();
    doc.steps[0].on = 'eof';
    delete doc.steps[1].to;
    doc.steps[1].data = 'x';
    delete doc.steps[2].data;
    doc.steps[3].afterMs = 5;
    expect(errorsOf(parseScenario(doc)).map((e) => `${e.path}: ${e.message}`)).toEqual([
      '$.steps[0].on: "atMs" and "on" cannot be used together',
      '$.steps[1]: "to" is required for a connect step',
      '$.steps[1].data: "data" is not allowed for a connect step',
      '$.steps[2]: "data" or "bytes" is required for a send step',
      '$.steps[3].afterMs: "afterMs" is not allowed without "on"',
    ]);
  });
  it('non-object inputs', () => {
    for (const input of [null, 42, 'text', [], undefined, true]) {
      expect(errorsOf(parseScenario(input))[0]?.code).toBe('not-object');
    }
  });
});

describe('formats and versions', () => {
  it('names the supported versions for an unknown or missing format', () => {
    const doc = example();
    doc.format = 'tcplab.scenario/2';
    expect(onlyError(doc)).toEqual({ path: '$.format', message: 'unknown format "tcplab.scenario/2"; supported: "tcplab.scenario/1"', code: 'unknown-format' });
    delete doc.format;
    expect(onlyError(doc).message).toBe('missing "format"; supported: "tcplab.scenario/1"');
    expect(SUPPORTED_FORMATS).toEqual(['tcplab.scenario/1']);
  });
});

describe('text input and guards', () => {
  it('reports JSON syntax errors with line and column', () => {
    const errs = errorsOf(parseScenarioText('{\n  "format": "tcplab.scenario/1",\n  "seed": 1,,\n}'));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ path: '$', code: 'json-syntax' });
    expect(errs[0]?.message).toMatch(/^JSON syntax error at line 3, column 13: /);
    expect(errorsOf(parseScenarioText('{"format": "tcplab.scenario/1"'))[0]?.message).toMatch(/^JSON syntax error at line 1, column 31: /);
  });
  it('refuses nesting deeper than the limit, in text and in values', () => {
    const text = `{"format":"tcplab.scenario/1","x":${'['.repeat(200)}${']'.repeat(200)}}`;
    expect(errorsOf(parseScenarioText(text))).toEqual([{ path: '$', message: `nesting is deeper than ${MAX_DEPTH} levels (at line 1, column 98)`, code: 'too-deep' }]);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(errorsOf(parseScenario({ format: 'tcplab.scenario/1', x: deep }))[0]?.code).toBe('too-deep');
  });
  it('refuses texts over the size limit before parsing them', () => {
    const big = `{"format":"tcplab.scenario/1","x":"${'a'.repeat(MAX_TEXT_CHARS)}"}`;
    expect(errorsOf(parseScenarioText(big))).toEqual([{ path: '$', message: `the file is ${big.length} characters; the limit is ${MAX_TEXT_CHARS}`, code: 'too-large' }]);
  });
  it('rejects __proto__, constructor and prototype keys anywhere, without polluting prototypes', () => {
    const text = '{"format":"tcplab.scenario/1","__proto__":{"polluted":1},"hosts":[{"constructor":{"prototype":{"polluted":2}}}]}';
    expect(errorsOf(parseScenarioText(text)).map((e) => e.path)).toEqual(['$.__proto__', '$.hosts[0].constructor']);
    const sysctl = example();
    sysctl.hosts[1].sysctl = JSON.parse('{"__proto__": {"polluted": 3}}') as Record<string, number>;
    expect(onlyError(sysctl)).toEqual({ path: '$.hosts[1].sysctl.__proto__', message: 'the key "__proto__" is not allowed (it could alter object prototypes)', code: 'forbidden-key' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
  it('survives cyclic objects and throwing getters', () => {
    const cyclic = example();
    cyclic.self = cyclic;
    expect(errorsOf(parseScenario(cyclic))[0]?.code).toBe('too-deep');
    const hostile = example();
    Object.defineProperty(hostile, 'title', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(errorsOf(parseScenario(hostile))[0]?.code).toBe('internal');
  });
  it('renders every message in zh-CN too', () => {
    const doc = example();
    doc.steps[3].port = 70000;
    doc.rules[1].match.from = 'C';
    const r = parseScenario(doc);
    expect(r.ok).toBe(false);
    // The unknown host is reported in the same run as the schema error (it used to wait for the fix).
    if (!r.ok) expect(formatErrors(r.errors, 'zh-CN')).toEqual(['$.steps[3].port：该值必须不大于 65535', '$.rules[1].match.from：未知主机 "C"；已定义的主机：A, B']);
  });
});

describe('the published JSON Schema', () => {
  it('is exactly what scripts/gen-schemas.ts would write now', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../..', SCENARIO_SCHEMA_FILE), 'utf8');
    expect(committed).toBe(scenarioJsonSchemaText());
  });
});

// ── Fuzz: seeded mutations of valid files; every result must be a well-formed answer, never a throw. ──

const HUGE = 'x'.repeat(2_000_000);
function junk(prng: Prng): unknown {
  const pool: Array<() => unknown> = [
    () => null, () => -1, () => 1e308, () => -0, () => 2 ** 53 + 1, () => 4294967296, () => '', () => 'A',
    () => '10.0.0.999', () => [], () => ({}), () => true, () => 'tcplab.scenario/0', () => [[[[[[[[1]]]]]]]],
    () => JSON.parse('{"__proto__":{"polluted":true}}') as unknown, () => ({ constructor: { prototype: { polluted: 1 } } }),
    () => (prng.chance(0.02) ? HUGE : 'y'.repeat(prng.int(0, 3000))), () => prng.int(-1e9, 1e9) / 7,
  ];
  return pool[prng.int(0, pool.length - 1)]!();
}

function nodes(doc: unknown, out: Array<{ parent: Doc; key: string | number }> = [], depth = 0): typeof out {
  if (doc === null || typeof doc !== 'object' || depth > 12) return out;
  for (const key of Object.keys(doc)) {
    const k = Array.isArray(doc) ? Number(key) : key;
    out.push({ parent: doc as Doc, key: k });
    nodes((doc as Doc)[key], out, depth + 1);
  }
  return out;
}

function mutate(base: string, prng: Prng): ParseResult {
  const kind = prng.int(0, 6);
  if (kind === 0) return parseScenarioText(base.slice(0, prng.int(0, base.length)));
  const doc = JSON.parse(base) as Doc;
  const all = nodes(doc);
  const pick = all[prng.int(0, all.length - 1)]!;
  if (kind === 1) pick.parent[pick.key] = junk(prng);
  else if (kind === 2) delete pick.parent[pick.key];
  else if (kind === 3) Object.defineProperty(pick.parent, ['__proto__', 'constructor', 'prototype', 'zz'][prng.int(0, 3)]!, { value: junk(prng), enumerable: true, configurable: true, writable: true });
  else if (kind === 4) doc.format = ['tcplab.scenario/2', 'tcplab.session/1', 7, null][prng.int(0, 3)];
  else if (kind === 5) {
    let deep: unknown = junk(prng);
    for (let i = prng.int(1, 300); i > 0; i--) deep = prng.chance(0.5) ? [deep] : { a: deep };
    pick.parent[pick.key] = deep;
  } else return parseScenarioText(JSON.stringify(doc).replace(/\d+/, '9'.repeat(prng.int(1, 400))));
  return prng.chance(0.5) ? parseScenario(doc) : parseScenarioText(JSON.stringify(doc));
}

describe('seeded fuzz: 2,400 mutated files', () => {
  const lesson = readFileSync(resolve(import.meta.dirname, '../../../src-main/lab/lessons/16-time-wait-old-duplicates.json'), 'utf8');
  it('never throws, and always answers ok with a RunSpec or errors with paths', () => {
    const prng = new Prng(20240601);
    let valid = 0;
    let invalid = 0;
    for (let i = 0; i < 2400; i++) {
      const base = i % 2 === 0 ? DESIGN_EXAMPLE : lesson;
      let r: ParseResult;
      try {
        r = mutate(base, prng.derive(`case:${i}`));
      } catch (err) {
        throw new Error(`case ${i} threw: ${String(err)}`);
      }
      if (r.ok) {
        valid++;
        expect(Array.isArray(r.run.steps) && Array.isArray(r.run.hosts)).toBe(true);
      } else {
        invalid++;
        expect(r.errors.length).toBeGreaterThan(0);
        for (const e of r.errors) {
          expect(e.path.startsWith('$')).toBe(true);
          expect(typeof e.message === 'string' && e.message.length > 0 && e.message.length < 500).toBe(true);
        }
      }
    }
    expect(valid + invalid).toBe(2400);
    expect(invalid).toBeGreaterThan(1500); // most mutations break something …
    expect(valid).toBeGreaterThan(20); // … but some (e.g. deleting an optional field) do not
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('knobs that bound each other (profile-table KNOB_ORDER)', () => {
  const base = {
    format: 'tcplab.scenario/1', title: { en: 'T', 'zh-CN': 'T' }, seed: 1, profile: 'linux', network: { delayMs: 10 }, rules: [],
    steps: [{ atMs: 0, host: 'B', call: 'listen', port: 80 }], untilMs: 1000,
  };
  const withA = (sysctl: Record<string, number>) => ({ ...base, hosts: [{ name: 'A', ip: '10.0.0.1', sysctl }, { name: 'B', ip: '10.0.0.2' }] });

  it('refuses rto_min_ms above rto_max_ms in a scenario, at the knob that was set', () => {
    const r = parseScenario(withA({ 'tcplab.rto_min_ms': 5000, 'tcplab.rto_max_ms': 1000 }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      '$.hosts[0].sysctl["tcplab.rto_min_ms"]: "tcplab.rto_min_ms" (5000) must not be above "tcplab.rto_max_ms" (1000)',
    ]);
  });

  it('compares with the profile default of the knob not set', () => {
    const r = parseScenario(withA({ 'tcplab.rto_min_ms': 150_000 })); // Linux rto_max_ms is 120000
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['$.hosts[0].sysctl["tcplab.rto_min_ms"]']);
    expect(parseScenario(withA({ 'tcplab.rto_min_ms': 120_000 })).ok).toBe(true);
  });

  it('the engine refuses the same pair (a RunSpec built without the scenario check)', () => {
    expect(() => resolveParams('linux', { 'tcplab.rto_min_ms': 5000, 'tcplab.rto_max_ms': 1000 })).toThrow(/rto_min_ms" = 5000 is above "tcplab.rto_max_ms" = 1000/);
    expect(resolveParams('linux', { 'tcplab.rto_min_ms': 1000, 'tcplab.rto_max_ms': 1000 }).rtoMaxMs).toBe(1000);
  });
});
