// `tcplab run --pcap F --lang zh-CN`: the capture's comments (each packet's story, the section comment and its
// note on packets no longer on record) are in the language of the run's other outputs; the bytes are the same.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/cli.js';
import { hasChineseTraceText } from '../../../src-main/contract/trace-text.js';

const dir = mkdtempSync(join(tmpdir(), 'tcplab-pcap-lang-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const f = (name: string) => join(dir, name);

function run(args: string[]): number {
  return runCli(['run', ...args], { out: () => {}, err: () => {}, nowMs: () => 0 });
}

/** Each frame's comment, by tshark. */
function comments(file: string): string[] {
  return execFileSync('/usr/bin/tshark', ['-r', file, '-T', 'fields', '-e', 'frame.comment'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trimEnd().split('\n');
}

describe('tcplab run --pcap in zh-CN', () => {
  it('writes every packet comment of a lesson in Chinese, with a full-width colon after the packet\'s label', () => {
    expect(run(['syn-lost', '--pcap', f('en.pcapng'), '--lang', 'en'])).toBe(0);
    expect(run(['syn-lost', '--pcap', f('zh.pcapng'), '--lang', 'zh-CN'])).toBe(0);
    const en = comments(f('en.pcapng')), zh = comments(f('zh.pcapng'));
    expect(zh).toHaveLength(en.length);
    expect(en[0]).toMatch(/^#1 A→B: dropped by rule \S+ \(drop\) at \d+ ms$/);
    expect(zh[0]).toMatch(/^#1 A→B：被规则 \S+ 丢弃（\d+ 毫秒）$/);
    zh.forEach((line, i) => {
      const label = /^#\d+ [^\s→]+→[^\s:]+/.exec(en[i]!)![0];
      expect(line.startsWith(`${label}：`), line).toBe(true);
      expect(hasChineseTraceText(en[i]!.slice(label.length + 2)), en[i]).toBe(true);
      expect(line).not.toMatch(/delivered|dropped|retransmission/);
    });
  });

  it('says in Chinese how many packets are no longer on record', () => {
    const flood = {
      format: 'tcplab.scenario/1', title: { en: 'Small flood', 'zh-CN': '小规模洪水' },
      hosts: [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2' }],
      steps: [{ atMs: 0, host: 'B', call: 'listen', port: 80 }],
      floods: [{ from: 'A', target: '10.0.0.2:80', startMs: 0, ratePerSec: 10_000, count: 5_000 }],
      untilMs: 2000,
    };
    writeFileSync(f('flood.json'), JSON.stringify(flood));
    expect(run([f('flood.json'), '--pcap', f('flood-zh.pcapng'), '--lang', 'zh-CN'])).toBe(0);
    const text = readFileSync(f('flood-zh.pcapng')).toString('utf8');
    expect(text).toMatch(/小规模洪水——虚拟时间，t=0 为会话开始的时刻；发出的 \d+ 个报文中有 \d+ 个已不在记录中，没有包含在内（内存有上限/);
    expect(text).not.toContain('no longer on record');
  });
});
