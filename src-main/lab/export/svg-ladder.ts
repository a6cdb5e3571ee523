// The ladder diagram as a standalone SVG string (headless: no DOM). Same visual language as the app's
// canvas ladder: one column per host with the router between the first two, time flowing down, Wireshark labels,
// a cross where a packet died, dashed arrows for retransmissions and router-made copies, a bar where a
// packet was parked in the router. Where things go is svg-ladder-layout.ts (no text overlaps another, no
// packet hides another); the words around the labels are in the export's language (svg-ladder-text.ts).
import { ladderColumnOrder } from '../../contract/ladder-columns.js';
import { ROUTER } from '../../net/trace.js';
import { formatMs } from './svg-ladder-axis.js';
import { DOWN_COLOR, DOWN_LEGEND_MARK, downMarks, downsInPicture, drawDownBands } from './svg-ladder-downs.js';
import { layoutLadder, type LadderLayout, type LayoutArrow, type LayoutMark, type LayoutState, type PlacedText, type TextSpec } from './svg-ladder-layout.js';
import { buildLadder, type LadderArrow, type LadderModel } from './svg-ladder-model.js';
import { arrowTag, dropText, stateGlossary } from './svg-ladder-text.js';
import { strings } from './strings.js';
import { escapeXml, FONT_FAMILY, num, svgText, textBox, textWidthPx } from './svg-text.js';
import type { ExportInput, Lang } from './types.js';

export interface LadderSvgOptions {
  maxArrows?: number;
  relative?: boolean;
  /** Include xmlns (a standalone .svg file); inline SVG in HTML does not need it. */
  standalone?: boolean;
  title?: string;
  /** Language of every word around the Wireshark labels (default en). */
  lang?: Lang;
}

const AXIS_PX = 84, COL_GAP_PX = 380, TOP_PX = 96, FONT_PX = 11, LEGEND_ROW_PX = 20;
const COLOR = { ltr: '#1d4ed8', rtl: '#047857', retrans: '#c2410c', copy: '#7c3aed', drop: '#dc2626', park: '#6b7280', grid: '#d1d5db', text: '#111827', muted: '#6b7280', state: '#92400e' };
export const DEFAULT_MAX_ARROWS = 2000;

interface Column { name: string; label: string; ip: string | null; x: number; side: 'left' | 'right' | 'mid' }

/** Room beside the first column for the longest state name (bold text is as wide in a monospace font). */
const STATE_PX = Math.ceil(textWidthPx('SYN-RECEIVED', FONT_PX)) + 24;

/** The app's column order (contract/ladder-columns.ts): the first two hosts outermost, the router between them. */
function columns(hosts: ExportInput['hosts'], lang: Lang, leftPx: number): Column[] {
  const named = ladderColumnOrder<{ name: string; ip: string | null }>(hosts, { name: ROUTER, ip: null });
  const mid = named.findIndex((h) => h.ip === null);
  return named.map((h, i) => ({
    name: h.name, label: h.ip === null ? strings(lang).router : h.name, ip: h.ip, side: i < mid ? 'left' : i > mid ? 'right' : 'mid', x: leftPx + i * COL_GAP_PX,
  }));
}

function colX(cols: readonly Column[], name: string | null): number {
  return (cols.find((c) => c.name === name) ?? cols.find((c) => c.name === ROUTER)!).x;
}

/** Where the first leg goes: to the router when the packet parks or dies there, else to its receiver. */
function endX(a: LadderArrow, cols: readonly Column[]): number {
  return (a.fate === 'dropped' && a.dropAt === ROUTER) || a.to === null ? colX(cols, ROUTER) : colX(cols, a.to);
}

function labelText(a: LadderArrow, lang: Lang, core: boolean): { main: string; tag: string } {
  const tag = arrowTag(a, lang);
  return { main: `#${a.id} ${core ? a.labelCore : a.label}`, tag: tag === '' ? '' : ` (${tag})` };
}

