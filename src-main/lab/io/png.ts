// SVG → PNG with resvg (@resvg/resvg-js: a prebuilt native binary shipped inside the npm package, so it
// works offline). This lives in lab/io/ because resvg reads the system's font files. Loaded lazily: the
// native module costs ~30 ms to load and most runs never make a PNG.
import { existsSync, readdirSync, type Dirent } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { outlineCjk, type Outliner } from './png-cjk.js';

interface ResvgModule {
  Resvg: new (svg: string, opts: Record<string, unknown>) => { render(): { asPng(): Uint8Array; width: number; height: number }; toString(): string };
}

let resvg: ResvgModule | undefined;

function load(): ResvgModule {
  resvg ??= createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule;
  return resvg;
}

/** Folders searched for the export fonts (Debian/Ubuntu, other Linux, macOS, Windows). */
const FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts', '/Library/Fonts', '/System/Library/Fonts', 'C:\\Windows\\Fonts'];
/** The monospace font the SVGs name first, and CJK fonts for Chinese text (Noto CJK, WenQuanYi, YaHei, PingFang). */
const FONT_FILE = /^(DejaVuSansMono(-Bold)?\.ttf|NotoSansCJK-(Regular|Bold)\.ttc|NotoSansMonoCJK\w*-(Regular|Bold)\.otf|wqy-microhei\.ttc|msyh(bd)?\.ttc|PingFang\.ttc)$/;
const MAX_FONT_SEARCH_ENTRIES = 20_000;

let fontFiles: string[] | undefined;

/**
 * The few font files the exports need, found once per process. Loading every system font instead costs
 * ~100 ms per picture (the CJK collections alone are ~100 MB); an empty list falls back to that.
 */
function exportFonts(): string[] {
  if (fontFiles !== undefined) return fontFiles;
  const found: string[] = [];
  const queue = FONT_DIRS.filter((d) => existsSync(d));
  for (let seen = 0; queue.length > 0 && seen < MAX_FONT_SEARCH_ENTRIES; seen++) {
    const dir = queue.shift()!;
    let entries: Dirent[] = [];
    try { entries = readdirSync(dir, { withFileTypes: true }); } catch { continue; }
    for (const e of entries) {
      if (e.isDirectory()) queue.push(path.join(dir, e.name));
      else if (FONT_FILE.test(e.name)) found.push(path.join(dir, e.name));
    }
  }
  fontFiles = found.sort();
  return fontFiles;
}

/** Pixels beyond which a PNG is refused: 16k × 16k would need 1 GiB of RGBA. */
export const MAX_PNG_PIXELS = 100_000_000;

export interface RasterOptions {
  /** Output scale (2 = twice the SVG's size, for sharp slides). */
  scale?: number;
}

function fontOptions(): Record<string, unknown> {
  return { loadSystemFonts: exportFonts().length === 0, fontFiles: exportFonts(), defaultFontFamily: 'DejaVu Sans Mono', monospaceFamily: 'DejaVu Sans Mono' };
}

/** Chinese first (Simplified glyph shapes), then the other CJK fonts the exports look for. */
const CJK_FAMILIES = "'Noto Sans Mono CJK SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif";
/** Outlines of CJK characters, per weight, for the life of the process (a few hundred distinct ones at most). */
const outlines = new Map<string, string | null>();
const MAX_OUTLINES = 20_000;

/**
 * CJK outlines from resvg's own text layout (see png-cjk.ts for why): the characters a picture needs and
 * the process has not outlined yet, all in one resvg call, each in a group whose id says which it is.
 */
const outliner: Outliner = {
  prepare(chars, bold) {
    const missing = [...chars].filter((ch) => !outlines.has(`${bold ? 'b' : 'r'}${ch}`));
    if (missing.length === 0) return;
    if (outlines.size + missing.length > MAX_OUTLINES) outlines.clear();
    const texts = missing.map((ch, i) => `<g id="c${i}"><text x="0" y="0" font-size="1000" font-family="${CJK_FAMILIES}"${bold ? ' font-weight="bold"' : ''}>${ch}</text></g>`);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="1200">${texts.join('')}</svg>`;
    const tree = new (load().Resvg)(svg, { font: fontOptions() }).toString();
    const found = new Map<number, string[]>();
    const parts = tree.split(/<g id="c(\d+)">/); // [before, id, content, id, content, …]
    for (let i = 1; i + 1 < parts.length; i += 2) found.set(Number(parts[i]), [...parts[i + 1]!.matchAll(/<path[^>]*\sd="([^"]+)"/g)].map((m) => m[1]!));
    missing.forEach((ch, i) => {
      const paths = found.get(i) ?? [];
      outlines.set(`${bold ? 'b' : 'r'}${ch}`, paths.length === 0 ? null : paths.join(' '));
    });
  },
  get(ch, bold) {
    return outlines.get(`${bold ? 'b' : 'r'}${ch}`) ?? null;
  },
};

/** Rasterizes a standalone SVG (with its width/height). Fonts: the system's, so CJK needs a CJK font installed. */
export function svgToPng(svg: string, opts: RasterOptions = {}): Uint8Array {
  const scale = opts.scale ?? 1;
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (m !== null && Number(m[1]) * Number(m[2]) * scale * scale > MAX_PNG_PIXELS) {
    throw new RangeError(`the picture is ${m[1]}×${m[2]} px: too large for a PNG (limit ${MAX_PNG_PIXELS} pixels); export SVG instead`);
  }
  const r = new (load().Resvg)(outlineCjk(svg, outliner), { fitTo: { mode: 'zoom', value: scale }, font: fontOptions(), background: '#ffffff' });
  const png = r.render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
