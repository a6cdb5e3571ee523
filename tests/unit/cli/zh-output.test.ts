// In zh-CN, everything the CLI prints and every word of its HTML report is Chinese, apart from technical
// tokens (english-check.ts says which). Runs the CLI in-process over every lesson (and comparison run) with
// --html, and over the common error paths, and checks that each message of the catalog exists in both
// languages. A new English sentence anywhere in these paths fails here with the line that holds it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, USAGE } from '../../../src-main/cli/cli.js';
import type { CliIo } from '../../../src-main/cli/io.js';
import { MESSAGES } from '../../../src-main/cli/messages.js';
import { RUN_OPTIONS, REPLAY_OPTIONS } from '../../../src-main/cli/run.js';
import { VALIDATE_OPTIONS } from '../../../src-main/cli/validate.js';
import { LESSONS_OPTIONS } from '../../../src-main/cli/lessons.js';
import { LESSONS } from '../../../src-main/lab/lessons/index.js';
import { lessonSummaries } from '../../../src-main/lab/lesson-summaries.js';
import { saveSession } from '../../../src-main/lab/session-file.js';
import { newSession } from '../../../src-main/lab/session-model.js';
import { englishRuns, htmlText } from './english-check.js';

const dir = mkdtempSync(join(tmpdir(), 'tcplab-cli-zh-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const f = (name: string) => join(dir, name);

function cli(args: string[], env: Record<string, string> = {}): { code: number; lines: string[] } {
  const lines: string[] = [];
  const io: CliIo = { out: (l) => lines.push(...l.split('\n')), err: (l) => lines.push(...l.split('\n')), nowMs: () => 0, env };
  return { code: runCli(args, io), lines };
}

/** Lesson titles, English on purpose beside the Chinese ones (tcplab lessons, the summary's first line). */
const TITLES = lessonSummaries().map((l) => l.title.en).sort((a, b) => b.length - a.length); // longest first: one title can hold another
/** The locale of a Chinese desktop: --lang fr is refused in its language. */
const ZH_LOCALE = { LANG: 'zh_CN.UTF-8' };

function english(lines: readonly string[]): string[] {
  // The test scenario's own English title is printed beside its Chinese one, as a lesson's is.
  return lines.flatMap((line) => englishRuns(line, [...TITLES, SCENARIO.title.en]).map((run) => `${run}   <<< ${line}`));
}

/**
 * Lines whose Chinese text has an ASCII colon ("tcplab run: 运行失败…", "$.hosts[1].ip: 格式应为…"): Chinese
 * takes the full-width "：", after a Latin label or a JSON path too. JSON keeps its own: validate --json's output,
 * and the shapes the option help quotes ({ ok, kind, … }); so do the English lesson titles printed beside the Chinese.
 */
function asciiColons(lines: readonly string[]): string[] {
  return lines.filter((line) => {
    if (/^\s*["{}[\]]/.test(line) || !/[\u3400-\u9fff]/.test(line)) return false;
    let prose = line.replace(/\{.*\}|\[\{.*\}\]/g, '');
    for (const title of [...TITLES, SCENARIO.title.en]) prose = prose.split(title).join('');
    return /: /.test(prose) || /[\u3400-\u9fff]:|:[\u3400-\u9fff]/.test(prose);
  });
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

function sessionWith(actions: object[]): string {
  const doc = JSON.parse(saveSession(newSession(SCENARIO, 1, null))) as { branches: Array<{ actions: object[] }> };
  doc.branches[0]!.actions.push(...actions);
  return JSON.stringify(doc);
}

describe('zh-CN output of the CLI', () => {
  it('has the same messages in both languages, and every Chinese one reads as Chinese', () => {
    const en = MESSAGES.en, zh = MESSAGES['zh-CN'];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      // Arguments of the right kinds: numbers where the English uses them, a path-like word otherwise.
      const render = (fn: (...a: never[]) => string) => fn(...(Array.from({ length: fn.length }, (_, i) => (i % 2 === 0 ? 'x.json' : 3)) as never[]));
      const text = render(zh[key] as (...a: never[]) => string);
      expect(text, key).toMatch(/[\u3400-\u9fff]/);
      expect(englishRuns(text), key).toEqual([]);
      expect(render(en[key] as (...a: never[]) => string), key).not.toBe(text);
    }
    for (const table of [RUN_OPTIONS, REPLAY_OPTIONS, VALIDATE_OPTIONS, LESSONS_OPTIONS]) {
      for (const [name, spec] of Object.entries(table)) {
        expect(spec.help['zh-CN'], name).toMatch(/[\u3400-\u9fff]/);
        expect(englishRuns(spec.help['zh-CN']), name).toEqual([]);
      }
    }
    expect(english(USAGE['zh-CN'].split('\n'))).toEqual([]);
  });

  it('writes every lesson (and comparison run) as a Chinese summary and HTML report', () => {
    const found: string[] = [];
    for (const lesson of LESSONS) {
      const runs = [undefined, ...(lesson.scenario.lesson?.compare ?? []).map((_, i) => String(i))];
      for (const compare of runs) {
        const extra = compare === undefined ? [] : ['--compare', compare];
        const html = f(`${lesson.id}-${compare ?? 'main'}.html`);
        const withHtml = cli(['run', lesson.id, ...extra, '--html', html, '--lang', 'zh-CN']);
        expect(withHtml.code, lesson.id).toBe(0);
        found.push(...english([...withHtml.lines, ...htmlText(readFileSync(html, 'utf8'))]).map((e) => `${lesson.id}: ${e}`));
        found.push(...asciiColons(withHtml.lines).map((l) => `${lesson.id}: ASCII colon: ${l}`));
      }
      const summary = cli(['run', lesson.id, '--lang=zh-CN']);
      found.push(...english(summary.lines).map((e) => `${lesson.id} summary: ${e}`));
      found.push(...asciiColons(summary.lines).map((l) => `${lesson.id} summary: ASCII colon: ${l}`));
    }
    expect([...new Set(found)]).toEqual([]);
  }, 300_000);

  it('reports the common mistakes in Chinese: bad files, options, lessons and session actions', () => {
    writeFileSync(f('ok.json'), JSON.stringify(SCENARIO));
    writeFileSync(f('syntax.json'), '{"format": "tcplab.scenario/1", "title": ');
    writeFileSync(f('fields.json'), JSON.stringify({ ...SCENARIO, untilMs: -5, hosts: [{ name: 'A', ip: '10.0.0.300' }, { name: 'B', ip: '10.0.0.2', colour: 1 }] }));
    writeFileSync(f('array.json'), '[1, 2]');
    writeFileSync(f('s.json'), saveSession(newSession(SCENARIO, 1, null)));
    writeFileSync(f('no-packet.json'), sessionWith([{ atMs: 5, op: 'drop', id: 99 }]));
    writeFileSync(f('not-held.json'), sessionWith([{ atMs: 5, op: 'release', id: 1 }]));
    writeFileSync(f('order.json'), sessionWith([{ atMs: 50, op: 'hold', id: 1 }, { atMs: 10, op: 'release', id: 1 }]));
    writeFileSync(f('bad-flags.json'), sessionWith([{ atMs: 1, op: 'edit', id: 1, fields: { flags: 'X' } }]));
    writeFileSync(f('delivered.json'), sessionWith([{ atMs: 100, op: 'drop', id: 1 }]));
    mkdirSync(f('folder.json'), { recursive: true });
    // The inputs fix-cli-quality taught the CLI to refuse or warn about (empty, binary, other encodings, rules
    // and steps that can never do anything, a replay of a packet the router never cached).
    writeFileSync(f('empty.json'), '  \n');
    writeFileSync(f('binary.json'), Buffer.from([0x7b, 0x00, 0x01, 0x02]));
    writeFileSync(f('latin1.json'), Buffer.from('{"title": "caf\xe9"}', 'latin1'));
    writeFileSync(f('utf16.json'), Buffer.from(JSON.stringify(SCENARIO), 'utf16le'));
    writeFileSync(f('utf32.json'), Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x00]), Buffer.alloc(8)]));
    writeFileSync(f('seq-range.json'), JSON.stringify({ ...SCENARIO, rules: [{ match: { from: 'A', seqFrom: 9, seqTo: 3 }, action: 'drop' }] }));
    writeFileSync(f('warn.json'), JSON.stringify({ ...SCENARIO, rules: [{ match: { from: 'A', to: 'A' }, action: 'drop' }],
      actions: [{ atMs: 10, op: 'replay', cached: 3 }] }));
    writeFileSync(f('warn-session.json'), saveSession(newSession({ ...SCENARIO, rules: [{ match: { from: 'A', to: 'A' }, action: 'drop' }],
      actions: [{ atMs: 10, op: 'replay', cached: 3 }] }, 1, null)));
    const calls: string[][] = [
      ['run', f('empty.json')], ['run', f('binary.json')], ['run', f('latin1.json')], ['run', f('utf16.json')], ['run', f('utf32.json')],
      ['validate', f('seq-range.json')], ['validate', f('warn.json')], ['run', f('warn.json')], ['run', 'syn-lost', '-seed', '5'], ['run', 'syn-lost', '-x'],
      [], ['nope'], ['help'], ['help', 'nope'], ['run', '--help'], ['replay', '-h'], ['validate', '--help'], ['lessons', '--help'], ['lessons'],
      ['run'], ['run', 'no-such-lesson'], ['run', f('missing.json')], ['run', f('folder.json')], ['run', f('syntax.json')], ['run', f('fields.json')],
      ['run', f('array.json')], ['run', f('s.json')], ['run', 'syn-lost', '--bogus'], ['run', 'syn-lost', '--seed', 'x'], ['run', 'syn-lost', '--profile', 'bsd'],
      ['run', 'syn-lost', '--compare', '9'], ['run', 'syn-lost', '--trace'], ['run', 'syn-lost', '--trace', '--html', 'x.html'], ['run', 'syn-lost', '--seed', '1', '--seed', '2'],
      ['run', 'syn-lost', '--help=1'], ['run', 'syn-lost', 'extra'], ['run', 'syn-lost', '--pcap', '-'], ['run', 'syn-lost', '--trace', '-', '--csv', '-'],
      ['run', f('ok.json'), '--trace', f('ok.json')], ['run', 'syn-lost', '--trace', f('t.jsonl'), '--csv', f('t.jsonl')], ['run', 'syn-lost', '--html', f('folder.json')],
      ['run', 'syn-lost', '--until', '999999999999'], ['run', 'syn-lost', '--lang', 'fr'], ['run', f('ok.json'), '--trace', f('ok.jsonl')],
      ['replay'], ['replay', f('ok.json')], ['replay', f('no-packet.json')], ['replay', f('not-held.json')], ['replay', f('order.json')], ['replay', f('bad-flags.json')],
      ['replay', f('delivered.json')], ['replay', f('s.json'), '--branch', 'nope'], ['replay', f('missing.json')],
      ['validate'], ['validate', f('ok.json')], ['validate', f('s.json')], ['validate', f('syntax.json')], ['validate', f('fields.json')], ['validate', f('array.json')],
      ['validate', f('no-packet.json')], ['validate', f('not-held.json')], ['validate', f('order.json')], ['validate', f('bad-flags.json')], ['validate', f('missing.json')],
      ['validate', f('fields.json'), '--json'], ['validate', f('missing.json'), '--json'],
      ['replay', f('warn-session.json')], ['validate', f('warn-session.json')], ['--lang', 'fr', 'run', 'syn-lost'], ['--lang'],
    ];
    const found: string[] = [];
    for (const args of calls) {
      const zh = cli([...args, ...(args.includes('--lang') ? [] : ['--lang', 'zh-CN'])], ZH_LOCALE);
      expect(zh.lines.length, args.join(' ')).toBeGreaterThan(0);
      found.push(...english(zh.lines).map((e) => `tcplab ${args.join(' ')}: ${e}`));
      found.push(...asciiColons(zh.lines).map((l) => `tcplab ${args.join(' ')}: ASCII colon: ${l}`));
    }
    expect([...new Set(found)]).toEqual([]);
  });

  it('takes the language from the locale when --lang is not given, and --lang wins over it', () => {
    expect(cli(['run', 'no-such-lesson'], { LANG: 'zh_CN.UTF-8' }).lines[0]).toMatch(/既不是 \.json 文件，也不是课程 id/);
    expect(cli(['run', 'no-such-lesson'], { LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }).lines[0]).toMatch(/is neither a \.json file nor a lesson id/);
    expect(cli(['run', 'no-such-lesson', '--lang', 'en'], { LANG: 'zh_CN.UTF-8' }).lines[0]).toMatch(/is neither a \.json file nor a lesson id/);
    expect(cli(['--lang', 'zh-CN', 'run', '--bogus']).lines[0]).toBe('tcplab run：未知选项 "--bogus"（可用选项：--profile, --seed, --until, --compare, --trace, --pcap, --session, --svg, --state-svg, --png, --csv, --html, --lang, --help）');
    expect(cli(['lessons']).lines[0]).toMatch(/^ 1 {2}\S+ +[A-Z].* \/ .*[\u3400-\u9fff]/);
  });
});
