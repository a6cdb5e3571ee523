// File menu actions: native open/save/export dialogs, the recent-files list, and About. Every write goes
// through lab/io's atomic writer; every read is size-limited. Host errors are shown, never thrown away.
import { app, dialog, type BrowserWindow } from 'electron';
import path from 'node:path';
import type { ExportFormat, ExportResult, Lang } from '../contract/index.js';
import { readTextLimited, writeFileAtomic } from '../lab/io/files.js';
import { addRecent, loadRecent, saveRecent } from './recent.js';

interface HostCaller {
  call(cmd: string, args: unknown): Promise<unknown>;
}

const MAX_OPEN_BYTES = 32 * 1024 * 1024;
let currentPath: string | null = null;

/** A new, empty lab: two hosts, B listening; the student adds the rest from the socket controls. */
const BLANK_SCENARIO = JSON.stringify({
  format: 'tcplab.scenario/1',
  title: { en: 'New lab', 'zh-CN': '新实验' },
  seed: 1,
  profile: 'linux',
  hosts: [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2' }],
  network: { delayMs: 10 },
  rules: [],
  steps: [{ atMs: 0, host: 'B', call: 'listen', port: 80, backlog: 128 }],
  untilMs: 120000,
});

function recentFile(): string {
  return path.join(app.getPath('userData'), 'recent.json');
}

export function recentFiles(): string[] {
  return loadRecent(recentFile());
}

export function clearRecent(): void {
  saveRecent(recentFile(), []);
}

async function showError(win: BrowserWindow | null, title: string, err: unknown): Promise<void> {
  const message = (err as Error)?.message ?? String(err);
  const opts = { type: 'error' as const, title, message: title, detail: message };
  if (win) await dialog.showMessageBox(win, opts);
  else await dialog.showMessageBox(opts);
}

export async function newSession(host: HostCaller, win: BrowserWindow | null): Promise<void> {
  try {
    await host.call('session.openText', { text: BLANK_SCENARIO, fileName: 'new.tcplab' });
    currentPath = null;
  } catch (err) {
    await showError(win, 'Could not start a new lab', err);
  }
}

export async function openSessionFile(host: HostCaller, file: string, win: BrowserWindow | null): Promise<void> {
  try {
    const text = readTextLimited(file, MAX_OPEN_BYTES);
    await host.call('session.openText', { text, fileName: path.basename(file) });
    currentPath = /\.tcplab$/i.test(file) ? file : null;
    saveRecent(recentFile(), addRecent(recentFiles(), file));
  } catch (err) {
    // The open session is untouched: the host only replaces it after the new file validated.
    await showError(win, `Could not open ${path.basename(file)}`, err);
  }
}

export async function openWithDialog(host: HostCaller, win: BrowserWindow | null): Promise<void> {
  const opts = {
    properties: ['openFile' as const],
    filters: [
      { name: 'tcplab sessions and scenarios', extensions: ['tcplab', 'json'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const res = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
  const file = res.filePaths[0];
  if (!res.canceled && file) await openSessionFile(host, file, win);
}

function decode(result: ExportResult): Uint8Array | string {
  return result.encoding === 'base64' ? Buffer.from(result.data, 'base64') : result.data;
}

async function askPath(win: BrowserWindow | null, defaultPath: string): Promise<string | undefined> {
  const ext = path.extname(defaultPath).slice(1) || '*';
  const opts = { defaultPath, filters: [{ name: ext.toUpperCase(), extensions: [ext] }] };
  const res = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
  return res.canceled ? undefined : res.filePath;
}

export async function save(host: HostCaller, win: BrowserWindow | null, saveAs: boolean): Promise<void> {
  try {
    const result = (await host.call('session.export', { format: 'session' })) as ExportResult;
    const target = !saveAs && currentPath ? currentPath : await askPath(win, currentPath ?? result.fileName);
    if (!target) return;
    writeFileAtomic(target, decode(result));
    currentPath = target;
    saveRecent(recentFile(), addRecent(recentFiles(), target));
  } catch (err) {
    await showError(win, 'Could not save the session', err);
  }
}

export async function exportWithDialog(host: HostCaller, win: BrowserWindow | null, format: ExportFormat): Promise<void> {
  try {
    const result = (await host.call('session.export', { format })) as ExportResult;
    const target = await askPath(win, result.fileName);
    if (target) writeFileAtomic(target, decode(result));
  } catch (err) {
    await showError(win, `Could not export (${format})`, err);
  }
}

export async function showAbout(win: BrowserWindow | null, lang: Lang): Promise<void> {
  const detail = lang === 'zh-CN'
    ? `版本 ${app.getVersion()}\n一个离线的 TCP 实验室：观察、破坏并修复 TCP。`
    : `Version ${app.getVersion()}\nAn offline lab to watch, break and repair TCP.`;
  const opts = { type: 'info' as const, title: 'tcplab', message: 'tcplab', detail };
  if (win) await dialog.showMessageBox(win, opts);
  else await dialog.showMessageBox(opts);
}
