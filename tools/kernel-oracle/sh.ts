// Synchronous command helpers for the recorder (root only). Every command has a time bound.
import { execFileSync } from 'node:child_process';

const CMD_TIMEOUT_MS = 10_000;

/** Runs a command, returns stdout; throws with stderr on failure or after CMD_TIMEOUT_MS. */
export function sh(cmd: string, args: readonly string[], input?: string): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', timeout: CMD_TIMEOUT_MS, input, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed: ${(err.stderr ?? '').trim() || err.message}`);
  }
}

/** Like sh() but never throws: for clean-up paths, where one failure must not stop the rest. */
export function shQuiet(cmd: string, args: readonly string[]): boolean {
  try {
    execFileSync(cmd, args, { timeout: CMD_TIMEOUT_MS, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** `ip netns exec <ns> cmd args…` */
export function inNs(ns: string, cmd: string, args: readonly string[], input?: string): string {
  return sh('ip', ['netns', 'exec', ns, cmd, ...args], input);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));
