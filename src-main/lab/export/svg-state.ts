// The RFC 9293 state figure as a standalone SVG, one panel per endpoint (host + connection): the states
// it went through are lit, the figure's edges it took are drawn bold and numbered in order, transitions
// the figure does not have (resets, timeouts, aborts) are dashed; a numbered list of every transition
// with its time and cause sits under the figure.
import type { TcpState } from '../../tcp/trace.js';
import type { TraceEvent } from '../../net/trace.js';
import { formatMs } from './svg-ladder-axis.js';
import { EDGES, FIG_HEIGHT, FIG_WIDTH, NODE_H, NODE_W, NODES, edgeFor, edgeGeometry, nodeById, nodeFor, type NodeId } from './svg-state-layout.js';
import { strings } from './strings.js';
import { localizeTraceText } from '../../contract/trace-text.js';
import { ellipsize, escapeXml, FONT_FAMILY, num, svgText } from './svg-text.js';
import type { ExportInput, Lang } from './types.js';

export interface Transition { t: number; from: TcpState; to: TcpState; cause: string }
export interface Endpoint { host: string; conn: string; transitions: Transition[] }

/** State changes grouped by (host, conn), endpoints in order of their first change. */
export function endpointsOf(trace: readonly TraceEvent[]): Endpoint[] {
  const byKey = new Map<string, Endpoint>();
  for (const ev of trace) {
    if (ev.kind !== 'state') continue;
    const key = `${ev.host}|${ev.conn}`;
    let ep = byKey.get(key);
    if (ep === undefined) { ep = { host: ev.host, conn: ev.conn, transitions: [] }; byKey.set(key, ep); }
    ep.transitions.push({ t: ev.t, from: ev.from, to: ev.to, cause: ev.cause });
  }
  return [...byKey.values()];
}

export interface StateSvgOptions {
  lang?: Lang;
  maxEndpoints?: number;
  standalone?: boolean;
}

const C = { lit: '#fde68a', litStroke: '#b45309', node: '#ffffff', nodeStroke: '#9ca3af', edge: '#9ca3af', taken: '#b45309', extra: '#dc2626', text: '#111827', muted: '#6b7280' };
const LIST_LINE_PX = 16, CAPTION_PX = 30, PANEL_GAP_PX = 24, MAX_LIST = 60;
export const DEFAULT_MAX_ENDPOINTS = 8;

function marker(id: string, color: string): string {
  return `<marker id="${id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${color}"/></marker>`;
}

function numberBadge(x: number, y: number, n: number, color: string): string {
  return `<circle cx="${num(x)}" cy="${num(y)}" r="8" fill="${color}"/>` + svgText(x, y + 3.5, String(n), { 'text-anchor': 'middle', fill: '#fff', 'font-size': 9, 'font-weight': 'bold' });
}

function figure(ep: Endpoint, lang: Lang): string {
  const lit = new Set<NodeId>();
  const taken = new Map<string, number[]>();
  const extras: string[] = [];
  ep.transitions.forEach((tr, i) => {
    lit.add(nodeFor(tr.from, null)); lit.add(nodeFor(tr.to, tr.from));
    const e = edgeFor(tr.from, tr.to);
    if (e !== undefined) { taken.set(e.key, [...(taken.get(e.key) ?? []), i + 1]); return; }
    const a = nodeById(nodeFor(tr.from, null)), b = nodeById(nodeFor(tr.to, tr.from));
    const g = edgeGeometry(a, b, 30);
    extras.push(`<path d="M${num(g.p0[0])},${num(g.p0[1])}Q${num(g.c[0])},${num(g.c[1])} ${num(g.p2[0])},${num(g.p2[1])}" fill="none" stroke="${C.extra}" stroke-width="2" stroke-dasharray="5 3" marker-end="url(#st-extra)"/>` +
      numberBadge(g.mid[0], g.mid[1], i + 1, C.extra));
  });
  const out: string[] = [];
  for (const e of EDGES) {
    const g = edgeGeometry(nodeById(e.from), nodeById(e.to), e.bend);
    const steps = taken.get(e.key);
    const color = steps === undefined ? C.edge : C.taken;
    out.push(`<path d="M${num(g.p0[0])},${num(g.p0[1])}Q${num(g.c[0])},${num(g.c[1])} ${num(g.p2[0])},${num(g.p2[1])}" fill="none" stroke="${color}" stroke-width="${steps === undefined ? 1 : 2.6}" marker-end="url(#st-${steps === undefined ? 'edge' : 'taken'})"/>`);
    const side = e.labelSide === undefined ? { x: g.mid[0], anchor: 'middle' } : e.labelSide === 'left' ? { x: g.mid[0] - 8, anchor: 'end' } : { x: g.mid[0] + 8, anchor: 'start' };
    out.push(svgText(side.x, g.mid[1] - 4, e.label[lang], { 'text-anchor': side.anchor, 'font-size': 9, fill: steps === undefined ? C.muted : C.taken, ...HALO }));
    if (steps !== undefined) out.push(numberBadge(g.mid[0], g.mid[1] + 8, steps[0]!, C.taken));
  }
  out.push(...extras);
  for (const n of NODES) {
    const on = lit.has(n.id);
    out.push(`<rect x="${num(n.x - NODE_W / 2)}" y="${num(n.y - NODE_H / 2)}" width="${NODE_W}" height="${NODE_H}" rx="8" fill="${on ? C.lit : C.node}" stroke="${on ? C.litStroke : C.nodeStroke}" stroke-width="${on ? 2 : 1}"/>`);
    const name = n.id === 'CLOSED-END' ? 'CLOSED' : n.id;
    const gloss = strings(lang).stateGloss[name];
    const nameStyle = { 'text-anchor': 'middle', 'font-size': 12, 'font-weight': on ? 'bold' : 'normal', fill: C.text };
    if (gloss === undefined) {
      out.push(svgText(n.x, n.y + 4, name, nameStyle));
    } else {
      // zh-CN: the RFC name and, under it, the textbook Chinese name (contract/state-gloss.ts).
      out.push(svgText(n.x, n.y - 2, name, nameStyle));
      out.push(svgText(n.x, n.y + 12, gloss, { 'text-anchor': 'middle', 'font-size': 10, fill: C.text }));
    }
  }
  return out.join('');
}

