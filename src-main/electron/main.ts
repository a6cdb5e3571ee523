// Electron main process: a thin adapter over the same LabHost that browser mode serves.
import { app, BrowserWindow, ipcMain, Menu, MessageChannelMain, session } from 'electron';
import path from 'node:path';
import { createLabHost } from '../host/create-host.js';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol.js';
import { EVENTS_CHANNEL, registerIpc, trustedSender } from './ipc.js';
import { buildMenuTemplate, type MenuActions, type MenuState } from './menu-template.js';
import { hardenContents, hardenSession, windowOptions } from './security.js';
import { sessionFileFromArgv } from './argv.js';

const host = createLabHost('electron', app.getPath('userData'));
const windows = new Set<number>();
let mainWindow: BrowserWindow | null = null;
const menuState: MenuState = { lang: 'en', theme: 'system', recent: [], platform: process.platform };

registerAppScheme();

// One running copy: a second launch (e.g. double-clicking a .tcplab file) hands its file to the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    const file = sessionFileFromArgv(argv);
    if (file) void openFile(file);
  });
}

async function openFile(file: string): Promise<void> {
  const { openSessionFile } = await import('./files.js');
  await openSessionFile(host, file, mainWindow);
}

function createWindow(): BrowserWindow {
  // dist/electron/ → assets/icon.png, in the repository and in the packaged asar (electron.config.ts files).
  const icon = process.platform === 'linux' ? path.join(__dirname, '..', '..', 'assets', 'icon.png') : undefined;
  const win = new BrowserWindow(windowOptions(path.join(__dirname, 'preload.cjs'), icon));
  windows.add(win.webContents.id);
  win.on('closed', () => {
    windows.delete(win.webContents.id);
    if (mainWindow === win) mainWindow = null;
  });
  hardenContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  win.webContents.on('did-finish-load', () => {
    // The event stream goes over a MessagePort rather than a broadcast IPC channel.
    const { port1, port2 } = new MessageChannelMain();
    const unsubscribe = host.subscribe((batch) => port1.postMessage(batch));
    port1.on('close', unsubscribe);
    port1.start();
    win.webContents.postMessage(EVENTS_CHANNEL, null, [port2]);
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

function menuActions(): MenuActions {
  const call = (cmd: string, args: unknown = null) => void host.call(cmd, args).catch(() => undefined);
  const files = () => import('./files.js');
  return {
    newSession: () => void files().then((f) => f.newSession(host, mainWindow)),
    open: () => void files().then((f) => f.openWithDialog(host, mainWindow)),
    openRecent: (p) => void openFile(p),
    clearRecent: () => void files().then((f) => f.clearRecent()).then(refreshMenu),
    save: () => void files().then((f) => f.save(host, mainWindow, false)),
    saveAs: () => void files().then((f) => f.save(host, mainWindow, true)),
    export: (format) => void files().then((f) => f.exportWithDialog(host, mainWindow, format)),
    undo: () => call('history.undo'),
    redo: () => call('history.redo'),
    setTheme: (theme) => {
      menuState.theme = theme;
      call('prefs.set', { theme });
      refreshMenu();
    },
    setLang: (lang) => {
      menuState.lang = lang;
      call('prefs.set', { lang });
      refreshMenu();
    },
    showLessons: () => call('prefs.set', { panel: 'lessons' }),
    about: () => void files().then((f) => f.showAbout(mainWindow, menuState.lang)),
  };
}

function refreshMenu(): void {
  void import('./files.js').then((f) => {
    menuState.recent = f.recentFiles();
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(menuState, menuActions())));
  });
}

registerIpc(ipcMain, host, trustedSender((id) => windows.has(id)));

app.whenReady().then(() => {
  hardenSession(session.defaultSession);
  serveRenderer(path.join(__dirname, '..', 'renderer'));
  refreshMenu();
  mainWindow = createWindow();
  const file = sessionFileFromArgv(process.argv);
  if (file) mainWindow.webContents.once('did-finish-load', () => void openFile(file));
});

// macOS delivers files opened from Finder this way.
app.on('open-file', (event, file) => {
  event.preventDefault();
  void openFile(file);
});

app.on('window-all-closed', () => app.quit());
app.on('before-quit', () => host.shutdown());
