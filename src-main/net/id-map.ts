// Packets still travelling, by id (NetState.live): a table that allocates nothing once it has grown to
// the most packets ever in flight at once. A Map did the same job, but every packet is added once and
// deleted once, and a Map rebuilt its table each time the deleted entries piled up: about 90 bytes of
// garbage per packet in a SYN flood. Ids come from a counter, so the packets in flight are a sliding
// window of ids: the slot of an id is the id itself, masked, and a window narrower than the table never
// collides. An id whose slot is still taken by an older packet (one held in the router for a long time)
// goes to a small overflow Map; when the overflow grows, the table doubles and everything is re-placed.
import { CLONE, type CloneFn } from './clone.js';

const EMPTY = -1;

export class IdMap<V> {
  private keysBySlot: number[];
  private valuesBySlot: Array<V | undefined>;
  private mask: number;
  private inSlots = 0;
  private overflow = new Map<number, V>();

  constructor(capacity = 64) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.mask = cap - 1;
    this.keysBySlot = new Array<number>(cap).fill(EMPTY);
    this.valuesBySlot = new Array<V | undefined>(cap).fill(undefined);
  }

  get size(): number {
    return this.inSlots + this.overflow.size;
  }

  /** Snapshot clone (net/clone.ts): a table sized for what is in it now, holding clones of the values. */
  [CLONE](clone: CloneFn): IdMap<V> {
    const out = new IdMap<V>(this.size);
    for (const [id, v] of this.entries()) out.set(id, clone(v));
    return out;
  }

  get(id: number): V | undefined {
    const i = id & this.mask;
    if (this.keysBySlot[i] === id) return this.valuesBySlot[i];
    return this.overflow.size === 0 ? undefined : this.overflow.get(id);
  }

  has(id: number): boolean {
    return this.keysBySlot[id & this.mask] === id || (this.overflow.size > 0 && this.overflow.has(id));
  }

  /** Ids are non-negative integers below 2^31. */
  set(id: number, value: V): void {
    const i = id & this.mask;
    const k = this.keysBySlot[i];
    if (k === id) {
      this.valuesBySlot[i] = value;
    } else if (k === EMPTY && !(this.overflow.size > 0 && this.overflow.has(id))) {
      this.keysBySlot[i] = id;
      this.valuesBySlot[i] = value;
      this.inSlots++;
    } else {
      this.overflow.set(id, value);
      // A few long-lived packets may sit in the overflow; many mean the window outgrew the table.
      if (this.overflow.size * 8 > this.mask + 1) this.grow();
    }
  }

  delete(id: number): boolean {
    const i = id & this.mask;
    if (this.keysBySlot[i] === id) {
      this.keysBySlot[i] = EMPTY;
      this.valuesBySlot[i] = undefined;
      this.inSlots--;
      return true;
    }
    return this.overflow.size > 0 && this.overflow.delete(id);
  }

  /** Ids, in no particular order (sort when order matters). */
  keys(): number[] {
    return this.entries().map(([id]) => id);
  }

  /** Values, in no particular order (sort when order matters). */
  values(): V[] {
    return this.entries().map(([, v]) => v);
  }

  private entries(): Array<[number, V]> {
    const out: Array<[number, V]> = [];
    for (let i = 0; i <= this.mask; i++) if (this.keysBySlot[i] !== EMPTY) out.push([this.keysBySlot[i]!, this.valuesBySlot[i]!]);
    for (const e of this.overflow) out.push(e);
    return out;
  }

  private grow(): void {
    const all = this.entries();
    const cap = (this.mask + 1) * 2;
    this.mask = cap - 1;
    this.keysBySlot = new Array<number>(cap).fill(EMPTY);
    this.valuesBySlot = new Array<V | undefined>(cap).fill(undefined);
    this.inSlots = 0;
    this.overflow = new Map();
    for (const [id, v] of all) this.set(id, v);
  }
}