function layoutArrow(a: LadderArrow, cols: readonly Column[], lang: Lang, lastMs: number): LayoutArrow {
  const startX = colX(cols, a.from), xEnd = endX(a, cols);
  const toward = a.park !== null ? colX(cols, ROUTER) : xEnd;
  const right = toward >= startX;
  const spec = (core: boolean): TextSpec => {
    const { main, tag } = labelText(a, lang, core);
    return { x: startX + (right ? 6 : -6), dy: -3, anchor: right ? 'start' : 'end', text: main + tag };
  };
  const labels = a.label === a.labelCore ? [spec(false)] : [spec(false), spec(true)];
  const drop = a.fate === 'dropped' ? dropText(a, lang) : null;
  const dropTexts: TextSpec[] = drop === null ? [] : [{ x: xEnd + 10, dy: 4, anchor: 'start', text: drop }, { x: xEnd - 10, dy: 4, anchor: 'end', text: drop }];
  const parkedToEnd = a.park !== null && a.park.endMs === null && a.endMs === null;
  return { id: a.id, startMs: a.startMs, startX, endMs: a.endMs ?? lastMs, endX: parkedToEnd ? colX(cols, ROUTER) : xEnd, labels, dropTexts };
}

/** State changes beside their host's column (outside, so arrows keep the middle), on their packet's row. */
function layoutStates(model: LadderModel, cols: readonly Column[], lastMs: number): LayoutState[] {
  const conns = new Set<string>();
  for (const a of model.arrows) conns.add(a.conn);
  const out: LayoutState[] = [];
  for (const s of model.states) {
    const [local = '', remote = ''] = s.conn.split('>');
    if (s.t > lastMs || !(conns.has(s.conn) || conns.has(`${remote}>${local}`))) continue;
    const c = cols.find((col) => col.name === s.host);
    if (c === undefined) continue;
    const right = c.side === 'right';
    const drawn = s.after !== null && model.arrows.some((a) => a.id === s.after!.id) ? s.after : null;
    out.push({ t: s.t, x: c.x, text: { x: c.x + (right ? 8 : -8), dy: 4, anchor: right ? 'start' : 'end', text: s.to }, after: drawn });
  }
  return out;
}

function arrowStyle(a: LadderArrow, cols: readonly Column[]): { color: string; dash: string } {
  if (a.lineage.type === 'retransmission') return { color: COLOR.retrans, dash: '6 3' };
  if (a.lineage.type !== 'original') return { color: COLOR.copy, dash: '2 3' };
  return { color: colX(cols, a.from) <= colX(cols, a.to) ? COLOR.ltr : COLOR.rtl, dash: '' };
}

interface Ctx { cols: readonly Column[]; lay: LadderLayout; lastMs: number; lanes: ReadonlyMap<number, number>; lang: Lang }

const LANE_PX = 7;

/** Parks that overlap in time get side-by-side lanes at the router (greedy interval colouring). */
function parkLanes(arrows: readonly LadderArrow[], lastMs: number): Map<number, number> {
  const laneEnds: number[] = [];
  const lanes = new Map<number, number>();
  for (const a of arrows) {
    if (a.park === null) continue;
    let lane = laneEnds.findIndex((end) => end <= a.park!.startMs);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = a.park.endMs ?? lastMs;
    lanes.set(a.id, lane);
  }
  return lanes;
}

function arrowPoints(a: LadderArrow, ctx: Ctx): Array<[number, number]> {
  const { cols, lay } = ctx;
  const pts: Array<[number, number]> = [[colX(cols, a.from), lay.startY.get(a.id)!]];
  if (a.park !== null) {
    const xPark = colX(cols, ROUTER) + (ctx.lanes.get(a.id) ?? 0) * LANE_PX;
    if (a.from !== ROUTER) pts.push([xPark, lay.y(a.park.startMs)]);
    pts.push([xPark, a.park.endMs === null ? lay.endY.get(a.id)! : lay.y(a.park.endMs)]);
    if (a.park.endMs === null && a.endMs === null) return pts;
  }
  pts.push([endX(a, cols), lay.endY.get(a.id)!]);
  return pts;
}

function textEl(t: PlacedText, attrs: Record<string, string | number> = {}): string {
  return svgText(t.x, t.y, t.text, { 'text-anchor': t.anchor, ...attrs });
}

