// The committed icons in build/: every tray state at 1x and 2x, macOS template variants, and the
// app icon. PNGs are decoded here with zlib alone (no image dependency) to check real pixels.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { writeIcons } from '../../scripts/make-icons';

// The tray adapter imports electron, whose binary cannot run here: the recording fake stands in.
vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());
const { trayIconPaths } = await import('../../src/main/electron/tray');

const ICONS = resolve('build/icons');
const STATES = ['idle', 'busy', 'error'] as const;

interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  /** RGBA, 4 bytes a pixel (only for 8-bit RGBA non-interlaced files, which is what we write). */
  rgba: Uint8Array;
}

/** Reads the header and, for 8-bit RGBA, the unfiltered pixels of a PNG (a file or its bytes). */
function readPng(file: string | Buffer): Png {
  const bytes = typeof file === 'string' ? readFileSync(file) : file;
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  let header: Omit<Png, 'rgba'> | null = null;
  let interlace = 0;
  const idat: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8] ?? 0,
        colorType: data[9] ?? 0,
      };
      interlace = data[12] ?? 0;
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  if (!header) throw new Error('no IHDR');
  const rgba = new Uint8Array(header.width * header.height * 4);
  if (header.bitDepth === 8 && header.colorType === 6 && interlace === 0) {
    const raw = inflateSync(Buffer.concat(idat));
    const stride = header.width * 4;
    const prev = new Uint8Array(stride);
    for (let y = 0; y < header.height; y += 1) {
      const filter = raw[y * (stride + 1)] ?? 0;
      const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
      const out = rgba.subarray(y * stride, (y + 1) * stride);
      for (let x = 0; x < stride; x += 1) {
        const a = x >= 4 ? (out[x - 4] ?? 0) : 0;
        const b = prev[x] ?? 0;
        const c = x >= 4 ? (prev[x - 4] ?? 0) : 0;
        const v = line[x] ?? 0;
        let predicted = 0;
        if (filter === 1) predicted = a;
        else if (filter === 2) predicted = b;
        else if (filter === 3) predicted = Math.floor((a + b) / 2);
        else if (filter === 4) {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
        out[x] = (v + predicted) & 0xff;
      }
      prev.set(out);
    }
  }
  return { ...header, rgba };
}

/** Pixels as [r, g, b, a] tuples. */
function pixels(png: Png): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (let i = 0; i < png.rgba.length; i += 4) {
    out.push([png.rgba[i] ?? 0, png.rgba[i + 1] ?? 0, png.rgba[i + 2] ?? 0, png.rgba[i + 3] ?? 0]);
  }
  return out;
}

