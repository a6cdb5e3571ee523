// Host crashes on the scrub bar (lib/scrub-marks.ts): where each mark goes on a bar from 0 to maxMs and what it
// says, in both languages.
import { describe, expect, it } from 'vitest';
import type { HostDown } from '../../../src-main/contract/index.js';
import { en, type StringKey } from '../../../src-renderer/i18n/en.js';
import { zhCN } from '../../../src-renderer/i18n/zh-CN.js';
import { crashMarks } from '../../../src-renderer/lib/scrub-marks.js';

const DOWNS: HostDown[] = [
  { host: 'B', fromMs: 1000, upMs: 4000, downMs: 3000 },
  // Still down at the end of the computed run, and meant to come back after it.
  { host: 'A', fromMs: 6000, upMs: null, downMs: 5000 },
  { host: 'C', fromMs: 7000, upMs: null, downMs: null },
];
const EN = (key: StringKey) => en[key];
const ZH = (key: StringKey) => zhCN[key];

describe('crash marks on the scrub bar', () => {
  it('span the crash to the reboot, or to the end of the bar, in percent of the bar', () => {
    expect(crashMarks(DOWNS, 8000, EN).map(({ fromMs, leftPct, widthPct }) => ({ fromMs, leftPct, widthPct }))).toEqual([
      { fromMs: 1000, leftPct: 12.5, widthPct: 37.5 },
      { fromMs: 6000, leftPct: 75, widthPct: 25 },
      { fromMs: 7000, leftPct: 87.5, widthPct: 12.5 },
    ]);
  });

  it('say when the host crashed and came back, in English and Chinese', () => {
    expect(crashMarks(DOWNS, 8000, EN).map((m) => m.label)).toEqual([
      'Host B crashed at 1000 ms, up again at 4000 ms',
      'Host A crashed at 6000 ms, down for 5000 ms',
      'Host C crashed at 7000 ms and stays down',
    ]);
    expect(crashMarks(DOWNS, 8000, ZH).map((m) => m.label)).toEqual([
      '主机 B 在 1000 毫秒崩溃，4000 毫秒重新启动',
      '主机 A 在 6000 毫秒崩溃，宕机 5000 毫秒',
      '主机 C 在 7000 毫秒崩溃，此后一直宕机',
    ]);
  });

  it('no crash, no mark', () => {
    expect(crashMarks([], 8000, EN)).toEqual([]);
  });
});
