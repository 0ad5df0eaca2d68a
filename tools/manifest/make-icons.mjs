#!/usr/bin/env node
// Draws the Teams icons into appPackage/: color.png (192x192, full colour) and outline.png (32x32, white on
// transparent). Both show a document with a check mark: a permit application that has been approved.
//
//   node tools/manifest/make-icons.mjs [--preview DIR]
//
// Shapes are described in icon units and rendered at 8x8 samples per pixel, then averaged
// (premultiplied), which gives anti-aliased edges without any drawing library; pngjs encodes the result.
// --preview DIR also writes 4x enlarged copies (nearest neighbour, over a dark backdrop) for eyeballing.
//
// Exit codes: 0 written, 2 usage error.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { PNG } from 'pngjs';

const manifestDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'appPackage');
const SAMPLES = 8;

// Palette: the manifest's accentColor (#1F6F43) and a darker shade, paper, ink and a stamp gold.
const GREEN_LIGHT = [0x2a, 0x85, 0x55];
const GREEN_DARK = [0x1a, 0x5c, 0x38];
const PAPER = [0xff, 0xff, 0xff];
const FOLD = [0xc9, 0xdf, 0xd1];
const INK = [0x8f, 0xb5, 0x9d];
const GOLD = [0xf2, 0xb7, 0x05];
const WHITE = [0xff, 0xff, 0xff];

// --- shapes: (x, y) in icon units -> inside? ---

