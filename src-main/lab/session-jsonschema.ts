// The published JSON Schema of tcplab.session/1, generated from the zod schema (session-schema.ts) so the
// two cannot drift. scripts/gen-schemas.ts writes it; tests/unit/lab/session-schema.test.ts checks the copy.
import { z } from 'zod';
import { sessionV1Schema } from './session-schema.js';

export const SESSION_SCHEMA_FILE = 'schemas/tcplab.session-1.schema.json';
export const SESSION_SCHEMA_ID = 'https://tcplab.invalid/schemas/tcplab.session-1.schema.json';

export function sessionJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(sessionV1Schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: SESSION_SCHEMA_ID,
    title: 'tcplab session, format tcplab.session/1',
    description:
      'A saved tcplab session: a scenario (see tcplab.scenario-1.schema.json), seed, lesson and branches of interventions. ' +
      'Also enforced but not expressible here: the scenario is valid, branch ids are unique, parents are listed first, ' +
      '"current" names a branch, actions are in time order within untilMs and name existing hosts. See docs/SESSION.md.',
    ...rest,
  };
}

export function sessionJsonSchemaText(): string {
  return `${JSON.stringify(sessionJsonSchema(), null, 2)}\n`;
}
