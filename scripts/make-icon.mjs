// Draws the extension's icon, images/icon.png (128×128 RGBA), with no dependency:
// a blue rounded square, a white slipway ramp running down into three waves, a hull on it.
//   node scripts/make-icon.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // supersampling per axis, for smooth edges

const BLUE = [50, 108, 229]; // #326ce5
const NAVY = [22, 52, 128];
const WHITE = [255, 255, 255];

function insideRoundedSquare(x, y) {
  const r = 26;
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

// Ramp coordinates: `along` from the top right down the slope, `across` below it (negative: above).
const DX = -84 / Math.hypot(84, 48);
const DY = 48 / Math.hypot(84, 48);
function rampCoordinates(x, y) {
  return { along: (x - 108) * DX + (y - 40) * DY, across: (x - 108) * DY - (y - 40) * DX };
}

/** The ramp: a slanted band from the top right down to the water on the left. */
function insideRamp(x, y) {
  const { along, across } = rampCoordinates(x, y);
  return along >= 0 && along <= 97 && Math.abs(across) <= 3.5;
}

/** A small hull resting on the ramp, wider at the deck than at the keel. */
function insideHull(x, y) {
  const { along, across } = rampCoordinates(x, y);
  if (across > -6 || across < -18) return false;
  const flare = (-6 - across) * 0.5; // 0 at the keel, 6 at the deck
  return along >= 30 - flare && along <= 56 + flare;
}

function insideWaves(x, y) {
  for (const base of [92, 104, 116]) {
    const wave = base + 3 * Math.sin((x / 128) * Math.PI * 6);
    if (Math.abs(y - wave) <= 2.2 && x >= 14 && x <= 114) return true;
  }
  return false;
}

function colourAt(x, y) {
  if (!insideRoundedSquare(x, y)) return null;
  if (insideRamp(x, y) || insideHull(x, y) || insideWaves(x, y)) return WHITE;
  const t = y / SIZE; // a vertical gradient, navy at the bottom
  return BLUE.map((c, i) => Math.round(c * (1 - t * 0.55) + NAVY[i] * t * 0.55));
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        if (c) {
          sum[0] += c[0];
          sum[1] += c[1];
          sum[2] += c[2];
          sum[3] += 255;
        }
      }
    }
    const n = SAMPLES * SAMPLES;
    const covered = sum[3] / 255;
    const offset = y * (SIZE * 4 + 1) + 1 + x * 4;
    raw[offset] = covered ? Math.round(sum[0] / covered) : 0;
    raw[offset + 1] = covered ? Math.round(sum[1] / covered) : 0;
    raw[offset + 2] = covered ? Math.round(sum[2] / covered) : 0;
    raw[offset + 3] = Math.round(sum[3] / n);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync('images', { recursive: true });
writeFileSync('images/icon.png', png);
console.log(`images/icon.png: ${png.length} bytes`);
