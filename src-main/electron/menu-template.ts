// Builds the application menu as plain data, so it can be tested without Electron. Accelerators use
// CmdOrCtrl, which Electron maps to each platform's convention (Cmd on macOS, Ctrl elsewhere).
import type { MenuItemConstructorOptions } from 'electron';
import type { ExportFormat, Lang } from '../contract/index.js';
import { MENU_STRINGS } from './menu-strings.js';

export interface MenuActions {
  newSession(): void;
  open(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  save(): void;
  saveAs(): void;
  export(format: ExportFormat): void;
  undo(): void;
  redo(): void;
  setTheme(theme: 'light' | 'dark' | 'system'): void;
  setLang(lang: Lang): void;
  showLessons(): void;
  about(): void;
}

export interface MenuState {
  lang: Lang;
  theme: 'light' | 'dark' | 'system';
  recent: string[];
  platform: NodeJS.Platform;
}

export function buildMenuTemplate(state: MenuState, act: MenuActions): MenuItemConstructorOptions[] {
  const s = MENU_STRINGS[state.lang];
  const isMac = state.platform === 'darwin';
  const recent: MenuItemConstructorOptions[] = state.recent.length
    ? [...state.recent.map((p) => ({ label: p, click: () => act.openRecent(p) })), { type: 'separator' }, { label: s.clearRecent, click: act.clearRecent }]
    : [{ label: s.noRecent, enabled: false }];
  const exportItem = (label: string, format: ExportFormat): MenuItemConstructorOptions => ({ label, click: () => act.export(format) });
  const file: MenuItemConstructorOptions = {
    label: s.file,
    submenu: [
      { label: s.new, accelerator: 'CmdOrCtrl+N', click: act.newSession },
      { label: s.open, accelerator: 'CmdOrCtrl+O', click: act.open },
      { label: s.openRecent, submenu: recent },
      { type: 'separator' },
      { label: s.save, accelerator: 'CmdOrCtrl+S', click: act.save },
      { label: s.saveAs, accelerator: 'CmdOrCtrl+Shift+S', click: act.saveAs },
      {
        label: s.export,
        submenu: [
          exportItem(s.exportSession, 'session'),
          exportItem(s.exportPcap, 'pcapng'),
          exportItem(s.exportSvg, 'svg-ladder'),
          exportItem(s.exportPng, 'png-ladder'),
          exportItem(s.exportCsv, 'csv'),
          exportItem(s.exportHtml, 'html'),
        ],
      },
      ...(isMac ? [] : [{ type: 'separator' } as MenuItemConstructorOptions, { label: s.quit, role: 'quit', accelerator: 'CmdOrCtrl+Q' } as MenuItemConstructorOptions]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: s.edit,
    submenu: [
      { label: s.undo, accelerator: 'CmdOrCtrl+Z', click: act.undo },
      { label: s.redo, accelerator: isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: act.redo },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: s.view,
    submenu: [
      { label: s.zoomIn, role: 'zoomIn', accelerator: 'CmdOrCtrl+Plus' },
      { label: s.zoomOut, role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      { label: s.resetZoom, role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      { type: 'separator' },
      {
        label: s.theme,
        submenu: (['light', 'dark', 'system'] as const).map((t) => ({
          label: s[t], type: 'radio', checked: state.theme === t, click: () => act.setTheme(t),
        })),
      },
      {
        label: s.language,
        submenu: (['en', 'zh-CN'] as const).map((l) => ({
          label: l === 'en' ? 'English' : '简体中文', type: 'radio', checked: state.lang === l, click: () => act.setLang(l),
        })),
      },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: s.help,
    role: 'help',
    submenu: [{ label: s.lessons, accelerator: 'F1', click: act.showLessons }, { label: s.about, click: act.about }],
  };
  const appMenu: MenuItemConstructorOptions[] = isMac ? [{ label: 'tcplab', submenu: [{ label: s.about, click: act.about }, { type: 'separator' }, { label: s.quit, role: 'quit' }] }] : [];
  return [...appMenu, file, edit, view, help];
}
