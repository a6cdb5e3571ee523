// lab.export.pcapng: the pcapng of a 100,000-packet session streamed to a file (pcapngChunks, as the CLI writes it),
// with the one-array export (exportPcapng) and the app's base64 (exportResultOf, what session.export sends) timed beside it.
// lab.export.session: session JSON export + reload + replay (session-file.ts, then LabSession.open, which
// re-executes the branch with the session executor up to the saved cursor), checked byte for byte.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportPcapng, exportResultOf, pcapngChunks, sessionExportInput, type ExportInput } from '../src-main/lab/export/index.js';
import { loadSession, saveSession } from '../src-main/lab/session-file.js';
import { LabSession } from '../src-main/lab/session-lab.js';
import { newSession, type Session } from '../src-main/lab/session-model.js';
import type { BenchDef } from './harness.js';
import { BULK_SEED, bulkScenario, megabytesForEvents, megabytesForPackets } from './scenarios.js';

function nowS(): number {
  return Number(process.hrtime.bigint()) / 1e9;
}

/** Enhanced Packet Blocks in a little-endian pcapng file (block type 6; every block ends with its length). */
function countPackets(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let n = 0;
  for (let at = 0; at + 12 <= bytes.length;) {
    const type = view.getUint32(at, true);
    const len = view.getUint32(at + 4, true);
    if (len < 12 || len % 4 !== 0) throw new Error(`pcapng: bad block length ${len} at byte ${at}`);
    if (type === 6) n++;
    at += len;
  }
  return n;
}

let pcapFixture: { packets: number; input: ExportInput; rerunS: number } | null = null;

/** The session re-run once (what session.export does before rendering), cut to exactly `packets` packets. */
function pcapInput(packets: number): { input: ExportInput; rerunS: number } {
  if (pcapFixture?.packets === packets) return pcapFixture;
  pcapFixture = null;
  const session = newSession(bulkScenario(megabytesForPackets(packets)), BULK_SEED, null);
  const started = nowS();
  const full = sessionExportInput(session);
  const rerunS = nowS() - started;
  if (full.packets.length < packets) throw new Error(`lab.export: the session has ${full.packets.length} of ${packets} packets`);
  // Cut where packet #packets was sent: the trace and records of a session that ends there.
  const endMs = full.packets[packets - 1]!.sentMs;
  const input = { ...full, packets: full.packets.slice(0, packets), trace: full.trace.filter((e) => e.t <= endMs) };
  pcapFixture = { packets, input, rerunS };
  return pcapFixture;
}

/** Writes the streamed capture to `file` (write(2) per piece, no fsync: the disk is not what is measured). */
function writeStreamed(input: ExportInput, file: string): number {
  const fd = openSync(file, 'w');
  let bytes = 0;
  try {
    for (const piece of pcapngChunks(input)) {
      for (let at = 0; at < piece.length;) at += writeSync(fd, piece, at, piece.length - at);
      bytes += piece.length;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

export const labExportPcapng: BenchDef<{ packets: number }> = {
  name: 'lab.export.pcapng',
  metric: 'pcapng export time (streamed to a file, as `tcplab run --pcap` writes it)',
  unit: 's',
  target: 1,
  better: 'lower',
  params: { packets: 100_000 },
  tinyParams: { packets: 2_000 },
  warmups: 1,
  repeats: 3,
  run({ packets }) {
    const { input, rerunS } = pcapInput(packets);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tcplab-bench-pcap-'));
    try {
      const file = path.join(dir, 'bench.pcapng');
      const started = nowS();
      const bytes = writeStreamed(input, file);
      const value = nowS() - started;
      // The app's export (session.export) builds the same file as one array, which the host sends as base64.
      const t0 = nowS();
      const whole = exportPcapng(input);
      const inMemoryS = nowS() - t0;
      const written = readFileSync(file);
      if (written.length !== bytes || Buffer.compare(written, whole) !== 0) throw new Error('lab.export.pcapng: the streamed file differs from the in-memory export');
      // What the host's session.export sends the window: the capture as base64, made from the pieces.
      const t1 = nowS();
      const app = exportResultOf(input, 'pcapng', 'en');
      const appS = nowS() - t1;
      if (app.data.length !== Math.ceil(whole.length / 3) * 4) throw new Error(`lab.export.pcapng: the app's base64 has ${app.data.length} characters for ${whole.length} bytes`);
      const blocks = countPackets(whole);
      if (blocks !== packets) throw new Error(`lab.export.pcapng: ${blocks} packet blocks written, expected ${packets}`);
      return { value, extra: { inMemoryS: round3(inMemoryS), appBase64S: round3(appS), packetBlocks: blocks, megabytes: round3(bytes / 1e6), traceEvents: input.trace.length, sessionRerunS: round3(rerunS) } };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

let sessionFixture: { events: number; session: Session; trace: string } | null = null;

/** A session with two user interventions and the cursor after `events` events, plus its trace as JSON. */
function savedSession(events: number): { session: Session; trace: string } {
  if (sessionFixture?.events === events) return sessionFixture;
  sessionFixture = null;
  const lab = LabSession.open(newSession(bulkScenario(megabytesForEvents(events)), BULK_SEED, null));
  lab.seekMs(150);
  lab.intervene({ op: 'rule.add', rule: { id: 'slow', match: { from: 'B', probability: 0.01 }, action: 'delay', delayMs: 40 } });
  lab.seekMs(400);
  lab.intervene({ op: 'rule.enable', rule: 'slow', enabled: false });
  lab.seekEvent(events);
  if (lab.cursor.event !== events) throw new Error(`lab.export.session: cursor at event ${lab.cursor.event}, expected ${events}`);
  sessionFixture = { events, session: lab.session, trace: JSON.stringify(lab.timeline.events.slice(0, events)) };
  return sessionFixture;
}

export const labExportSession: BenchDef<{ events: number }> = {
  name: 'lab.export.session',
  metric: 'session JSON export + reload + replay',
  unit: 's',
  target: 2,
  better: 'lower',
  params: { events: 100_000 },
  tinyParams: { events: 3_000 },
  warmups: 1,
  repeats: 3,
  run({ events }) {
    const { session, trace } = savedSession(events);
    const t0 = nowS();
    const text = saveSession(session, { appVersion: 'bench' });
    const t1 = nowS();
    const loaded = loadSession(text);
    if (!loaded.ok) throw new Error(`lab.export.session: reload failed: ${loaded.errors[0]?.path}: ${loaded.errors[0]?.message}`);
    const t2 = nowS();
    const replayed = LabSession.open(loaded.session); // re-executes up to the saved cursor
    const t3 = nowS();
    const again = JSON.stringify(replayed.timeline.events.slice(0, events));
    if (replayed.cursor.event !== events || again !== trace) throw new Error('lab.export.session: the replayed trace differs from the original');
    return {
      value: t3 - t0,
      extra: { saveS: round3(t1 - t0), loadS: round3(t2 - t1), replayS: round3(t3 - t2), fileKb: Math.round(text.length / 1024), actions: session.branches[0]?.actions.length ?? 0, identical: true },
    };
  },
};

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
