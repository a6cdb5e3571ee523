// zod schema of tcplab.scenario/1 (the shape in DESIGN.md "Scenario" plus net/spec.ts's extra fields).
// Every object is strict (unknown keys are errors, so typos are caught) and every number and list is bounded.
// Cross-field rules (host references, call-specific fields) live in scenario-refs.ts.
import { z } from 'zod';
import { MAX_SEND_BYTES } from '../net/steps.js';
import { actionSchema } from './scenario-actions.js';
import { expectationSchema } from './scenario-expect.js';
import {
  endpoint, flags, flagsAny, hostName, i18n, id, ipv4, MAX_DATA_CHARS, MAX_MS, ms, port, profileName, sysctlName, u32,
} from './scenario-fields.js';

export const FORMAT_V1 = 'tcplab.scenario/1';

const link = {
  delayMs: ms().optional(),
  bandwidthBps: z.number().int().min(1).max(1e12).optional(),
  queueCapacity: z.number().int().min(1).max(1_000_000).optional(),
};

export const variantsSchema = z.strictObject({
  twoWayHandshake: z.boolean().optional(),
  timeWaitMs: ms().optional(),
  acceptDataOnThirdAck: z.boolean().optional(),
});

export const sysctlSchema = z.record(sysctlName(), z.number().min(-MAX_MS).max(1e12));

export const hostSchema = z.strictObject({
  name: hostName(),
  ip: ipv4(),
  profile: profileName().optional(),
  sysctl: sysctlSchema.optional(),
  variants: variantsSchema.optional(),
  link: z.strictObject(link).optional(),
});

const matchSchema = z.strictObject({
  from: hostName().optional(),
  to: hostName().optional(),
  flags: flags().optional(),
  flagsAny: flagsAny().optional(),
  seqFrom: u32().optional(),
  seqTo: u32().optional(),
  len: z.number().int().min(0).max(65535).optional(),
  nth: z.number().int().min(1).max(1e9).optional(),
  probability: z.number().min(0).max(1).optional(),
});

const ruleBase = { match: matchSchema, enabled: z.boolean().optional(), id: id().optional() };

export const ruleSchema = z.discriminatedUnion('action', [
  z.strictObject({ ...ruleBase, action: z.literal('drop') }),
  z.strictObject({ ...ruleBase, action: z.literal('delay'), delayMs: ms() }),
  z.strictObject({ ...ruleBase, action: z.literal('duplicate'), count: z.number().int().min(1).max(100) }),
  z.strictObject({ ...ruleBase, action: z.literal('reorder'), after: z.number().int().min(1).max(10_000) }),
  z.strictObject({ ...ruleBase, action: z.literal('corrupt') }),
  z.strictObject({ ...ruleBase, action: z.literal('hold') }),
  z.strictObject({ ...ruleBase, action: z.literal('cache') }),
]).meta({ id: 'Rule', description: 'A router fault rule: the first enabled rule that fires decides.' });

export const CALLS = ['listen', 'connect', 'send', 'close', 'shutdown', 'abort', 'accept', 'autoaccept', 'read', 'autoread', 'crash'] as const;
export const TRIGGERS = ['connected', 'accepted', 'data', 'eof'] as const;

/** One object for both timed (atMs) and reactive (on/afterMs) steps; scenario-refs.ts checks the combinations. */
export const stepSchema = z.strictObject({
  atMs: ms().optional(),
  on: z.enum(TRIGGERS).optional(),
  afterMs: ms().optional(),
  host: hostName(),
  call: z.enum(CALLS),
  // Required for every call but a timed crash (scenario-refs.ts): a crash is the whole host's.
  port: port().optional(),
  peer: endpoint().optional(),
  to: endpoint().optional(),
  backlog: z.number().int().min(1).max(65535).optional(),
  data: z.string().max(MAX_DATA_CHARS).optional(),
  // The engine's limit (net/steps.ts), so validate refuses what a run would.
  bytes: z.number().int().min(1).max(MAX_SEND_BYTES).optional(),
  value: z.number().int().min(0).max(1e9).optional(),
  /** crash: how long the host stays down before it is up again with no sockets; omitted: it stays down. */
  downMs: ms().optional(),
}).meta({ id: 'Step', description: 'An application call, at atMs or reactively on an application event.' });

export const floodSchema = z.strictObject({
  from: hostName(),
  target: endpoint(),
  startMs: ms(),
  ratePerSec: z.number().min(0.001).max(10_000_000),
  count: z.number().int().min(1).max(10_000_000),
});

const narrativeSchema = z.strictObject({
  goal: z.string().min(1).max(2000),
  steps: z.array(z.string().min(1).max(1000)).min(1).max(30),
  notice: z.array(z.string().min(1).max(1000)).min(1).max(30),
  question: z.string().min(1).max(2000),
  answer: z.string().min(1).max(4000),
});

/** "What each side can be sure of": knownAtStep[i] is the handshake step (1–3) at which cell i becomes known. */
const tableSchema = z.strictObject({
  caption: i18n(300),
  columns: z.array(i18n(100)).min(1).max(12),
  rows: z.array(z.strictObject({
    label: i18n(100),
    knownAtStep: z.array(z.number().int().min(1).max(9).nullable()).min(1).max(12),
  })).min(1).max(12),
});

const compareSchema = z.strictObject({
  label: i18n(200),
  note: i18n(2000).optional(),
  profile: profileName().optional(),
  hosts: z.record(hostName(), z.strictObject({ sysctl: sysctlSchema.optional(), variants: variantsSchema.optional() })).optional(),
  rules: z.array(ruleSchema).max(1000).optional(),
  /** Replaces the scenario's steps (e.g. "the server closes at once" instead of 300 ms later). */
  steps: z.array(stepSchema).max(10_000).optional(),
  actions: z.array(actionSchema).max(1000).optional(),
  untilMs: ms().optional(),
  expect: z.array(expectationSchema).min(1).max(200),
});

export const lessonSchema = z.strictObject({
  id: z.string().min(1).max(64).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'fmt:id'),
  order: z.number().int().min(1).max(999),
  tags: z.array(z.string().min(1).max(40)).max(20),
  narrative: z.strictObject({ en: narrativeSchema, 'zh-CN': narrativeSchema }),
  table: tableSchema.optional(),
  expect: z.array(expectationSchema).min(1).max(200),
  compare: z.array(compareSchema).max(8).optional(),
});

export const scenarioV1Schema = z.strictObject({
  format: z.literal(FORMAT_V1),
  title: i18n(200),
  description: i18n(10_000).optional(),
  seed: u32().default(1),
  profile: profileName().default('linux'),
  hosts: z.array(hostSchema).min(1).max(64),
  network: z.strictObject(link).default({ delayMs: 10 }),
  rules: z.array(ruleSchema).max(1000).default([]),
  steps: z.array(stepSchema).max(10_000),
  floods: z.array(floodSchema).max(64).optional(),
  actions: z.array(actionSchema).max(10_000).optional(),
  untilMs: z.number().int().min(0).max(MAX_MS).default(120_000),
  lesson: lessonSchema.optional(),
});

export type ScenarioV1 = z.output<typeof scenarioV1Schema>;
export type LessonBlock = z.output<typeof lessonSchema>;
export type CompareRun = z.output<typeof compareSchema>;
export type RuleV1 = z.output<typeof ruleSchema>;
export type StepV1 = z.output<typeof stepSchema>;
export type HostV1 = z.output<typeof hostSchema>;
export type FloodV1 = z.output<typeof floodSchema>;
