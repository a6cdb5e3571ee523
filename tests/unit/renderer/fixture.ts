// The hand-written trace the screenshot tests also render (src-renderer/views/fixture/handshake.json: the
// fixture page bundles it, and the renderer may import only its own files).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnyTraceEvent } from '../../../src-renderer/views/model/trace-types.js';

interface Fixture {
  hosts: { name: string; ip: string }[];
  nowMs: number;
  events: AnyTraceEvent[];
}

export function loadFixture(): Fixture {
  const file = path.resolve(import.meta.dirname, '../../../src-renderer/views/fixture/handshake.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Fixture;
}
