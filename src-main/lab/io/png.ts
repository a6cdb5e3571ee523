// SVG → PNG with resvg (@resvg/resvg-js: a prebuilt native binary shipped inside the npm package, so it
// works offline). This lives in lab/io/ because resvg reads the system's font files. Loaded lazily: the
// native module costs ~30 ms to load and most runs never make a PNG.
import { existsSync, readdirSync, type Dirent } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

interface ResvgModule {
  Resvg: new (svg: string, opts: Record<string, unknown>) => { render(): { asPng(): Uint8Array; width: number; height: number } };
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

/** Rasterizes a standalone SVG (with its width/height). Fonts: the system's, so CJK needs a CJK font installed. */
export function svgToPng(svg: string, opts: RasterOptions = {}): Uint8Array {
  const scale = opts.scale ?? 1;
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (m !== null && Number(m[1]) * Number(m[2]) * scale * scale > MAX_PNG_PIXELS) {
    throw new RangeError(`the picture is ${m[1]}×${m[2]} px: too large for a PNG (limit ${MAX_PNG_PIXELS} pixels); export SVG instead`);
  }
  const r = new (load().Resvg)(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: exportFonts().length === 0, fontFiles: exportFonts(), defaultFontFamily: 'DejaVu Sans Mono', monospaceFamily: 'DejaVu Sans Mono' },
    background: '#ffffff',
  });
  const png = r.render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
