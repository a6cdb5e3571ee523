// The app icon files electron-builder and the desktop use (made by scripts/make-icons.mjs from
// assets/icon.svg): every path electron.config.ts names exists, and each container holds real PNG images
// of the sizes it claims. Until session 10 the config named icon files that had never been added.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import config from '../../../electron.config.js';

const PNG_SIGNATURE = '89504e470d0a1a0a';

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(b: Buffer): { width: number; height: number } {
  expect(b.subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
  expect(b.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('app icons', () => {
  it('every icon electron.config.ts names exists', () => {
    const c = config as unknown as { linux: { icon: string }; win: { icon: string }; mac: { icon: string }; fileAssociations: Array<{ icon: string }> };
    expect(existsSync(c.win.icon), c.win.icon).toBe(true);
    expect(existsSync(c.mac.icon), c.mac.icon).toBe(true);
    expect(existsSync(c.linux.icon), c.linux.icon).toBe(true);
    // A file association's icon names no extension: electron-builder adds .ico (Windows) or .icns (macOS).
    for (const a of c.fileAssociations) for (const ext of ['.ico', '.icns']) expect(existsSync(a.icon + ext), a.icon + ext).toBe(true);
  });

  it('the Linux window icon main.ts passes (dist/electron/../../assets/icon.png) exists and is packed', () => {
    expect(existsSync(path.join('dist', 'electron', '..', '..', 'assets', 'icon.png'))).toBe(true);
    expect((config as unknown as { files: string[] }).files).toContain('assets/icon.png');
  });

  it('the Linux set has one square PNG per size its file name says', () => {
    const names = readdirSync('assets/icons').sort();
    expect(names).toContain('256x256.png');
    expect(names).toContain('512x512.png');
    for (const name of names) {
      const n = Number(/^(\d+)x\1\.png$/.exec(name)?.[1]);
      expect(pngSize(readFileSync(`assets/icons/${name}`)), name).toEqual({ width: n, height: n });
    }
    expect(pngSize(readFileSync('assets/icon.png'))).toEqual({ width: 1024, height: 1024 });
  });

  it('icon.ico holds PNG images from 16 to 256 px, each at the offset and size its directory entry says', () => {
    const b = readFileSync('assets/icon.ico');
    expect([b.readUInt16LE(0), b.readUInt16LE(2)]).toEqual([0, 1]);
    const count = b.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const e = 6 + 16 * i;
      const size = b.readUInt8(e) || 256;
      const length = b.readUInt32LE(e + 8), offset = b.readUInt32LE(e + 12);
      expect(offset + length).toBeLessThanOrEqual(b.length);
      expect(pngSize(b.subarray(offset, offset + length))).toEqual({ width: size, height: size });
      sizes.push(size);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('icon.icns holds PNG images up to 1024 px, and its lengths add up', () => {
    const b = readFileSync('assets/icon.icns');
    expect(b.toString('latin1', 0, 4)).toBe('icns');
    expect(b.readUInt32BE(4)).toBe(b.length);
    const found: Record<string, number> = {};
    for (let at = 8; at < b.length; ) {
      const type = b.toString('latin1', at, at + 4), length = b.readUInt32BE(at + 4);
      expect(length).toBeGreaterThan(8);
      found[type] = pngSize(b.subarray(at + 8, at + length)).width;
      at += length;
    }
    expect(found).toEqual({ ic07: 128, ic08: 256, ic09: 512, ic10: 1024 });
  });
});
