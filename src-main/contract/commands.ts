// The lab-host command API: one schema per command for its arguments, one type for its result.
// Both transports (WebSocket, Electron IPC) and the CLI go through these; nothing else reaches the host.
import { z } from 'zod';
import { sessionCommandSchemas, type SessionCommandResults } from './session.js';
import { appCommandSchemas, type AppCommandResults } from './app.js';
import { settingsCommandSchemas, type SettingsCommandResults } from './settings.js';

export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];
export type Localized = Record<Lang, string>;

export interface AppInfo {
  name: 'tcplab';
  version: string;
  /** Which adapter serves this renderer. */
  mode: 'electron' | 'browser';
}

export interface LessonSummary {
  id: string;
  order: number;
  title: Localized;
}

const noArgs = z.union([z.undefined(), z.null(), z.object({}).strict()]);

export const commandSchemas = {
  'app.info': noArgs,
  'lessons.list': noArgs,
  ...sessionCommandSchemas,
  ...appCommandSchemas,
  ...settingsCommandSchemas,
} as const;

export type CommandName = keyof typeof commandSchemas;

export interface CommandResults extends SessionCommandResults, AppCommandResults, SettingsCommandResults {
  'app.info': AppInfo;
  'lessons.list': LessonSummary[];
}

export type CommandArgs<K extends CommandName> = z.infer<(typeof commandSchemas)[K]>;

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(commandSchemas, name);
}