describe('build/icons', () => {
  for (const state of STATES) {
    for (const [suffix, size] of [
      ['', 16],
      ['@2x', 32],
    ] as const) {
      it(`tray-${state}${suffix}.png is ${size}x${size} RGBA with a visible, not solid, shape`, () => {
        const png = readPng(join(ICONS, `tray-${state}${suffix}.png`));
        expect(png).toMatchObject({ width: size, height: size, bitDepth: 8, colorType: 6 });
        const alpha = pixels(png).map((p) => p[3]);
        const opaque = alpha.filter((a) => a > 0).length;
        // A shape, not an empty or a full square: a tray icon needs transparent surroundings.
        expect(opaque).toBeGreaterThan(size * size * 0.15);
        expect(opaque).toBeLessThan(size * size * 0.95);
        // Coloured: not black-only (that is the template's job).
        expect(pixels(png).some(([r, g, b, a]) => a > 0 && r + g + b > 0)).toBe(true);
      });

      it(`tray-${state}Template${suffix}.png is ${size}x${size}, black with alpha only (macOS template)`, () => {
        const png = readPng(join(ICONS, `tray-${state}Template${suffix}.png`));
        expect(png).toMatchObject({ width: size, height: size, bitDepth: 8, colorType: 6 });
        const px = pixels(png);
        for (const [r, g, b] of px) expect([r, g, b]).toEqual([0, 0, 0]);
        expect(px.some((p) => p[3] === 255)).toBe(true);
        expect(px.some((p) => p[3] === 0)).toBe(true);
      });
    }
    it(`the 2x ${state} icon draws the same shape as the 1x one`, () => {
      const small = pixels(readPng(join(ICONS, `tray-${state}.png`))).map((p) => p[3]);
      const big = pixels(readPng(join(ICONS, `tray-${state}@2x.png`))).map((p) => p[3]);
      // Downsample the 2x alpha by averaging 2x2 blocks; it must resemble the 1x alpha.
      let diff = 0;
      for (let y = 0; y < 16; y += 1) {
        for (let x = 0; x < 16; x += 1) {
          const at = (yy: number, xx: number) => big[yy * 32 + xx] ?? 0;
          const avg =
            (at(2 * y, 2 * x) + at(2 * y, 2 * x + 1) + at(2 * y + 1, 2 * x) + at(2 * y + 1, 2 * x + 1)) / 4;
          diff += Math.abs(avg - (small[y * 16 + x] ?? 0));
        }
      }
      expect(diff / 256).toBeLessThan(10);
    });
  }

  it('the three states look different from one another', () => {
    const key = (state: string) =>
      Buffer.from(readPng(join(ICONS, `tray-${state}@2x.png`)).rgba).toString('hex');
    expect(new Set(STATES.map(key)).size).toBe(3);
    const tkey = (state: string) =>
      Buffer.from(readPng(join(ICONS, `tray-${state}Template@2x.png`)).rgba).toString('hex');
    expect(new Set(STATES.map(tkey)).size).toBe(3);
  });

  it('every path the tray adapter asks for exists, on each platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      for (const path of Object.values(trayIconPaths(ICONS, platform)))
        expect(existsSync(path), path).toBe(true);
    }
  });

  /** The entries of an .ico file: its declared size and its PNG, decoded. */
  function readIco(file: string): { declared: number; png: Png }[] {
    const bytes = readFileSync(file);
    expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2)]).toEqual([0, 1]);
    return Array.from({ length: bytes.readUInt16LE(4) }, (_, i) => {
      const at = 6 + 16 * i;
      const length = bytes.readUInt32LE(at + 8);
      const offset = bytes.readUInt32LE(at + 12);
      expect(offset + length).toBeLessThanOrEqual(bytes.length);
      return {
        declared: bytes[at] === 0 ? 256 : (bytes[at] ?? -1),
        png: readPng(bytes.subarray(offset, offset + length)),
      };
    });
  }

  for (const state of STATES) {
    it(`tray-${state}.ico (Windows) holds the tray drawing at 16, 20, 24 and 32 px`, () => {
      const entries = readIco(join(ICONS, `tray-${state}.ico`));
      expect(entries.map((e) => e.declared)).toEqual([16, 20, 24, 32]);
      for (const { declared, png } of entries) {
        expect(png).toMatchObject({ width: declared, height: declared, bitDepth: 8, colorType: 6 });
      }
      // Its 16 px entry is the very drawing of the 16 px PNG.
      expect(
        Buffer.from(entries[0]?.png.rgba ?? []).equals(
          Buffer.from(readPng(join(ICONS, `tray-${state}.png`)).rgba),
        ),
      ).toBe(true);
    });
  }

  it('build/icon.ico (Windows app and installer) has every size up to 256 px', () => {
    const entries = readIco(resolve('build/icon.ico'));
    expect(entries.map((e) => e.declared)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const { declared, png } of entries) expect(png.width).toBe(declared);
  });

  it('build/icon.png is a 512x512 RGBA app icon', () => {
    const png = readPng(resolve('build/icon.png'));
    expect(png).toMatchObject({ width: 512, height: 512, bitDepth: 8, colorType: 6 });
    // Mostly opaque (a rounded square) with transparent corners.
    expect(png.rgba[3]).toBe(0);
    const centre = (256 * 512 + 256) * 4;
    expect(png.rgba[centre + 3]).toBe(255);
  });

  it('the committed icons are what scripts/make-icons.ts draws now', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vps-icons-'));
    try {
      const written = writeIcons(join(dir, 'icons'));
      expect(written).toHaveLength(17);
      for (const name of written) {
        const fresh = readFileSync(join(dir, 'icons', name));
        const committed = readFileSync(join(ICONS, name));
        expect(fresh.equals(committed), `${name} is stale: run npx tsx scripts/make-icons.ts`).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
