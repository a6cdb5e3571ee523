// Shared fixtures for net/ tests on the real engine: a client A (10.0.0.1) and a server B (10.0.0.2)
// 10 ms from the router each, a recording trace sink, and small trace queries.
import { Network, type NetworkOptions } from '../../../src-main/net/network.js';
import type { HostSpec, RunSpec, SocketStepSpec } from '../../../src-main/net/spec.js';
import { traceLine, type TraceEvent } from '../../../src-main/net/trace.js';

export const A_IP = '10.0.0.1';
export const B_IP = '10.0.0.2';
/** Client-to-server connection key as net/ prints it (sender first). */
export const AB = `${A_IP}:40000>${B_IP}:80`;
export const BA = `${B_IP}:80>${A_IP}:40000`;

export class Recorder {
  events: TraceEvent[] = [];
  emit(ev: TraceEvent): void {
    this.events.push(ev);
  }
  lines(): string[] {
    return this.events.map(traceLine);
  }
  of<K extends TraceEvent['kind']>(kind: K): Array<Extract<TraceEvent, { kind: K }>> {
    return this.events.filter((e): e is Extract<TraceEvent, { kind: K }> => e.kind === kind);
  }
  /** Packet events as "t kind host flags len #id" for compact exact assertions. */
  packetLog(): string[] {
    return this.events.flatMap((e) => {
      if (e.kind !== 'segment.send' && e.kind !== 'segment.recv' && e.kind !== 'segment.drop') return [];
      return [`${e.t} ${e.kind.slice(8)} ${e.host} ${e.seg.flags} ${e.seg.len} #${e.id}`];
    });
  }
}

export const LISTEN: SocketStepSpec = { atMs: 0, host: 'B', call: 'listen', port: 80, backlog: 128 };
export const CONNECT: SocketStepSpec = { atMs: 0, host: 'A', call: 'connect', port: 40000, to: `${B_IP}:80` };

export function spec(over: Partial<RunSpec> = {}, hostOver: Partial<Record<'A' | 'B', Partial<HostSpec>>> = {}): RunSpec {
  return {
    seed: 7,
    profile: 'linux',
    hosts: [
      { name: 'A', ip: A_IP, ...hostOver.A },
      { name: 'B', ip: B_IP, ...hostOver.B },
    ],
    network: { delayMs: 10 },
    rules: [],
    steps: [LISTEN, CONNECT],
    untilMs: 10_000,
    ...over,
  };
}

export function start(s: RunSpec, opts?: NetworkOptions): { net: Network; rec: Recorder } {
  const rec = new Recorder();
  return { net: new Network(s, rec, opts), rec };
}

export function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
