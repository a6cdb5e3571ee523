// Timed user interventions recorded in a scenario (`actions`), e.g. replaying a packet the router cached.
// The shape mirrors the intervention commands net/ accepts; lab/ maps these onto net's Intervention union
// when it runs the scenario (see docs/SCENARIO.md "actions").
import { z } from 'zod';
import { ms } from './scenario-fields.js';

const packetId = () => z.number().int().min(1).max(1e12);

export const actionSchema = z.discriminatedUnion('op', [
  /** Re-inject a copy of a cached packet: by packet id, or the nth packet a `cache` rule kept (from 1). */
  z.strictObject({ atMs: ms(), op: z.literal('replay'), id: packetId().optional(), cached: z.number().int().min(1).max(1e6).optional() }),
  z.strictObject({ atMs: ms(), op: z.literal('drop'), id: packetId() }),
  z.strictObject({ atMs: ms(), op: z.literal('delay'), id: packetId(), delayMs: ms() }),
  z.strictObject({ atMs: ms(), op: z.literal('hold'), id: packetId() }),
  z.strictObject({ atMs: ms(), op: z.literal('release'), id: packetId() }),
  z.strictObject({ atMs: ms(), op: z.literal('duplicate'), id: packetId(), count: z.number().int().min(1).max(100).optional() }),
]).meta({ id: 'Action', description: 'A timed user intervention on the network.' });

export type ScenarioAction = z.output<typeof actionSchema>;
