// The CLI's commands called in-process with a recording io (fast): options, exit codes, messages.
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../src-main/cli/cli.js';
import type { CliIo } from '../../../src-main/cli/io.js';
import { csvChunks, exportCsv, exportJsonl, jsonlChunks, sessionExportInput, TraceLimitError } from '../../../src-main/lab/export/index.js';
import { Executor } from '../../../src-main/lab/session-executor.js';
import { saveSession } from '../../../src-main/lab/session-file.js';
import { newSession } from '../../../src-main/lab/session-model.js';

const dir = mkdtempSync(join(tmpdir(), 'tcplab-cli-in-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const f = (name: string) => join(dir, name);

/** Runs the CLI; the clock advances stepMs at every read (for progress lines). */
function cli(args: string[], stepMs = 0): { code: number; out: string[]; err: string[] } {
  const out: string[] = [], err: string[] = [];
  let now = 0;
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), nowMs: () => (now += stepMs) };
  return { code: runCli(args, io), out, err };
}

const SCENARIO = {
  format: 'tcplab.scenario/1',
  title: { en: 'Two hosts', 'zh-CN': '两台主机' },
  hosts: [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2' }],
  steps: [
    { atMs: 0, host: 'B', call: 'listen', port: 80 },
    { atMs: 0, host: 'A', call: 'connect', port: 40000, to: '10.0.0.2:80' },
  ],
  untilMs: 2000,
};

describe('tcplab run', () => {
  writeFileSync(f('sc.json'), JSON.stringify(SCENARIO));

  it('prints a summary with the final state of every connection when no output is asked for', () => {
    const r = cli(['run', f('sc.json')]);
    expect([r.code, r.err]).toEqual([0, []]);
    expect(r.out[0]).toBe(`Two hosts / 两台主机  (${f('sc.json')})`);
    expect(r.out[1]).toBe('seed 1, profile linux, ran to 2000 ms');
    expect(r.out).toContain('  A  10.0.0.1:40000>10.0.0.2:80  ESTABLISHED');
    expect(r.out).toContain('  B  10.0.0.2:80>10.0.0.1:40000  ESTABLISHED');
  });

  it('names each host crash in the summary (en and zh-CN), and validate refuses a step on a down host', () => {
    const crash = { ...SCENARIO, steps: [...SCENARIO.steps, { atMs: 500, host: 'B', call: 'crash', downMs: 1000 }, { atMs: 1800, host: 'A', call: 'crash' }] };
    writeFileSync(f('crash.json'), JSON.stringify(crash));
    expect(cli(['run', f('crash.json')]).out).toEqual(expect.arrayContaining(['B crashed at 500 ms, up again at 1500 ms', 'A crashed at 1800 ms, and stays down']));
    expect(cli(['run', f('crash.json'), '--lang', 'zh-CN']).out).toEqual(expect.arrayContaining(['B 于 500 ms 崩溃，1500 ms 重新启动', 'A 于 1800 ms 崩溃，此后一直宕机']));
    writeFileSync(f('crash-bad.json'), JSON.stringify({ ...crash, steps: [...crash.steps, { atMs: 900, host: 'B', call: 'listen', port: 80 }] }));
    const bad = cli(['validate', f('crash-bad.json')]);
    expect([bad.code, [...bad.out, ...bad.err].filter((l) => l.includes('$.steps'))]).toEqual([2, ['  $.steps[4]: host B is down at 900 ms ($.steps[2] crashed it at 500 ms; it is up again at 1500 ms): its listen step cannot run']]);
  });

  it('applies --profile, --seed and --until', () => {
    const r = cli(['run', f('sc.json'), '--profile', 'classic', '--seed=9', '--until', '500']);
    expect([r.code, r.out[1]]).toEqual([0, 'seed 9, profile classic, ran to 500 ms']);
  });

  it('prints progress lines on stderr once a run takes longer than a second', () => {
    const quick = cli(['run', f('sc.json')], 0);
    expect(quick.err).toEqual([]);
    const slow = cli(['run', f('sc.json')], 300);
    expect(slow.err.length).toBeGreaterThan(10);
    expect(slow.err[0]).toMatch(/^tcplab: \d+% \(virtual [\d.]+ of 2000 ms, \d+ events, [\d.]+ s\)$/);
  });

  it('prints progress while a burst fills one slice of virtual time (a flood), not only between slices', () => {
    // 20,000 SYNs in the first 20 ms of a 200 s run: the whole burst is inside the first 1/200 slice.
    const flood = { ...SCENARIO, untilMs: 200_000, floods: [{ from: 'A', target: '10.0.0.2:80', startMs: 0, ratePerSec: 1_000_000, count: 20_000 }] };
    writeFileSync(f('burst.json'), JSON.stringify(flood));
    const r = cli(['run', f('burst.json')], 1000);
    expect(r.code).toBe(0);
    const inBurst = r.err.map((l) => /virtual ([\d.]+) of 200000 ms/.exec(l)?.[1]).filter((v) => v !== undefined && Number(v) < 1000);
    expect(inBurst.length).toBeGreaterThan(5);
  });

  it('refuses a run whose floods would exceed the trace kept in memory, before running it (exit 2)', () => {
    const flood = { ...SCENARIO, untilMs: 86_400_000, floods: [{ from: 'A', target: '10.0.0.2:80', startMs: 0, ratePerSec: 10_000_000, count: 10_000_000 }] };
    writeFileSync(f('flood-max.json'), JSON.stringify(flood));
    const r = cli(['run', f('flood-max.json'), '--trace', f('flood-max.jsonl')]);
    expect([r.code, r.out]).toEqual([2, []]);
    expect(r.err.join('\n')).toMatch(/\$\.floods: the floods send 10,000,000 SYNs .* about 40,000,000 trace events .* at most 5,000,000 events/);
    expect(() => readFileSync(f('flood-max.jsonl'))).toThrow();
    // A flood that ends before untilMs counts only the SYNs it sends: 1,000,000 at 100,000/s within 15 s passes the check.
    const session = newSession({ ...SCENARIO, untilMs: 5, floods: [{ from: 'A', target: '10.0.0.2:80', startMs: 0, ratePerSec: 100_000, count: 10_000_000 }] }, 1, null);
    expect(sessionExportInput(session, { maxEvents: 5_000 }).trace.length).toBeLessThan(5_000);
  });

  it('stops a run that outgrows the limit while running, and writes long traces in pieces that join to the same text', () => {
    const session = newSession({ ...SCENARIO, floods: [{ from: 'A', target: '10.0.0.2:80', startMs: 0, ratePerSec: 10_000, count: 5_000 }] }, 1, null);
    expect(() => sessionExportInput(session, { maxEvents: 12_000 })).toThrow(TraceLimitError);
    const input = sessionExportInput(session);
    expect(input.trace.length).toBeGreaterThan(12_000);
    expect([...jsonlChunks(input.trace)].join('')).toBe(exportJsonl(input.trace));
    expect([...csvChunks(input.trace)].join('')).toBe(exportCsv(input.trace));
  });

  it('counts every sent packet missing from the pcapng and the summary (a flood keeps only its last records)', () => {
    const flood = { ...SCENARIO, floods: [{ from: 'A', target: '10.0.0.2:80', startMs: 0, ratePerSec: 10_000, count: 5_000 }] };
    writeFileSync(f('small-flood.json'), JSON.stringify(flood));
    expect(cli(['run', f('small-flood.json'), '--trace', f('small-flood.jsonl'), '--pcap', f('small-flood.pcapng')]).code).toBe(0);
    const sent = readFileSync(f('small-flood.jsonl'), 'utf8').trimEnd().split('\n').filter((l) => l.includes('"kind":"segment.send"')).length;
    const pcap = readFileSync(f('small-flood.pcapng'));
    let frames = 0;
    for (let at = 0; at < pcap.length; at += pcap.readUInt32LE(at + 4)) if (pcap.readUInt32LE(at) === 6) frames++;
    expect(sent - frames).toBeGreaterThan(1000);
    expect(pcap.toString('utf8')).toContain(`; ${sent - frames} of the ${sent} packets sent are no longer on record and not included (bounded memory`);
    const summary = cli(['run', f('small-flood.json')]).out;
    expect(summary[2]).toBe(`${summary[2]!.split(' ')[0]} events, ${frames} packets on record (${summary[2]!.split('(')[1]}`);
    expect(summary[3]).toMatch(new RegExp(`^ {2}${sent - frames} of the ${sent} packets sent are no longer on record`));
  });

  it("lists at most 10 of a flood's half-open connections and counts the rest, in both languages", () => {
    const flood = {
      ...SCENARIO, hosts: [...SCENARIO.hosts, { name: 'M', ip: '10.0.0.66' }],
      steps: [SCENARIO.steps[0], { ...SCENARIO.steps[1], atMs: 500 }],
      floods: [{ from: 'M', target: '10.0.0.2:80', startMs: 0, ratePerSec: 100, count: 30 }],
    };
    writeFileSync(f('flood-30.json'), JSON.stringify(flood));
    const en = cli(['run', f('flood-30.json')]).out;
    const halfOpen = en.filter((l) => /^ {2}B {2}10\.0\.0\.2:80>\S+ +SYN-RECEIVED$/.test(l));
    expect(halfOpen).toHaveLength(10);
    // The count stands where the 11th would be; the client's connection, which came later, is still listed.
    expect(en.indexOf('  … and 20 more SYN-RECEIVED on B')).toBe(en.indexOf(halfOpen[9]!) + 1);
    expect(en).toContain('  A  10.0.0.1:40000>10.0.0.2:80        ESTABLISHED');
    expect(cli(['run', f('flood-30.json'), '--lang', 'zh-CN']).out).toContain('  …… 另有 20 个 B 上处于 SYN-RECEIVED 的连接');
    // A small run lists every connection, as before: no count line, the same widths.
    expect(cli(['run', f('sc.json')]).out.slice(3)).toEqual(['final states:', '  B  10.0.0.2:80>*:*             LISTEN', '  A  10.0.0.1:40000>10.0.0.2:80  ESTABLISHED', '  B  10.0.0.2:80>10.0.0.1:40000  ESTABLISHED']);
  });

  it('exits 2 on bad options and bad input, naming the problem', () => {
    const cases: Array<[string[], RegExp]> = [
      [['run'], /run needs a scenario file or a lesson id/],
      [['run', f('sc.json'), '--bogus'], /unknown option "--bogus"/],
      // A single-dash long option is refused, not taken as the double-dash one.
      [['run', f('sc.json'), '-seed', '5'], /unknown option "-seed": options start with two dashes \(did you mean "--seed"\?\)/],
      [['run', f('sc.json'), '-seed=5'], /unknown option "-seed": options start with two dashes \(did you mean "--seed"\?\)/],
      [['validate', f('sc.json'), '-json'], /did you mean "--json"\?/],
      [['run', f('sc.json'), '-x'], /unknown option "-x": options start with two dashes \(options: --profile, /],
      [['run', f('sc.json'), '--seed', '-1'], /--seed must be an integer from 0 to 4294967295, not "-1"/],
      [['run', f('sc.json'), '--seed'], /--seed needs a value \(N\)/],
      [['run', f('sc.json'), '--seed', '--until', '100'], /--seed needs a value \(N\)/],
      [['run', f('sc.json'), '--trace', '--html', f('r.html')], /--trace needs a file name/],
      [['run', f('sc.json'), '--trace=', '--html', f('r.html')], /--trace needs a file name/],
      [['run', f('sc.json'), '--profile', 'bsd'], /--profile must be rfc, linux or classic/],
      [['run', f('sc.json'), '--lang', 'fr', '--csv', f('x.csv')], /--lang must be en or zh-CN/],
      [['run', f('sc.json'), '--compare', '0'], /--compare 0: this scenario has 0 comparison run/],
      [['run', 'no-such-lesson'], /"no-such-lesson" is neither a \.json file nor a lesson id/],
      [['run', f('missing.json')], /no such file or folder/],
      [['run', f('sc.json'), '--until', '5', '--until', '6'], /given twice/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [[], /usage: tcplab <command>/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.err.join('\n')).toMatch(message);
    }
  });

  it('exits 2 with JSON paths for an invalid scenario, and points session files to replay', () => {
    writeFileSync(f('bad.json'), JSON.stringify({ ...SCENARIO, untilMs: -5 }));
    const r = cli(['run', f('bad.json')]);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toContain('$.untilMs: ');
    writeFileSync(f('s.json'), saveSession(newSession(SCENARIO, 1, null)));
    expect(cli(['run', f('s.json')]).err.join('\n')).toContain(`is a session file: use "tcplab replay ${f('s.json')}"`);
  });

  it('writes a text output to stdout for "-", and refuses binary or two outputs there', () => {
    const r = cli(['run', f('sc.json'), '--trace', '-']);
    expect(r.code).toBe(0);
    expect(r.out.join('\n').split('\n').map((l) => (JSON.parse(l) as { kind: string }).kind)).toContain('segment.send');
    expect(r.err).toEqual([expect.stringMatching(/^tcplab: wrote stdout \(jsonl, \d+ bytes\)$/)]);
    const binary = cli(['run', f('sc.json'), '--pcap', '-']);
    expect([binary.code, binary.out]).toEqual([2, []]);
    expect(binary.err[0]).toContain('--pcap -: pcapng is binary');
    const two = cli(['run', f('sc.json'), '--trace', '-', '--csv', '-']);
    expect([two.code, two.out]).toEqual([2, []]);
    expect(two.err[0]).toContain('--trace and --csv both write to stdout');
  });

  it('refuses an output that is the input file, or two outputs naming one file, before running (exit 2)', () => {
    writeFileSync(f('self.json'), JSON.stringify(SCENARIO));
    const before = readFileSync(f('self.json'), 'utf8');
    const self = cli(['run', f('self.json'), '--trace', join(dir, '.', 'self.json')]);
    expect([self.code, self.out]).toEqual([2, []]);
    expect(self.err[0]).toContain(`--trace ${join(dir, '.', 'self.json')} is the input file ${f('self.json')}`);
    expect(readFileSync(f('self.json'), 'utf8')).toBe(before);
    symlinkSync('twice.out', f('twice-link'));
    const twice = cli(['run', f('self.json'), '--trace', f('twice.out'), '--csv', f('twice-link')]);
    expect([twice.code, twice.err[0]]).toEqual([2, expect.stringContaining(`--trace and --csv both name ${f('twice-link')}`)]);
    expect(existsSync(f('twice.out'))).toBe(false);
    writeFileSync(f('self-session.json'), saveSession(newSession(SCENARIO, 1, null)));
    const replay = cli(['replay', f('self-session.json'), '--session', f('self-session.json')]);
    expect([replay.code, replay.err[0]]).toEqual([2, expect.stringContaining('is the input file')]);
  });

  it('exits 1 when an output cannot be written', () => {
    const r = cli(['run', f('sc.json'), '--trace', join(dir, 'no-folder', 't.jsonl')]);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/cannot write .*t\.jsonl: no such file or folder/);
  });

  it('writes the session of a lesson comparison run, and replay of it gives the same trace', () => {
    const run = cli(['run', 'time-wait-length', '--compare', '0', '--session', f('cmp.json'), '--trace', f('cmp.jsonl')]);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(f('cmp.json'), 'utf8')).lesson).toEqual({ id: 'time-wait-length', compare: 0 });
    const replay = cli(['replay', f('cmp.json'), '--trace', f('cmp2.jsonl')]);
    expect(replay.code).toBe(0);
    expect(readFileSync(f('cmp2.jsonl'), 'utf8')).toBe(readFileSync(f('cmp.jsonl'), 'utf8'));
    expect(cli(['replay', f('cmp.json'), '--branch', 'nope']).err.join('\n')).toContain('--branch nope: the session has branches main');
  });
});

