// Canvas colours come from the theme's CSS variables (app.css), read from the element so light and
// dark themes (and any override on an ancestor) apply.
import type { LadderColors } from './draw.js';

export function readColors(node: Element): LadderColors {
  const css = getComputedStyle(node);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    bg: v('--panel', '#ffffff'),
    text: v('--text', '#1d1d1b'),
    muted: v('--muted', '#62625c'),
    border: v('--border', '#d9d9d4'),
    accent: v('--accent', '#2a62c9'),
    danger: v('--danger', '#b3261e'),
    retrans: v('--retrans', '#b35c00'),
    copy: v('--copy', '#7b3fb3'),
  };
}

/**
 * Calls `onchange` when the theme may have changed, so the canvas repaints in it: the system scheme
 * flips, or the app switches theme on <html> (lib/theme.svelte.ts sets data-theme there).
 */
export function watchScheme(onchange: () => void): () => void {
  const mq = matchMedia('(prefers-color-scheme: dark)');
  mq.addEventListener('change', onchange);
  const mo = new MutationObserver(onchange);
  mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
  return () => {
    mq.removeEventListener('change', onchange);
    mo.disconnect();
  };
}
