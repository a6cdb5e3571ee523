// Writes the published JSON Schemas (run: npx tsx scripts/gen-schemas.ts). The unit test
// tests/unit/lab/scenario.test.ts fails when a committed schema differs from what this writes.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SCENARIO_SCHEMA_FILE, scenarioJsonSchemaText } from '../src-main/lab/scenario-jsonschema.js';
import { SESSION_SCHEMA_FILE, sessionJsonSchemaText } from '../src-main/lab/session-jsonschema.js';

const root = resolve(import.meta.dirname, '..');
const target = resolve(root, SCENARIO_SCHEMA_FILE);
writeFileSync(target, scenarioJsonSchemaText());
console.error(`wrote ${SCENARIO_SCHEMA_FILE}`);
writeFileSync(resolve(root, SESSION_SCHEMA_FILE), sessionJsonSchemaText());
console.error(`wrote ${SESSION_SCHEMA_FILE}`);