/** A packet's line (with its tooltip) and, separately, its texts: every text is drawn after every line. */
function drawArrow(a: LadderArrow, ctx: Ctx): { line: string; text: string } {
  const pts = arrowPoints(a, ctx);
  const { color, dash } = arrowStyle(a, ctx.cols);
  const parts: string[] = [`<title>${escapeXml(labelText(a, ctx.lang, false).main + labelText(a, ctx.lang, false).tag)}</title>`];
  const dashAttr = dash === '' ? '' : ` stroke-dasharray="${dash}"`;
  const head = a.fate === 'delivered' ? ` marker-end="url(#arrow-${color.slice(1)})"` : '';
  parts.push(`<polyline points="${pts.map(([x, y]) => `${num(x)},${num(y)}`).join(' ')}" fill="none" stroke="${color}" stroke-width="1.4"${dashAttr}${head}/>`);
  if (a.park !== null) {
    const [top, bottom] = a.from === ROUTER ? [pts[0]!, pts[1]!] : [pts[1]!, pts[2]!];
    parts.push(`<line x1="${num(top[0])}" y1="${num(top[1])}" x2="${num(bottom[0])}" y2="${num(bottom[1])}" stroke="${COLOR.park}" stroke-width="5" stroke-opacity="0.45"/>`);
  }
  const texts: string[] = [];
  const drop = ctx.lay.drops.get(a.id);
  if (a.fate === 'dropped') {
    const [x, y] = pts[pts.length - 1]!, r = 6;
    parts.push(`<path d="M${num(x - r)},${num(y - r)}L${num(x + r)},${num(y + r)}M${num(x - r)},${num(y + r)}L${num(x + r)},${num(y - r)}" stroke="${COLOR.drop}" stroke-width="2.2"/>`);
    if (drop !== undefined) texts.push(textEl(drop, { fill: COLOR.drop, ...HALO_ATTRS }));
  }
  const label = ctx.lay.labels.get(a.id);
  if (label !== undefined) texts.push(drawLabel(a, label, color, ctx.lang));
  return { line: `<g class="pkt" data-id="${a.id}">${parts.join('')}</g>`, text: `<g class="pkt-text" data-id="${a.id}">${texts.join('')}</g>` };
}

/** The label, horizontal, just above its arrow's start: the options go when the row is crowded. */
function drawLabel(a: LadderArrow, at: PlacedText, color: string, lang: Lang): string {
  const core = at.text.startsWith(`#${a.id} ${a.label}`) ? false : true;
  const { main, tag } = labelText(a, lang, core);
  // The space stays outside the tspan: resvg drops a space that starts one.
  const tspan = tag === '' ? '' : ` <tspan fill="${color}">${escapeXml(tag.trimStart())}</tspan>`;
  // A plate under the text: lines of other packets (and a sloped one of its own) cross a label's row, and the
  // thin halo alone left them striking through the text.
  const b = textBox(at.x, at.y, at.anchor, at.text, at.fontPx);
  const plate = `<rect class="plate" x="${num(b.x0)}" y="${num(b.y0)}" width="${num(b.x1 - b.x0)}" height="${num(b.y1 - b.y0)}" fill="#ffffff" fill-opacity="0.7"/>`;
  return `${plate}<text class="lbl" x="${num(at.x)}" y="${num(at.y)}" text-anchor="${at.anchor}"${HALO}>${escapeXml(main)}${tspan}</text>`;
}

