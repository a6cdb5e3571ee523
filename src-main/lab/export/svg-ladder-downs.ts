// A crashed host on the exported ladder, as the app's ladder shows it (src-renderer/views/ladder/draw-downs.ts):
// its column shaded from the crash to the reboot (to the end of the picture while it is still down), a cross
// and "crashed" at the crash, a bar and "up again" at the reboot. Which stretches and where they go is the
// app's own computation, shared through contract/host-downs.ts (hostDowns, downRects); the texts go through
// the layout (svg-ladder-layout.ts marks) so they never cover another text.
import { downRects, hostDowns, type HostDown } from '../../contract/host-downs.js';
import type { TraceEvent } from '../../net/trace.js';
import { formatMs } from './svg-ladder-axis.js';
import type { LadderLayout, LayoutMark, TextSpec } from './svg-ladder-layout.js';
import { strings } from './strings.js';
import { escapeXml, num } from './svg-text.js';
import type { Lang } from './types.js';

export const DOWN_COLOR = '#dc2626';
/** Half the band's width, as on the app's canvas (views/ladder/downs.ts DOWN_HALF_PX). */
const HALF_PX = 6;

interface Column { name: string; ip: string | null; x: number; side: 'left' | 'right' | 'mid' }

/**
 * The crashes the picture shows: those up to its last instant `endMs`. A reboot after it is left out (the
 * band then runs to the bottom, as for a host that stays down).
 */
export function downsInPicture(trace: readonly TraceEvent[], endMs: number): HostDown[] {
  return hostDowns(trace)
    .filter((d) => d.fromMs <= endMs)
    .map((d) => (d.upMs !== null && d.upMs > endMs ? { ...d, upMs: null } : d));
}

/** Toward the router first (as the app draws them), else on the outer side. */
function sideTexts(c: Column, text: string): TextSpec[] {
  const inner: TextSpec = c.side === 'right' ? { x: c.x - HALF_PX - 4, dy: 4, anchor: 'end', text } : { x: c.x + HALF_PX + 4, dy: 4, anchor: 'start', text };
  const outer: TextSpec = { ...inner, x: 2 * c.x - inner.x, anchor: inner.anchor === 'end' ? 'start' : 'end' };
  return [inner, outer];
}

/** The "crashed" and "up again" texts, for the layout to place. */
export function downMarks(downs: readonly HostDown[], cols: readonly Column[], lang: Lang): LayoutMark[] {
  const s = strings(lang).down;
  const out: LayoutMark[] = [];
  downs.forEach((d, i) => {
    const c = cols.find((col) => col.ip !== null && col.name === d.host);
    if (c === undefined) return;
    out.push({ key: `${i}:crash`, t: d.fromMs, x: c.x, texts: sideTexts(c, s.crashed) });
    if (d.upMs !== null) out.push({ key: `${i}:up`, t: d.upMs, x: c.x, texts: sideTexts(c, s.up) });
  });
  return out;
}

/** The bands (under the arrows), each with a tooltip saying when the host was down. */
export function drawDownBands(downs: readonly HostDown[], cols: readonly Column[], lay: LadderLayout, lang: Lang): string {
  const s = strings(lang).down;
  const shown = downs.filter((d) => cols.some((c) => c.ip !== null && c.name === d.host));
  // A host still down at the end is shaded to the bottom of the picture (now = after the last instant).
  const rects = downRects(shown, cols, (ms) => (Number.isFinite(ms) ? lay.y(ms) : lay.bottomPx), Infinity);
  return rects.map((r, i) => {
    const d = shown[i] as HostDown;
    const title = s.title(d.host, formatMs(d.fromMs), d.upMs === null ? null : formatMs(d.upMs));
    const bar = r.up ? `M${num(r.x - HALF_PX - 2)},${num(r.bottom)}L${num(r.x + HALF_PX + 2)},${num(r.bottom)}` : '';
    const cross = `M${num(r.x - HALF_PX)},${num(r.top - HALF_PX)}L${num(r.x + HALF_PX)},${num(r.top + HALF_PX)}` +
      `M${num(r.x + HALF_PX)},${num(r.top - HALF_PX)}L${num(r.x - HALF_PX)},${num(r.top + HALF_PX)}`;
    return `<g class="down" data-host="${escapeXml(r.host)}"><title>${escapeXml(title)}</title>` +
      `<rect x="${num(r.x - HALF_PX)}" y="${num(r.top)}" width="${2 * HALF_PX}" height="${num(Math.max(2, r.bottom - r.top))}" fill="${DOWN_COLOR}" fill-opacity="0.22"/>` +
      `<path d="${cross}${bar}" stroke="${DOWN_COLOR}" stroke-width="2.5" fill="none"/></g>`;
  }).join('');
}

/** The legend's sample of a band. */
export const DOWN_LEGEND_MARK = `<rect x="8" y="-7" width="12" height="16" fill="${DOWN_COLOR}" fill-opacity="0.22"/><path d="M8,-7L20,5M20,-7L8,5" stroke="${DOWN_COLOR}" stroke-width="2"/>`;
