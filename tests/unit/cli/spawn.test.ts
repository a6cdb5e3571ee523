// The real command line, spawned as a user runs it: one run per command (each start costs ~1-2 s).
import { execFile, execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, existsSync, lstatSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'tcplab-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI follows the locale (LC_ALL, LC_MESSAGES, LANG): these tests read English unless they say otherwise. */
const ENGLISH = { ...process.env, LC_ALL: 'C.UTF-8' };

function tcplab(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return tcplabIn(ENGLISH, ...args);
}

function tcplabIn(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/tcplab.mjs', ...args], { cwd: process.cwd(), encoding: 'utf8', timeout: 60_000, env }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : -1, stdout, stderr });
    });
  });
}

const f = (name: string) => join(dir, name);

describe('tcplab (spawned)', () => {
  it('run writes every output, replay reproduces the trace byte for byte, validate and lessons answer', async () => {
    const run = await tcplab('run', 'three-way-handshake', '--seed', '3', '--trace', f('a.jsonl'), '--pcap', f('a.pcapng'), '--session', f('s.json'),
      '--svg', f('l.svg'), '--state-svg', f('st.svg'), '--png', f('l.png'), '--csv', f('e.csv'), '--html', f('r.html'));
    expect([run.code, run.stdout]).toEqual([0, '']);
    expect(run.stderr.match(/^tcplab: wrote /gm)).toHaveLength(8);
    const trace = readFileSync(f('a.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { kind: string });
    expect(trace.some((e) => e.kind === 'segment.send')).toBe(true);
    expect(JSON.parse(readFileSync(f('s.json'), 'utf8')).seed).toBe(3);
    expect(readFileSync(f('a.pcapng')).readUInt32LE(0)).toBe(0x0a0d0d0a);
    expect(readFileSync(f('l.png')).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(readFileSync(f('e.csv'), 'utf8').startsWith('\uFEFFt_ms,kind')).toBe(true);
    expect(readFileSync(f('l.svg'), 'utf8').startsWith('<svg')).toBe(true);
    expect(readFileSync(f('st.svg'), 'utf8').startsWith('<svg')).toBe(true);
    expect(readFileSync(f('r.html'), 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);

    writeFileSync(f('bad.json'), JSON.stringify({ format: 'tcplab.scenario/1', title: { en: 'x', 'zh-CN': 'x' }, hosts: [{ name: 'A', ip: '10.0.0.300' }], steps: [{ atMs: 0, host: 'A', call: 'listen', port: 0 }] }));
    const [replay, validate, lessons, bad] = await Promise.all([
      tcplab('replay', f('s.json'), '--trace', f('b.jsonl')),
      tcplab('validate', f('bad.json')),
      tcplab('lessons', '--json'),
      tcplab('run', 'three-way-handshake', '--colour'),
    ]);
    expect(replay.code).toBe(0);
    expect(readFileSync(f('b.jsonl'), 'utf8')).toBe(readFileSync(f('a.jsonl'), 'utf8'));
    expect(validate.code).toBe(2);
    expect(validate.stdout).toContain('$.hosts[0].ip: ');
    expect(validate.stdout).toContain('$.steps[0].port: ');
    const list = JSON.parse(lessons.stdout) as Array<{ id: string; order: number }>;
    expect([lessons.code, list[0]?.id]).toEqual([0, 'three-way-handshake']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown option "--colour"');
    expect(existsSync(f('x'))).toBe(false);
  }, 120_000);

  it('writes through a link to /dev/stdout-like descriptors and into a FIFO in place, never replacing them', async () => {
    // Stand-ins for /dev/stdout and /dev/null (never the real ones): a link into /proc and a FIFO.
    symlinkSync('/proc/self/fd/1', f('stdout-link'));
    execFileSync('mkfifo', [f('fifo')]);
    const reader = openSync(f('fifo'), constants.O_RDONLY | constants.O_NONBLOCK);
    let csv = '';
    try {
      const r = await tcplab('run', 'three-way-handshake', '--trace', f('stdout-link'), '--csv', f('fifo'));
      expect([r.code, r.stderr.match(/^tcplab: wrote /gm)?.length]).toEqual([0, 2]);
      const events = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { kind: string });
      expect(events.some((e) => e.kind === 'segment.send')).toBe(true);
      const buf = Buffer.alloc(1 << 16);
      csv = buf.subarray(0, readSync(reader, buf, 0, buf.length, null)).toString('utf8');
    } finally {
      closeSync(reader);
    }
    expect(csv.startsWith('\uFEFFt_ms,kind')).toBe(true);
    expect([lstatSync(f('stdout-link')).isSymbolicLink(), lstatSync(f('fifo')).isFIFO()]).toEqual([true, true]);
  }, 60_000);

  it('ends quietly when the reader of stdout goes away (tcplab run … | head -1)', async () => {
    const flood = { format: 'tcplab.scenario/1', title: { en: 'x', 'zh-CN': 'x' }, hosts: [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2' }],
      steps: [{ atMs: 0, host: 'B', call: 'listen', port: 80 }], floods: [{ from: 'A', target: '10.0.0.2:80', startMs: 0, ratePerSec: 10_000, count: 5_000 }], untilMs: 1000 };
    writeFileSync(f('pipe-flood.json'), JSON.stringify(flood));
    // Megabytes of trace to stdout, in several writes; the reader closes its end after the first data.
    const child = spawn(process.execPath, ['bin/tcplab.mjs', 'run', f('pipe-flood.json'), '--trace', '-'], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'], env: ENGLISH });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(0);
  }, 60_000);

  it('says in the language of --lang why stdout cannot be written (a full disk: > /dev/full), exit 1', async () => {
    // Before: always the locale's language (English here), with Node's English words after the Chinese.
    const full = openSync('/dev/full', 'w');
    try {
      const child = spawn(process.execPath, ['bin/tcplab.mjs', 'lessons', '--lang', 'zh-CN'], { cwd: process.cwd(), stdio: ['ignore', full, 'pipe'], env: ENGLISH });
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      expect([code, stderr]).toEqual([1, 'tcplab：无法写到标准输出：磁盘空间不足（ENOSPC）\n']);
    } finally {
      closeSync(full);
    }
  }, 60_000);

  it('speaks the language of the locale (LANG=zh_CN.UTF-8) when --lang is not given', async () => {
    const { LC_ALL: _all, LC_MESSAGES: _messages, ...rest } = process.env;
    const r = await tcplabIn({ ...rest, LANG: 'zh_CN.UTF-8' }, 'run', 'no-such-lesson');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tcplab run："no-such-lesson" 既不是 \.json 文件，也不是课程 id/);
  }, 60_000);
});