/** White outline behind label text, as attributes (resvg ignores paint-order set from a style sheet). */
const HALO = ` fill="${COLOR.text}" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`;
const HALO_ATTRS = { stroke: '#ffffff', 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke' };

function drawFrame(ctx: Ctx, widthPx: number, x0: number): string {
  const { cols, lay } = ctx;
  const out: string[] = [];
  for (const c of cols) {
    out.push(`<line x1="${num(c.x)}" y1="${TOP_PX - 14}" x2="${num(c.x)}" y2="${num(lay.bottomPx)}" stroke="${COLOR.grid}" stroke-width="${c.name === ROUTER ? 1 : 2}"${c.name === ROUTER ? ' stroke-dasharray="4 4"' : ''}/>`);
    out.push(svgText(c.x, TOP_PX - 40, c.label, { 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 'bold', fill: COLOR.text }));
    if (c.ip !== null) out.push(svgText(c.x, TOP_PX - 22, c.ip, { 'text-anchor': 'middle', fill: COLOR.muted }));
  }
  for (const b of lay.breaks) {
    const m = (b.y0 + b.y1) / 2;
    out.push(`<rect x="${num(x0)}" y="${num(m - 7)}" width="${num(widthPx)}" height="14" fill="#f3f4f6"/>`);
    out.push(svgText(AXIS_PX - 8, m + 4, `+${formatMs(b.gapMs)}`, { 'text-anchor': 'end', fill: COLOR.muted, 'font-style': 'italic' }));
  }
  for (const t of lay.ticks) {
    out.push(textEl(t, { fill: COLOR.muted }));
    out.push(`<line x1="${AXIS_PX - 4}" y1="${num(t.y - 4)}" x2="${AXIS_PX}" y2="${num(t.y - 4)}" stroke="${COLOR.muted}"/>`);
  }
  for (const s of lay.states) out.push(textEl(s, { class: 'st' }));
  return out.join('');
}

/** What the line styles mean (and the crashed band, when the picture has one). */
function legendEntries(lang: Lang, withDowns: boolean): Array<[string, string]> {
  const l = strings(lang).legend;
  const entries: Array<[string, string]> = [
    [`<line x1="0" y1="0" x2="28" y2="0" stroke="${COLOR.ltr}" stroke-width="1.4"/>`, l.original],
    [`<line x1="0" y1="0" x2="28" y2="0" stroke="${COLOR.retrans}" stroke-width="1.4" stroke-dasharray="6 3"/>`, l.retransmission],
    [`<line x1="0" y1="0" x2="28" y2="0" stroke="${COLOR.copy}" stroke-width="1.4" stroke-dasharray="2 3"/>`, l.copy],
    [`<path d="M8,-6L20,6M8,6L20,-6" stroke="${COLOR.drop}" stroke-width="2.2"/>`, l.dropped],
    [`<line x1="4" y1="-6" x2="4" y2="8" stroke="${COLOR.park}" stroke-width="5" stroke-opacity="0.45"/>`, l.parked],
  ];
  if (withDowns) entries.push([DOWN_LEGEND_MARK, l.down]);
  return entries;
}

/** The legend row's width (the picture is made at least this wide). */
function legendWidthPx(entries: ReadonlyArray<[string, string]>): number {
  return entries.reduce((x, [, text]) => x + 34 + textWidthPx(text, FONT_PX) + 24, 16);
}

/** What the line styles mean, in one row under the diagram; in Chinese, the states' names on rows below it. */
function drawLegend(y: number, entries: ReadonlyArray<[string, string]>, glossary: readonly string[], widthPx: number): string {
  let x = 16;
  const out: string[] = [];
  for (const [mark, text] of entries) {
    out.push(`<g transform="translate(${x} ${num(y - 4)})">${mark}</g>`, svgText(x + 34, y, text, { fill: COLOR.muted }));
    x += 34 + textWidthPx(text, FONT_PX) + 24;
  }
  let gx = 16, gy = y + LEGEND_ROW_PX;
  for (const entry of glossary) {
    const w = textWidthPx(entry, FONT_PX);
    if (gx > 16 && gx + w > widthPx - 16) { gx = 16; gy += LEGEND_ROW_PX; }
    out.push(svgText(gx, gy, entry, { class: 'st' }));
    gx += w + 24;
  }
  return `<g class="legend">${out.join('')}</g>`;
}

/** Rows the glossary takes (the same wrapping as drawLegend). */
function glossaryRows(glossary: readonly string[], widthPx: number): number {
  let gx = 16, rows = glossary.length === 0 ? 0 : 1;
  for (const entry of glossary) {
    const w = textWidthPx(entry, FONT_PX);
    if (gx > 16 && gx + w > widthPx - 16) { gx = 16; rows++; }
    gx += w + 24;
  }
  return rows;
}

function defs(): string {
  const colors = [COLOR.ltr, COLOR.rtl, COLOR.retrans, COLOR.copy];
  return `<defs>${colors.map((c) => `<marker id="arrow-${c.slice(1)}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${c}"/></marker>`).join('')}` +
    // (On svg, inherited: a rule on text would beat the font-size attributes of the title and the headers.)
    `<style>svg{font-family:${FONT_FAMILY};font-size:${FONT_PX}px}.st{fill:${COLOR.state};font-weight:bold}</style></defs>`;
}

/** The last instant of the drawn packets, and the instants where parked packets start and end waiting. */
function packetTimes(model: LadderModel): { lastMs: number; parkTimes: number[] } {
  const parkTimes: number[] = [];
  let lastMs = 0;
  for (const a of model.arrows) {
    lastMs = Math.max(lastMs, a.startMs, a.endMs ?? 0);
    if (a.park !== null) { parkTimes.push(a.park.startMs); if (a.park.endMs !== null) parkTimes.push(a.park.endMs); }
  }
  return { lastMs: Math.max(lastMs, ...parkTimes), parkTimes };
}

function layout(model: LadderModel, cols: readonly Column[], lang: Lang, marks: readonly LayoutMark[]): { lay: LadderLayout; lastMs: number } {
  const { lastMs, parkTimes } = packetTimes(model);
  const arrows = model.arrows.map((a) => layoutArrow(a, cols, lang, lastMs));
  const lay = layoutLadder(arrows, layoutStates(model, cols, lastMs), parkTimes, {
    topPx: TOP_PX, pxPerMs: 0.6, minGapPx: 22, maxGapPx: 110, fontPx: FONT_PX, axisX: AXIS_PX - 8, formatTime: formatMs,
  }, marks);
  return { lay, lastMs };
}

export function ladderSvg(input: Pick<ExportInput, 'title' | 'hosts' | 'trace'>, opts: LadderSvgOptions = {}): string {
  const lang = opts.lang ?? 'en';
  const s = strings(lang);
  const model = buildLadder(input.trace, input.hosts, { maxArrows: opts.maxArrows ?? DEFAULT_MAX_ARROWS, relative: opts.relative ?? true });
  const cols = columns(input.hosts, lang, AXIS_PX + STATE_PX);
  // Crashed hosts (the app's computation, contract/host-downs.ts); with packets left out, only those up to
  // the last one drawn.
  const downs = downsInPicture(input.trace, model.omitted > 0 ? packetTimes(model).lastMs : Infinity);
  const { lay, lastMs } = layout(model, cols, lang, downMarks(downs, cols, lang));
  const ctx: Ctx = { cols, lay, lastMs, lanes: parkLanes(model.arrows, lastMs), lang };
  const title = opts.title ?? input.title[lang];
  const x0 = Math.min(0, Math.floor(lay.minX - 8));
  const legend = legendEntries(lang, downs.length > 0);
  const right = Math.max(cols[cols.length - 1]!.x + STATE_PX, lay.maxX + 16, 16 + textWidthPx(title, 15) + 16, legendWidthPx(legend));
  const widthPx = Math.ceil(right - x0);
  const footer = model.omitted > 0 ? s.notDrawn(model.omitted) : model.arrows.length === 0 ? s.noPackets : '';
  const legendY = lay.bottomPx + 22;
  const glossary = stateGlossary(lay.states.map((st) => st.text), lang);
  const heightPx = Math.ceil(legendY + glossaryRows(glossary, widthPx) * LEGEND_ROW_PX + (footer === '' ? 16 : 34));
  const drawn = model.arrows.map((a) => drawArrow(a, ctx));
  const body = [
    `<rect x="${x0}" width="${widthPx}" height="100%" fill="#ffffff"/>`,
    svgText(16, 24, title, { 'font-size': 15, 'font-weight': 'bold', fill: COLOR.text }),
    drawFrame(ctx, widthPx, x0),
    drawDownBands(downs, cols, lay, lang),
    ...drawn.map((d) => d.line),
    ...drawn.map((d) => d.text),
    [...lay.marks.values()].map((m) => textEl(m, { class: 'down-mark', fill: DOWN_COLOR, 'font-weight': 'bold', ...HALO_ATTRS })).join(''),
    drawLegend(legendY, legend, glossary, widthPx),
    footer === '' ? '' : svgText(16, heightPx - 12, footer, { fill: COLOR.muted }),
  ].join('\n');
  const ns = opts.standalone === false ? '' : ' xmlns="http://www.w3.org/2000/svg"';
  const aria = s.ladderAria(title);
  return `<svg${ns} width="${widthPx}" height="${heightPx}" viewBox="${x0} 0 ${widthPx} ${heightPx}" role="img" aria-label="${escapeXml(aria)}">` +
    `<title>${escapeXml(aria)}</title>${defs()}\n${body}\n</svg>\n`;
}
