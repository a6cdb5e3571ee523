// A host crash and reboot (RFC 9293 3.5.2, "Half-Open Connections and Other Anomalies", Figures 11-12).
//
// At the crash the host loses every connection, listener, timer and queued byte, sending nothing: its stack
// traces each connection's end (tcp/crash.ts) and is thrown away, and a `host.crash` event says why. While it
// is down, packets that reach it are dropped at the host ("host down …"), its own application calls are
// refused, and its link and the packets it had already sent go on as usual. downMs later (never, when downMs
// is omitted) it is up again (`host.up`) with a fresh stack, as after a real reboot: no sockets, new ISN and
// SYN-cookie secrets and a new ephemeral-port stream (seeded from the boot number, build.ts stackOptions), so
// a segment of a connection it forgot meets a closed port and draws a RST (RFC 9293 3.10.7.1).
//
// Timing: the host is up at exactly crashMs + downMs. Steps and packets due at that instant may run before the
// HOST_UP event (they were scheduled earlier), so isDown() brings the host up itself when its time has come;
// the HOST_UP event then finds nothing to do (its generation is stale).
import { stackOptions } from './build.js';
import { emit, syncTimer, type HostRuntime, type NetState } from './core.js';
import { NetError } from './errors.js';
import { EV, evTag } from './events.js';
import { KLASS_SIM } from './scheduler.js';
import type { CrashCall } from './spec.js';

/** The longest a host may stay down before it comes back by itself (24 h, the longest run). */
export const MAX_DOWN_MS = 86_400_000;

/** Shape check of a crash step (NetError naming the field): `downMs` absent, or a time 0 … MAX_DOWN_MS. */
export function checkCrash(step: CrashCall, path: string): void {
  const d = step.downMs;
  if (d !== undefined && !(typeof d === 'number' && Number.isFinite(d) && d >= 0 && d <= MAX_DOWN_MS)) {
    throw new NetError('invalid-command', `downMs ${d} is not a time 0-${MAX_DOWN_MS} ms (leave it out for a host that stays down)`, `${path}.downMs`);
  }
  const p = step.port;
  if (p !== undefined && !(Number.isInteger(p) && p >= 0 && p <= 65535)) throw new NetError('invalid-command', `port ${p} is not an integer 0-65535`, `${path}.port`);
}

/** Whether h is down now; a host whose time to come up has come is brought up first (see the file comment). */
export function isDown(s: NetState, h: HostRuntime): boolean {
  if (h.downSinceMs < 0) return false;
  if (s.nowMs < h.upAtMs) return true;
  hostUp(s, h);
  return false;
}

/** "crashed at 500 ms, up again at 3500 ms" / "crashed at 500 ms and stays down". */
function downSpan(h: HostRuntime): string {
  return h.upAtMs === Infinity ? `crashed at ${h.downSinceMs} ms and stays down` : `crashed at ${h.downSinceMs} ms, up again at ${h.upAtMs} ms`;
}

/** The drop reason of a packet that reaches a down host (contract/trace-text.zh-CN.ts translates it). */
export function downReason(h: HostRuntime): string {
  return `host down (crashed at ${h.downSinceMs} ms)`;
}

/** Why a call on a down host cannot run: "B is down (crashed at 500 ms, up again at 3500 ms): no listen". */
export function downMessage(h: HostRuntime, call: string): string {
  return `${h.name} is down (${downSpan(h)}): ${call === 'crash' ? 'it cannot crash again before it is up' : `its application cannot ${call}`}`;
}

/** The refusal of a user's command that needs host h up (nothing is applied or logged). */
export function refuseIfDown(s: NetState, h: HostRuntime, call: string, path: string): void {
  if (isDown(s, h)) throw new NetError('host-down', downMessage(h, call), path);
}

/** Crashes h now (it must be up: callers check with isDown first). */
export function crashHost(s: NetState, h: HostRuntime, downMs: number | undefined): void {
  const now = s.nowMs;
  emit(s, { t: now, kind: 'host.crash', host: h.name, downMs: downMs ?? null });
  h.stack.crash?.(now);
  // Its pending timer event goes stale; the new stack has no timers until it is used after the reboot.
  h.timerGen++;
  h.wakeAtMs = Infinity;
  h.crashes++;
  const spec = s.spec.hosts.find((x) => x.name === h.name)!;
  h.stack = s.createStack(stackOptions(s, spec, h.crashes));
  h.downSinceMs = now;
  h.upAtMs = downMs === undefined ? Infinity : now + downMs;
  h.upGen++;
  if (downMs !== undefined) s.sched.at(h.upAtMs, h, KLASS_SIM, evTag(EV.HOST_UP, h.upGen));
}

/** h is up again (the HOST_UP event, or isDown at its time). */
export function hostUp(s: NetState, h: HostRuntime): void {
  const downMs = s.nowMs - h.downSinceMs;
  h.downSinceMs = -1;
  h.upAtMs = Infinity;
  h.upGen++;
  emit(s, { t: s.nowMs, kind: 'host.up', host: h.name, downMs });
  syncTimer(s, h);
}
