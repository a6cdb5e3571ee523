// Scheduled simulation events are DATA, never closures, so a Network deep-clones. Each is a scheduler
// entry (item, tag) and allocates nothing: the item is an object that already exists (the packet, the
// host, the output queue …) and the tag is a number packing what happens to it with the generation it was
// scheduled for, tag = gen * EV_KINDS + kind. (One object per event made a flood allocate four more objects
// per SYN, and reading each back was a cache miss of its own.)
//
// Packet events carry the packet's generation: any move of a packet (drop, hold, delay, edit …) bumps it,
// which turns every event already scheduled for the old position stale (skipped when popped). Leaving the
// network (delivered, dropped, replaced) bumps it too, so the generation alone says "live". Timers and
// output queues keep a generation of their own the same way.
import type { FloodState, HostRuntime, OutQueue } from './core.js';
import type { Intervention } from './interventions.js';
import type { LivePacket } from './packets.js';
import type { StepCall } from './spec.js';

export const EV = {
  /** item: LivePacket. It reaches the router at the end of its sender's link. */
  ROUTER_ARRIVE: 0,
  /** item: LivePacket. A delayed packet's delay is over: it continues through the router (no rules again). */
  RESUME: 1,
  /** item: LivePacket. It reaches its receiver at the end of the receiver's link. */
  DELIVER: 2,
  /** item: OutQueue. The router finished serializing the head of the queue. */
  TX_DONE: 3,
  /** item: HostRuntime. The host's earliest TCP timer is due. */
  TIMERS: 4,
  /** item: StepEvent. An application call. */
  STEP: 5,
  /** item: FloodState; the tag's generation part is the flood's index. Its next SYN(s) are due. */
  FLOOD: 6,
  /** item: Intervention. A user command scheduled for a later time (Network.apply with atMs > now). */
  COMMAND: 7,
  /** item: HostRuntime; the tag's generation part is the host's upGen. A crashed host comes back up (crash.ts). */
  HOST_UP: 8,
} as const;

export type EvKind = (typeof EV)[keyof typeof EV];

/**
 * Scheduler lanes (scheduler.ts MAX_LANES): the streams of events that are each scheduled in time order by
 * themselves, so each keeps a sorted run of its own and none goes through the heap.
 */
export const LANE = {
  /** A scenario's timed steps, scheduled all at once in time order (steps.ts). */
  STEPS: 0,
  /** Packets reaching the router and their receivers, one link delay ahead of now. */
  PACKETS: 1,
  /** Each host's next TCP timer. */
  TIMERS: 2,
  /** A flood's next SYN. */
  FLOODS: 3,
} as const;

/** A power of two above the largest kind, so evKind and evGen stay a remainder and a division by 16. */
export const EV_KINDS = 16;

/** An application call; `conn` is set for reactive steps (the connection that saw the trigger). */
export interface StepEvent {
  step: StepCall;
  conn: string | null;
}

export type SimItem = LivePacket | OutQueue | HostRuntime | FloodState | StepEvent | Intervention;

export function evTag(kind: EvKind, gen: number): number {
  return gen * EV_KINDS + kind;
}

export function evKind(tag: number): EvKind {
  return (tag % EV_KINDS) as EvKind;
}

export function evGen(tag: number): number {
  return (tag - (tag % EV_KINDS)) / EV_KINDS;
}
