// The application inside one namespace: runs the scenario's steps for one host with node:net, the way
// tcplab's net/steps.ts runs them in the engine. Started by the recorder with
//   ip netns exec <ns> node --import tsx agent.ts '<plan json>'
// It prints JSON lines ({"ev":"ready"} first), waits for "go <t0 epoch ms>" on stdin, then schedules
// timed steps at t0 + atMs and reactive ones on connected/accepted/data/eof. It runs until killed.
import net from 'node:net';
import { createInterface } from 'node:readline';
import type { SocketStepSpec } from '../../src-main/net/spec.js';

export interface AgentPlan {
  role: 'client' | 'server';
  ip: string;
  steps: SocketStepSpec[];
  acceptPausedUntilMs?: number;
}

const plan = JSON.parse(process.argv[2] ?? '{}') as AgentPlan;
let t0 = 0;
const sockets = new Map<number, net.Socket>();

function say(ev: string, port: number, detail?: string): void {
  const tMs = t0 === 0 ? 0 : Date.now() - t0;
  process.stdout.write(`${JSON.stringify(detail === undefined ? { tMs, ev, port } : { tMs, ev, port, detail })}\n`);
}

/** Same filler as net/steps.ts patternBytes: "abc…z" repeated. */
function pattern(n: number): Buffer {
  return Buffer.from(Array.from({ length: n }, (_, i) => 0x61 + (i % 26)));
}

function perform(step: SocketStepSpec, sock: net.Socket | undefined): void {
  if (step.call === 'connect') return connect(step);
  if (!sock) return say('step-error', step.port, `${step.call}: no socket`);
  say(`call:${step.call}`, step.port);
  if (step.call === 'send') sock.write(step.data !== undefined ? Buffer.from(step.data) : pattern(step.bytes ?? 0));
  else if (step.call === 'shutdown') sock.end(); // shutdown(SHUT_WR): FIN, keep reading
  else if (step.call === 'close') sock.destroy(); // close(fd): FIN, socket orphaned
  else if (step.call === 'abort') sock.resetAndDestroy(); // SO_LINGER 0 + close: RST
  else if (step.call === 'autoread') readAutomatically(sock, (step.value ?? 1) !== 0);
  else say('step-error', step.port, `unsupported call ${step.call}`);
}

/**
 * autoread 0: the application stops reading, so data stays in the kernel's receive queue (a later close()
 * then finds unread data). The server socket is created paused (pauseOnConnect) when a step turns reading off,
 * because node would otherwise read the first bytes before the step runs.
 */
function readAutomatically(sock: net.Socket, on: boolean): void {
  if (on) sock.resume();
  else sock.pause();
}

const READS_PAUSED = plan.steps.some((st) => st.call === 'autoread' && st.value === 0);

/** Reactive steps of this host fire on events of a socket whose local port is the step's port. */
function trigger(on: string, sock: net.Socket): void {
  say(on, sock.localPort ?? 0);
  for (const st of plan.steps) {
    if (!('on' in st) || st.on !== on || st.port !== sock.localPort) continue;
    setTimeout(() => perform(st, sock), st.afterMs ?? 0);
  }
}

function watch(sock: net.Socket): void {
  sock.on('data', () => trigger('data', sock));
  sock.on('end', () => trigger('eof', sock));
  sock.on('error', (e: NodeJS.ErrnoException) => say('error', sock.localPort ?? 0, e.code ?? e.message));
  sock.on('close', () => say('closed', sock.localPort ?? 0));
}

function connect(step: SocketStepSpec): void {
  const [host = '', port = ''] = (step.to ?? '').split(':');
  const sock = net.connect({ host, port: Number(port), localAddress: plan.ip, localPort: step.port, allowHalfOpen: true });
  sockets.set(step.port, sock);
  say('call:connect', step.port);
  watch(sock);
  sock.on('connect', () => trigger('connected', sock));
}

function listen(step: SocketStepSpec): Promise<void> {
  const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: READS_PAUSED }, (sock) => {
    sockets.set(sock.localPort ?? 0, sock);
    watch(sock);
    trigger('accepted', sock);
  });
  return new Promise((resolve) => server.listen({ host: plan.ip, port: step.port, backlog: step.backlog ?? 128 }, resolve));
}

function go(startMs: number): void {
  t0 = startMs;
  for (const st of plan.steps) {
    if (!('atMs' in st) || st.call === 'listen') continue;
    setTimeout(() => perform(st, sockets.get(st.port)), t0 + st.atMs - Date.now());
  }
  if (plan.acceptPausedUntilMs !== undefined) {
    // Block the event loop so node cannot accept(): the kernel keeps completing handshakes into the
    // accept queue until it is full — the listen-backlog situation.
    const waitMs = t0 + plan.acceptPausedUntilMs - Date.now();
    if (waitMs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, waitMs);
    say('accept-resumed', 0);
  }
}

async function main(): Promise<void> {
  for (const st of plan.steps) if (st.call === 'listen') await listen(st);
  say('ready', 0);
  createInterface({ input: process.stdin }).on('line', (line) => {
    const m = /^go (\d+)$/.exec(line.trim());
    if (m) go(Number(m[1]));
  });
}

void main();
