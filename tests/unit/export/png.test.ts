import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { svgToPng } from '../../../src-main/lab/io/png.js';
import { PNG_MAX_ARROWS, renderExport, sessionExportInput } from '../../../src-main/lab/export/index.js';
import { ladderSvg } from '../../../src-main/lab/export/svg-ladder.js';
import { lessonById } from '../../../src-main/lab/lessons/index.js';
import { newSession } from '../../../src-main/lab/session-model.js';
import { interventionRun } from './fixture.js';

/** Decodes an 8-bit RGBA, non-interlaced PNG (what resvg writes): width, height and pixels. */
function decodePng(png: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let width = 0, height = 0;
  const idat: Uint8Array[] = [];
  for (let at = 8; at < png.length;) {
    const len = view.getUint32(at), type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8); height = view.getUint32(at + 12);
      expect([data[8], data[9], data[12]]).toEqual([8, 6, 0]); // bit depth 8, colour type RGBA, no interlace
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4, rgba = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!, row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? rgba[y * stride + x - 4]! : 0, b = y > 0 ? rgba[(y - 1) * stride + x]! : 0, c = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4]! : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const pred = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter]!;
      rgba[y * stride + x] = (row[x]! + pred) & 255;
    }
  }
  return { width, height, rgba };
}

function inkPixels(rgba: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < rgba.length; i += 4) if (rgba[i]! < 200 || rgba[i + 1]! < 200 || rgba[i + 2]! < 200) n++;
  return n;
}

describe('PNG export', () => {
  it('rasterizes the ladder at the SVG size, with ink on a white background', () => {
    const svg = ladderSvg(interventionRun());
    const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg)!;
    const png = svgToPng(svg);
    expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const img = decodePng(png);
    expect([img.width, img.height]).toEqual([Number(w), Number(h)]);
    expect(Array.from(img.rgba.subarray(0, 4))).toEqual([255, 255, 255, 255]);
    expect(inkPixels(img.rgba)).toBeGreaterThan(5000);
  });

  it('draws Chinese text (needs a CJK font: apt-get install fonts-noto-cjk)', () => {
    const svg = (text: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="4" y="28" font-size="24" font-family="'DejaVu Sans Mono', 'Noto Sans CJK SC', monospace">${text}</text></svg>`;
    const ink = inkPixels(decodePng(svgToPng(svg('第三次握手'))).rgba);
    expect(ink, 'no CJK glyphs were drawn: install a CJK font, e.g. apt-get install fonts-noto-cjk').toBeGreaterThan(100);
    expect(inkPixels(decodePng(svgToPng(svg(''))).rgba)).toBe(0);
  });

  it('scales, and refuses pictures too large to hold in memory', () => {
    const small = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="20"><rect width="5" height="5" fill="#000"/></svg>`;
    const img = decodePng(svgToPng(small, { scale: 2 }));
    expect([img.width, img.height, inkPixels(img.rgba)]).toEqual([20, 40, 100]);
    expect(() => svgToPng(`<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="20000"></svg>`)).toThrow(/too large for a PNG/);
  });

  it('shades a crashed host\'s down time, as the SVG does (lesson 24: B down from 1 s to 4 s)', () => {
    const l = lessonById('peer-crash')!;
    const input = sessionExportInput(newSession(JSON.parse(JSON.stringify(l.scenario)) as Record<string, unknown>, l.scenario.seed, { id: l.id, compare: null }));
    for (const lang of ['en', 'zh-CN'] as const) {
      // The PNG is this picture (renderExport's png-ladder, which the CLI's --png and the app's Export use).
      const svg = ladderSvg(input, { title: input.title[lang], lang, maxArrows: PNG_MAX_ARROWS });
      const m = /<g class="down" data-host="B"><title>[^<]*<\/title><rect x="([\d.]+)" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/.exec(svg);
      expect(m, 'a band on B\'s column').not.toBeNull();
      const [x, top, height] = [Number(m![1]), Number(m![2]), Number(m![3])];
      const img = decodePng(renderExport(input, 'png-ladder', lang) as Uint8Array);
      // A column of pixels inside the band (left of B's own line, clear of the crosses at its centre).
      const xPx = Math.round(x + 2);
      let red = 0, rows = 0;
      for (let y = Math.round(top + 10); y < top + height - 10; y++, rows++) {
        const i = (y * img.width + xPx) * 4;
        if (img.rgba[i]! - img.rgba[i + 1]! > 20) red++;
      }
      expect(rows).toBeGreaterThan(500);
      expect(red / rows, `${lang}: share of the band's pixels that are red`).toBeGreaterThan(0.9);
    }
  });
});
