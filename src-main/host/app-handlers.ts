// Handlers for the app-level commands (contract/app.ts): preferences and crash recovery.
import path from 'node:path';
import type { AppCommandResults, Prefs, RecoveryInfo } from '../contract/app.js';
import type { CommandArgs } from '../contract/commands.js';
import { LabError } from '../contract/errors.js';
import { loadSession } from '../lab/session-file.js';
import type { Autosave } from './autosave.js';
import type { SessionHost } from './session-host.js';

export type AppHandlers = { [K in keyof AppCommandResults]: (args: CommandArgs<K>) => AppCommandResults[K] };

export interface AppState {
  prefs: Prefs;
  autosave: Autosave | null;
  publish(batch: unknown[]): void;
}

function describe(text: string, savedAtMs: number, file: string): RecoveryInfo {
  const loaded = loadSession(text);
  if (!loaded.ok) return { available: false };
  const s = loaded.session;
  const actions = s.branches.reduce((n, b) => n + b.actions.length, 0);
  const title = (s.scenario as { title?: { en: string; 'zh-CN': string } }).title ?? { en: 'Untitled', 'zh-CN': '未命名' };
  return { available: true, savedAt: new Date(savedAtMs).toISOString(), title: { en: title.en, 'zh-CN': title['zh-CN'] }, actions, file: path.basename(file) };
}

export function appHandlers(state: AppState, sessions: SessionHost): AppHandlers {
  return {
    'prefs.get': () => ({ ...state.prefs }),
    'prefs.set': ({ lang, theme, panel }) => {
      if (lang) state.prefs.lang = lang;
      if (theme) state.prefs.theme = theme;
      const batch: unknown[] = [{ type: 'prefs', prefs: { ...state.prefs } }];
      if (panel) batch.push({ type: 'ui', show: panel });
      state.publish(batch);
      return { ...state.prefs };
    },
    'recovery.check': () => {
      const found = state.autosave?.findRecoverable();
      return found ? describe(found.text, found.savedAtMs, found.file) : { available: false };
    },
    'recovery.restore': () => {
      const found = state.autosave?.findRecoverable();
      if (!found) throw new LabError('nothing-to-recover', 'there is no autosaved session to restore');
      // Its real name, so that an error naming the file points at one the user can find in the data folder.
      const info = sessions.openText(found.text, path.basename(found.file));
      state.autosave?.discardOrphans();
      return info;
    },
    'recovery.discard': () => {
      state.autosave?.discardOrphans();
      return { available: false };
    },
  };
}
