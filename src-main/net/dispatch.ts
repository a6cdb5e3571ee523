// Runs one scheduled event. Stale events never get here (core.isLive filters them when popped).
import { emit, syncTimer, type NetState } from './core.js';
import { NetError } from './errors.js';
import type { SimEvent } from './events.js';
import { floodTick } from './flood.js';
import { execute } from './interventions.js';
import { deliver, forward, txDone } from './journey.js';
import { routerArrive } from './router.js';
import { runStep } from './steps.js';
import { ROUTER } from './trace.js';

export function dispatch(s: NetState, ev: SimEvent): void {
  switch (ev.kind) {
    case 'router-arrive':
      return routerArrive(s, ev.pkt);
    case 'resume':
      return forward(s, ev.pkt);
    case 'tx-done':
      return txDone(s, ev.link);
    case 'deliver':
      return deliver(s, ev.pkt);
    case 'timers': {
      const h = s.hosts.get(ev.host)!;
      h.wakeAtMs = Infinity;
      h.stack.advance(s.nowMs);
      return syncTimer(s, h);
    }
    case 'step':
      runStep(s, ev.step, ev.conn);
      return;
    case 'flood':
      return floodTick(s, ev.flood);
    case 'command':
      try {
        execute(s, ev.cmd);
      } catch (e) {
        if (!(e instanceof NetError)) throw e;
        emit(s, { t: s.nowMs, kind: 'command.error', host: ROUTER, op: ev.cmd.op, code: e.code, message: e.message });
      }
  }
}
