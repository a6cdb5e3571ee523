// Starting and stopping the two application agents (agent.ts) inside their namespaces.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AgentPlan } from './agent.js';
import type { AppEvent } from './types.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const READY_TIMEOUT_MS = 15_000;

export interface Agent {
  proc: ChildProcess;
  events: AppEvent[];
  go(t0: number): void;
  kill(): void;
}

/** Spawns node + tsx in the namespace and resolves once the agent says it is ready (listening, if a server). */
export function startAgent(ns: string, plan: AgentPlan): Promise<Agent> {
  const args = ['netns', 'exec', ns, process.execPath, '--import', 'tsx', path.join(HERE, 'agent.ts'), JSON.stringify(plan)];
  const proc = spawn('ip', args, { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
  const events: AppEvent[] = [];
  let stderr = '';
  proc.stderr?.on('data', (c: Buffer) => void (stderr += c.toString()));
  const agent: Agent = {
    proc,
    events,
    go: (t0) => void proc.stdin?.write(`go ${t0}\n`),
    kill: () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${plan.role} agent not ready after ${READY_TIMEOUT_MS} ms: ${stderr}`)), READY_TIMEOUT_MS);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${plan.role} agent exited (${code}): ${stderr}`));
    });
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      const ev = JSON.parse(line) as Omit<AppEvent, 'role'>;
      if (ev.ev === 'ready') {
        clearTimeout(timer);
        resolve(agent);
        return;
      }
      events.push({ tMs: ev.tMs, role: plan.role, ev: ev.ev, port: ev.port, ...(ev.detail !== undefined ? { detail: ev.detail } : {}) });
    });
  });
}
