// Runs one scheduled event (item, tag: see events.ts). Stale events never get here (core.isLive filters
// them when popped).
import { emit, syncTimer, type HostRuntime, type NetState, type OutQueue } from './core.js';
import { hostUp } from './crash.js';
import { NetError } from './errors.js';
import { EV, evGen, evKind, type SimItem, type StepEvent } from './events.js';
import { floodTick } from './flood.js';
import { execute, type Intervention } from './interventions.js';
import { deliver, forward, txDone } from './journey.js';
import type { LivePacket } from './packets.js';
import { routerArrive } from './router.js';
import { runStep } from './steps.js';
import { ROUTER } from './trace.js';

export function dispatch(s: NetState, item: SimItem, tag: number): void {
  switch (evKind(tag)) {
    case EV.ROUTER_ARRIVE:
      return routerArrive(s, item as LivePacket);
    case EV.RESUME:
      return forward(s, item as LivePacket);
    case EV.TX_DONE:
      return txDone(s, item as OutQueue);
    case EV.DELIVER:
      return deliver(s, item as LivePacket);
    case EV.TIMERS: {
      const h = item as HostRuntime;
      h.wakeAtMs = Infinity;
      h.stack.advance(s.nowMs);
      return syncTimer(s, h);
    }
    case EV.STEP: {
      const ev = item as StepEvent;
      runStep(s, ev.step, ev.conn);
      return;
    }
    case EV.FLOOD:
      return floodTick(s, evGen(tag));
    case EV.HOST_UP:
      return hostUp(s, item as HostRuntime);
    case EV.COMMAND: {
      const cmd = item as Intervention;
      try {
        execute(s, cmd);
      } catch (e) {
        if (!(e instanceof NetError)) throw e;
        emit(s, { t: s.nowMs, kind: 'command.error', host: ROUTER, op: cmd.op, code: e.code, message: e.message });
      }
    }
  }
}
