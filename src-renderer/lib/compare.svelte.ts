// Side-by-side comparison: another branch's trace, read with trace.get's `branch` argument (the host
// computes that branch up to the cursor's time).
import type { TraceEvent } from '../../src-main/contract/index.js';
import type { SessionStore } from './session.svelte.js';
import { toShownError } from './host-errors.js';

const CHUNK = 20_000;

export class CompareStore {
  /** The branch shown beside the current one, or null when comparison is off. */
  branch = $state<string | null>(null);
  trace = $state.raw<TraceEvent[]>([]);
  loading = $state(false);
  /** The session (SessionStore.opened) `branch` belongs to: a comparison ends when another session opens. */
  openedAt = 0;

  constructor(private readonly session: SessionStore) {}

  async show(branch: string | null): Promise<void> {
    this.branch = branch;
    this.trace = [];
    const openedAt = (this.openedAt = this.session.opened);
    if (branch === null) return;
    this.loading = true;
    try {
      let events: TraceEvent[] = [];
      for (let round = 0; round < 1000; round++) {
        const got = await this.session.client.call('trace.get', { from: events.length, count: CHUNK, branch });
        if (this.branch !== branch || this.openedAt !== openedAt || this.session.opened !== openedAt) return;
        events = events.concat(got.events);
        if (got.events.length < CHUNK) break;
      }
      this.trace = events;
    } catch (err) {
      this.session.error = toShownError(err);
      this.branch = null;
    } finally {
      this.loading = false;
    }
  }
}
