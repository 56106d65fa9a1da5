/**
 * Draws the tray icons (idle, busy, error; 16 px and 32 px @2x; colour and macOS template) and the
 * 512 px app icon (build/icon.png) into build/icons, as PNGs written by hand with zlib: no image dependency.
 * For Windows, the same drawings at several sizes go into .ico files (PNG-compressed entries, which
 * Windows reads since Vista): build/icon.ico for the app and installer, tray-<state>.ico for the tray.
 * Run with `npx tsx scripts/make-icons.ts`; the files are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgb = [number, number, number];
/** Coverage in [0, 1] of a point in the unit square (0,0 top left). */
type Shape = (x: number, y: number) => boolean;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** Encodes RGBA pixels (row-major, 4 bytes each) as a PNG. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Packs PNGs (square, at most 256 px) into an .ico file. */
export function encodeIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size; // 0 means 256
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/** Paints layers (later ones on top) with 4x4 supersampling for smooth edges. */
function render(size: number, layers: { shape: Shape; color: Rgb }[]): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let hit: Rgb | null = null;
          for (const layer of layers) if (layer.shape(x, y)) hit = layer.color;
          if (hit) {
            r += hit[0];
            g += hit[1];
            b += hit[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
      out[i + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return out;
}

const dist = (x: number, y: number) => Math.hypot(x - 0.5, y - 0.5);
const ring: Shape = (x, y) => dist(x, y) <= 0.47 && dist(x, y) >= 0.31;
const dot: Shape = (x, y) => dist(x, y) <= 0.15;
/** A ring with a quarter missing at the top right: "in progress". */
const openRing: Shape = (x, y) => ring(x, y) && !(x > 0.5 && y < 0.5);
/** A solid disc with an exclamation mark cut out: "needs attention". */
const alertDisc: Shape = (x, y) => {
  if (dist(x, y) > 0.47) return false;
  const bar = Math.abs(x - 0.5) <= 0.08 && y >= 0.2 && y <= 0.6;
  const point = Math.hypot(x - 0.5, y - 0.76) <= 0.085;
  return !(bar || point);
};

const STATES = {
  idle: { shapes: [ring, dot], color: [0x8a, 0x94, 0xa6] as Rgb },
  busy: { shapes: [openRing, dot], color: [0x2d, 0x8c, 0xff] as Rgb },
  error: { shapes: [alertDisc], color: [0xe5, 0x48, 0x4d] as Rgb },
} as const;

const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];

/** A rounded square filling the unit square, for the app icon's background. */
const roundedSquare: Shape = (x, y) => {
  const r = 0.2;
  const dx = Math.max(0.06 + r - x, x - (0.94 - r), 0);
  const dy = Math.max(0.06 + r - y, y - (0.94 - r), 0);
  return x >= 0.06 && x <= 0.94 && y >= 0.06 && y <= 0.94 && Math.hypot(dx, dy) <= r;
};
const scaled =
  (shape: Shape, k: number): Shape =>
  (x, y) =>
    shape(0.5 + (x - 0.5) / k, 0.5 + (y - 0.5) / k);

/** Writes every icon into `dir`; returns the file names written. */
export function writeIcons(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const put = (name: string, size: number, layers: { shape: Shape; color: Rgb }[]) => {
    writeFileSync(join(dir, name), encodePng(size, render(size, layers)));
    written.push(name);
  };
  const putIco = (name: string, sizes: number[], layers: { shape: Shape; color: Rgb }[]) => {
    const images = sizes.map((size) => ({ size, png: encodePng(size, render(size, layers)) }));
    writeFileSync(join(dir, name), encodeIco(images));
    written.push(name);
  };
  for (const [state, { shapes, color }] of Object.entries(STATES)) {
    // Windows trays at 100 %, 125 %, 150 % and 200 % scaling.
    putIco(
      `tray-${state}.ico`,
      [16, 20, 24, 32],
      shapes.map((shape) => ({ shape, color })),
    );
    for (const [suffix, size] of [
      ['', 16],
      ['@2x', 32],
    ] as const) {
      put(
        `tray-${state}${suffix}.png`,
        size,
        shapes.map((shape) => ({ shape, color })),
      );
      // macOS template images: black and alpha only; the OS tints them for light and dark bars.
      put(
        `tray-${state}Template${suffix}.png`,
        size,
        shapes.map((shape) => ({ shape, color: BLACK })),
      );
    }
  }
  // The app icon sits in build/ itself, where packagers look for it.
  const appIcon = [
    { shape: roundedSquare, color: [0x1f, 0x6f, 0xeb] as Rgb },
    { shape: scaled(ring, 0.62), color: WHITE },
    { shape: scaled(dot, 0.62), color: WHITE },
  ];
  put('../icon.png', 512, appIcon);
  putIco('../icon.ico', [16, 24, 32, 48, 64, 128, 256], appIcon);
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'build', 'icons');
  console.log(`wrote ${writeIcons(dir).length} icons to ${dir}`);
}
