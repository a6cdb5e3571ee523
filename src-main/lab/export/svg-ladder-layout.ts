// Where everything on the exported ladder goes, so that no two texts overlap and no two packets are drawn
// on top of each other. A printed picture cannot hide labels the way the app's canvas does when crowded.
//
// Time flows down over "instants" (the times where something happens), as in svg-ladder-axis.ts: each gap
// keeps its proportion between minGapPx and maxGapPx. An instant is as tall as it needs: every arrow end at
// one column and instant gets its own row (ROW_PX apart, in packet id order), so a burst of segments sent
// in the same millisecond is drawn as parallel arrows, each with its label. Texts (packet labels at their
// sender, drop reasons at the cross, state names beside the column, time ticks) are placed instant by
// instant, top to bottom; a text that would overlap one already placed first tries its shorter form (the
// label without options; the other side of a cross), then moves its arrow end one row down. Rows only ever
// grow downwards, so a single pass settles everything: O(texts × nearby texts).
import { boxesOverlap, textBox, type Box } from './svg-text.js';

export const ROW_PX = 16;
/** A text that finds no room within this many rows is placed anyway (a bound on the loop, never reached in practice). */
const MAX_ROWS = 400;

export interface TextSpec {
  x: number;
  /** Baseline offset from the row's y. */
  dy: number;
  anchor: 'start' | 'end';
  text: string;
}

export interface PlacedText extends TextSpec {
  y: number;
  fontPx: number;
}

/** One packet arrow as the layout sees it: its two ends (column x, time) and its text candidates. */
export interface LayoutArrow {
  id: number;
  startMs: number;
  startX: number;
  endMs: number;
  endX: number;
  /** Label candidates at the start, best first. */
  labels: TextSpec[];
  /** Drop-reason candidates at the end ([] when it was not dropped). */
  dropTexts: TextSpec[];
}

export interface LayoutState {
  t: number;
  x: number;
  text: TextSpec;
  /** The packet end (send or receipt) that caused it, to share its row. */
  after: { id: number; end: 'start' | 'end' } | null;
}

/** A text beside a column at one instant (a host's crash or its reboot), placed after the packets' texts. */
export interface LayoutMark {
  key: string;
  t: number;
  x: number;
  /** Candidates, best first. */
  texts: TextSpec[];
}

export interface LayoutOptions {
  topPx: number;
  pxPerMs: number;
  minGapPx: number;
  maxGapPx: number;
  fontPx: number;
  /** Time tick labels: right-aligned at this x. */
  axisX: number;
  formatTime: (ms: number) => string;
}

export interface LadderLayout {
  keyTimes: number[];
  /** y of an instant's first row; between instants, interpolated. */
  y(tMs: number): number;
  startY: Map<number, number>;
  endY: Map<number, number>;
  labels: Map<number, PlacedText>;
  drops: Map<number, PlacedText>;
  states: PlacedText[];
  /** Where each mark's text went, by its key. */
  marks: Map<string, PlacedText>;
  ticks: PlacedText[];
  breaks: Array<{ y0: number; y1: number; gapMs: number }>;
  bottomPx: number;
  /** Horizontal extent of every placed text. */
  minX: number;
  maxX: number;
}

interface Item {
  kind: 'end' | 'start' | 'state' | 'mark';
  group: string;
  texts: TextSpec[];
  desired: () => number;
  done: (row: number, placed: PlacedText | null) => void;
}

class Placer {
  readonly #active: Box[] = [];
  minX = Infinity;
  maxX = -Infinity;

  constructor(readonly fontPx: number) {}