const HALO = { stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke', 'stroke-linejoin': 'round' };

function transitionList(ep: Endpoint, lang: Lang, y0: number): { svg: string; heightPx: number } {
  const s = strings(lang);
  const lines = ep.transitions.slice(0, MAX_LIST).map((tr, i) => {
    const extra = edgeFor(tr.from, tr.to) === undefined ? ` [${s.notInFigure}]` : '';
    return `${i + 1}. ${formatMs(tr.t)}  ${tr.from} → ${tr.to}${extra}${lang === 'zh-CN' ? '：' : ': '}${localizeTraceText(tr.cause, lang)}`;
  });
  if (ep.transitions.length > MAX_LIST) lines.push(`… +${ep.transitions.length - MAX_LIST}`);
  const svg = lines.map((line, i) => svgText(12, y0 + (i + 1) * LIST_LINE_PX, ellipsize(line, FIG_WIDTH - 24, 11), { 'font-size': 11, fill: C.text })).join('');
  return { svg, heightPx: (lines.length + 1) * LIST_LINE_PX };
}

export function stateSvg(input: Pick<ExportInput, 'title' | 'trace'>, opts: StateSvgOptions = {}): string {
  const lang = opts.lang ?? 'en';
  const s = strings(lang);
  const all = endpointsOf(input.trace);
  const shown = all.slice(0, opts.maxEndpoints ?? DEFAULT_MAX_ENDPOINTS);
  const panels: string[] = [];
  let y = 40;
  for (const ep of shown) {
    panels.push(svgText(12, y + 18, `${ep.host}  ${ep.conn}`, { 'font-size': 14, 'font-weight': 'bold', fill: C.text }));
    panels.push(`<g transform="translate(0 ${y + CAPTION_PX})">${figure(ep, lang)}</g>`);
    const list = transitionList(ep, lang, y + CAPTION_PX + FIG_HEIGHT);
    panels.push(list.svg);
    y += CAPTION_PX + FIG_HEIGHT + list.heightPx + PANEL_GAP_PX;
  }
  const note = all.length === 0 ? s.noStates : all.length > shown.length ? s.moreEndpoints(all.length - shown.length) : '';
  if (note !== '') { panels.push(svgText(12, y + 14, note, { fill: C.muted })); y += 30; }
  const title = `${s.stateTitle}: ${input.title[lang]}`;
  const ns = opts.standalone === false ? '' : ' xmlns="http://www.w3.org/2000/svg"';
  const heightPx = Math.ceil(y);
  return `<svg${ns} width="${FIG_WIDTH}" height="${heightPx}" viewBox="0 0 ${FIG_WIDTH} ${heightPx}" role="img" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title><defs>${marker('st-edge', C.edge)}${marker('st-taken', C.taken)}${marker('st-extra', C.extra)}` +
    `<style>text{font-family:${FONT_FAMILY}}</style></defs>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${svgText(12, 24, title, { 'font-size': 15, 'font-weight': 'bold', fill: C.text })}\n${panels.join('\n')}\n</svg>\n`;
}
