// Scheduled simulation events are DATA (a tagged union), never closures, so a Network deep-clones.
// Packet events carry the packet's generation: any move of a packet (drop, hold, delay, edit …) bumps
// it, which turns every event already scheduled for the old position stale (skipped when popped). They
// hold the LivePacket itself (a clone maps it to the copy's own), so running one needs no lookup by id;
// leaving the network (delivered, dropped, replaced) bumps the generation too, so gen alone says "live".
import type { StepCall } from './spec.js';
import type { Intervention } from './interventions.js';
import type { LivePacket } from './packets.js';

export type SimEvent =
  /** The packet reaches the router at the end of its sender's link. */
  | { kind: 'router-arrive'; pkt: LivePacket; gen: number }
  /** A delayed packet's delay is over: it continues through the router (no rules again). */
  | { kind: 'resume'; pkt: LivePacket; gen: number }
  /** The router finished serializing the head of its queue toward `link` (a host name). */
  | { kind: 'tx-done'; link: string; gen: number }
  /** The packet reaches its receiver at the end of the receiver's link. */
  | { kind: 'deliver'; pkt: LivePacket; gen: number }
  /** The host's earliest TCP timer is due. */
  | { kind: 'timers'; host: string; gen: number }
  /** An application call; `conn` is set for reactive steps (the connection that saw the trigger). */
  | { kind: 'step'; step: StepCall; conn: string | null }
  /** The next spoofed SYN(s) of flood number `flood` are due. */
  | { kind: 'flood'; flood: number }
  /** A user command scheduled for a later time (Network.apply with atMs > now). */
  | { kind: 'command'; cmd: Intervention };
