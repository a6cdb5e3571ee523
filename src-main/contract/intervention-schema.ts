// Shape checks for user interventions at the process boundary. Values are checked again, with the
// packet's current state, by net/ (NetError names the field); this layer only guarantees the shape.
import { z } from 'zod';

const u32 = z.number().int().min(0).max(4294967295);
const port = z.number().int().min(1).max(65535);
const ms = z.number().finite().min(0).max(86_400_000);
const id = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const flags = z.string().max(8);
const ip = z.string().regex(/^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/, 'not a dotted-quad IPv4 address');
const payloadText = z.string().max(65495);
const payloadHex = z.string().max(2 * 65495);

export const packetEditSchema = z
  .object({ flags: flags.optional(), seq: u32.optional(), ack: u32.optional(), window: z.number().int().min(0).max(65535).optional(), payloadText: payloadText.optional(), payloadHex: payloadHex.optional() })
  .strict();

export const craftedSegmentSchema = z
  .object({
    srcIp: ip.optional(),
    srcPort: port,
    dstIp: ip,
    dstPort: port,
    seq: u32,
    ack: u32.optional(),
    flags,
    window: z.number().int().min(0).max(65535).optional(),
    payloadText: payloadText.optional(),
    payloadHex: payloadHex.optional(),
  })
  .strict();

const name = z.string().min(1).max(64);

/**
 * An application call of the socket controls, or `crash` (the host crashes; downMs later it is up again with
 * no sockets, never when downMs is left out: net/crash.ts). A socket call names its port; a crash names none.
 */
export const stepCallSchema = z
  .object({
    host: name,
    call: z.enum(['listen', 'connect', 'send', 'close', 'shutdown', 'abort', 'accept', 'autoaccept', 'read', 'autoread', 'crash']),
    port: port.optional(),
    peer: z.string().max(32).optional(),
    to: z.string().max(32).optional(),
    backlog: z.number().int().min(0).max(65535).optional(),
    data: z.string().max(1_000_000).optional(),
    bytes: z.number().int().min(0).max(1_000_000_000).optional(),
    value: z.number().int().min(0).max(1_000_000_000).optional(),
    downMs: ms.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.call !== 'crash' && s.port === undefined) ctx.addIssue({ code: 'custom', path: ['port'], message: `"port" is required for a ${s.call} call` });
    if (s.call !== 'crash' && s.downMs !== undefined) ctx.addIssue({ code: 'custom', path: ['downMs'], message: '"downMs" is only for a crash' });
    if (s.call === 'crash') {
      for (const key of ['port', 'peer', 'to', 'backlog', 'data', 'bytes', 'value'] as const) {
        if (s[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `a crash takes no "${key}" (it is the whole host's)` });
      }
    }
  });

const matchSchema = z
  .object({
    from: name.optional(),
    to: name.optional(),
    flags: flags.optional(),
    flagsAny: flags.optional(),
    seqFrom: u32.optional(),
    seqTo: u32.optional(),
    len: z.number().int().min(0).max(65535).optional(),
    nth: z.number().int().min(1).max(1_000_000_000).optional(),
    probability: z.number().min(0).max(1).optional(),
  })
  .strict();

const ruleBase = { match: matchSchema, enabled: z.boolean().optional(), id: z.string().min(1).max(64).optional() };
export const ruleSchema = z.discriminatedUnion('action', [
  z.object({ ...ruleBase, action: z.literal('drop') }).strict(),
  z.object({ ...ruleBase, action: z.literal('delay'), delayMs: ms }).strict(),
  z.object({ ...ruleBase, action: z.literal('duplicate'), count: z.number().int().min(1).max(100) }).strict(),
  z.object({ ...ruleBase, action: z.literal('reorder'), after: z.number().int().min(1).max(10_000) }).strict(),
  z.object({ ...ruleBase, action: z.literal('corrupt') }).strict(),
  z.object({ ...ruleBase, action: z.literal('hold') }).strict(),
  z.object({ ...ruleBase, action: z.literal('cache') }).strict(),
]);

/** An intervention without its time: the host applies it at the session's cursor. */
export const interventionBodySchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('drop'), id }).strict(),
  z.object({ op: z.literal('delay'), id, delayMs: ms.refine((v) => v > 0, 'delayMs must be > 0') }).strict(),
  z.object({ op: z.literal('hold'), id }).strict(),
  z.object({ op: z.literal('release'), id }).strict(),
  z.object({ op: z.literal('move'), id, toIndex: z.number().int().min(0).max(1_000_000) }).strict(),
  z.object({ op: z.literal('duplicate'), id, count: z.number().int().min(1).max(100).optional() }).strict(),
  z.object({ op: z.literal('corrupt'), id }).strict(),
  z.object({ op: z.literal('cache'), id }).strict(),
  z.object({ op: z.literal('edit'), id, fields: packetEditSchema }).strict(),
  z.object({ op: z.literal('inject'), from: name, seg: craftedSegmentSchema }).strict(),
  z.object({ op: z.literal('replay'), id }).strict(),
  z.object({ op: z.literal('call'), step: stepCallSchema }).strict(),
  z.object({ op: z.literal('rule.add'), rule: ruleSchema, index: z.number().int().min(0).max(10_000).optional() }).strict(),
  z.object({ op: z.literal('rule.remove'), rule: z.string().min(1).max(64) }).strict(),
  z.object({ op: z.literal('rule.move'), rule: z.string().min(1).max(64), toIndex: z.number().int().min(0).max(10_000) }).strict(),
  z.object({ op: z.literal('rule.enable'), rule: z.string().min(1).max(64), enabled: z.boolean() }).strict(),
]);
export type InterventionBody = z.infer<typeof interventionBodySchema>;
