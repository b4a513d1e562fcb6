/**
 * Deterministic stand-ins for the randomness a real cluster has
 * (pod-template-hash, pod name suffixes): hashes of the canonical input, so
 * the same manifests always give the same report.
 */
import { memoByValue } from './memo';

/** 32-bit FNV-1a, as kube-controller-manager hashes pod templates. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

// apimachinery's rand.SafeEncodeString alphabet: no vowels, no confusable characters.
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** apimachinery's `rand.SafeEncodeString`: maps each character onto the safe alphabet. */
export function safeEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++)
    out += SAFE_ALPHABET[text.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** A stable suffix of `length` safe characters derived from `seed` (a pod name's random part). */
export function stableSuffix(seed: string, length = 5): string {
  let out = '';
  let state = fnv1a32(seed);
  while (out.length < length) {
    out += SAFE_ALPHABET[state % SAFE_ALPHABET.length];
    state = fnv1a32(`${seed}:${out.length}:${state}`);
  }
  return out;
}

/** JSON with sorted object keys: the canonical text hashes are taken over. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, child]) => `${JSON.stringify(key)}:${canonicalJson(child)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The pod-template-hash label a Deployment's ReplicaSet gets: FNV-1a of the
 * template, safe-encoded. Remembered by template (memoByValue): an edit
 * re-parses only the documents it touches, so a re-simulation hashes only
 * the templates of those.
 */
export const podTemplateHash: (template: unknown) => string = memoByValue((template) =>
  safeEncode(String(fnv1a32(canonicalJson(template)))),
);
