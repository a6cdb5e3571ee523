// Generic deep clone for the lab's seek snapshots (Network.clone). It keeps what a structuredClone would
// lose: prototypes (class instances stay instances), shared references and cycles (one memo map), and
// typed arrays that are views on one buffer stay views on one cloned buffer. Functions are shared as-is,
// which is why simulation state holds no closures: the only ones (a stack's transmit/sink hooks) are
// re-bound by Network.clone. ECMAScript #private fields cannot be copied this way: do not use them in
// state that is cloned (TypeScript `private` is fine).

type Memo = Map<unknown, unknown>;

/** Deep copy of value. Pre-seed memo with (original -> replacement) pairs to substitute objects. */
export function deepClone<T>(value: T, memo: Memo = new Map()): T {
  return cloneAny(value, memo) as T;
}

function cloneAny(v: unknown, memo: Memo): unknown {
  if (v === null || typeof v !== 'object') return v; // primitives, and functions (typeof 'function')
  const seen = memo.get(v);
  if (seen !== undefined) return seen;
  if (ArrayBuffer.isView(v)) return cloneView(v, memo);
  if (v instanceof ArrayBuffer) {
    const out = v.slice(0);
    memo.set(v, out);
    return out;
  }
  if (Array.isArray(v)) return cloneArray(v, memo);
  if (v instanceof Map) {
    const out = new Map();
    memo.set(v, out);
    for (const [k, val] of v) out.set(cloneAny(k, memo), cloneAny(val, memo));
    return out;
  }
  if (v instanceof Set) {
    const out = new Set();
    memo.set(v, out);
    for (const val of v) out.add(cloneAny(val, memo));
    return out;
  }
  return cloneObject(v, memo);
}

function cloneView(v: ArrayBufferView, memo: Memo): unknown {
  const buffer = cloneAny(v.buffer, memo) as ArrayBuffer;
  let out: unknown;
  if (v instanceof DataView) out = new DataView(buffer, v.byteOffset, v.byteLength);
  else {
    const Ctor = v.constructor as new (b: ArrayBuffer, offset: number, length: number) => ArrayBufferView;
    out = new Ctor(buffer, v.byteOffset, (v as unknown as { length: number }).length);
  }
  memo.set(v, out);
  return out;
}

function cloneArray(v: unknown[], memo: Memo): unknown[] {
  const out = new Array<unknown>(v.length);
  memo.set(v, out);
  for (let i = 0; i < v.length; i++) out[i] = cloneAny(v[i], memo);
  return out;
}

function cloneObject(v: object, memo: Memo): object {
  const out = Object.create(Object.getPrototypeOf(v)) as Record<PropertyKey, unknown>;
  memo.set(v, out);
  const src = v as Record<PropertyKey, unknown>;
  for (const key of Reflect.ownKeys(v)) {
    const d = Object.getOwnPropertyDescriptor(v, key)!;
    if ('value' in d && d.writable && d.enumerable && d.configurable) {
      out[key] = cloneAny(src[key], memo); // fast path: plain data property
    } else {
      if ('value' in d) d.value = cloneAny(d.value, memo);
      Object.defineProperty(out, key, d);
    }
  }
  if (Object.isFrozen(v)) Object.freeze(out);
  return out;
}
