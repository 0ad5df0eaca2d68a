// Just enough PNG for the Teams icons: write 8-bit RGBA, read back 8-bit non-interlaced RGB/RGBA/grey.
// Spec: https://www.w3.org/TR/png-3/ (chunks §5, filters §7.3, IHDR §11.2.1).
import zlib from 'node:zlib';
import { crc32 } from './zip.mjs';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const RGBA = 6;
const CHANNELS = { 0: 1, 2: 3, 4: 2, 6: 4 };

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

function filterRow(type, row, prior, bpp) {
  const out = Buffer.alloc(row.length);
  for (let i = 0; i < row.length; i++) {
    const a = i >= bpp ? row[i - bpp] : 0;
    const b = prior[i];
    const c = i >= bpp ? prior[i - bpp] : 0;
    const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][type];
    out[i] = (row[i] - predictor) & 0xff;
  }
  return out;
}

/**
 * Encodes 8-bit RGBA pixels as PNG, choosing each row's filter by the usual minimum-sum heuristic.
 * @param {number} width
 * @param {number} height
 * @param {Uint8Array} rgba width*height*4 bytes, row-major
 */
export function encodePng(width, height, rgba) {
  const stride = width * 4;
  const rows = [];
  let prior = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const row = Buffer.from(rgba.subarray(y * stride, (y + 1) * stride));
    let best;
    let bestScore = Infinity;
    for (let type = 0; type <= 4; type++) {
      const filtered = filterRow(type, row, prior, 4);
      const score = filtered.reduce((sum, v) => sum + (v < 128 ? v : 256 - v), 0);
      if (score < bestScore) {
        bestScore = score;
        best = Buffer.concat([Buffer.from([type]), filtered]);
      }
    }
    rows.push(best);
    prior = row;
  }

  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = RGBA;
  // compression, filter method, interlace: 0
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Decodes an 8-bit, non-interlaced, non-palette PNG into RGBA.
 * @param {Buffer} png
 * @returns {{ width: number, height: number, rgba: Buffer }}
 */
export function decodePng(png) {
  if (png.length < 8 || !png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
  let at = 8;
  let header;
  const idat = [];
  while (at + 8 <= png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    at += 12 + length;
    if (type === 'IHDR') {
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8],
        colorType: data[9],
        interlace: data[12],
      };
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
  }
  if (!header) throw new Error('PNG has no IHDR chunk');
  const { width, height, bitDepth, colorType, interlace } = header;
  const channels = CHANNELS[colorType];
  if (bitDepth !== 8 || !channels || interlace !== 0) {
    throw new Error(`unsupported PNG (bit depth ${bitDepth}, colour type ${colorType}, interlace ${interlace})`);
  }

  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  let prior = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const type = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? row[i - channels] : 0;
      const b = prior[i];
      const c = i >= channels ? prior[i - channels] : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][type];
      if (predictor === undefined) throw new Error(`bad PNG filter type ${type} on row ${y}`);
      row[i] = (line[i] + predictor) & 0xff;
    }
    prior = row;
  }

  const rgba = Buffer.alloc(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const s = pixels.subarray(p * channels, (p + 1) * channels);
    const [r, g, b, alpha] =
      channels === 4 ? s : channels === 3 ? [s[0], s[1], s[2], 255] : channels === 2 ? [s[0], s[0], s[0], s[1]] : [s[0], s[0], s[0], 255];
    rgba.set([r, g, b, alpha], p * 4);
  }
  return { width, height, rgba };
}
