// A chunk of packet records' references (addresses, host names, keys, payload buffers, options …) as 16-bit
// codes into a table of the distinct values the chunk holds (net/record-columns.ts).
//
// Why: as an array of pointers, 9 references per record were 72 bytes, all touched when the array was made
// (V8 fills a new array with holes). A chunk's records name the same few values over and over (two hosts, two
// addresses, one key, one payload buffer), so codes take 18 bytes. The two values each field stored last are
// remembered, which spares nearly every Map lookup.
const NO_CODE = -1;

export class RefTable {
  /** REFS codes per slot. */
  readonly codes: Uint16Array;
  /** Code 0 is null, which every slot holds until it is written. */
  private values: unknown[] = [null];
  private index = new Map<unknown, number>([[null, 0]]);
  /** Per field, the last two values stored and their codes. */
  private recent: unknown[];
  private recentCode: Int32Array;
  /**
   * The last two groups of five values written by set5 (five per group) and their codes. A record's five
   * addressing fields (addresses, hosts, key) repeat together: a chunk holds the two directions of a few
   * connections, so one group compare spares five per-field lookups.
   */
  private groups: unknown[] = new Array<unknown>(10).fill(undefined);
  private groupCodes = new Int32Array(10).fill(NO_CODE);

  /**
   * At this many values the table is rebuilt from the codes in use. A ring that wraps writes new values over
   * old slots, and the table would otherwise keep every evicted record's values; the slots hold at most
   * `codes.length` distinct ones, which a Uint16 code can always name.
   */
  static readonly COMPACT_AT = 1 << 15;

  /**
   * @param constants Values that get the codes 1, 2 … in every table, for ever (compaction keeps them), so a
   * caller that recognises one by identity writes its code with setCode() without comparing it with anything.
   */
  constructor(readonly fields: number, slots: number, codes?: Uint16Array, private readonly constants: readonly unknown[] = []) {
    this.codes = codes ?? new Uint16Array(fields * slots);
    for (const c of constants) {
      this.index.set(c, this.values.length);
      this.values.push(c);
    }
    this.recent = new Array<unknown>(2 * fields).fill(undefined);
    this.recentCode = new Int32Array(2 * fields).fill(NO_CODE);
  }

  /** Writes a code known to name its value: 0 for null, or a constant's (see the constructor). */
  setCode(slot: number, field: number, code: number): void {
    this.codes[slot * this.fields + field] = code;
  }

  set(slot: number, field: number, value: unknown): void {
    // null is code 0 in every table (and stays 0 when it is rebuilt); most records' rare fields are null.
    this.codes[slot * this.fields + field] = value === null ? 0 : this.code(field, value);
  }

  /** set() of fields field … field + 4 to a … e. */
  set5(slot: number, field: number, a: unknown, b: unknown, c: unknown, d: unknown, e: unknown): void {
    const at = slot * this.fields + field;
    const codes = this.codes;
    const g = this.groups;
    const gc = this.groupCodes;
    for (let o = 0; o < 10; o += 5) {
      if (gc[o] !== NO_CODE && g[o] === a && g[o + 1] === b && g[o + 2] === c && g[o + 3] === d && g[o + 4] === e) {
        codes[at] = gc[o]!;
        codes[at + 1] = gc[o + 1]!;
        codes[at + 2] = gc[o + 2]!;
        codes[at + 3] = gc[o + 3]!;
        codes[at + 4] = gc[o + 4]!;
        return;
      }
    }
    // Each code is written as soon as it is known: coding a new value may rebuild the table, which renumbers
    // the codes already in `codes` but not one held in a local.
    codes[at] = this.code(field, a);
    codes[at + 1] = this.code(field + 1, b);
    codes[at + 2] = this.code(field + 2, c);
    codes[at + 3] = this.code(field + 3, d);
    codes[at + 4] = this.code(field + 4, e);
    g.copyWithin(5, 0, 5);
    gc.copyWithin(5, 0, 5);
    g[0] = a;
    g[1] = b;
    g[2] = c;
    g[3] = d;
    g[4] = e;
    for (let k = 0; k < 5; k++) gc[k] = codes[at + k]!;
  }

  /** How many values the table holds (null included). */
  get size(): number {
    return this.values.length;
  }

  get(slot: number, field: number): unknown {
    return this.values[this.codes[slot * this.fields + field]!];
  }

  /** A table with the same values, writing to `codes` (a copy of this one's codes). */
  copy(codes: Uint16Array): RefTable {
    const out = new RefTable(this.fields, codes.length / this.fields, codes, this.constants);
    out.values = this.values.slice();
    out.index = new Map(this.index);
    return out;
  }

  private code(field: number, value: unknown): number {
    const a = 2 * field;
    if (this.recentCode[a] !== NO_CODE && this.recent[a] === value) return this.recentCode[a]!;
    let code: number;
    if (this.recentCode[a + 1] !== NO_CODE && this.recent[a + 1] === value) {
      code = this.recentCode[a + 1]!;
    } else {
      code = this.index.get(value) ?? this.add(value);
    }
    this.recent[a + 1] = this.recent[a];
    this.recentCode[a + 1] = this.recentCode[a]!;
    this.recent[a] = value;
    this.recentCode[a] = code;
    return code;
  }

  private add(value: unknown): number {
    if (this.values.length >= RefTable.COMPACT_AT) this.compact();
    const code = this.values.length;
    this.values.push(value);
    this.index.set(value, code);
    return code;
  }

  /** Keeps only the values some slot's code names, renumbered. */
  private compact(): void {
    const renumber = new Int32Array(this.values.length).fill(NO_CODE);
    const values: unknown[] = [];
    const index = new Map<unknown, number>();
    const codes = this.codes;
    renumber[0] = 0;
    values.push(null);
    index.set(null, 0);
    for (let k = 1; k <= this.constants.length; k++) { // (the constants keep their codes)
      renumber[k] = k;
      values.push(this.values[k]);
      index.set(this.values[k], k);
    }
    for (let i = 0; i < codes.length; i++) {
      const old = codes[i]!;
      let code = renumber[old]!;
      if (code === NO_CODE) {
        code = values.length;
        values.push(this.values[old]);
        index.set(this.values[old], code);
        renumber[old] = code;
      }
      codes[i] = code;
    }
    this.values = values;
    this.index = index;
    this.recentCode.fill(NO_CODE);
    this.recent.fill(undefined);
    this.groupCodes.fill(NO_CODE);
    this.groups.fill(undefined);
  }
}