  /** Forgets boxes that end above `topY`: nothing placed from now on can reach them. */
  prune(topY: number): void {
    for (let i = this.#active.length - 1; i >= 0; i--) if (this.#active[i]!.y1 < topY) this.#active.splice(i, 1);
  }

  fits(t: TextSpec, y: number): boolean {
    const box = textBox(t.x, y + t.dy, t.anchor, t.text, this.fontPx);
    return !this.#active.some((b) => boxesOverlap(b, box));
  }

  add(t: TextSpec, y: number, fontPx = this.fontPx): PlacedText {
    const box = textBox(t.x, y + t.dy, t.anchor, t.text, fontPx);
    this.#active.push(box);
    this.minX = Math.min(this.minX, box.x0);
    this.maxX = Math.max(this.maxX, box.x1);
    return { ...t, y: y + t.dy, fontPx };
  }
}

/** Places one instant's items from `base`; returns how many rows it used. */
function placeInstant(items: readonly Item[], base: number, placer: Placer): number {
  const taken = new Map<string, Set<number>>();
  let rows = 1;
  for (const item of items) {
    const used = taken.get(item.group) ?? new Set<number>();
    taken.set(item.group, used);
    let row = item.desired();
    let placed: PlacedText | null = null;
    for (; row < MAX_ROWS; row++) {
      if (used.has(row)) continue;
      const y = base + row * ROW_PX;
      const fit = item.texts.find((t) => placer.fits(t, y));
      if (fit !== undefined) { placed = placer.add(fit, y); break; }
      if (item.texts.length === 0) break;
    }
    if (row >= MAX_ROWS) row = Math.max(...used, -1) + 1;
    if (placed === null && item.texts.length > 0) placed = placer.add(item.texts[0]!, base + row * ROW_PX);
    used.add(row);
    rows = Math.max(rows, row + 1);
    item.done(row, placed);
  }
  return rows;
}

function itemsByTime(arrows: readonly LayoutArrow[], states: readonly LayoutState[], marks: readonly LayoutMark[], out: LadderLayout, rowOf: Map<string, number>): Map<number, Item[]> {
  const byTime = new Map<number, Item[]>();
  const push = (t: number, item: Item): void => {
    const list = byTime.get(t);
    if (list === undefined) byTime.set(t, [item]);
    else list.push(item);
  };
  const base = (t: number): number => out.y(t);
  for (const a of arrows) {
    push(a.endMs, { kind: 'end', group: `${a.endX}:end`, texts: a.dropTexts, desired: () => 0, done: (row, placed) => {
      rowOf.set(`${a.id}:end`, row);
      out.endY.set(a.id, base(a.endMs) + row * ROW_PX);
      if (placed !== null) out.drops.set(a.id, placed);
    } });
    push(a.startMs, { kind: 'start', group: `${a.startX}:start`, texts: a.labels, desired: () => 0, done: (row, placed) => {
      rowOf.set(`${a.id}:start`, row);
      out.startY.set(a.id, base(a.startMs) + row * ROW_PX);
      if (placed !== null) out.labels.set(a.id, placed);
    } });
  }
  for (const s of states) {
    push(s.t, { kind: 'state', group: `${s.x}:${s.text.anchor}:state`, texts: [s.text],
      desired: () => (s.after === null ? 0 : rowOf.get(`${s.after.id}:${s.after.end}`) ?? 0),
      done: (_row, placed) => { if (placed !== null) out.states.push(placed); } });
  }
  for (const m of marks) {
    push(m.t, { kind: 'mark', group: `${m.x}:mark`, texts: m.texts, desired: () => 0,
      done: (_row, placed) => { if (placed !== null) out.marks.set(m.key, placed); } });
  }
  // Within an instant: receipts first (in id order), then sends, then the states they caused, then marks.
  const order = { end: 0, start: 1, state: 2, mark: 3 };
  for (const list of byTime.values()) list.sort((x, y) => order[x.kind] - order[y.kind]);
  return byTime;
}

/**
 * `extraTimes`: instants without texts of their own (when a parked packet was released, the end of a host's
 * down time that has no reboot in the picture). `marks`: texts at their own instants (a crash, a reboot).
 */
export function layoutLadder(arrows: readonly LayoutArrow[], states: readonly LayoutState[], extraTimes: Iterable<number>, o: LayoutOptions, marks: readonly LayoutMark[] = []): LadderLayout {
  const times = new Set<number>(extraTimes);
  for (const a of arrows) { times.add(a.startMs); times.add(a.endMs); }
  for (const s of states) times.add(s.t);
  for (const m of marks) times.add(m.t);
  const keyTimes = [...times].filter(Number.isFinite).sort((a, b) => a - b);
  const bases: number[] = [], bottoms: number[] = [];
  const out: LadderLayout = {
    keyTimes, y: (t) => interpolate(keyTimes, bases, bottoms, t, o.minGapPx, o.topPx), startY: new Map(), endY: new Map(), labels: new Map(),
    drops: new Map(), states: [], marks: new Map(), ticks: [], breaks: [], bottomPx: o.topPx, minX: 0, maxX: 0,
  };
  const byTime = itemsByTime(arrows, states, marks, out, new Map());
  const placer = new Placer(o.fontPx);
  let lastTickY = -Infinity;
  keyTimes.forEach((t, i) => {
    let base = o.topPx;
    if (i > 0) {
      const gapMs = t - keyTimes[i - 1]!, linear = gapMs * o.pxPerMs;
      base = bottoms[i - 1]! + Math.min(o.maxGapPx, Math.max(o.minGapPx, linear));
      if (linear > o.maxGapPx) out.breaks.push({ y0: bottoms[i - 1]!, y1: base, gapMs });
    }
    bases.push(base);
    bottoms.push(base); // (provisional, so out.y(t) works while the instant is placed)
    placer.prune(base - ROW_PX);
    if (base - lastTickY >= o.fontPx + 2) {
      out.ticks.push(placer.add({ x: o.axisX, dy: 4, anchor: 'end', text: o.formatTime(t) }, base));
      lastTickY = base;
    }
    const rows = placeInstant(byTime.get(t) ?? [], base, placer);
    bottoms[i] = base + (rows - 1) * ROW_PX;
  });
  out.bottomPx = (bottoms[bottoms.length - 1] ?? o.topPx) + o.minGapPx;
  out.minX = placer.minX;
  out.maxX = placer.maxX;
  return out;
}

function interpolate(keyTimes: readonly number[], bases: readonly number[], bottoms: readonly number[], t: number, minGapPx: number, topPx: number): number {
  if (bases.length === 0) return topPx;
  let lo = 0, hi = bases.length; // first key time >= t, among those placed so far
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyTimes[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  if (lo < bases.length && keyTimes[lo] === t) return bases[lo]!;
  if (lo === 0) return bases[0]!;
  if (lo === bases.length) return bottoms[lo - 1]! + (lo === keyTimes.length ? minGapPx : 0);
  const t0 = keyTimes[lo - 1]!, t1 = keyTimes[lo]!;
  return bottoms[lo - 1]! + ((t - t0) / (t1 - t0)) * (bases[lo]! - bottoms[lo - 1]!);
}
