import { CORE_CODES } from '../diagnostics/core-codes';
import type { Finding } from '../diagnostics/finding';
import type { Manifest } from '../model/manifest';
import { PARSE_LIMITS } from '../parse/limits';
import { splitDocuments } from '../parse/split-documents';
import { makeRange, shiftRange } from '../text/range';
import { checkChunk, type ChunkCheck } from './check-chunk';
import type { CheckContext } from './check-context';

/** Results of earlier chunk checks, keyed by chunk text. The caller owns it (one per open file). */
export type ChunkCache = Map<string, ChunkCheck>;

/** A manifest and the file line its document starts on. */
export interface PlacedManifest {
  manifest: Manifest;
  /** Add to the manifest's (chunk-relative) ranges to get file positions. */
  lineOffset: number;
}

/** The outcome of checking a whole file. */
export interface FileCheck {
  /** Findings with file positions, in document order. */
  findings: Finding[];
  manifests: PlacedManifest[];
  /** True when the file holds at least one Kubernetes object. */
  kubernetes: boolean;
  /** Why the file was skipped, when it was. */
  skipped?: string;
  /** The cache to pass to the next check of the same file: exactly this text's chunks. */
  cache: ChunkCache;
}

/** Cheap test: does the text look like it holds Kubernetes objects at all? */
export function looksLikeKubernetes(text: string): boolean {
  return (
    /^(?:apiVersion|kind)\s*:/m.test(text) ||
    /^\s*"?(?:apiVersion|kind)"?\s*:/m.test(text.slice(0, 4096))
  );
}

/**
 * Checks a file's text. Documents whose text is unchanged since `previous`
 * are not parsed or checked again; their findings are only moved to their
 * new lines. A file without Kubernetes objects gets no findings.
 */
export function checkText(text: string, context: CheckContext, previous?: ChunkCache): FileCheck {
  const cache: ChunkCache = new Map();
  const bytes = text.length;
  if (bytes > PARSE_LIMITS.maxFileBytes) {
    return skippedFile(
      cache,
      CORE_CODES.fileTooLarge,
      `the file has ${(bytes / 1048576).toFixed(1)} MiB; Slipway checks files up to ${PARSE_LIMITS.maxFileBytes / 1048576} MiB, so it is skipped`,
    );
  }
  if (text.includes('\0')) {
    return skippedFile(
      cache,
      CORE_CODES.binaryFile,
      'the file contains NUL bytes, so it is not YAML text; it is skipped',
    );
  }
  if (!looksLikeKubernetes(text)) {
    return { findings: [], manifests: [], kubernetes: false, cache };
  }
  const findings: Finding[] = [];
  const notAnObject: Finding[] = [];
  const manifests: PlacedManifest[] = [];
  let kubernetes = false;
  for (const chunk of splitDocuments(text)) {
    let result = previous?.get(chunk.text) ?? cache.get(chunk.text);
    if (!result) result = checkChunk(chunk.text, context);
    cache.set(chunk.text, result);
    for (const finding of result.findings) {
      findings.push({ ...finding, range: shiftRange(finding.range, chunk.startLine) });
    }
    for (const finding of result.notAnObject) {
      notAnObject.push({ ...finding, range: shiftRange(finding.range, chunk.startLine) });
    }
    for (const manifest of result.manifests)
      manifests.push({ manifest, lineOffset: chunk.startLine });
    kubernetes ||= result.kubernetes;
  }
  if (kubernetes) findings.push(...notAnObject);
  findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  return { findings, manifests, kubernetes, cache };
}

function skippedFile(
  cache: ChunkCache,
  info: { code: string; severity: Finding['severity'] },
  message: string,
): FileCheck {
  return {
    findings: [{ code: info.code, severity: info.severity, message, range: makeRange(0, 0, 0, 1) }],
    manifests: [],
    kubernetes: false,
    skipped: message,
    cache,
  };
}
