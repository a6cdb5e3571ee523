// The ladder diagram as a standalone SVG string (headless: no DOM). Same visual language as the app's
// canvas ladder: one column per host with the router in the middle, time flowing down, Wireshark labels,
// a cross where a packet died, dashed arrows for retransmissions and router-made copies, a bar where a
// packet was parked in the router.
import { ROUTER } from '../../net/trace.js';
import { buildTimeAxis, formatMs, type TimeAxis } from './svg-ladder-axis.js';
import { buildLadder, type LadderArrow, type LadderModel } from './svg-ladder-model.js';
import { escapeXml, FONT_FAMILY, num, svgText } from './svg-text.js';
import { strings, type Strings } from './strings.js';
import type { ExportInput, Lang } from './types.js';
import { localizeTraceText } from '../../contract/trace-text.js';

export interface LadderSvgOptions {
  maxArrows?: number;
  relative?: boolean;
  /** Include xmlns (a standalone .svg file); inline SVG in HTML does not need it. */
  standalone?: boolean;
  title?: string;
  /** Language of the words around the data and of the engine's text (drop reasons, lineage); default en. */
  lang?: Lang;
  /**
   * Language of the per-packet annotations (tags, drop reasons, parks), default `lang`. The PNG keeps them
   * English: resvg shapes every text element holding Chinese with the 20 MB Noto CJK face, 100-250 ms each,
   * which made a flood lesson's PNG take ~50 s instead of ~3 s.
   */
  arrowLang?: Lang;
}

const AXIS_PX = 84, STATE_PX = 150, COL_GAP_PX = 380, TOP_PX = 96, FONT_PX = 11;
const COLOR = { ltr: '#1d4ed8', rtl: '#047857', retrans: '#c2410c', copy: '#7c3aed', drop: '#dc2626', park: '#6b7280', grid: '#d1d5db', text: '#111827', muted: '#6b7280' };
export const DEFAULT_MAX_ARROWS = 2000;

interface Column { name: string; ip: string | null; x: number; side: 'left' | 'right' | 'mid' }

function columns(hosts: ExportInput['hosts']): Column[] {
  const half = Math.ceil(hosts.length / 2);
  const named = [...hosts.slice(0, half).map((h) => ({ ...h, side: 'left' as const })), { name: ROUTER, ip: null, side: 'mid' as const },
    ...hosts.slice(half).map((h) => ({ ...h, side: 'right' as const }))];
  return named.map((h, i) => ({ name: h.name, ip: h.ip, side: h.side, x: AXIS_PX + STATE_PX + i * COL_GAP_PX }));
}

function colX(cols: readonly Column[], name: string | null): number {
  return (cols.find((c) => c.name === name) ?? cols.find((c) => c.name === ROUTER)!).x;
}

interface Ctx { cols: readonly Column[]; ax: TimeAxis; endMs: number; lanes: ReadonlyMap<number, number>; s: Strings }

const LANE_PX = 7;

/** Parks that overlap in time get side-by-side lanes at the router (greedy interval colouring). */
function parkLanes(arrows: readonly LadderArrow[], endMs: number): Map<number, number> {
  const laneEnds: number[] = [];
  const lanes = new Map<number, number>();
  for (const a of arrows) {
    if (a.park === null) continue;
    let lane = laneEnds.findIndex((end) => end <= a.park!.startMs);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = a.park.endMs ?? endMs;
    lanes.set(a.id, lane);
  }
  return lanes;
}

function arrowPoints(a: LadderArrow, ctx: Ctx): Array<[number, number]> {
  const { cols, ax, endMs } = ctx;
  const xFrom = colX(cols, a.from), xTo = colX(cols, a.to), xRouter = colX(cols, ROUTER);
  const pts: Array<[number, number]> = [[xFrom, ax.y(a.startMs)]];
  if (a.park !== null) {
    const xPark = xRouter + (ctx.lanes.get(a.id) ?? 0) * LANE_PX;
    if (a.from !== ROUTER) pts.push([xPark, ax.y(a.park.startMs)]);
    pts.push([xPark, ax.y(a.park.endMs ?? endMs)]);
    if (a.park.endMs === null && a.endMs === null) return pts;
  }
  const end = a.endMs ?? endMs;
  if (a.fate === 'dropped' && a.dropAt === ROUTER) pts.push([xRouter, ax.y(end)]);
  else if (a.to === null) pts.push([xRouter, ax.y(end)]);
  else pts.push([xTo, ax.y(end)]);
  return pts;
}

function arrowColor(a: LadderArrow, cols: readonly Column[]): { color: string; dash: string } {
  if (a.lineage.type === 'retransmission') return { color: COLOR.retrans, dash: '6 3' };
  if (a.lineage.type !== 'original') return { color: COLOR.copy, dash: '2 3' };
  return { color: colX(cols, a.from) <= colX(cols, a.to) ? COLOR.ltr : COLOR.rtl, dash: '' };
}

