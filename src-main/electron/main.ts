// Electron main process: a thin adapter over the same LabHost that browser mode serves.
import { app, BrowserWindow, ipcMain, MessageChannelMain, session } from 'electron';
import path from 'node:path';
import { createLabHost } from '../host/create-host.js';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol.js';

const host = createLabHost('electron');
registerAppScheme();

function isTrustedSender(frameUrl: string | undefined): boolean {
  return typeof frameUrl === 'string' && frameUrl.startsWith(`${APP_ORIGIN}/`);
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1280,
    minHeight: 720,
    title: 'tcplab',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('did-finish-load', () => {
    // The event stream goes over a MessagePort rather than a broadcast IPC channel.
    const { port1, port2 } = new MessageChannelMain();
    const unsubscribe = host.subscribe((batch) => port1.postMessage(batch));
    port1.on('close', unsubscribe);
    port1.start();
    win.webContents.postMessage('tcplab:events', null, [port2]);
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

ipcMain.handle('tcplab:call', async (event, msg: unknown) => {
  if (!isTrustedSender(event.senderFrame?.url)) {
    return { t: 'reply', id: -1, ok: false, error: { code: 'untrusted-sender', message: 'IPC from an untrusted frame was refused' } };
  }
  return host.handleRaw(msg);
});

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
  serveRenderer(path.join(__dirname, '..', 'renderer'));
  createWindow();
});

app.on('window-all-closed', () => app.quit());
