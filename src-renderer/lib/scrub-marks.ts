// Host crashes on the scrub bar (components/timeline/Scrubber.svelte): one mark per crash, a band from the
// crash to the reboot (to the end of the bar while the host stays down), with its text for the tooltip and
// the accessible name ("Host B crashed at 1000 ms, up again at 4000 ms"). Pure, unit-tested in node.
import type { HostDown } from '../../src-main/contract/index.js';
import type { StringKey } from '../i18n/en.js';
import { fill } from '../views/model/fill.js';

export interface ScrubMark {
  key: string;
  /** Where a click on the mark moves the cursor: the crash. */
  fromMs: number;
  /** Left edge and width, in percent of the bar (0 ms to maxMs). */
  leftPct: number;
  widthPct: number;
  label: string;
}

const pct = (ms: number, maxMs: number) => (100 * Math.min(Math.max(ms, 0), maxMs)) / maxMs;

/** What to say about one crash: when it came back, that it never does, or (beyond the computed run) for how long. */
export function crashText(d: HostDown, t: (key: StringKey) => string): string {
  if (d.upMs !== null) return fill(t('timeline.crashUp'), { host: d.host, t: d.fromMs, up: d.upMs });
  if (d.downMs === null) return fill(t('timeline.crashStays'), { host: d.host, t: d.fromMs });
  return fill(t('timeline.crashFor'), { host: d.host, t: d.fromMs, down: d.downMs });
}

/** One mark per crash on a bar from 0 to maxMs. */
export function crashMarks(downs: readonly HostDown[], maxMs: number, t: (key: StringKey) => string): ScrubMark[] {
  const bar = Math.max(1, maxMs);
  return downs.map((d, i) => {
    const endMs = d.upMs ?? (d.downMs === null ? bar : d.fromMs + d.downMs);
    const leftPct = pct(d.fromMs, bar);
    return { key: `${i}:${d.host}:${d.fromMs}`, fromMs: d.fromMs, leftPct, widthPct: pct(endMs, bar) - leftPct, label: crashText(d, t) };
  });
}