function drawArrow(a: LadderArrow, ctx: Ctx): string {
  const { cols, ax, endMs } = ctx;
  const pts = arrowPoints(a, ctx);
  const { color, dash } = arrowColor(a, cols);
  const last = pts[pts.length - 1]!, first = pts[0]!;
  const parts: string[] = [];
  const dashAttr = dash === '' ? '' : ` stroke-dasharray="${dash}"`;
  const head = a.fate === 'delivered' ? ` marker-end="url(#arrow-${color.slice(1)})"` : '';
  parts.push(`<polyline points="${pts.map(([x, y]) => `${num(x)},${num(y)}`).join(' ')}" fill="none" stroke="${color}" stroke-width="1.4"${dashAttr}${head}/>`);
  if (a.park !== null) {
    const xr = colX(cols, ROUTER) + (ctx.lanes.get(a.id) ?? 0) * LANE_PX, y0 = ax.y(a.park.startMs), y1 = ax.y(a.park.endMs ?? endMs);
    parts.push(`<line x1="${num(xr)}" y1="${num(y0)}" x2="${num(xr)}" y2="${num(y1)}" stroke="${COLOR.park}" stroke-width="5" stroke-opacity="0.45"/>`);
  }
  if (a.fate === 'dropped') {
    const [x, y] = last, r = 6;
    parts.push(`<path d="M${num(x - r)},${num(y - r)}L${num(x + r)},${num(y + r)}M${num(x - r)},${num(y + r)}L${num(x + r)},${num(y - r)}" stroke="${COLOR.drop}" stroke-width="2.2"/>`);
    parts.push(svgText(x + 10, y + 4, `#${a.id} ${a.dropReason === null ? ctx.s.dropped : localizeTraceText(a.dropReason, ctx.s.lang)}`, { fill: COLOR.drop, 'font-size': FONT_PX - 1 }));
  }
  parts.push(drawLabel(a, first, pts[1] ?? first, color, ctx.s));
  return `<g class="pkt" data-id="${a.id}">${parts.join('')}</g>`;
}

/**
 * The label along the first leg, just above it, rotated with it (never upside down), so that labels of
 * packets crossing at nearly the same time do not sit on each other's lines.
 */
function drawLabel(a: LadderArrow, p0: [number, number], p1: [number, number], color: string, s: Strings): string {
  const [dx, dy] = p1[0] >= p0[0] ? [p1[0] - p0[0], p1[1] - p0[1]] : [p0[0] - p1[0], p0[1] - p1[1]];
  const angle = dx === 0 && dy === 0 ? 0 : (Math.atan2(dy, dx) * 180) / Math.PI;
  const mx = (p0[0] + p1[0]) / 2, my = (p0[1] + p1[1]) / 2;
  const park = a.park === null ? null : s.parked(a.park.kind, a.park.endMs === null ? null : formatMs(a.park.endMs - a.park.startMs), a.park.by);
  const tag = [a.tag === null ? null : localizeTraceText(a.tag, s.lang), a.corrupted ? s.corrupted : null, park].filter((x) => x !== null).join(s.lang === 'zh-CN' ? '，' : ', ');
  const tspan = tag === '' ? '' : `<tspan fill="${color}"> (${escapeXml(tag)})</tspan>`;
  return `<text x="${num(mx)}" y="${num(my - 4)}" text-anchor="middle" transform="rotate(${num(angle)} ${num(mx)} ${num(my)})"${HALO}>` +
    `${escapeXml(`#${a.id} ${a.label}`)}${tspan}</text>`;
}

/** White outline behind label text, as attributes (resvg ignores paint-order set from a style sheet). */
const HALO = ` fill="${COLOR.text}" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`;

