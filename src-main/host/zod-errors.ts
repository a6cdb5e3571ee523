// Turns a zod error into one readable line that names each offending field by JSON path.
import type { z } from 'zod';

export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function boundOf(i: z.core.$ZodIssue): number | null {
  if (i.code === 'too_big') return Number(i.maximum);
  if (i.code === 'too_small') return Number(i.minimum);
  return null;
}

/**
 * One bound per field and side: `.int().max(n)` reports the integer check's safe-integer limit and n for a
 * huge value, which read as a contradiction; only the tighter one (smallest max, largest min) is kept.
 */
function tightest(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const best = new Map<string, z.core.$ZodIssue>();
  for (const i of issues) {
    const b = boundOf(i);
    if (b === null) continue;
    const key = `${i.code} ${jsonPath(i.path)}`;
    const seen = best.get(key);
    const sb = seen ? boundOf(seen) : null;
    if (sb === null || (i.code === 'too_big' ? b < sb : b > sb)) best.set(key, i);
  }
  return issues.filter((i) => boundOf(i) === null || best.get(`${i.code} ${jsonPath(i.path)}`) === i);
}

export function describeZodError(err: z.ZodError): string {
  return tightest(err.issues).map((i) => `${jsonPath(i.path)}: ${i.message}`).join('; ');
}
