// The hand-written trace the screenshot tests also render (tests/e2e/fixtures/handshake.json).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnyTraceEvent } from '../../../src-renderer/views/model/trace-types.js';

interface Fixture {
  hosts: { name: string; ip: string }[];
  nowMs: number;
  events: AnyTraceEvent[];
}

export function loadFixture(): Fixture {
  const file = path.resolve(import.meta.dirname, '../../e2e/fixtures/handshake.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Fixture;
}
