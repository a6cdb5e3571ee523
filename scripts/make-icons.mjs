// Renders assets/icon.svg into the icon files electron-builder and the desktop expect, with Debian's
// Chromium (no download): assets/icon.png (1024 px), assets/icons/NxN.png (the Linux set), assets/icon.ico
// (Windows: PNG images, 16-256 px) and assets/icon.icns (macOS: PNG images, 128-1024 px). The outputs are
// committed; run this again after changing the SVG: `node scripts/make-icons.mjs`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const assets = path.join(root, 'assets');
const svg = readFileSync(path.join(assets, 'icon.svg'), 'utf8');
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** icns types that hold a PNG of the given size (Apple's "ic07"-"ic10"). */
const ICNS_TYPES = [['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024]];

/** ICO container of PNG images (Windows Vista and later read PNG entries; 256 is written as 0). */
export function icoOf(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, e);
    header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt16LE(1, e + 4); // colour planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(png.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((im) => im.png)]);
}

/** icns container: "icns", total length, then (type, length including its 8-byte header, PNG) per image. */
export function icnsOf(images) {
  const parts = images.map(({ type, png }) => {
    const h = Buffer.alloc(8);
    h.write(type, 0, 'latin1');
    h.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([h, png]);
  });
  const body = Buffer.concat(parts);
  const h = Buffer.alloc(8);
  h.write('icns', 0, 'latin1');
  h.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([h, body]);
}

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.TCPLAB_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    const render = async (size) => {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`);
      await page.locator('img').evaluate((img) => img.decode());
      return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    };
    const png = new Map();
    for (const size of new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, s]) => s)])) png.set(size, await render(size));
    mkdirSync(path.join(assets, 'icons'), { recursive: true });
    for (const size of LINUX_SIZES) writeFileSync(path.join(assets, 'icons', `${size}x${size}.png`), png.get(size));
    writeFileSync(path.join(assets, 'icon.png'), png.get(1024));
    writeFileSync(path.join(assets, 'icon.ico'), icoOf(ICO_SIZES.map((size) => ({ size, png: png.get(size) }))));
    writeFileSync(path.join(assets, 'icon.icns'), icnsOf(ICNS_TYPES.map(([type, size]) => ({ type, png: png.get(size) }))));
    console.log(`icons written to ${path.relative(root, assets)}/`);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
