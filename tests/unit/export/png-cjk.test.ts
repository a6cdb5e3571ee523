// Chinese PNGs: CJK characters are drawn from outlines fetched once per process (png-cjk.ts), because
// resvg-js reads the whole CJK font file again for every glyph it draws itself.
import { describe, expect, it } from 'vitest';
import { outlineCjk, type Outliner } from '../../../src-main/lab/io/png-cjk.js';
import { svgToPng } from '../../../src-main/lab/io/png.js';

/** A fake outliner: a square per character, and a log of what was asked. */
function fakeOutliner(missing: ReadonlySet<string> = new Set()): Outliner & { prepared: string[][] } {
  const prepared: string[][] = [];
  return {
    prepared,
    prepare(chars, bold) { prepared.push([bold ? 'bold' : 'regular', ...chars]); },
    get(ch) { return missing.has(ch) ? null : 'M 0 -800 L 1000 -800 L 1000 0 L 0 0 Z'; },
  };
}

const STYLE = '<defs><style>text{font-family:x;font-size:10px}.st{fill:#92400e;font-weight:bold}</style></defs>';

describe('outlineCjk', () => {
  it('turns each CJK character into a path at its place and keeps Latin runs as text', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg">${STYLE}<text x="100" y="50" text-anchor="end" fill="#111">#3 (重传 #1)</text><text x="5" y="9">plain</text></svg>`;
    const o = fakeOutliner();
    const out = outlineCjk(svg, o);
    expect(o.prepared).toEqual([['regular', '重', '传']]);
    // 8 narrow characters × 6 px + 2 wide × 10 px = 68 px, ending at x = 100: it starts at 32.
    expect(out).toContain('<text fill="#111" x="32" y="50">#3 (</text>');
    expect(out).toContain('<path d="M 0 -8 L 10 -8 L 10 0 L 0 0 Z" transform="translate(56 50)" fill="#111"/>');
    expect(out).toContain('transform="translate(66 50)"');
    // The space after 传 is an offset (resvg would drop a leading space of its own text).
    expect(out).toContain('<text fill="#111" x="82" y="50">#1)</text>');
    expect(out).toContain('<text x="5" y="9">plain</text>');
    expect(out).not.toMatch(/<text[^>]*>[^<]*[重传]/);
  });

  it('keeps a tspan\'s colour, a class\'s boldness and the halo on the paths', () => {
    const svg = `<svg>${STYLE}<text x="0" y="20" stroke="#fff" stroke-width="3">#1 [SYN]<tspan fill="#c2410c"> (被扣留)</tspan></text><text x="0" y="40" class="st">关闭</text></svg>`;
    const o = fakeOutliner();
    const out = outlineCjk(svg, o);
    expect(o.prepared).toEqual([['regular', '被', '扣', '留'], ['bold', '关', '闭']]);
    expect(out).toMatch(/<path d="[^"]+" transform="translate\([\d.]+ 20\)" stroke="#fff" stroke-width="3" fill="#c2410c"\/>/);
    expect(out).toMatch(/<path d="[^"]+" transform="translate\(0 40\)" class="st"\/>/);
  });

  it('leaves a text alone when a character has no outline (no CJK font): resvg draws it, slowly', () => {
    const svg = `<svg>${STYLE}<text x="0" y="20">中文</text></svg>`;
    expect(outlineCjk(svg, fakeOutliner(new Set(['文'])))).toBe(svg);
  });
});

describe('Chinese PNG speed', () => {
  it('draws 1,600 Chinese glyphs in a few seconds (resvg alone: ~10-20 ms each, 15+ s)', () => {
    const rows = Array.from({ length: 160 }, (_, i) => `<text x="4" y="${14 + i * 14}">#${i} 没有通往伪造地址的路由</text>`).join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="2260">${STYLE}${rows}</svg>`;
    svgToPng(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${STYLE}<text x="0" y="9">a</text></svg>`); // (load resvg and find the fonts)
    const t0 = performance.now();
    const png = svgToPng(svg);
    const ms = performance.now() - t0;
    expect(png.length).toBeGreaterThan(1000);
    expect(ms).toBeLessThan(6000);
  }, 60_000);
});
