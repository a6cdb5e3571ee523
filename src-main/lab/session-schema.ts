// zod schema of the session file, tcplab.session/1 (docs/SESSION.md). Strict and bounded like the scenario
// schema: unknown keys are errors, every number, string and list has a limit. The scenario inside is kept
// verbatim and validated separately by lab/scenario.ts (so its errors keep the scenario's own messages).
import { z } from 'zod';
import { interventionBodySchema, type InterventionBody } from '../contract/intervention-schema.js';

export const SESSION_FORMAT_V1 = 'tcplab.session/1';

/** Bounds: a session is a teaching artefact, not a log of a week of clicks. */
export const MAX_BRANCHES = 256;
export const MAX_ACTIONS_PER_BRANCH = 10_000;
const MAX_MS = 86_400_000;

const atMs = z.number().finite().min(0).max(MAX_MS);
const branchId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ or -');

export type SessionAction = InterventionBody & { atMs: number };

type Option = (typeof interventionBodySchema.options)[number];

/** One recorded intervention: the contract's command body plus the virtual time it was applied at. */
export const sessionActionSchema = z.discriminatedUnion(
  'op',
  interventionBodySchema.options.map((o) => o.extend({ atMs })) as unknown as [Option, ...Option[]],
) as unknown as z.ZodType<SessionAction>;

export const branchSchema = z.strictObject({
  id: branchId,
  name: z.string().min(1).max(64),
  parent: branchId.nullable(),
  forkAtMs: atMs,
  /** Actions copied from the parent when the branch was made (undo stops there). */
  inherited: z.number().int().min(0).max(MAX_ACTIONS_PER_BRANCH).default(0),
  actions: z.array(sessionActionSchema).max(MAX_ACTIONS_PER_BRANCH),
});

export const sessionV1Schema = z.strictObject({
  format: z.literal(SESSION_FORMAT_V1),
  /** Which app wrote it. Informative only: never read by the simulation. */
  app: z.strictObject({ name: z.literal('tcplab'), version: z.string().min(1).max(64) }),
  /** ISO time of the export. Informative only: kept out of the simulation (determinism). */
  createdAt: z.string().max(64).optional(),
  seed: z.number().int().min(0).max(4294967295),
  lesson: z.strictObject({ id: z.string().min(1).max(64), compare: z.number().int().min(0).max(64).nullable() }).nullable(),
  scenario: z.record(z.string(), z.unknown()),
  branches: z.array(branchSchema).min(1).max(MAX_BRANCHES),
  current: branchId,
  cursor: z.strictObject({ tMs: atMs, event: z.number().int().min(0).max(1e9) }),
});

export type SessionFileV1 = z.output<typeof sessionV1Schema>;
