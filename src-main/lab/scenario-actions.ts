// Timed user interventions recorded in a scenario (`actions`), e.g. replaying a packet the router cached.
// The shape mirrors the intervention commands net/ accepts; lab/ maps these onto net's Intervention union
// when it runs the scenario (see docs/SCENARIO.md "actions").
import { z } from 'zod';
import { flags, hostName, ipv4, ms, port, u32 } from './scenario-fields.js';

const packetId = () => z.number().int().min(1).max(1e12);
/** IPv4 total length 65535 minus 20-byte IP and 20-byte TCP headers (net/edits.ts MAX_PAYLOAD_BYTES). */
const MAX_PAYLOAD_BYTES = 65495;

/**
 * A crafted segment (net/edits.ts CraftedSegment): absolute sequence numbers, so a scenario that injects into
 * a connection fixes the ISNs with the `tcplab.isn` sysctl. srcIp defaults to the sending host's address.
 */
const craftedSegment = z.strictObject({
  srcIp: ipv4().optional(),
  srcPort: port(),
  dstIp: ipv4(),
  dstPort: port(),
  seq: u32(),
  ack: u32().optional(),
  flags: flags(),
  window: z.number().int().min(0).max(65535).optional(),
  payloadText: z.string().max(MAX_PAYLOAD_BYTES).optional(),
});

export const actionSchema = z.discriminatedUnion('op', [
  /** Re-inject a copy of a cached packet: by packet id, or the nth packet a `cache` rule kept (from 1). */
  z.strictObject({ atMs: ms(), op: z.literal('replay'), id: packetId().optional(), cached: z.number().int().min(1).max(1e6).optional() }),
  z.strictObject({ atMs: ms(), op: z.literal('drop'), id: packetId() }),
  z.strictObject({ atMs: ms(), op: z.literal('delay'), id: packetId(), delayMs: ms() }),
  z.strictObject({ atMs: ms(), op: z.literal('hold'), id: packetId() }),
  z.strictObject({ atMs: ms(), op: z.literal('release'), id: packetId() }),
  z.strictObject({ atMs: ms(), op: z.literal('duplicate'), id: packetId(), count: z.number().int().min(1).max(100).optional() }),
  /** A crafted segment sent by host `from` (a forged RST or SYN); like the user's inject, it skips the rules. */
  z.strictObject({ atMs: ms(), op: z.literal('inject'), from: hostName(), seg: craftedSegment }),
]).meta({ id: 'Action', description: 'A timed user intervention on the network.' });

export type ScenarioAction = z.output<typeof actionSchema>;
