// File fuzzer: hostile scenario and session files into `tcplab validate` (runCli in-process, with a
// capturing io) and into the host's session.openText (LabHost.handleRaw). Each must be loaded or
// rejected with a clear error; nothing may crash or pollute Object.prototype; a rejected open must leave
// the open session exactly as it was (session export and trace compared before and after).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src-main/cli/cli.js';
import type { CliIo } from '../../src-main/cli/io.js';
import type { HostClock } from '../../src-main/host/clock.js';
import { LabHost } from '../../src-main/host/lab-host.js';
import { Prng } from '../../src-main/tcp/prng.js';
import { pick } from './gen.js';
import { mutateJson } from './mutate-json.js';

export interface FileFuzzResult { files: number; loaded: number; rejected: number; failures: string[] }

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const LESSONS = path.join(ROOT, 'src-main', 'lab', 'lessons');

/** A clock that never moves: exports made at different times must still compare equal. */
export const frozenClock: HostClock = {
  now: () => 0, isoNow: () => '2026-01-01T00:00:00.000Z', setInterval: () => null, clearInterval: () => undefined,
};

export function newHost(): LabHost {
  return new LabHost({ version: '0.0.0-fuzz', mode: 'browser', listLessons: () => [], clock: frozenClock });
}

let callId = 1;
export async function hostCall(host: LabHost, cmd: string, args: unknown): Promise<{ ok: boolean; result?: unknown; error?: { code: string; message: string } }> {
  const reply = await host.handleRaw({ t: 'call', id: callId++, cmd, args });
  return reply.ok ? { ok: true, result: reply.result } : { ok: false, error: reply.error };
}

/** What must not change when a command is refused: the saved session and the whole trace. */
export async function snapshotOf(host: LabHost): Promise<string> {
  const info = await hostCall(host, 'session.info', null);
  if (!info.ok || info.result === null) return 'no session';
  const file = await hostCall(host, 'session.export', { format: 'session' });
  const trace = await hostCall(host, 'trace.get', { from: 0, count: 200_000 });
  return JSON.stringify([info.result, file.result, trace.result]);
}

function captureIo(): CliIo & { text: () => string } {
  const lines: string[] = [];
  return { out: (l) => void lines.push(l), err: (l) => void lines.push(l), nowMs: () => 0, text: () => lines.join('\n') };
}

/** Base documents: every lesson scenario, and a saved session of one with an intervention. */
export async function bases(): Promise<string[]> {
  const out = readdirSync(LESSONS).filter((f) => f.endsWith('.json')).sort().map((f) => readFileSync(path.join(LESSONS, f), 'utf8'));
  const host = newHost();
  await hostCall(host, 'session.openLesson', { id: 'third-ack-lost' });
  await hostCall(host, 'timeline.seek', { tMs: 30 });
  const file = await hostCall(host, 'session.export', { format: 'session' });
  if (file.ok) out.push((file.result as { data: string }).data);
  return out;
}

function validateOne(file: string, where: string, failures: string[]): number {
  const io = captureIo();
  const code = runCli(['validate', file, '--json'], io);
  const text = io.text();
  if (code !== 0 && code !== 2) failures.push(`${where}: validate exit ${code}: ${text.slice(0, 300)}`);
  if (code === 2 && !/"path"|error|must|not|limit/.test(text)) failures.push(`${where}: validate rejected without an error message: ${text.slice(0, 200)}`);
  return code;
}

export async function fuzzFiles(count: number, seed: number): Promise<FileFuzzResult> {
  const res: FileFuzzResult = { files: 0, loaded: 0, rejected: 0, failures: [] };
  const docs = await bases();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tcplab-fuzz-files-'));
  const host = newHost();
  const baseText = docs[docs.length - 1]!;
  await hostCall(host, 'session.openText', { text: baseText, fileName: 'base.json' });
  let before = await snapshotOf(host);
  const root = new Prng(seed);
  try {
    for (let i = 0; i < count; i++) {
      const rng = root.derive(`file ${i}`);
      const text = mutateJson(rng, pick(rng, docs));
      const where = `fuzz-files seed ${seed} case ${i}`;
      const file = path.join(dir, 'case.json');
      writeFileSync(file, text);
      const code = validateOne(file, where, res.failures);
      const open = await hostCall(host, 'session.openText', { text, fileName: 'case.json' });
      if ((Object.prototype as Record<string, unknown>).polluted !== undefined) res.failures.push(`${where}: Object.prototype polluted`);
      res.files++;
      if (open.ok) {
        res.loaded++;
        await hostCall(host, 'session.openText', { text: baseText, fileName: 'base.json' });
        before = await snapshotOf(host);
        continue;
      }
      res.rejected++;
      const err = open.error!;
      if (!['invalid-file', 'bad-arguments'].includes(err.code) || err.message.length < 10) res.failures.push(`${where}: open refused with ${err.code}: ${err.message.slice(0, 200)}`);
      if (code === 0 && err.code === 'invalid-file') res.failures.push(`${where}: validate accepts it but session.openText refuses: ${err.message.slice(0, 300)}`);
      if ((await snapshotOf(host)) !== before) res.failures.push(`${where}: a refused open changed the open session`);
      if (res.failures.length > 100) break;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return res;
}
