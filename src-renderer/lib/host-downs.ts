// When each host was down (crashed, src-main/net/crash.ts) in the session's trace: the shared computation of
// src-main/contract/host-downs.ts (the exported ladder uses it too), memoized per trace for live play. The
// ladder shades those stretches of the host's column, the scrub bar marks them and the socket controls say a
// host is down at the cursor. A fold for PrefixMemo, so playing scans only the new events.
import { HostDownScanner, type HostDown, type HostEventLike } from '../../src-main/contract/index.js';
import { PrefixMemo } from './prefix-memo.js';

export { downAt, HostDownScanner, type HostDown } from '../../src-main/contract/index.js';

const memo = new PrefixMemo<HostEventLike, HostDownScanner>(() => new HostDownScanner());

/** Every crash span in `events` (scanning only what was added since the last call for this trace). */
export function hostDownsOf(events: readonly HostEventLike[]): HostDown[] {
  return memo.of(events).spans();
}

const headMemo = new PrefixMemo<HostEventLike, HostDownScanner>(() => new HostDownScanner());

/**
 * The same over the whole computed trace (the scrub bar's marks), with a memo of its own: the trace and the
 * cursor's prefix of it start with the same event, and one memo would start afresh on each (a shorter prefix
 * is a new fold), rescanning both on every frame.
 */
export function hostDownsOfHead(events: readonly HostEventLike[]): HostDown[] {
  return headMemo.of(events).spans();
}
