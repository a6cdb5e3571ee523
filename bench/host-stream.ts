// host.stream: trace events from the lab host to a client over the real WebSocket (src-main/web/server.ts
// + src-main/host/lab-host.ts), with the page's Origin as a browser sends it. The client runs in a worker
// thread (a browser is another process: its JSON parsing must not share the host's thread). The session's
// trace is computed first, so the number is the stream's rate, not the simulation's; then one seek to the
// end makes the host publish everything, coalesced into batches of at most MAX_EVENTS_PER_BATCH per frame.
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { LabHost } from '../src-main/host/lab-host.js';
import { startWebServer } from '../src-main/web/server.js';
import type { BenchDef } from './harness.js';
import { bulkScenario, megabytesForEvents } from './scenarios.js';
import { repoRoot } from './build-check.js';

/** The client (CommonJS, run with eval): connects, opens the scenario, then on 'go' seeks and counts. */
const CLIENT = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const WebSocket = require(workerData.wsPath);
const ws = new WebSocket(workerData.url.replace('http', 'ws') + '/ws', { origin: workerData.url });
let id = 0, expectFrom = -1, total = 0, batches = 0, gaps = 0, started = 0, goal = Infinity, done = false;
const call = (cmd, args) => ws.send(JSON.stringify({ t: 'call', id: ++id, cmd, args }));
ws.on('error', (e) => parentPort.postMessage({ error: e.message }));
ws.on('open', () => call('session.openText', { text: workerData.text, fileName: 'bulk.json' }));
ws.on('message', (data) => {
  const msg = JSON.parse(String(data));
  if (msg.t === 'reply') {
    if (!msg.ok) parentPort.postMessage({ error: msg.error.code + ': ' + msg.error.message });
    else if (id === 1) parentPort.postMessage({ opened: true });
    return;
  }
  for (const ev of msg.batch) {
    if (ev.type === 'session') expectFrom = ev.info.headEvent;
    if (ev.type !== 'trace') continue;
    if (ev.from !== expectFrom) gaps++;
    expectFrom = ev.from + ev.events.length;
    total += ev.events.length;
    batches++;
  }
  if (!done && expectFrom >= goal) {
    done = true;
    parentPort.postMessage({ elapsedMs: performance.now() - started, total, batches, gaps, end: expectFrom });
    ws.close();
  }
});
parentPort.on('message', (m) => { goal = m.goal; started = performance.now(); call('timeline.seek', { event: m.goal }); });
`;

function once(worker: Worker, timeoutMs: number): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host.stream: no answer from the client within ${timeoutMs} ms`)), timeoutMs);
    worker.once('message', (m: Record<string, unknown>) => {
      clearTimeout(timer);
      if (typeof m.error === 'string') reject(new Error(`host.stream: ${m.error}`));
      else resolve(m);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

export const hostStream: BenchDef<{ events: number }> = {
  name: 'host.stream',
  metric: 'trace events delivered per wall second over the WebSocket',
  unit: 'events/s',
  target: 200_000,
  better: 'higher',
  params: { events: 300_000 },
  tinyParams: { events: 5_000 },
  warmups: 1,
  repeats: 3,
  async run({ events }) {
    // No dataDir: no autosave writes during the measurement.
    const host = new LabHost({ version: 'bench', mode: 'browser', listLessons: () => [] });
    const server = await startWebServer({ host, staticDir: path.join(repoRoot(), 'dist', 'renderer'), port: 0 });
    const url = server.url.replace(/\/$/, '');
    const wsPath = createRequire(path.join(repoRoot(), 'package.json')).resolve('ws');
    const text = JSON.stringify(bulkScenario(megabytesForEvents(events)));
    const worker = new Worker(CLIENT, { eval: true, workerData: { url, wsPath, text } });
    try {
      await once(worker, 30_000);
      const lab = host.sessions.current;
      if (lab === null) throw new Error('host.stream: the host has no session after session.openText');
      const computeStarted = process.hrtime.bigint();
      lab.timeline.computeToEvent(events);
      const computeS = Number(process.hrtime.bigint() - computeStarted) / 1e9;
      const goal = lab.timeline.events.length;
      const done = once(worker, 120_000);
      worker.postMessage({ goal });
      const r = await done;
      const total = r.total as number, end = r.end as number, gaps = r.gaps as number;
      if (gaps !== 0 || end !== goal) throw new Error(`host.stream: ${gaps} gap(s); stream ended at event ${end} of ${goal}`);
      return {
        value: total / ((r.elapsedMs as number) / 1000),
        extra: { traceEvents: goal, streamed: total, batches: r.batches, eventsPerBatch: Math.round(total / (r.batches as number)), contiguous: true, wallS: round3((r.elapsedMs as number) / 1000), computeS: round3(computeS) },
      };
    } finally {
      await worker.terminate();
      host.shutdown();
      await server.close();
    }
  },
};

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
