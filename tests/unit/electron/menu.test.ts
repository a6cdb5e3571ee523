import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, type MenuActions } from '../../../src-main/electron/menu-template.js';

function actions(log: string[]): MenuActions {
  const rec = (name: string) => (...args: unknown[]) => log.push([name, ...args].join(':'));
  return {
    newSession: rec('new'), open: rec('open'), openRecent: rec('recent'), clearRecent: rec('clear'), save: rec('save'),
    saveAs: rec('saveAs'), export: rec('export'), undo: rec('undo'), redo: rec('redo'), setTheme: rec('theme'),
    setLang: rec('lang'), showLessons: rec('lessons'), about: rec('about'),
  };
}

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  for (const it of items) {
    if (it.label === label) return it;
    const sub = Array.isArray(it.submenu) ? find(it.submenu, label) : undefined;
    if (sub) return sub;
  }
  return undefined;
}

describe('application menu', () => {
  it('has File, Edit, View and Help with the export formats, in English', () => {
    const log: string[] = [];
    const menu = buildMenuTemplate({ lang: 'en', theme: 'system', recent: ['/tmp/a.tcplab'], platform: 'linux' }, actions(log));
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    for (const label of ['New', 'Open…', 'Open Recent', 'Save', 'Save As…', 'Export', 'Quit', 'Undo Intervention', 'Redo Intervention', 'Zoom In', 'Theme', 'Language', 'Lesson Library', 'About tcplab']) {
      expect(find(menu, label), label).toBeDefined();
    }
    const exportMenu = find(menu, 'Export')?.submenu as MenuItemConstructorOptions[];
    for (const item of exportMenu) (item.click as () => void)();
    expect(log).toEqual(['export:session', 'export:pcapng', 'export:svg-ladder', 'export:png-ladder', 'export:csv', 'export:html']);
    (find(menu, '/tmp/a.tcplab')?.click as () => void)();
    expect(log.at(-1)).toBe('recent:/tmp/a.tcplab');
    expect(find(menu, 'Undo Intervention')?.accelerator).toBe('CmdOrCtrl+Z');
    expect(find(menu, 'Redo Intervention')?.accelerator).toBe('Ctrl+Y');
  });

  it('is fully translated in Chinese and follows macOS conventions there', () => {
    const menu = buildMenuTemplate({ lang: 'zh-CN', theme: 'dark', recent: [], platform: 'darwin' }, actions([]));
    expect(menu.map((m) => m.label)).toEqual(['tcplab', '文件', '编辑', '视图', '帮助']);
    expect(find(menu, '没有最近的文件')?.enabled).toBe(false);
    expect(find(menu, '重做干预')?.accelerator).toBe('Cmd+Shift+Z');
    expect(find(menu, '深色')?.checked).toBe(true);
    expect(find(menu, '退出')).toBeDefined(); // in the app menu on macOS, not in File
    expect((find(menu, '文件')?.submenu as MenuItemConstructorOptions[]).some((i) => i.label === '退出')).toBe(false);
  });
});
