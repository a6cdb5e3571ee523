// Every way a file can fail to open, in both languages: the operating system's error codes a student can
// meet (and every other code Node knows, and errors with no code) make openSync throw as Node does, for the
// input file (validate, exit 2) and for an output file (run --html, exit 1). The English line names the path
// and Node's words; the Chinese one names the path, reads as Chinese (english-check.ts) and names the code
// (ENOENT and EISDIR have their own sentences). Before the fix, a code outside a ten-entry table (EEXIST,
// EFBIG, EINVAL…) came out in English in a zh-CN run.
import type * as fs from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getSystemErrorMap } from 'node:util';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../src-main/cli/cli.js';
import type { CliIo } from '../../../src-main/cli/io.js';
import { stdoutErrorText } from '../../../src-main/cli/io.js';
import { OS_ERRORS_ZH } from '../../../src-main/cli/os-errors.js';
import { englishRuns } from './english-check.js';

/** The error openSync throws for a path containing "FAIL" (the input, or an output's temp file beside it). */
const failure = vi.hoisted(() => ({ err: null as Error | null }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  const openSync = ((file: Parameters<typeof real.openSync>[0], ...rest: never[]) => {
    if (failure.err !== null && String(file).includes('FAIL')) throw failure.err;
    return (real.openSync as (...a: unknown[]) => number)(file, ...rest);
  }) as typeof real.openSync;
  return { ...real, openSync, default: { ...real, openSync } };
});

