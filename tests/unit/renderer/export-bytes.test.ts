import { afterEach, describe, expect, it } from 'vitest';
import { toBase64 } from '../../../src-main/lab/export/base64.js';
import { exportBytes } from '../../../src-renderer/lib/export-bytes.js';

const holder = Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array };
const original = Object.getOwnPropertyDescriptor(Uint8Array, 'fromBase64');
afterEach(() => {
  if (original) Object.defineProperty(Uint8Array, 'fromBase64', original);
  else delete holder.fromBase64;
});

describe('exportBytes (the window turns the host\'s export into a download)', () => {
  const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37) & 255);
  const result = { fileName: 'x.pcapng', mime: 'application/x-pcapng', encoding: 'base64' as const, data: toBase64(bytes) };

  it('decodes base64 with atob where there is no Uint8Array.fromBase64', () => {
    delete holder.fromBase64;
    expect(exportBytes(result)).toEqual(bytes);
  });

  it('uses Uint8Array.fromBase64 where the browser has it, with the same bytes', () => {
    const calls: string[] = [];
    holder.fromBase64 = (text: string) => { calls.push(text); return new Uint8Array(Buffer.from(text, 'base64')); };
    expect(exportBytes(result)).toEqual(bytes);
    expect(calls).toEqual([result.data]);
  });

  it('passes text exports through', () => {
    expect(exportBytes({ fileName: 'a.csv', mime: 'text/csv', encoding: 'utf8', data: 'a,b\n' })).toBe('a,b\n');
  });
});
