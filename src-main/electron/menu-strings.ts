// Menu labels in both languages; the type makes sure neither table misses a key.
import type { Lang } from '../contract/index.js';

const en = {
  file: 'File', new: 'New', open: 'Open…', openRecent: 'Open Recent', clearRecent: 'Clear Menu', noRecent: 'No recent files',
  save: 'Save', saveAs: 'Save As…', export: 'Export', exportSession: 'Session…', exportPcap: 'pcapng (Wireshark)…',
  exportSvg: 'Ladder diagram as SVG…', exportPng: 'Ladder diagram as PNG…', exportCsv: 'Event log as CSV…', exportHtml: 'HTML report…',
  quit: 'Quit', edit: 'Edit', undo: 'Undo Intervention', redo: 'Redo Intervention',
  view: 'View', zoomIn: 'Zoom In', zoomOut: 'Zoom Out', resetZoom: 'Actual Size', theme: 'Theme', light: 'Light', dark: 'Dark',
  system: 'Follow System', language: 'Language', help: 'Help', lessons: 'Lesson Library', about: 'About tcplab',
};

export type MenuStrings = typeof en;

const zhCN: MenuStrings = {
  file: '文件', new: '新建', open: '打开…', openRecent: '最近打开', clearRecent: '清除列表', noRecent: '没有最近的文件',
  save: '保存', saveAs: '另存为…', export: '导出', exportSession: '会话…', exportPcap: 'pcapng（Wireshark）…',
  exportSvg: '时序图（SVG）…', exportPng: '时序图（PNG）…', exportCsv: '事件日志（CSV）…', exportHtml: 'HTML 报告…',
  quit: '退出', edit: '编辑', undo: '撤销干预', redo: '重做干预',
  view: '视图', zoomIn: '放大', zoomOut: '缩小', resetZoom: '实际大小', theme: '主题', light: '浅色', dark: '深色',
  system: '跟随系统', language: '语言', help: '帮助', lessons: '课程库', about: '关于 tcplab',
};

export const MENU_STRINGS: Record<Lang, MenuStrings> = { en, 'zh-CN': zhCN };
