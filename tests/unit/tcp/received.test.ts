// Received keeps what the application read: bytes that continue the last ones in the same buffer only lengthen
// an open run, anything else starts a new piece, and what comes back is always every byte in order.
import { describe, expect, it } from 'vitest';
import { Received } from '../../../src-main/tcp/received.js';

const lengths = (r: Received): number[] => r.pieces().map((p) => p.length);

describe('Received', () => {
  it('merges views that continue each other in one buffer, and starts a piece at any gap or other buffer', () => {
    const buf = Uint8Array.from({ length: 100 }, (_, i) => i);
    const other = Uint8Array.from([200, 201, 202]);
    const r = new Received();
    r.add(buf.subarray(0, 10));
    r.add(buf.subarray(10, 30));
    expect(lengths(r)).toEqual([30]);
    r.add(buf.subarray(40, 50)); // a gap: a new piece
    r.add(other);
    r.add(buf.subarray(50, 60)); // continues the earlier piece's buffer, but not the last piece
    expect(lengths(r)).toEqual([30, 10, 3, 10]);
    expect([...r.concat()]).toEqual([...buf.subarray(0, 30), ...buf.subarray(40, 50), 200, 201, 202, ...buf.subarray(50, 60)]);
    expect(r.bytes).toBe(53);
  });

  it('reading does not close the open run, and a Buffer is kept as it is', () => {
    const buf = new Uint8Array(64).fill(7);
    const r = new Received();
    r.add(buf.subarray(0, 8));
    expect(lengths(r)).toEqual([8]);
    r.add(buf.subarray(8, 16));
    expect(lengths(r)).toEqual([16]);
    const nodeBuffer = Buffer.from([1, 2]);
    r.add(nodeBuffer);
    r.add(nodeBuffer.subarray(0, 0));
    const pieces = r.pieces();
    expect(pieces[1]).toBe(nodeBuffer);
    expect(lengths(r)).toEqual([16, 2, 0]);
    expect(new Received().concat()).toEqual(new Uint8Array(0));
  });
});
