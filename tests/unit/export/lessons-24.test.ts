// Lesson 24 (peer-crash) into every export format, and the crash as the text exports show it.
import { describe, expect, it } from 'vitest';
import { renderExport, sessionExportInput } from '../../../src-main/lab/export/index.js';
import { lessonById } from '../../../src-main/lab/lessons/index.js';
import { newSession } from '../../../src-main/lab/session-model.js';
import { lessonExportTests } from './lessons-export.js';

describe('lesson 24 exports to every format', () => lessonExportTests(24, 24));

describe('a crash in the text exports', () => {
  const l = lessonById('peer-crash')!;
  const input = sessionExportInput(newSession(JSON.parse(JSON.stringify(l.scenario)) as Record<string, unknown>, l.scenario.seed, { id: l.id, compare: null }));

  it('the CSV names the crash, the reboot and the drops at the down host', () => {
    const csv = renderExport(input, 'csv', 'en') as string;
    const rows = csv.split('\r\n').filter((r) => r.includes('host.') || r.includes('host down'));
    expect(rows.map((r) => r.split(',').slice(0, 3).join(','))).toEqual([
      '1000,host.crash,B', '1520,segment.drop,B', '1760,segment.drop,B', '2240,segment.drop,B', '3200,segment.drop,B', '4000,host.up,B',
    ]);
    expect(csv).toContain('host crashed: every connection and listener lost; up again in 3000 ms');
    expect(csv).toContain('host up again after 3000 ms down, with no sockets');
    expect(csv).toContain('host down (crashed at 1000 ms)');
  });

  it('the Chinese HTML report says it in Chinese', () => {
    const html = renderExport(input, 'html', 'zh-CN') as string;
    expect(html).toContain('主机崩溃：所有连接和监听套接字都丢失了；3000 毫秒后重新启动');
    expect(html).toContain('主机宕机 3000 毫秒后重新启动，没有任何套接字');
    expect(html).toContain('主机已宕机（于 1000 毫秒崩溃）');
    expect(html).toContain('主机崩溃：它的 TCB 丢失了（RFC 9293 3.5.2）');
    expect(html).not.toContain('host crashed');
  });
});