function drawFrame(cols: readonly Column[], ax: TimeAxis, model: LadderModel, widthPx: number, s: Strings): string {
  const out: string[] = [];
  for (const c of cols) {
    out.push(`<line x1="${num(c.x)}" y1="${TOP_PX - 14}" x2="${num(c.x)}" y2="${num(ax.bottomPx)}" stroke="${COLOR.grid}" stroke-width="${c.name === ROUTER ? 1 : 2}"${c.name === ROUTER ? ' stroke-dasharray="4 4"' : ''}/>`);
    out.push(svgText(c.x, TOP_PX - 40, c.name === ROUTER ? s.router : c.name, { 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 'bold', fill: COLOR.text }));
    if (c.ip !== null) out.push(svgText(c.x, TOP_PX - 24, c.ip, { 'text-anchor': 'middle', fill: COLOR.muted }));
  }
  let lastLabelY = -Infinity;
  for (const t of ax.keyTimes) {
    const y = ax.y(t);
    if (y - lastLabelY < FONT_PX + 2) continue;
    lastLabelY = y;
    out.push(svgText(AXIS_PX - 8, y + 4, formatMs(t), { 'text-anchor': 'end', fill: COLOR.muted }));
    out.push(`<line x1="${AXIS_PX - 4}" y1="${num(y)}" x2="${AXIS_PX}" y2="${num(y)}" stroke="${COLOR.muted}"/>`);
  }
  for (const b of ax.breaks) {
    const m = (b.y0 + b.y1) / 2;
    out.push(`<rect x="0" y="${num(m - 7)}" width="${num(widthPx)}" height="14" fill="#f3f4f6"/>`);
    out.push(svgText(AXIS_PX - 8, m + 4, `+${formatMs(b.gapMs)}`, { 'text-anchor': 'end', fill: COLOR.muted, 'font-style': 'italic' }));
  }
  out.push(drawStates(cols, ax, model));
  return out.join('');
}

/** The state each endpoint enters, beside its host's column (outside, so arrows keep the middle). */
function drawStates(cols: readonly Column[], ax: TimeAxis, model: LadderModel): string {
  const conns = new Set<string>();
  for (const a of model.arrows) conns.add(a.conn);
  const lastMs = ax.keyTimes[ax.keyTimes.length - 1] ?? 0;
  const out: string[] = [];
  for (const s of model.states) {
    const [local = '', remote = ''] = s.conn.split('>');
    if (s.t > lastMs || !(conns.has(s.conn) || conns.has(`${remote}>${local}`))) continue;
    const c = cols.find((col) => col.name === s.host);
    if (c === undefined) continue;
    const right = c.side === 'right';
    out.push(svgText(c.x + (right ? 8 : -8), ax.y(s.t) + 4, s.to, { 'text-anchor': right ? 'start' : 'end', class: 'st' }));
  }
  return out.join('');
}

function defs(): string {
  const colors = [COLOR.ltr, COLOR.rtl, COLOR.retrans, COLOR.copy];
  return `<defs>${colors.map((c) => `<marker id="arrow-${c.slice(1)}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${c}"/></marker>`).join('')}` +
    `<style>text{font-family:${FONT_FAMILY};font-size:${FONT_PX}px}.st{fill:#92400e;font-weight:bold}</style></defs>`;
}

export function ladderSvg(input: Pick<ExportInput, 'title' | 'hosts' | 'trace'>, opts: LadderSvgOptions = {}): string {
  const model = buildLadder(input.trace, input.hosts, { maxArrows: opts.maxArrows ?? DEFAULT_MAX_ARROWS, relative: opts.relative ?? true });
  const cols = columns(input.hosts);
  const times: number[] = [];
  for (const a of model.arrows) {
    times.push(a.startMs);
    if (a.endMs !== null) times.push(a.endMs);
    if (a.park !== null) { times.push(a.park.startMs); if (a.park.endMs !== null) times.push(a.park.endMs); }
  }
  const ax = buildTimeAxis(times, { topPx: TOP_PX, pxPerMs: 0.6, minGapPx: 22, maxGapPx: 110 });
  const endMs = (ax.keyTimes[ax.keyTimes.length - 1] ?? 0);
  const s = strings(opts.lang ?? 'en');
  const ctx: Ctx = { cols, ax, endMs, lanes: parkLanes(model.arrows, endMs), s: strings(opts.arrowLang ?? opts.lang ?? 'en') };
  const widthPx = cols[cols.length - 1]!.x + STATE_PX + 40;
  const footer = model.omitted > 0 ? s.arrowsOmitted(model.omitted) : model.arrows.length === 0 ? s.noPackets : '';
  const heightPx = Math.ceil(ax.bottomPx + (footer === '' ? 16 : 40));
  const title = opts.title ?? input.title.en;
  const body = [
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    svgText(16, 24, title, { 'font-size': 15, 'font-weight': 'bold', fill: COLOR.text }),
    drawFrame(cols, ax, model, widthPx, s),
    ...model.arrows.map((a) => drawArrow(a, ctx)),
    footer === '' ? '' : svgText(16, heightPx - 14, footer, { fill: COLOR.muted }),
  ].join('\n');
  const ns = opts.standalone === false ? '' : ' xmlns="http://www.w3.org/2000/svg"';
  return `<svg${ns} width="${widthPx}" height="${heightPx}" viewBox="0 0 ${widthPx} ${heightPx}" role="img" aria-label="${escapeXml(s.ladderAria(title))}">` +
    `<title>${escapeXml(s.ladderAria(title))}</title>${defs()}\n${body}\n</svg>\n`;
}
