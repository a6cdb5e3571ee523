// "Did you mean …?" for an unknown key: the suggestion comes from the keys the schema allows at that exact
// place in the document (a typo inside a rule's `match` is compared with `match`'s keys, never with a
// top-level key). The zod schema is walked along the document's own path, and a union (a rule's `action`,
// an action's `op`) is resolved to the branch the document's value picks.
import type { z } from 'zod';
import { closeEnough } from './scenario-issues.js';

type PathPart = PropertyKey;

/** The parts of zod's internal definition this walk reads (zod 4 `schema._zod.def`). */
interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  getter?: () => z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  values?: unknown[];
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Wrappers that do not change which keys an object allows. */
const WRAPPERS: ReadonlySet<string> = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** Bound on wrapper/lazy layers, so an odd schema can never loop. */
const MAX_UNWRAP = 32;

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < MAX_UNWRAP; i++) {
    const d = defOf(s);
    if (WRAPPERS.has(d.type) && d.innerType) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else if (d.type === 'lazy' && d.getter) s = d.getter();
    else break;
  }
  return s;
}

function own(obj: unknown, key: PropertyKey): unknown {
  return obj !== null && typeof obj === 'object' && Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<PropertyKey, unknown>)[key] : undefined;
}

/** The object branch of a union that `value` is meant to be: by its discriminator, else by the most shared keys. */
function branchFor(options: readonly z.ZodType[], discriminator: string | undefined, value: unknown): z.ZodType | undefined {
  const objects = options.map(unwrap).filter((o) => defOf(o).type === 'object');
  if (discriminator !== undefined) {
    const tag = own(value, discriminator);
    const hit = objects.find((o) => {
      const field = defOf(o).shape?.[discriminator];
      return field !== undefined && (defOf(unwrap(field)).values ?? []).includes(tag);
    });
    if (hit) return hit;
  }
  const keys = value !== null && typeof value === 'object' ? Object.keys(value) : [];
  let best: z.ZodType | undefined, bestShared = -1;
  for (const o of objects) {
    const shape = defOf(o).shape ?? {};
    const shared = keys.filter((k) => Object.prototype.hasOwnProperty.call(shape, k)).length;
    if (shared > bestShared) { best = o; bestShared = shared; }
  }
  return best;
}

/** The schema of the object (or union of objects) holding `value`, one path part further down. */
function child(schema: z.ZodType, part: PathPart, value: unknown): z.ZodType | undefined {
  const s = resolve(schema, value);
  if (s === undefined) return undefined;
  const d = defOf(s);
  if (d.type === 'object') return typeof part === 'string' && d.shape && Object.prototype.hasOwnProperty.call(d.shape, part) ? d.shape[part] : undefined;
  if (d.type === 'array') return typeof part === 'number' ? d.element : undefined;
  if (d.type === 'record') return d.valueType;
  return undefined;
}

/** Unwraps, and picks a union's branch for `value`. */
function resolve(schema: z.ZodType, value: unknown): z.ZodType | undefined {
  const s = unwrap(schema);
  const d = defOf(s);
  if (d.type === 'union') return d.options ? branchFor(d.options, d.discriminator, value) : undefined;
  return s;
}

/** The keys allowed in the object at `parts` of `doc`, or [] when the schema has no object there. */
export function keysAt(schema: z.ZodType, doc: unknown, parts: readonly PathPart[]): string[] {
  let s: z.ZodType | undefined = schema;
  let value = doc;
  for (const part of parts) {
    s = child(s, part, value);
    if (s === undefined) return [];
    value = own(value, part);
  }
  const obj = resolve(s, value);
  const shape = obj === undefined ? undefined : defOf(obj).shape;
  return shape ? Object.keys(shape) : [];
}

/** A hint function for issuesToErrors: the closest allowed key at the unknown key's own object. */
export function hintsFrom(schema: z.ZodType, doc: unknown): (key: string, parts: readonly PathPart[]) => string {
  return (key, parts) => {
    const lower = key.toLowerCase();
    return keysAt(schema, doc, parts).find((k) => k !== key && closeEnough(lower, k.toLowerCase())) ?? '';
  };
}