function polygon(points) {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i];
      const [xj, yj] = points[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

function circle(cx, cy, r) {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** A polyline stroked with round caps and joins. */
function stroke(points, width, closed = false) {
  const segments = points.map((p, i) => [p, points[i + 1] ?? (closed ? points[0] : undefined)]).filter(([, b]) => b);
  return (x, y) => segments.some(([a, b]) => distanceToSegment(x, y, a, b) <= width / 2);
}

function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.max(x0 + r, Math.min(x1 - r, x));
    const cy = Math.max(y0 + r, Math.min(y1 - r, y));
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

// --- a tiny supersampled canvas ---

class Canvas {
  constructor(size) {
    this.size = size;
    this.n = size * SAMPLES;
    this.rgba = new Float32Array(this.n * this.n * 4); // straight alpha, 0..1
  }

  /** Paints `color` (or color(x, y)) with opacity `alpha` wherever `shape` is inside, source-over. */
  fill(shape, color, alpha = 1) {
    const { n, rgba } = this;
    for (let sy = 0; sy < n; sy++) {
      const y = (sy + 0.5) / SAMPLES;
      for (let sx = 0; sx < n; sx++) {
        const x = (sx + 0.5) / SAMPLES;
        if (!shape(x, y)) continue;
        const [r, g, b] = typeof color === 'function' ? color(x, y) : color;
        const i = (sy * n + sx) * 4;
        const da = rgba[i + 3];
        const oa = alpha + da * (1 - alpha);
        for (const [k, c] of [[0, r / 255], [1, g / 255], [2, b / 255]]) {
          rgba[i + k] = oa === 0 ? 0 : (c * alpha + rgba[i + k] * da * (1 - alpha)) / oa;
        }
        rgba[i + 3] = oa;
      }
    }
  }

  /** Averages each pixel's samples (premultiplied) into 8-bit RGBA. */
  toRgba8() {
    const { size, n, rgba } = this;
    const out = new Uint8Array(size * size * 4);
    for (let py = 0; py < size; py++) {
      for (let px = 0; px < size; px++) {
        let r = 0;
        let g = 0;
        let b = 0;
        let a = 0;
        for (let sy = 0; sy < SAMPLES; sy++) {
          for (let sx = 0; sx < SAMPLES; sx++) {
            const i = ((py * SAMPLES + sy) * n + px * SAMPLES + sx) * 4;
            const sa = rgba[i + 3];
            r += rgba[i] * sa;
            g += rgba[i + 1] * sa;
            b += rgba[i + 2] * sa;
            a += sa;
          }
        }
        const o = (py * size + px) * 4;
        const count = SAMPLES * SAMPLES;
        out[o + 3] = Math.round((a / count) * 255);
        if (a > 0) {
          out[o] = Math.round((r / a) * 255);
          out[o + 1] = Math.round((g / a) * 255);
          out[o + 2] = Math.round((b / a) * 255);
        }
      }
    }
    return out;
  }
}

function mix(from, to, t) {
  return from.map((c, k) => c + (to[k] - c) * t);
}

// --- the two icons ---

function drawColor() {
  const size = 192;
  const canvas = new Canvas(size);
  // Full-bleed background (Teams masks the corners itself), lit from the top left.
  canvas.fill(() => true, (x, y) => mix(GREEN_LIGHT, GREEN_DARK, (x + y) / (2 * size)));

  // The document, with a soft shadow and its top-right corner folded over.
  const page = [[50, 30], [114, 30], [142, 58], [142, 162], [50, 162]];
  canvas.fill(polygon(page.map(([x, y]) => [x + 4, y + 5])), [0, 0, 0], 0.18);
  canvas.fill(polygon(page), PAPER);
  canvas.fill(polygon([[114, 30], [114, 58], [142, 58]]), FOLD);

  // Lines of text.
  for (const [y, x1] of [[58, 100], [76, 124], [94, 124], [112, 104]]) {
    canvas.fill(stroke([[66, y], [x1, y]], 7), INK);
  }

  // The approval stamp: a gold seal, separated from the page by a ring of background, with a check mark.
  canvas.fill(circle(140, 140, 38), (x, y) => mix(GREEN_LIGHT, GREEN_DARK, (x + y) / (2 * size)));
  canvas.fill(circle(140, 140, 32), GOLD);
  canvas.fill(stroke([[124, 141], [135, 152], [157, 128]], 9), WHITE);
  return { size, rgba: canvas.toRgba8() };
}

function drawOutline() {
  const size = 32;
  const canvas = new Canvas(size);
  // Teams tints the outline icon, so it is white strokes on transparency only.
  // Strokes 2 units wide centred on whole coordinates cover whole pixels, so the edges stay crisp.
  canvas.fill(stroke([[7, 3], [18, 3], [25, 10], [25, 29], [7, 29]], 2, true), WHITE);
  canvas.fill(stroke([[18, 3], [18, 10], [25, 10]], 2), WHITE);
  canvas.fill(stroke([[11, 10], [14, 10]], 2), WHITE);
  canvas.fill(stroke([[11, 15], [21, 15]], 2), WHITE);
  canvas.fill(stroke([[11, 21.5], [14.5, 25], [21.5, 18]], 2.5), WHITE);
  const rgba = canvas.toRgba8();
  // Keep every pixel pure white; only alpha carries the shape.
  for (let i = 0; i < rgba.length; i += 4) rgba.set(WHITE, i);
  return { size, rgba };
}

function preview({ size, rgba }, factor) {
  const backdrop = [0x33, 0x33, 0x33];
  const big = new Uint8Array(size * factor * size * factor * 4);
  for (let y = 0; y < size * factor; y++) {
    for (let x = 0; x < size * factor; x++) {
      const from = (Math.floor(y / factor) * size + Math.floor(x / factor)) * 4;
      const alpha = rgba[from + 3] / 255;
      const pixel = backdrop.map((c, k) => Math.round(c + (rgba[from + k] - c) * alpha));
      big.set([...pixel, 255], (y * size * factor + x) * 4);
    }
  }
  return { size: size * factor, rgba: big };
}

/**
 * 8-bit RGBA PNG of a square image: pngjs picks each row's filter (minimum sum), and zlib deflates at level 9 with its
 * default strategy (pngjs's own default, run-length only, makes the colour icon more than twice as big).
 */
function encodePng({ size, rgba }) {
  const png = new PNG({ width: size, height: size });
  png.data = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  return PNG.sync.write(png, { colorType: 6, bitDepth: 8, deflateLevel: 9, deflateStrategy: zlib.constants.Z_DEFAULT_STRATEGY });
}

function main(args) {
  let previewDir;
  try {
    const { values } = parseArgs({ args, options: { preview: { type: 'string' } } });
    previewDir = values.preview === undefined ? undefined : path.resolve(values.preview);
  } catch (error) {
    console.error(`${error.message}\nusage: node tools/manifest/make-icons.mjs [--preview DIR]`);
    return 2;
  }

  for (const [name, draw] of [['color.png', drawColor], ['outline.png', drawOutline]]) {
    const image = draw();
    const file = path.join(manifestDir, name);
    fs.writeFileSync(file, encodePng(image));
    console.log(`Wrote ${file} (${image.size}x${image.size})`);
    if (previewDir) {
      fs.mkdirSync(previewDir, { recursive: true });
      fs.writeFileSync(path.join(previewDir, `preview-${name}`), encodePng(preview(image, 4)));
    }
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