describe('tcplab validate', () => {
  it('accepts valid scenario and session files', () => {
    writeFileSync(f('ok.json'), JSON.stringify(SCENARIO));
    writeFileSync(f('ok-session.json'), saveSession(newSession(SCENARIO, 4, null)));
    expect(cli(['validate', f('ok.json')])).toEqual({ code: 0, out: [`${f('ok.json')}: a valid scenario`], err: [] });
    expect(cli(['validate', f('ok-session.json')])).toEqual({ code: 0, out: [`${f('ok-session.json')}: a valid session`], err: [] });
  });

  it('prints every error with its JSON path, in JSON too, and in Chinese', () => {
    writeFileSync(f('two.json'), JSON.stringify({ ...SCENARIO, hosts: [{ name: 'A', ip: '10.0.0.1', sysctl: { 'net.ipv4.tcp_synack_retries': 'x' } }, { name: 'B', ip: '1.2.3' }] }));
    const r = cli(['validate', f('two.json')]);
    expect(r.code).toBe(2);
    expect(r.out[0]).toMatch(/: \d+ error\(s\) in this scenario:$/);
    expect(r.out.some((l) => l.startsWith('  $.hosts[0].sysctl["net.ipv4.tcp_synack_retries"]: '))).toBe(true);
    expect(r.out.some((l) => l.startsWith('  $.hosts[1].ip: '))).toBe(true);
    const j = cli(['validate', f('two.json'), '--json']);
    const parsed = JSON.parse(j.out.join('\n')) as { ok: boolean; kind: string; errors: Array<{ path: string; message: string }> };
    expect([j.code, parsed.ok, parsed.kind]).toEqual([2, false, 'scenario']);
    expect(parsed.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['$.hosts[0].sysctl["net.ipv4.tcp_synack_retries"]', '$.hosts[1].ip']));
    expect(parsed.errors.every((e) => e.message.length > 0)).toBe(true);
    const zh = cli(['validate', f('two.json'), '--lang', 'zh-CN']);
    expect(zh.out.slice(1).some((l) => /[\u4e00-\u9fff]/.test(l))).toBe(true);
  });

  it('reports schema and reference errors in one run (exit 2), in --json and in Chinese', () => {
    const doc = {
      ...SCENARIO,
      rules: [{ match: { from: 'A', flgs: 'S' }, action: 'drop' }, { match: { from: 'C' }, action: 'drop' }],
    };
    writeFileSync(f('both.json'), JSON.stringify(doc));
    const j = cli(['validate', f('both.json'), '--json']);
    const parsed = JSON.parse(j.out.join('\n')) as { errors: Array<{ path: string; message: string }> };
    expect(j.code).toBe(2);
    expect(parsed.errors).toEqual([
      { path: '$.rules[0].match.flgs', message: 'unknown key "flgs" (did you mean "flags"?)' },
      { path: '$.rules[1].match.from', message: 'unknown host "C"; hosts are A, B' },
    ]);
    const zh = cli(['validate', f('both.json'), '--lang', 'zh-CN']);
    expect(zh.out.slice(1)).toEqual(['  $.rules[0].match.flgs：未知的键 "flgs"（是不是想写 "flags"？）', '  $.rules[1].match.from：未知主机 "C"；已定义的主机：A, B']);
    expect(cli(['run', f('both.json')]).err[0]).toContain('$.rules[1].match.from: unknown host "C"');
  });

  it('reads a UTF-8 or UTF-16 file with a byte-order mark; refuses empty, binary and unmarked UTF-16 files clearly', () => {
    const json = JSON.stringify(SCENARIO);
    writeFileSync(f('bom8.json'), `\uFEFF${json}`);
    writeFileSync(f('bom16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]));
    expect(cli(['validate', f('bom8.json')]).code).toBe(0);
    expect(cli(['validate', f('bom16.json')]).code).toBe(0);
    expect(cli(['run', f('bom16.json')]).code).toBe(0);
    writeFileSync(f('raw16.json'), Buffer.from(json, 'utf16le'));
    writeFileSync(f('empty.json'), ' \n');
    writeFileSync(f('binary.json'), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00]));
    expect(cli(['validate', f('raw16.json')])).toEqual({ code: 2, out: [], err: [`tcplab validate: cannot read ${f('raw16.json')}: the file is UTF-16 text without a byte-order mark; save it as UTF-8`] });
    expect(cli(['run', f('empty.json')])).toEqual({ code: 2, out: [], err: [`tcplab run: ${f('empty.json')} is empty: expected a tcplab scenario or session (JSON)`] });
    expect(cli(['replay', f('binary.json')]).err[0]).toBe(`tcplab replay: cannot read ${f('binary.json')}: the file is binary, not text (a zero byte at line 1, byte offset 3); is it the right file?`);
  });

  it('prints warnings on stderr (and in --json) for parts that never happen; the exit code stays 0', () => {
    const doc = {
      ...SCENARIO,
      steps: [...SCENARIO.steps, { atMs: 5000, host: 'A', call: 'close', port: 40000 }],
      actions: [{ atMs: 100, op: 'replay', cached: 2 }],
    };
    writeFileSync(f('warn.json'), JSON.stringify(doc));
    const stepLine = '$.steps[2].atMs: 5000 ms is after the run ends (untilMs 2000): this step never happens';
    const cacheLine = '$.actions[0].cached: the replay at 100 ms cannot apply: no cached packet 2: the router has cached 0 packets so far';
    expect(cli(['validate', f('warn.json')])).toEqual({ code: 0, out: [`${f('warn.json')}: a valid scenario`], err: [`tcplab validate: warning: ${stepLine}`, `tcplab validate: warning: ${cacheLine}`] });
    const j = cli(['validate', f('warn.json'), '--json']);
    expect([j.code, j.err]).toEqual([0, []]);
    expect(JSON.parse(j.out.join('\n'))).toEqual({ ok: true, kind: 'scenario', errors: [], warnings: [
      { path: '$.steps[2].atMs', message: '5000 ms is after the run ends (untilMs 2000): this step never happens' },
      { path: '$.actions[0].cached', message: 'the replay at 100 ms cannot apply: no cached packet 2: the router has cached 0 packets so far' },
    ] });
    const run = cli(['run', f('warn.json')]);
    expect([run.code, run.err]).toEqual([0, [`tcplab run: warning: ${stepLine}`, `tcplab run: warning: ${cacheLine}`]]);
    const zh = cli(['validate', f('warn.json'), '--lang', 'zh-CN']);
    expect(zh.err[0]).toBe('tcplab validate：警告：$.steps[2].atMs：5000 ms 晚于运行结束时间（untilMs 2000）：该步骤永远不会发生');
  });

  it('refuses a send of more bytes than a run accepts (64 MiB per step), at its path', () => {
    const send = (bytes: number) => ({ ...SCENARIO, steps: [...SCENARIO.steps, { atMs: 100, host: 'A', call: 'send', port: 40000, bytes }] });
    writeFileSync(f('big-send.json'), JSON.stringify(send(67_108_865)));
    const r = cli(['validate', f('big-send.json')]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('  $.steps[2].bytes: the value must be at most 67108864');
    writeFileSync(f('max-send.json'), JSON.stringify(send(67_108_864)));
    expect(cli(['validate', f('max-send.json')]).code).toBe(0);
  });

  it('agrees with run on how big a file may be: 10 Mi characters, whatever their UTF-8 size', () => {
    // 11.3 MB of UTF-8 but 3.8 Mi characters: within the scenario limit, so both take it (run used to refuse it by bytes).
    const chinese = '汉'.repeat(300_000);
    const sends = Array.from({ length: 12 }, (_, i) => ({ atMs: 10 + i, host: 'A', call: 'send', port: 40000, data: chinese }));
    writeFileSync(f('cjk.json'), JSON.stringify({ ...SCENARIO, steps: [...SCENARIO.steps, ...sends] }));
    expect(readFileSync(f('cjk.json')).length).toBeGreaterThan(10 * 1024 * 1024);
    expect(cli(['validate', f('cjk.json')]).code).toBe(0);
    expect(cli(['run', f('cjk.json'), '--until', '1']).code).toBe(0);
    // Over 10 Mi characters: both refuse, with the same message.
    const big = JSON.stringify({ ...SCENARIO, description: { en: 'x'.repeat(11 * 1024 * 1024), 'zh-CN': 'x' } });
    writeFileSync(f('big.json'), big);
    const v = cli(['validate', f('big.json')]), r = cli(['run', f('big.json')]);
    expect([v.code, r.code]).toEqual([2, 2]);
    const message = `$: the file is ${big.length} characters; the limit is 10485760`;
    expect(v.out.join('\n')).toContain(message);
    expect(r.err.join('\n')).toContain(message);
  });
  it('prints values named like Object.prototype members as they are, in Chinese too', () => {
    const doc = { ...SCENARIO, steps: [{ atMs: 0, host: 'toString', call: 'listen', port: 80 }], rules: [{ match: { from: 'valueOf' }, action: 'drop' }] };
    writeFileSync(f('proto-words.json'), JSON.stringify(doc));
    writeFileSync(f('proto-key.json'), JSON.stringify(SCENARIO).replace('"name":"A",', '"name":"A","constructor":1,"__proto__":1,'));
    for (const lang of ['en', 'zh-CN']) {
      const text = [...cli(['validate', f('proto-words.json'), '--lang', lang]).out, ...cli(['validate', f('proto-key.json'), '--lang', lang]).out].join('\n');
      expect(text).not.toMatch(/native code|\[object Object\]/);
      expect(text).toMatch(/"toString"/);
      expect(text).toMatch(/"valueOf"/);
      expect(text).toMatch(/"constructor"/);
    }
  });

  it('prints JSON on stdout with --json even when the file cannot be read', () => {
    const r = cli(['validate', f('does-not-exist.json'), '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out.join('\n'))).toEqual({ ok: false, kind: null, errors: [{ path: '$', message: `cannot read ${f('does-not-exist.json')}: no such file or folder` }], warnings: [] });
  });

  it('points a scenario given to replay to run', () => {
    writeFileSync(f('for-replay.json'), JSON.stringify(SCENARIO));
    const r = cli(['replay', f('for-replay.json')]);
    expect([r.code, r.err]).toEqual([2, [`tcplab replay: ${f('for-replay.json')} is a scenario, not a session: use "tcplab run ${f('for-replay.json')}"`]]);
  });

  it('reports session files with errors at their JSON paths', () => {
    const doc = JSON.parse(saveSession(newSession(SCENARIO, 4, null))) as { branches: Array<{ actions: unknown[] }> };
    doc.branches[0]!.actions.push({ atMs: 5, op: 'drop', id: 'seven' });
    writeFileSync(f('bad-session.json'), JSON.stringify(doc));
    const r = cli(['validate', f('bad-session.json')]);
    expect(r.code).toBe(2);
    expect(r.out.join('\n')).toContain('$.branches[0].actions[0]');
  });

  it('replays a session to check its actions: one that cannot apply is bad input with its path, in validate and replay', () => {
    const withActions = (actions: unknown[]) => {
      const doc = JSON.parse(saveSession(newSession(SCENARIO, 4, null))) as { branches: Array<{ actions: unknown[] }> };
      doc.branches[0]!.actions.push(...actions);
      return JSON.stringify(doc);
    };
    writeFileSync(f('no-packet.json'), withActions([{ atMs: 15, op: 'hold', id: 99 }]));
    const v = cli(['validate', f('no-packet.json')]);
    expect(v.code).toBe(2);
    expect(v.out[1]).toMatch(/^ {2}\$\.branches\[0\]\.actions\[0\]\.id: no packet #99 /);
    const r = cli(['replay', f('no-packet.json'), '--trace', f('no-packet.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(/is not a valid session file:\n {2}\$\.branches\[0\]\.actions\[0\]\.id: no packet #99 /);
    expect(() => readFileSync(f('no-packet.jsonl'))).toThrow();
    // A field the network refuses is named down to the field, once.
    writeFileSync(f('bad-flags.json'), withActions([{ atMs: 1, op: 'hold', id: 1 }, { atMs: 2, op: 'edit', id: 1, fields: { flags: 'XYZ' } }]));
    const j = JSON.parse(cli(['validate', f('bad-flags.json'), '--json']).out.join('\n')) as { ok: boolean; errors: Array<{ path: string; message: string }> };
    expect(j).toEqual({ ok: false, kind: 'session', errors: [{ path: '$.branches[0].actions[1].fields.flags', message: expect.stringMatching(/^unknown flag letter "X"/) }], warnings: [] });
    writeFileSync(f('good-hold.json'), withActions([{ atMs: 1, op: 'hold', id: 1 }, { atMs: 500, op: 'release', id: 1 }]));
    expect(cli(['validate', f('good-hold.json')]).code).toBe(0);
  });

  it('says why the simulation gave up on a run (exit 1) in both languages, and quotes an unexpected error in Chinese', () => {
    // The engine's guards against a run that never moves on throw English; before, a zh-CN run printed it as is.
    const runTo = vi.spyOn(Executor.prototype, 'runTo');
    try {
      writeFileSync(f('gives-up.json'), JSON.stringify(SCENARIO));
      runTo.mockImplementation(() => { throw new Error('more than 10000000 events at 5 ms: zero-delay loop?'); });
      expect(cli(['run', f('gives-up.json')])).toEqual({ code: 1, out: [], err: ['tcplab run: the run failed: more than 10000000 events at 5 ms: zero-delay loop?'] });
      expect(cli(['run', f('gives-up.json'), '--lang', 'zh-CN']).err).toEqual(['tcplab run：运行失败：在 5 毫秒这一时刻发生了超过 10000000 个事件：可能是零延迟的循环']);
      runTo.mockImplementation(() => { throw new Error('more than 50000000 steps before 2000 ms'); });
      expect(cli(['run', f('gives-up.json'), '--lang', 'zh-CN']).err).toEqual(['tcplab run：运行失败：在 2000 毫秒之前执行了超过 50000000 步，运行没有向前推进']);
      runTo.mockImplementation(() => { throw new Error('something unexpected'); });
      expect(cli(['run', f('gives-up.json'), '--lang', 'zh-CN']).err).toEqual(['tcplab run：运行失败：系统报告了错误：“something unexpected”']);
    } finally {
      runTo.mockRestore();
    }
  });

  it('refuses a bad or missing --lang before the command as it does after it (exit 2)', () => {
    // Before: `tcplab --lang fr run …` dropped the value and ran in the locale's language.
    const first = (args: string[]) => cli(args).err[0]?.split('\n')[0]; // then the usage, as for an unknown command
    expect(first(['--lang', 'fr', 'run', 'syn-lost'])).toBe('tcplab: --lang must be en or zh-CN, not "fr"');
    expect(cli(['--lang=fr', 'lessons']).code).toBe(2);
    expect(first(['--lang'])).toBe('tcplab: --lang needs a value (en|zh-CN)');
    expect(cli(['--lang', 'fr', 'run', 'syn-lost']).code).toBe(2);
    expect(cli(['--lang', 'zh-CN', 'lessons']).code).toBe(0);
  });

  it('has help for every command', () => {
    for (const c of ['run', 'replay', 'validate', 'lessons']) {
      const r = cli([c, '--help']);
      expect([c, r.code, r.out[0]?.startsWith(`usage: tcplab ${c}`)]).toEqual([c, 0, true]);
      expect(cli(['help', c]).out).toEqual(r.out);
      expect(cli([c, '-h'])).toEqual(r);
    }
    expect(cli(['--help']).out[0]!.startsWith('usage: tcplab <command> [options]\n\ncommands:\n  run ')).toBe(true);
  });
});

describe('warnings and refused actions, found by the one run the command does', () => {
  const doc = {
    ...SCENARIO,
    rules: [{ match: { from: 'A', to: 'A' }, action: 'drop' }],
    steps: [...SCENARIO.steps, { atMs: 5000, host: 'A', call: 'close', port: 40000 }],
    actions: [{ atMs: 300, op: 'release', id: 1 }, { atMs: 100, op: 'replay', cached: 2 }],
  };
  /** A session of `doc` whose branches hold these user actions (the first branch is the current one). */
  const session = (...branches: unknown[][]) => {
    const s = JSON.parse(saveSession(newSession(doc, 4, null))) as { branches: Array<Record<string, unknown>> };
    s.branches = branches.map((actions, i) => ({ ...s.branches[0], id: i === 0 ? 'main' : `b${i}`, name: i === 0 ? 'main' : `b${i}`, parent: i === 0 ? null : 'main', actions }));
    return JSON.stringify(s);
  };
  const send = { atMs: 20, op: 'call', step: { host: 'A', call: 'send', port: 40000, data: 'hi' } };

  it('replay prints the warnings of the session\'s scenario at $.scenario…, as validate does, in both languages; stdout and exit code as before', () => {
    writeFileSync(f('warn-scenario.json'), JSON.stringify(doc));
    writeFileSync(f('warn-session.json'), session([]));
    for (const lang of ['en', 'zh-CN']) {
      const v = cli(['validate', f('warn-session.json'), '--lang', lang]);
      const r = cli(['replay', f('warn-session.json'), '--lang', lang]);
      expect(v.err).toHaveLength(4);
      expect(r.err).toEqual(v.err.map((l) => l.replace('tcplab validate', 'tcplab replay')));
      // The same lines as run prints for the scenario itself, at the session's paths.
      const run = cli(['run', f('warn-scenario.json'), '--seed', '4', '--lang', lang]);
      expect(r.err).toEqual(run.err.map((l) => l.replace('tcplab run', 'tcplab replay').replace(/(警告：|warning: )\$\./, '$1$.scenario.')));
      expect(r.code).toBe(0);
      expect(r.out.slice(1)).toEqual(run.out.slice(1)); // the summary (its first line names the file)
    }
    expect(cli(['replay', f('warn-session.json')]).err[3]).toBe(
      'tcplab replay: warning: $.scenario.actions[0]: the release at 300 ms cannot apply: packet #1 was already delivered at 20 ms');
  });

  it('simulates once: run and replay report the actions that cannot apply as their run reaches them, exactly as validate does', () => {
    const start = vi.spyOn(Executor, 'start');
    try {
      writeFileSync(f('warn-scenario.json'), JSON.stringify(doc));
      const v = cli(['validate', f('warn-scenario.json')]);
      start.mockClear();
      const r = cli(['run', f('warn-scenario.json'), '--seed', '4']);
      expect(start).toHaveBeenCalledTimes(1); // before: a check run up to the last action, then the run
      expect([r.code, r.err]).toEqual([0, v.err.map((l) => l.replace('tcplab validate', 'tcplab run'))]);

      // replay: the branch replayed is checked by the replay; a user action that applies costs no second run.
      writeFileSync(f('user-ok.json'), session([send]));
      start.mockClear();
      const ok = cli(['replay', f('user-ok.json'), '--trace', f('user-ok.jsonl')]);
      expect(start).toHaveBeenCalledTimes(1);
      expect([ok.code, ok.err.filter((l) => l.includes('warning')).length]).toEqual([0, 4]);

      // A refused user action: the same error as validate's, exit 2, nothing written; other branches are checked too.
      writeFileSync(f('user-bad.json'), session([send, { atMs: 30, op: 'hold', id: 99 }], [send]));
      writeFileSync(f('both-bad.json'), session([{ atMs: 30, op: 'hold', id: 99 }], [{ atMs: 10, op: 'release', id: 98 }]));
      for (const file of ['user-bad.json', 'both-bad.json']) {
        const errors = cli(['validate', f(file)]).out.slice(1);
        expect(errors.length, file).toBeGreaterThan(0);
        const bad = cli(['replay', f(file), '--trace', f('bad.jsonl')]);
        expect([bad.code, bad.err.at(-1)], file).toEqual([2, `tcplab replay: ${f(file)} is not a valid session file:\n${errors.join('\n')}`]);
        expect(existsSync(f('bad.jsonl')), file).toBe(false);
      }
      expect(cli(['validate', f('both-bad.json')]).out.slice(1)).toEqual([
        '  $.branches[0].actions[0].id: no packet #99 (packets so far: #1-#2)',
        '  $.branches[1].actions[0].id: no packet #98 (packets so far: #1-#1)',
      ]);
      // --branch picks the branch the replay checks as it runs; the current one is then checked on its own.
      const other = cli(['replay', f('user-bad.json'), '--branch', 'b1', '--trace', f('b1.jsonl')]);
      expect(other.code).toBe(2);
      expect(other.err.at(-1)).toMatch(/\$\.branches\[0\]\.actions\[1\]\.id: no packet #99 /);
    } finally {
      start.mockRestore();
    }
  });
});
