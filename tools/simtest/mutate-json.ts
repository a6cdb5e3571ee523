// Hostile variants of a valid JSON document (a lesson scenario or a saved session): truncation, wrong
// types, deep nesting, huge numbers and strings, unknown versions, prototype keys, deleted and
// duplicated members, and raw byte damage. Deterministic: one Prng in, one text out.
import type { Prng } from '../../src-main/tcp/prng.js';
import { pick } from './gen.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every container path in the value, as a list of keys/indexes. */
function paths(v: Json, at: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) paths(v[k]!, [...at, k], out);
  return out;
}

function setAt(root: Json, path: ReadonlyArray<string | number>, value: Json | undefined): Json {
  if (path.length === 0) return value ?? null;
  let node = root as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) node = node[k] as unknown as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else {
    node[last] = value;
  }
  return root;
}

const WRONG: ReadonlyArray<(rng: Prng) => Json> = [
  () => null, () => true, () => 0, () => -1, () => 1e308, () => -0.5, () => 2 ** 53 + 1, () => '', () => 'x',
  () => [], () => ({}), () => [null], (rng) => rng.nextU32(), () => '10.0.0.999', () => 'tcplab.scenario/1',
];

function hugeString(rng: Prng): string {
  return pick(rng, ['A', '字', '\u0000', '\ud800', '"']).repeat(rng.int(10_000, 300_000));
}

/** Text-level damage for things JSON.stringify cannot express (prototype keys, 1e400, deep nesting). */
function textual(rng: Prng, text: string): string {
  const k = rng.int(0, 6);
  const at = rng.int(0, text.length);
  switch (k) {
    case 0: return text.slice(0, at); // truncated
    case 1: { // a prototype key inside a random object
      const braces = [...text.matchAll(/\{/g)].map((m) => m.index);
      const pos = braces.length > 0 ? pick(rng, braces) + 1 : 1;
      const key = pick(rng, ['__proto__', 'constructor', 'prototype']);
      return `${text.slice(0, pos)}"${key}":${pick(rng, ['{"polluted":1}', '{"prototype":{"polluted":1}}', '1', 'null'])},${text.slice(pos)}`;
    }
    case 2: { // deep nesting in place of a number
      const depth = rng.int(1_000, 200_000);
      return text.replace(/: ?\d+/, `:${'['.repeat(depth)}${']'.repeat(depth)}`);
    }
    case 3: return text.replace(/: ?\d+/, `:${pick(rng, ['1e400', '-1e400', '123456789012345678901234567890', '0.0000000001', '-0'])}`);
    case 4: { // flipped bytes
      const chars = [...text];
      for (let n = rng.int(1, 8); n > 0; n--) chars[rng.int(0, chars.length - 1)] = String.fromCharCode(rng.int(0, 0x7f));
      return chars.join('');
    }
    case 5: return pick(rng, ['', ' ', 'null', '[]', '{}', '"tcplab"', '\ufeff{}', '{"format":"tcplab.session/1"}', '{"format":"tcplab.scenario/1"}']);
    default: return text + pick(rng, ['}', ',', 'garbage', '\u0000']);
  }
}

/** One hostile variant of `base` (valid JSON text). */
export function mutateJson(rng: Prng, base: string): string {
  if (rng.chance(0.35)) return textual(rng, base);
  let doc = JSON.parse(base) as Json;
  for (let n = rng.int(1, 3); n > 0; n--) {
    const all = paths(doc);
    const path = pick(rng, all);
    const r = rng.next();
    if (r < 0.35) doc = setAt(doc, path, pick(rng, WRONG)(rng));
    else if (r < 0.5 && path.length > 0) doc = setAt(doc, path, undefined);
    else if (r < 0.6) doc = setAt(doc, path, hugeString(rng));
    else if (r < 0.7) {
      // Only an object root has a format to change (an earlier mutation may have made the root a number).
      if (doc !== null && typeof doc === 'object' && !Array.isArray(doc)) {
        doc = setAt(doc, ['format'], pick(rng, ['tcplab.scenario/2', 'tcplab.session/99', 'tcplab.scenario/0', 'tcplab.session/', 'TCPLAB.SCENARIO/1', 'other/1']));
      }
    }
    else if (r < 0.8) {
      const arr = all.filter((p) => p.length > 0);
      const p = arr.length > 0 ? pick(rng, arr) : path;
      const node = p.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k]!, doc);
      // Many copies, but at most ~4 MB of them: the point is a long array, not a slow test.
      const copies = Math.max(2, Math.min(rng.int(2, 2000), Math.floor(4_000_000 / (JSON.stringify(node) ?? 'null').length)));
      doc = setAt(doc, p, Array.from({ length: copies }, () => node));
      // The copies share one object: another round would enumerate every copy's paths (thousands squared)
      // and exhaust the fuzzer's own memory. A long array is damage enough for one file.
      break;
    } else {
      doc = setAt(doc, path, { [pick(rng, ['x', 'extra', 'version', 'seed', 'steps'])]: pick(rng, WRONG)(rng) });
    }
  }
  return JSON.stringify(doc);
}
