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

export function describeZodError(err: z.ZodError): string {
  return err.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`).join('; ');
}
