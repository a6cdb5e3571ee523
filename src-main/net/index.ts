// The public surface of net/ for lab/ and the contract layer.
export { Network, type HostView, type NetworkOptions, type RuleControl, type RuleView } from './network.js';
export { NetError, type NetErrorCode } from './errors.js';
export type { ApplyResult, CraftedSegment, Intervention, PacketEdit } from './interventions.js';
export type { CallResult } from './steps.js';
export type { Fate, PacketRecord, Where } from './packets.js';
export { lineageText } from './packets.js';
export { traceLine, type Lineage, type NetTraceEvent, type TraceEvent, type TraceSink } from './trace.js';
export { wiresharkLabel, type RelativeTo } from './label.js';
export type { CachedView, NumbersOf, PacketView, QueueView, RouterView } from './view.js';
export { DEFAULT_LIMITS, type NetLimits } from './core.js';
export { DEFAULT_LINK } from './build.js';
export { MAX_PAYLOAD_BYTES } from './edits.js';
export { deepClone } from './clone.js';
export type * from './spec.js';
