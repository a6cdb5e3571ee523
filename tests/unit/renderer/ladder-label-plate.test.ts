// Ladder labels sit on a plate of the background colour. An arrow runs under its own label's whole width
// when it slopes, and with only a 3 px halo round the glyphs the line struck through the text
// ("[SYN]·Seq=0·Win=…" at 1366×768 in every lesson).
import { describe, expect, it } from 'vitest';
import { drawLabel } from '../../../src-renderer/views/ladder/label-plate.js';
import type { LabelBox } from '../../../src-renderer/views/ladder/label-place.js';

function recorder() {
  const calls: Array<{ op: string; fill: string; args: unknown[] }> = [];
  const ctx = {
    fillStyle: '' as unknown,
    globalAlpha: 1,
    fillRect(...args: unknown[]) { calls.push({ op: 'fillRect', fill: `${String(this.fillStyle)}@${this.globalAlpha}`, args }); },
    fillText(...args: unknown[]) { calls.push({ op: 'fillText', fill: `${String(this.fillStyle)}@${this.globalAlpha}`, args }); },
  };
  return { ctx, calls };
}

describe('ladder label plate', () => {
  const box: LabelBox = { x: 200, y: 120, left: 120, top: 107, right: 280, bottom: 120 };
  const colors = { bg: '#ffffff', text: '#1d1d1b', accent: '#2a62c9' };

  it('fills the label’s whole box with the background before writing the text', () => {
    const { ctx, calls } = recorder();
    drawLabel(ctx, colors, '[SYN] Seq=0 Win=65535 Len=0', box, false);
    expect(calls.map((c) => c.op)).toEqual(['fillRect', 'fillText']);
    const [x, y, w, h] = calls[0]!.args as number[];
    expect(calls[0]!.fill).toMatch(new RegExp(`^${colors.bg}@0\\.[6-9]`)); // mostly opaque: an arrow under it stays faintly visible
    expect(x).toBeLessThanOrEqual(box.left);
    expect(y).toBeLessThanOrEqual(box.top);
    expect(x! + w!).toBeGreaterThanOrEqual(box.right);
    expect(y! + h!).toBeGreaterThanOrEqual(box.bottom);
    expect(calls[1]).toEqual({ op: 'fillText', fill: `${colors.text}@1`, args: ['[SYN] Seq=0 Win=65535 Len=0', 200, 120] });
  });

  it('writes a selected packet’s label in the accent colour', () => {
    const { ctx, calls } = recorder();
    drawLabel(ctx, colors, 'x', box, true);
    expect(calls[1]!.fill).toBe(`${colors.accent}@1`);
  });
});
