// The current language as shared reactive state; t() reads it, so every label re-renders on a switch.
import type { Lang } from '../../src-main/contract/index.js';
import { en, type StringKey } from './en.js';
import { zhCN } from './zh-CN.js';
import { fill } from '../views/model/fill.js';

const TABLES: Record<Lang, Record<StringKey, string>> = { en, 'zh-CN': zhCN };
const STORAGE_KEY = 'tcplab.lang';

function initialLang(): Lang {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return globalThis.navigator?.language?.startsWith('zh') ? 'zh-CN' : 'en';
}

export const i18n = $state<{ lang: Lang }>({ lang: initialLang() });

export function setLang(lang: Lang): void {
  i18n.lang = lang;
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
}

export function t(key: StringKey): string {
  return TABLES[i18n.lang][key];
}

/** Picks the current language's text from a { en, zh-CN } pair. */
export function tl(text: Record<Lang, string>): string {
  return text[i18n.lang];
}

/** t() with {name} placeholders filled in, e.g. tf('timeline.now', { ms: 20 }). */
export function tf(key: StringKey, vars: Record<string, string | number>): string {
  return fill(t(key), vars);
}
