// memory: the RSS of a process whose lab host holds a session with a 1,000,000-event trace, opened and
// sought to the end through LabHost.call as a client would. `scenario`: 'bulk' (the bulk transfer used by
// every lab benchmark; its payload bytes are part of the network state) or 'flood' (a SYN flood: events
// without payload). Measured in a fresh child process, so earlier benchmarks' garbage does not count.
import { spawnSync } from 'node:child_process';
import { LabHost } from '../src-main/host/lab-host.js';
import type { BenchDef } from './harness.js';
import { bulkScenario, floodScenario, megabytesForEvents } from './scenarios.js';

export const MEMORY_CHILD_FLAG = '--memory-child';

function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

function settle(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The child's workload: prints one JSON line with the measurements. */
export async function memoryChild(events: number, scenario: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('memory: run with --expose-gc');
  gc();
  const baseRss = process.memoryUsage().rss;
  const host = new LabHost({ version: 'bench', mode: 'browser', listLessons: () => [] });
  // A flood makes a little over 4 events per SYN (4 each once the SYN queue is full); one SYN per 3.5
  // events leaves headroom.
  const text = JSON.stringify(scenario === 'flood' ? floodScenario(Math.ceil(events / 3.5)) : bulkScenario(megabytesForEvents(events)));
  await host.call('session.openText', { text, fileName: 'bulk.json' });
  const started = process.hrtime.bigint();
  await host.call('timeline.seek', { event: events });
  const seekS = Number(process.hrtime.bigint() - started) / 1e9;
  const lab = host.sessions.current;
  if (lab === null || lab.timeline.events.length < events) throw new Error(`memory: the session has ${lab?.timeline.events.length ?? 0} of ${events} events`);
  // Let the host's flush loop publish the whole trace (20,000 events per 16 ms frame), as it would to a client.
  await settle(Math.ceil(events / 20_000) * 20 + 500);
  gc();
  gc();
  const u = process.memoryUsage();
  const out = {
    rssMb: mb(u.rss), heapUsedMb: mb(u.heapUsed), externalMb: mb(u.external), arrayBuffersMb: mb(u.arrayBuffers), baseRssMb: mb(baseRss),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), traceEvents: lab.timeline.events.length, snapshots: lab.timeline.snapshotCount,
    seekS: Math.round(seekS * 1000) / 1000,
  };
  host.shutdown();
  console.log(JSON.stringify(out));
}

export const memory: BenchDef<{ events: number; scenario: string }> = {
  name: 'memory',
  metric: 'RSS with the session held by the host',
  unit: 'MB',
  target: 500,
  better: 'lower',
  params: { events: 1_000_000, scenario: 'bulk' },
  choices: { scenario: ['bulk', 'flood'] },
  tinyParams: { events: 5_000, scenario: 'bulk' },
  warmups: 0,
  repeats: 3,
  run({ events, scenario }) {
    const script = process.argv[1];
    if (script === undefined) throw new Error('memory: cannot find the bench script to re-run');
    const r = spawnSync(process.execPath, ['--expose-gc', script, MEMORY_CHILD_FLAG, String(events), scenario], { encoding: 'utf8', timeout: 600_000 });
    if (r.status !== 0) throw new Error(`memory: child exited with ${r.status}: ${r.stderr.slice(-1000)}`);
    const line = r.stdout.trim().split('\n').pop() ?? '';
    const { rssMb, ...rest } = JSON.parse(line) as Record<string, number>;
    if (rssMb === undefined) throw new Error(`memory: the child printed no rssMb: ${line}`);
    return { value: rssMb, extra: rest };
  },
};
