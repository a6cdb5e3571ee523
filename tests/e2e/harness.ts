// Starts the real browser-mode entry (dist/web/main.mjs) and a headless Debian Chromium to drive it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, onTestFailed } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = process.env.TCPLAB_CHROMIUM ?? '/usr/bin/chromium';
const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface WebApp {
  url: string;
  proc: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Every app gets its own empty data folder unless the test passes TCPLAB_DATA_DIR (the recovery tests share one
 * between two launches). Without it the host used ~/.local/share/tcplab, so one autosave left there by a killed
 * run opened the restore dialog over every later test's page (CI failed 64 tests that way).
 */
export async function startWebApp(env: Record<string, string> = {}): Promise<WebApp> {
  const entry = path.join(ROOT, 'dist/web/main.mjs');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
  const ownDataDir = env.TCPLAB_DATA_DIR ? null : mkdtempSync(path.join(os.tmpdir(), 'tcplab-e2e-data-'));
  const proc = spawn(process.execPath, [entry], {
    env: { ...process.env, TCPLAB_NO_OPEN: '1', TCPLAB_PORT: '0', ...(ownDataDir ? { TCPLAB_DATA_DIR: ownDataDir } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (d) => (out += String(d)));
  proc.stderr?.on('data', (d) => (out += String(d)));
  if (ownDataDir) proc.once('exit', () => rmSync(ownDataDir, { recursive: true, force: true }));
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

/**
 * Debian's Chromium, headless, never a downloaded browser. launch() makes a fresh temporary profile itself
 * (playwright-core refuses --user-data-dir there). The networking flags stop Chromium's own background
 * connections, which this offline machine refuses.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install chromium" (or set TCPLAB_CHROMIUM)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// --- Helpers for the panel tests (panels.e2e.ts, interventions.e2e.ts): the lab window driven by role and name.

/** The wide layout's smallest window (App.svelte); small-screen.e2e.ts passes smaller ones. */
export const WIDE_VIEWPORT = { width: 1280, height: 720 } as const;

export async function labPage(browser: Browser, app: WebApp, lang: 'en' | 'zh-CN' = 'en', viewport: { width: number; height: number } = WIDE_VIEWPORT): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: lang === 'en' ? 'en-US' : 'zh-CN', acceptDownloads: true });
  // A locator that never appears fails after 20 s with its own name, not after the test's 60 s as a bare timeout.
  page.setDefaultTimeout(20_000);
  await page.addInitScript((l) => localStorage.setItem('tcplab.lang', l), lang);
  await page.goto(app.url);
  await page.locator('.app[data-ready="true"]').waitFor();
  return page;
}

export const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
export const slider = (page: Page) => page.getByRole('slider', { name: 'Virtual time' });
export const cursorMs = async (page: Page) => Number(await slider(page).inputValue());
export const ladderText = async (page: Page) => (await region(page, 'Ladder diagram').locator('table').first().textContent()) ?? '';

export async function openLesson(page: Page, title: string): Promise<void> {
  // Browser mode has one host: a new page shows the session the previous test left open.
  const all = region(page, 'Lesson').getByRole('button', { name: 'All lessons' });
  if ((await all.count()) > 0) await all.click();
  await region(page, 'Lesson').getByRole('button', { name: title, exact: true }).click();
  await expect.poll(() => region(page, 'Lesson').getByRole('heading', { name: title }).count()).toBe(1);
  await expect.poll(() => slider(page).count()).toBe(1);
}

/** Scenario files opened so far in this test file: each open gets a title of its own (see openScenario). */
let scenarioOpens = 0;

/**
 * Opens a scenario through the Open… button and waits until the host has opened it. Browser mode has one host,
 * so a new page (or a retried test) first shows the session left open before, which may be this same scenario;
 * the renderer reads the file before sending it, so keys pressed meanwhile would seek that old session and the
 * open would then undo them. A title numbered per open tells the two apart. Returns the title used.
 */
export async function openScenario(page: Page, scenario: { title: { en: string; 'zh-CN': string } }, fileName: string): Promise<string> {
  const n = ++scenarioOpens;
  const title = `${scenario.title.en} ${n}`;
  const file = { ...scenario, title: { en: title, 'zh-CN': `${scenario.title['zh-CN']} ${n}` } };
  await page.getByLabel('Open…').setInputFiles({ name: fileName, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect.poll(() => region(page, 'Lesson').textContent()).toContain(`Open: ${title}`);
  return title;
}

/** Seeks with the scrub bar's keys only: Home, then Shift+→ per second and → per 10 ms. */
export async function seekByKeys(page: Page, ms: number): Promise<void> {
  await slider(page).focus();
  await page.keyboard.press('Home');
  await expect.poll(() => cursorMs(page)).toBe(0);
  for (let i = 0; i < Math.floor(ms / 1000); i++) await page.keyboard.press('Shift+ArrowRight');
  for (let i = 0; i < Math.round((ms % 1000) / 10); i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => cursorMs(page)).toBe(ms);
}

/** The router list's option for the packet whose label starts with `label` (e.g. "[SYN, ACK]"). */
export function routerOption(page: Page, label: string) {
  return region(page, 'Router queue').getByRole('option').filter({ hasText: label });
}

/**
 * Prints why an attempt failed. With one retry (vitest.e2e.config.ts), a test that fails and then passes shows
 * only "(retry x1)" in the report: this keeps the first attempt's error in the log, so a rare failure can be
 * diagnosed from a CI run instead of having to be reproduced.
 */
export function logFailedAttempts(): void {
  beforeEach(() => {
    onTestFailed(({ task }) => {
      const errors = (task.result?.errors ?? []).map((e) => e.stack ?? e.message).join('\n');
      console.error(`[e2e] attempt ${(task.result?.retryCount ?? 0) + 1} of "${task.name}" failed:\n${errors}`);
    });
  });
}

/** Starts browser mode and Chromium once for a test file (beforeAll) and stops both after it (afterAll). */
export function useLabApp(env: Record<string, string> = {}): { readonly app: WebApp; readonly browser: Browser } {
  const ctx = {} as { app: WebApp; browser: Browser };
  logFailedAttempts();
  beforeAll(async () => {
    ctx.app = await startWebApp(env);
    ctx.browser = await launchChromium();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.app?.stop();
  });
  return ctx;
}
