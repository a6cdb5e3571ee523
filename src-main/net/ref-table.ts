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
   * At this many values the table is rebuilt from the codes in use. A ring that wraps writes new values over
   * old slots, and the table would otherwise keep every evicted record's values; the slots hold at most
   * `codes.length` distinct ones, which a Uint16 code can always name.
   */
  static readonly COMPACT_AT = 1 << 15;

  constructor(readonly fields: number, slots: number, codes?: Uint16Array) {
    this.codes = codes ?? new Uint16Array(fields * slots);
    this.recent = new Array<unknown>(2 * fields).fill(undefined);
    this.recentCode = new Int32Array(2 * fields).fill(NO_CODE);
  }

  set(slot: number, field: number, value: unknown): void {
    this.codes[slot * this.fields + field] = this.code(field, value);
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
    const out = new RefTable(this.fields, codes.length / this.fields, codes);
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
  }
}
