// Starts the real browser-mode entry (dist/web/main.mjs) and a headless Debian Chromium to drive it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.TCPLAB_CHROMIUM ?? '/usr/bin/chromium';
const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface WebApp {
  url: string;
  proc: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startWebApp(env: Record<string, string> = {}): Promise<WebApp> {
  const entry = path.join(ROOT, 'dist/web/main.mjs');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
  const proc = spawn(process.execPath, [entry], {
    env: { ...process.env, TCPLAB_NO_OPEN: '1', TCPLAB_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (d) => (out += String(d)));
  proc.stderr?.on('data', (d) => (out += String(d)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not print its URL:\n${out}`)), 15_000);
    const check = () => {
      const m = /browser mode: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout?.on('data', check);
    proc.on('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${out}`)));
  });
  return {
    url,
    proc,
    output: () => out,
    stop: (signal = 'SIGINT') =>
      new Promise((resolve) => {
        if (proc.exitCode !== null) return resolve(proc.exitCode);
        proc.once('exit', (code) => resolve(code));
        proc.kill(signal);
      }),
  };
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install chromium" (or set TCPLAB_CHROMIUM)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${mkdtempSync(path.join(os.tmpdir(), 'tcplab-chromium-'))}`,
    ],
  });
}

/**
 * Chromium for the panel tests. launchChromium() passes --user-data-dir, which playwright-core 1.65 refuses
 * in launch() ("Pass userDataDir to launchPersistentContext"); this is the same browser without it (launch()
 * makes a fresh temporary profile anyway).
 */
export async function launchHeadless(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install chromium" (or set TCPLAB_CHROMIUM)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
