// Packet capture with dumpcap (Wireshark's capture engine) on the client's veth end, then decoding with
// tshark. Both directions cross that interface, each packet once.
import { spawn, type ChildProcess } from 'node:child_process';
import { flagsFromBits } from './normalise.js';
import { CLIENT_IP } from './netns.js';
import { sh } from './sh.js';
import type { RawPacket } from './types.js';

const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;

export interface Capture {
  proc: ChildProcess;
  stop(): Promise<void>;
}

function exited(proc: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    proc.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts dumpcap (`ip netns exec` execs it, so proc.pid is dumpcap's) and waits until it captures. */
export async function startCapture(ns: string, dev: string, file: string): Promise<Capture> {
  const proc = spawn('ip', ['netns', 'exec', ns, 'dumpcap', '-i', dev, '-f', 'tcp', '-P', '-w', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dumpcap did not start within ${START_TIMEOUT_MS} ms: ${stderr}`)), START_TIMEOUT_MS);
    proc.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('Capturing on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dumpcap exited (${code}): ${stderr}`));
    });
  });
  const stop = async (): Promise<void> => {
    proc.kill('SIGINT'); // dumpcap flushes and closes the file on SIGINT
    if (!(await exited(proc, STOP_TIMEOUT_MS))) {
      proc.kill('SIGKILL');
      await exited(proc, STOP_TIMEOUT_MS);
    }
  };
  return { proc, stop };
}

const FIELDS = ['frame.time_epoch', 'ip.src', 'tcp.srcport', 'tcp.dstport', 'tcp.flags', 'tcp.seq_raw', 'tcp.ack_raw', 'tcp.len'];

/** Decodes the capture into raw packets (absolute ms, absolute seq/ack). */
export function readCapture(file: string): RawPacket[] {
  const args = ['-r', file, '-T', 'fields', '-E', 'separator=,', ...FIELDS.flatMap((f) => ['-e', f])];
  const out = sh('tshark', args);
  return out.split('\n').filter((l) => l.trim() !== '').map((line) => {
    const [epoch = '', src = '', sport = '', dport = '', flags = '', seq = '', ack = '', len = ''] = line.split(',');
    const fromClient = src === CLIENT_IP;
    return {
      tMs: Number(epoch) * 1000,
      fromClient,
      clientPort: Number(fromClient ? sport : dport),
      flags: flagsFromBits(Number.parseInt(flags, 16)),
      seq: Number(seq),
      ack: Number(ack),
      len: Number(len),
    };
  });
}
