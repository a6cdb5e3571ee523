// Fixed-size ring of packet records in chunks that snapshots share copy-on-write (Network.clone).
//
// A seek snapshot must not copy 200,000 record slots: a record whose packet is delivered, dropped or
// replaced is never written again (interventions only touch live packets), so a clone shares every chunk
// whose records are all final and copies only the chunks holding an in-flight record (cloning those records,
// which still change); the caller says which chunks those are (the live packets' slots), so a clone costs
// O(chunks + live packets), not O(records). A shared chunk belongs to nobody: whichever ring writes to it
// next copies it first.
import type { CloneFn } from './clone.js';
import type { KeptRecord } from './packets.js';

const CHUNK_BITS = 10;
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;

type Chunk = Array<KeptRecord | undefined>;

export class RecordRing {
  private chunks: Chunk[] = [];
  /** owned[i]: chunks[i] is this ring's alone and may be written in place. */
  private owned: boolean[] = [];

  get(slot: number): KeptRecord | undefined {
    const chunk = this.chunks[slot >> CHUNK_BITS];
    return chunk === undefined ? undefined : chunk[slot & CHUNK_MASK];
  }

  /** Puts rec at slot; true when it replaced a record there. */
  set(slot: number, rec: KeptRecord): boolean {
    const c = slot >> CHUNK_BITS;
    let chunk = this.chunks[c];
    if (chunk === undefined) {
      while (this.chunks.length < c) {
        this.chunks.push([]);
        this.owned.push(true);
      }
      chunk = [];
      this.chunks[c] = chunk;
      this.owned[c] = true;
    } else if (this.owned[c] !== true) {
      chunk = chunk.slice(); // copy-on-write: the chunk is shared with a snapshot
      this.chunks[c] = chunk;
      this.owned[c] = true;
    }
    const i = slot & CHUNK_MASK;
    const replaced = chunk[i] !== undefined;
    chunk[i] = rec;
    return replaced;
  }

  /**
   * A copy for a snapshot. `liveSlots`: the slots of every packet still travelling (any in-flight record
   * is in one of their chunks); those chunks are copied with their in-flight records cloned, all other
   * chunks are shared copy-on-write.
   */
  cloneSharing(clone: CloneFn, liveSlots: readonly number[]): RecordRing {
    const out = new RecordRing();
    const n = this.chunks.length;
    out.chunks = this.chunks.slice();
    out.owned = new Array<boolean>(n).fill(false);
    for (const slot of liveSlots) {
      const c = slot >> CHUNK_BITS;
      const chunk = this.chunks[c];
      if (chunk === undefined || out.owned[c]) continue;
      out.chunks[c] = chunk.map((rec) => (inFlight(rec) ? clone(rec) : rec));
      out.owned[c] = true;
    }
    // Every chunk the copy shares is now shared by this ring too (the others keep their earlier status:
    // one an older snapshot shares must stay read-only here).
    for (let c = 0; c < n; c++) if (!out.owned[c]) this.owned[c] = false;
    return out;
  }
}

function inFlight(rec: KeptRecord | undefined): boolean {
  return rec !== undefined && rec.fate.state === 'in-flight';
}
