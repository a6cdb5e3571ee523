// Light or dark theme, remembered across reloads; without a saved choice we follow the system setting.
export type Theme = 'light' | 'dark';
const STORAGE_KEY = 'tcplab.theme';

function initialTheme(): Theme {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const theme = $state<{ current: Theme }>({ current: initialTheme() });

export function applyTheme(): void {
  document.documentElement.dataset.theme = theme.current;
}

export function setTheme(next: Theme): void {
  theme.current = next;
  globalThis.localStorage?.setItem(STORAGE_KEY, next);
  applyTheme();
}
