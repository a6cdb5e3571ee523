/* eslint-disable @typescript-eslint/no-explicit-any -- tests poke at parsed JSON and replies freely */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SESSION_SCHEMA_FILE, sessionJsonSchemaText } from '../../../src-main/lab/session-jsonschema.js';

describe('published session JSON Schema', () => {
  it('the committed schemas/ file is what scripts/gen-schemas.ts writes now', () => {
    expect(readFileSync(SESSION_SCHEMA_FILE, 'utf8')).toBe(sessionJsonSchemaText());
  });

  it('describes actions with their time and strict keys', () => {
    const schema = JSON.parse(sessionJsonSchemaText());
    expect(schema.properties.format.const).toBe('tcplab.session/1');
    expect(schema.additionalProperties).toBe(false);
    const drop = schema.properties.branches.items.properties.actions.items.oneOf.find((o: any) => o.properties.op.const === 'drop');
    expect(drop.required).toEqual(['op', 'id', 'atMs']);
    expect(drop.additionalProperties).toBe(false);
  });
});
