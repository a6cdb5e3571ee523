// Keeps the renderer and the host's preferences in step, both ways: the desktop menu (View → Language/Theme,
// Help → Lesson Library) changes them through the host, and the renderer's own switches report back so the
// menu's check marks follow.
import type { Lang, Prefs, Theme } from '../../src-main/contract/index.js';
import type { LabClient } from './client.js';
import { i18n, setLang } from '../i18n/i18n.svelte.js';
import { setTheme, theme } from './theme.svelte.js';

type AppEvent = { type: 'prefs'; prefs: Prefs } | { type: 'ui'; show: 'lessons' };

function isAppEvent(ev: unknown): ev is AppEvent {
  const type = (ev as { type?: unknown } | null)?.type;
  return type === 'prefs' || type === 'ui';
}

function systemTheme(): 'light' | 'dark' {
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Applies a preference pushed by the host. Returns what changed, for tests. */
export function applyPrefs(prefs: Prefs): { lang: boolean; theme: boolean } {
  const lang = prefs.lang !== i18n.lang;
  if (lang) setLang(prefs.lang);
  const wanted = prefs.theme === 'system' ? systemTheme() : prefs.theme;
  const themeChanged = wanted !== theme.current;
  if (themeChanged) setTheme(wanted);
  return { lang, theme: themeChanged };
}

export function showLessons(): void {
  const region = document.querySelector<HTMLElement>('[data-region="lesson"]');
  region?.scrollIntoView({ block: 'nearest' });
  region?.querySelector<HTMLElement>('button, [tabindex="0"], a')?.focus();
}

/** `onShowLessons`: Help → Lesson Library (the window may first have to bring the Lesson panel to the front). */
export function listenAppEvents(client: LabClient, onShowLessons: () => void = showLessons): () => void {
  return client.onEvents((batch) => {
    for (const ev of batch) {
      if (!isAppEvent(ev)) continue;
      if (ev.type === 'prefs') applyPrefs(ev.prefs);
      else onShowLessons();
    }
  });
}

/** Tells the host about a switch made in the page, so the desktop menu shows the same choice. */
export function reportPrefs(client: LabClient, lang: Lang, themeNow: Theme): void {
  void client.call('prefs.set', { lang, theme: themeNow }).catch(() => undefined);
}
