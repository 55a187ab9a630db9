/**
 * A compact text fingerprint: MinHash over word shingles of the folded,
 * vowel-blind text (see fold.ts), so another nämnd's lightly edited copy of
 * the same answer, or a second OCR run of the same page, scores close to the
 * original. 96 32-bit hashes (384 bytes, 512 characters as base64); the
 * fraction of equal positions estimates the Jaccard similarity of the two
 * shingle sets. Locality-sensitive hashing splits the signature into 32 bands
 * of 3 rows: two texts with similarity 0.5 share a band with probability 0.99,
 * two with 0.05 with 0.004, so lookups touch only the likely matches.
 */
import { foldedWords, skeleton } from './fold';

export const MINHASH_SCHEME = 'minhash-w3-k96-v1';
export const NUM_HASHES = 96;
export const BANDS = 32;
export const ROWS = 3;
const SHINGLE = 3;

/** FNV-1a over UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: a good 32-bit mixer. */
function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS: number[] = Array.from({ length: NUM_HASHES }, (_, i) => fmix32(0x9e3779b9 + Math.imul(i + 1, 0x632be5ab)));

/** The shingles the fingerprint is built from: three consecutive word skeletons. */
export function shingles(text: string): Set<string> {
  const words = foldedWords(text).map(skeleton);
  const out = new Set<string>();
  if (words.length < SHINGLE) {
    if (words.length > 0) out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(' '));
  return out;
}

/** The MinHash signature of `text`. An empty text gives all-ones (matches nothing useful). */
export function minhash(text: string): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (const sh of shingles(text)) {
    const x = fnv1a(sh);
    for (let i = 0; i < NUM_HASHES; i++) {
      const h = fmix32(x ^ SEEDS[i]);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of two signatures (0..1). */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i] && a[i] !== 0xffffffff) same++;
  return same / a.length;
}

/** The LSH band keys of a signature: "band:h1.h2.h3". */
export function bandKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    const rows: number[] = [];
    for (let r = 0; r < ROWS; r++) rows.push(sig[b * ROWS + r]);
    if (rows.every((v) => v === 0xffffffff)) continue;
    keys.push(`${b}:${rows.map((v) => v.toString(36)).join('.')}`);
  }
  return keys;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_VALUE[B64.charCodeAt(i)] = i;

/** Signature → base64 (little-endian bytes). */
export function encodeSignature(sig: Uint32Array): string {
  const bytes: number[] = [];
  for (const v of sig) bytes.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >>> 18) & 63] + B64[(n >>> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >>> 6) & 63] : '=';
    out += i + 2 < bytes.length ? B64[n & 63] : '=';
  }
  return out;
}

/** base64 → signature; null when the string is not a valid encoding of NUM_HASHES values. */
export function decodeSignature(s: string): Uint32Array | null {
  const clean = s.replace(/=+$/, '');
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const v = code < 128 ? B64_VALUE[code] : -1;
    if (v < 0) return null;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >>> bits) & 0xff);
    }
  }
  if (bytes.length !== NUM_HASHES * 4) return null;
  const sig = new Uint32Array(NUM_HASHES);
  for (let i = 0; i < NUM_HASHES; i++) {
    sig[i] = (bytes[4 * i] | (bytes[4 * i + 1] << 8) | (bytes[4 * i + 2] << 16) | (bytes[4 * i + 3] << 24)) >>> 0;
  }
  return sig;
}
