// SVG → PNG with resvg (@resvg/resvg-js: a prebuilt native binary shipped inside the npm package, so it
// works offline). This lives in lab/io/ because resvg reads the system's font files. Loaded lazily: the
// native module costs ~30 ms to load and most runs never make a PNG.
import { createRequire } from 'node:module';

interface ResvgModule {
  Resvg: new (svg: string, opts: Record<string, unknown>) => { render(): { asPng(): Uint8Array; width: number; height: number } };
}

let resvg: ResvgModule | undefined;

function load(): ResvgModule {
  resvg ??= createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule;
  return resvg;
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
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans Mono', monospaceFamily: 'DejaVu Sans Mono' },
    background: '#ffffff',
  });
  const png = r.render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
