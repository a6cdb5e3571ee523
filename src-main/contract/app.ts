// App-level commands shared by both adapters: preferences (language, theme) and crash recovery.
import { z } from 'zod';
import type { Lang, Localized } from './commands.js';
import type { SessionInfo } from './session.js';

export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];

export interface Prefs {
  lang: Lang;
  theme: Theme;
}

const none = z.union([z.undefined(), z.null(), z.object({}).strict()]);

export const appCommandSchemas = {
  'prefs.get': none,
  /** `panel` asks the renderer to show a panel (the Help → Lesson Library menu). */
  'prefs.set': z.object({ lang: z.enum(['en', 'zh-CN']).optional(), theme: z.enum(THEMES).optional(), panel: z.enum(['lessons']).optional() }).strict(),
  /** Is there an autosaved session from a run that did not stop cleanly? */
  'recovery.check': none,
  'recovery.restore': none,
  'recovery.discard': none,
} as const;

export interface RecoveryInfo {
  available: boolean;
  /** When it was last saved (ISO date-time), if available. */
  savedAt?: string;
  title?: Localized;
  /** Interventions in it, so the student knows what they would get back. */
  actions?: number;
  /** The autosave's file name in the data folder (autosave-<pid>.tcplab): a failed restore names it. */
  file?: string;
}

export interface AppCommandResults {
  'prefs.get': Prefs;
  'prefs.set': Prefs;
  'recovery.check': RecoveryInfo;
  'recovery.restore': SessionInfo;
  'recovery.discard': RecoveryInfo;
}

/** Pushed when preferences change (from the menu or another window) or a panel should be shown. */
export type AppEvent = { type: 'prefs'; prefs: Prefs } | { type: 'ui'; show: 'lessons' };