const dir = mkdtempSync(join(tmpdir(), 'tcplab-cli-fserr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => { failure.err = null; });
const f = (name: string) => join(dir, name);

const SCENARIO = {
  format: 'tcplab.scenario/1',
  title: { en: 'Two hosts', 'zh-CN': '两台主机' },
  hosts: [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2' }],
  steps: [{ atMs: 0, host: 'B', call: 'listen', port: 80 }, { atMs: 0, host: 'A', call: 'connect', port: 40000, to: '10.0.0.2:80' }],
  untilMs: 500,
};
writeFileSync(f('ok.json'), JSON.stringify(SCENARIO));
writeFileSync(f('FAIL.json'), JSON.stringify(SCENARIO));

/** The codes the CLI's users meet on files (the task's list), then every other one libuv has. */
const COMMON = ['EACCES', 'EISDIR', 'ENOENT', 'ENOSPC', 'EROFS', 'ELOOP', 'ENAMETOOLONG', 'EMFILE', 'ENOTDIR', 'EPERM', 'EEXIST', 'EBUSY', 'ETXTBSY', 'EFBIG', 'EINVAL', 'EIO', 'EAGAIN', 'ENXIO', 'EDQUOT'];
const SYSTEM = new Map([...getSystemErrorMap().values()].map(([code, description]) => [code, description]));
const ALL = [...new Set([...COMMON, ...SYSTEM.keys()])];

/** An error as Node's fs throws it: "EACCES: permission denied, open '/x'", with code, syscall and path. */
function nodeError(code: string, file: string): Error {
  const description = SYSTEM.get(code) ?? 'disk quota exceeded';
  return Object.assign(new Error(`${code}: ${description}, open '${file}'`), { code, syscall: 'open', path: file });
}

function cli(args: string[]): { code: number; lines: string[] } {
  const lines: string[] = [];
  const io: CliIo = { out: (l) => lines.push(...l.split('\n')), err: (l) => lines.push(...l.split('\n')), nowMs: () => 0 };
  return { code: runCli(args, io), lines };
}

/** The one line the CLI printed for a failed read (validate) or write (run --html), in both languages. */
function failedLines(err: Error, use: 'read' | 'write'): Record<'en' | 'zh-CN', { code: number; line: string }> {
  failure.err = err;
  const args = use === 'read' ? ['validate', f('FAIL.json')] : ['run', f('ok.json'), '--html', f('FAIL.html')];
  const out = {} as Record<'en' | 'zh-CN', { code: number; line: string }>;
  for (const lang of ['en', 'zh-CN'] as const) {
    const r = cli([...args, '--lang', lang]);
    const lines = r.lines.filter((l) => l.includes('FAIL'));
    expect(lines, `${err.message} ${lang}`).toHaveLength(1);
    out[lang] = { code: r.code, line: lines[0]! };
  }
  return out;
}

/** The Chinese words for a code: the table's and the code, or a sentence naming an unknown code. */
function zhFor(code: string): string {
  return Object.prototype.hasOwnProperty.call(OS_ERRORS_ZH, code) ? `${OS_ERRORS_ZH[code]}（${code}）` : `系统报告了错误 ${code}`;
}

/** A file's missing or a folder: lab/io says so in its own sentence (no code), as the CLI has always printed it. */
function zhForFile(code: string): string {
  return code === 'ENOENT' ? '没有这个文件或文件夹' : code === 'EISDIR' ? '它是一个文件夹' : zhFor(code);
}

describe('file errors in both languages', () => {
  it('has a Chinese wording for every code a student meets on a file', () => {
    for (const code of COMMON) expect([code, Object.prototype.hasOwnProperty.call(OS_ERRORS_ZH, code)]).toEqual([code, true]);
  });

  for (const use of ['read', 'write'] as const) {
    it(`names the path and the reason of a failed ${use} for every error code, in English and in Chinese`, () => {
      const problems: string[] = [];
      for (const code of ALL) {
        const file = f(use === 'read' ? 'FAIL.json' : 'FAIL.html');
        const { en, 'zh-CN': zh } = failedLines(nodeError(code, file), use);
        const verb = use === 'read' ? ['cannot read', '无法读取'] : ['cannot write', '无法写入'];
        const wantCode = use === 'read' ? 2 : 1;
        if (en.code !== wantCode || zh.code !== wantCode) problems.push(`${code}: exit ${en.code}/${zh.code}`);
        if (!en.line.includes(`${verb[0]} ${file}: `)) problems.push(`${code} en: ${en.line}`);
        if (!['ENOENT', 'EISDIR'].includes(code) && !en.line.endsWith(`(${code})`)) problems.push(`${code} en without the code: ${en.line}`);
        if (!zh.line.includes(`${verb[1]} ${file}：${zhForFile(code)}`)) problems.push(`${code} zh: ${zh.line}`);
        if (englishRuns(zh.line).length > 0) problems.push(`${code} zh has English: ${englishRuns(zh.line).join(' | ')}: ${zh.line}`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('quotes an error with no code, or with one of Node\'s own codes, after Chinese words', () => {
    const plain = failedLines(new Error('something odd happened'), 'read');
    expect(plain.en.line).toBe(`tcplab validate: cannot read ${f('FAIL.json')}: something odd happened`);
    expect(plain['zh-CN'].line).toBe(`tcplab validate：无法读取 ${f('FAIL.json')}：系统报告了错误：“something odd happened”`);
    const own = failedLines(Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), { code: 'ERR_STRING_TOO_LONG' }), 'write');
    expect(own.en.line).toBe(`tcplab run: cannot write ${f('FAIL.html')}: Cannot create a string longer than 0x1fffffe8 characters (ERR_STRING_TOO_LONG)`);
    expect(own['zh-CN'].line).toBe(`tcplab run：无法写入 ${f('FAIL.html')}：系统报告了错误 ERR_STRING_TOO_LONG`);
  });

  it('says why stdout cannot be written in the CLI\'s language, for every code', () => {
    for (const code of ALL) {
      const err = Object.assign(new Error(`${code}: ${SYSTEM.get(code) ?? 'x'}, write`), { code, syscall: 'write' });
      expect(stdoutErrorText(err, 'en')).toBe(`cannot write to stdout: ${err.message}`);
      const zh = stdoutErrorText(err, 'zh-CN');
      expect(zh).toBe(`无法写到标准输出：${zhFor(code)}`);
      expect(englishRuns(zh)).toEqual([]);
    }
  });
});
