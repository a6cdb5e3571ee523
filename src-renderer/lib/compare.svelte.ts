// Side-by-side comparison: another branch's trace, read with trace.get's `branch` argument.
// NOTE: src-main/contract/session.ts's trace.get schema does not have `branch` yet (asked for in the report);
// until it does, the host answers bad-arguments and the error is shown.
import type { TraceEvent } from '../../src-main/contract/index.js';
import type { SessionStore } from './session.svelte.js';
import { toShownError } from './host-errors.js';

const CHUNK = 20_000;
type LooseCall = (cmd: string, args?: unknown) => Promise<unknown>;

export class CompareStore {
  /** The branch shown beside the current one, or null when comparison is off. */
  branch = $state<string | null>(null);
  trace = $state.raw<TraceEvent[]>([]);
  loading = $state(false);

  constructor(private readonly session: SessionStore) {}

  async show(branch: string | null): Promise<void> {
    this.branch = branch;
    this.trace = [];
    if (branch === null) return;
    this.loading = true;
    try {
      const call = this.session.client.call as unknown as LooseCall;
      let events: TraceEvent[] = [];
      for (let round = 0; round < 1000; round++) {
        const got = (await call('trace.get', { from: events.length, count: CHUNK, branch })) as { from: number; events: TraceEvent[] };
        if (this.branch !== branch) return;
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
