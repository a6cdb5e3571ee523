// Generic deep clone for the lab's seek snapshots (Network.clone). It keeps what a structuredClone would
// lose: prototypes (class instances stay instances), shared references and cycles (one memo map), and
// typed arrays that are views on one buffer stay views on one cloned buffer. Functions are shared as-is,
// which is why simulation state holds no closures: the only ones (a stack's transmit/sink hooks) are
// re-bound by Network.clone. ECMAScript #private fields cannot be copied this way: do not use them in
// state that is cloned (TypeScript `private` is fine).
//
// Snapshot mode (CloneOptions.snapshot, used by Network.clone) is the fast path for simulation state,
// which follows three rules: (1) objects hold only own, enumerable, writable data properties (no getters,
// no symbols; frozen constants aside); (2) frozen objects are deeply immutable constants (IN_FLIGHT,
// ORIGINAL, shared empty options …); (3) byte arrays are never written once handed on (payloads, send
// buffer chunks, delivered data: tcp/ and net/ always make a new array instead). So frozen objects and
// typed arrays are shared, not copied, and objects are copied with a plain key loop instead of property
// descriptors. Classes can take over their own copy with a [CLONE] method (PacketStore shares its final
// records that way): copy-on-write by construction, since what is shared is never written.

type Memo = Map<unknown, unknown>;

/** Cloner handed to [CLONE] methods: clones a value within the same clone (same memo and mode). */
export type CloneFn = <V>(value: V) => V;

/** A class with this method decides how it is cloned in snapshot mode (it must register nothing itself). */
export const CLONE: unique symbol = Symbol('tcplab.clone');

export interface Cloneable {
  [CLONE](clone: CloneFn): object;
}

export interface CloneOptions {
  /** Fast path for simulation state (see the file comment). */
  snapshot?: boolean;
}

/** Deep copy of value. Pre-seed memo with (original -> replacement) pairs to substitute objects. */
export function deepClone<T>(value: T, memo: Memo = new Map(), opts: CloneOptions = {}): T {
  if (opts.snapshot) return new SnapshotCloner(memo).clone(value);
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

/** Snapshot mode: shares frozen objects and byte arrays, copies plain data with a key loop. */
class SnapshotCloner {
  readonly fn: CloneFn = <V>(value: V): V => this.clone(value);
  constructor(private readonly memo: Memo) {}

  clone<V>(v: V): V {
    if (v === null || typeof v !== 'object') return v;
    const seen = this.memo.get(v);
    if (seen !== undefined) return seen as V;
    return this.cloneNew(v as unknown as object) as V;
  }

  private cloneNew(v: object): object {
    if (Array.isArray(v)) {
      const out = new Array<unknown>(v.length);
      this.memo.set(v, out);
      for (let i = 0; i < v.length; i++) out[i] = this.clone(v[i]);
      return out;
    }
    if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer || Object.isFrozen(v)) return v; // immutable: shared
    if (v instanceof Map) {
      const out = new Map();
      this.memo.set(v, out);
      v.forEach((val, k) => out.set(this.clone(k), this.clone(val)));
      return out;
    }
    if (v instanceof Set) {
      const out = new Set();
      this.memo.set(v, out);
      v.forEach((val) => out.add(this.clone(val)));
      return out;
    }
    const custom = (v as Partial<Cloneable>)[CLONE];
    if (typeof custom === 'function') {
      const out = custom.call(v, this.fn);
      this.memo.set(v, out);
      return out;
    }
    // Spread copies every property at once into an object of the same shape (V8's clone-object fast path);
    // adding them one by one to Object.create(proto) would turn a big object (a Conn) into a slow
    // dictionary-mode one, and every engine access on the clone would pay for it.
    const out = { ...(v as Record<string, unknown>) };
    const proto = Object.getPrototypeOf(v) as object | null;
    if (proto !== Object.prototype) Object.setPrototypeOf(out, proto);
    this.memo.set(v, out);
    for (const key in out) {
      const val = out[key];
      if (val !== null && typeof val === 'object') out[key] = this.clone(val);
    }
    return out;
  }
}
