// A TCP stack that never speaks on its own: it records what it receives. For router mechanics tests
// (timing, queues, bandwidth) driven by injected packets, independent of the engine's behaviour.
import type { ConnKey, ConnStatus, StackOptions } from '../../../src-main/tcp/api.js';
import type { Segment } from '../../../src-main/tcp/segment.js';
import type { TcpTraceSink } from '../../../src-main/tcp/trace.js';
import type { NetStack } from '../../../src-main/net/core.js';

export class SilentStack implements NetStack {
  readonly host: string;
  readonly ip: string;
  inputs: Array<{ nowMs: number; id: number; seg: Segment }> = [];
  constructor(private opts: StackOptions) {
    this.host = opts.host;
    this.ip = opts.ip;
  }
  listen(): void {}
  connect(): ConnKey {
    return '';
  }
  accept(): ConnKey | undefined {
    return undefined;
  }
  send(): void {}
  read(): Uint8Array {
    return new Uint8Array(0);
  }
  setAutoRead(): void {}
  setAutoAccept(): void {}
  shutdown(): void {}
  close(): void {}
  abort(): void {}
  status(): ConnStatus | undefined {
    return undefined;
  }
  connections(): ConnKey[] {
    return [];
  }
  input(seg: Segment, nowMs: number, id: number): void {
    this.inputs.push({ nowMs, id, seg });
  }
  advance(): void {}
  nextDueMs(): number {
    return Infinity;
  }
  received(): Uint8Array {
    return new Uint8Array(0);
  }
  rebind(sink: TcpTraceSink, transmit: StackOptions['transmit']): void {
    this.opts = { ...this.opts, sink, transmit };
  }
}
