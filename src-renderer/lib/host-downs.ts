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
