// The published JSON Schema of tcplab.scenario/1, generated from the zod schema so the two cannot drift.
// scripts/gen-schemas.ts writes it to schemas/; tests/unit/lab/scenario.test.ts checks the committed copy.
// Cross-field rules (host references, call-specific step fields, sysctl ranges) are not expressible here;
// the schema's description points to docs/SCENARIO.md, and parseScenario enforces them.
import { z } from 'zod';
import { scenarioV1Schema } from './scenario-schema.js';

export const SCENARIO_SCHEMA_FILE = 'schemas/tcplab.scenario-1.schema.json';
export const SCENARIO_SCHEMA_ID = 'https://tcplab.invalid/schemas/tcplab.scenario-1.schema.json';

export function scenarioJsonSchema(): Record<string, unknown> {
  // io: 'input' describes what a file may contain (defaulted fields are optional there).
  const generated = z.toJSONSchema(scenarioV1Schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: SCENARIO_SCHEMA_ID,
    title: 'tcplab scenario, format tcplab.scenario/1',
    description:
      'A tcplab scenario or lesson. Also enforced by tcplab validate but not expressible here: unique host names and IPs, ' +
      'host references in rules/steps/floods/expectations, fields required per step call, exactly one of atMs/on per step, ' +
      'sysctl names and ranges from the engine knob table. See docs/SCENARIO.md.',
    ...rest,
  };
}

/** The file content: 2-space JSON and a final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
