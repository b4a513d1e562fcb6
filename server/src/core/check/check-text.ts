import { CORE_CODES } from '../diagnostics/core-codes';
import type { Finding } from '../diagnostics/finding';
import type { Manifest } from '../model/manifest';
import { PARSE_LIMITS } from '../parse/limits';
import { splitDocuments, type DocumentChunk } from '../parse/split-documents';
import { runSteps } from '../steps/run-steps';
import { detachText } from '../text/detach-text';
import { makeRange, shiftRange } from '../text/range';
import { checkChunk, type ChunkCheck } from './check-chunk';
import type { CheckContext } from './check-context';

/** Results of chunk checks, keyed by chunk text. */
export type ChunkCache = Map<string, ChunkCheck>;

/** A document chunk of a file and the result of checking it. */
export interface CheckedChunk extends DocumentChunk {
  result: ChunkCheck;
}

/** Where earlier chunk results can be found: a file's last cache, or several of them. */
export interface ChunkLookup {
  get(text: string): ChunkCheck | undefined;
}

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
  readonly manifests: PlacedManifest[];
  /** True when the file holds at least one Kubernetes object. */
  kubernetes: boolean;
  /** Why the file was skipped, when it was. */
  skipped?: string;
  /** The file's chunks in order (none when the file was skipped or holds no Kubernetes objects). */
  chunks: readonly CheckedChunk[];
}

/** Cheap test: does the text look like it holds Kubernetes objects at all? */
export function looksLikeKubernetes(text: string): boolean {
  return (
    /^(?:apiVersion|kind)\s*:/m.test(text) ||
    /^\s*"?(?:apiVersion|kind)"?\s*:/m.test(text.slice(0, 4096))
  );
}

/**
 * Checks a file's text. Documents whose text `previous` knows are not
 * parsed or checked again; their findings are only moved to their new
 * lines. A file without Kubernetes objects gets no findings.
 */
export function checkText(text: string, context: CheckContext, previous?: ChunkLookup): FileCheck {
  return runSteps(checkTextSteps(text, context, previous));
}

/** Why a whole file is not checked (too large, binary), or undefined when it is checked. */
function fileSkipped(text: string): FileCheck | undefined {
  const bytes = text.length;
  if (bytes > PARSE_LIMITS.maxFileBytes) {
    return skippedFile(
      CORE_CODES.fileTooLarge,
      `the file has ${(bytes / 1048576).toFixed(1)} MiB; Slipway checks files up to ${PARSE_LIMITS.maxFileBytes / 1048576} MiB, so it is skipped`,
    );
  }
  if (text.includes('\0')) {
    return skippedFile(
      CORE_CODES.binaryFile,
      'the file contains NUL bytes, so it is not YAML text; it is skipped',
    );
  }
  return undefined;
}

/** What a file without Kubernetes objects gets: nothing. */
export const NOT_KUBERNETES: FileCheck = Object.freeze({
  findings: [],
  manifests: [],
  kubernetes: false,
  chunks: [],
});

/**
 * `checkText` one document at a time: it yields after each document it had to
 * parse and check, so a caller can spread a large file over several turns of
 * the event loop (and drop it when it is superseded). `checked` is filled as
 * it goes: another check of the same text can read it meanwhile.
 */
export function* checkTextSteps(
  text: string,
  context: CheckContext,
  previous?: ChunkLookup,
  checked: ChunkCache = new Map(),
): Generator<void, FileCheck, void> {
  const skipped = fileSkipped(text);
  if (skipped) return skipped;
  if (!looksLikeKubernetes(text)) return NOT_KUBERNETES;
  const chunks: CheckedChunk[] = [];
  for (const chunk of splitDocuments(text)) {
    // Kept chunks and their parsed values must not hold the whole file's text.
    const chunkText = detachText(chunk.text);
    let result = checked.get(chunkText) ?? previous?.get(chunkText);
    if (!result) {
      result = checkChunk(chunkText, context);
      checked.set(chunkText, result);
      yield;
    } else {
      checked.set(chunkText, result);
    }
    chunks.push({ ...chunk, text: chunkText, result });
  }
  return assembleFileCheck(chunks);
}

/**
 * A file's findings and manifests, with file positions, from its checked
 * chunks: the chunks' own results are kept as they are and only placed. The
 * manifests are placed when first asked for (the simulation asks, once
 * typing pauses; an edit's diagnostics do not), so an edit of a large file
 * costs a walk over its chunks, not an object per manifest.
 */
export function assembleFileCheck(chunks: readonly CheckedChunk[]): FileCheck {
  const findings: Finding[] = [];
  const notAnObject: Finding[] = [];
  let kubernetes = false;
  let sorted = true;
  let lastLine = -1;
  let lastCharacter = -1;
  for (let index = 0; index < chunks.length; index++) {
    const { result, startLine } = chunks[index] as CheckedChunk;
    if (result.kubernetes) kubernetes = true;
    // Most documents have no findings: an edit of a large file walks thousands of them.
    if (result.findings.length === 0 && result.notAnObject.length === 0) continue;
    for (const finding of result.findings) {
      const placed = { ...finding, range: shiftRange(finding.range, startLine) };
      const { line, character } = placed.range.start;
      // Chunks come in line order, and a chunk's findings mostly do too: sort only when needed.
      if (line < lastLine || (line === lastLine && character < lastCharacter)) sorted = false;
      lastLine = line;
      lastCharacter = character;
      findings.push(placed);
    }
    for (const finding of result.notAnObject) {
      notAnObject.push({ ...finding, range: shiftRange(finding.range, startLine) });
    }
  }
  if (kubernetes && notAnObject.length > 0) {
    findings.push(...notAnObject);
    sorted = false;
  }
  if (!sorted) {
    findings.sort(
      (a, b) =>
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character,
    );
  }
  let manifests: PlacedManifest[] | undefined;
  return {
    findings,
    get manifests(): PlacedManifest[] {
      return (manifests ??= placeManifests(chunks));
    },
    kubernetes,
    chunks,
  };
}

function placeManifests(chunks: readonly CheckedChunk[]): PlacedManifest[] {
  const placed: PlacedManifest[] = [];
  for (const { result, startLine } of chunks) {
    for (const manifest of result.manifests) placed.push({ manifest, lineOffset: startLine });
  }
  return placed;
}

function skippedFile(
  info: { code: string; severity: Finding['severity'] },
  message: string,
): FileCheck {
  return {
    findings: [{ code: info.code, severity: info.severity, message, range: makeRange(0, 0, 0, 1) }],
    manifests: [],
    kubernetes: false,
    skipped: message,
    chunks: [],
  };
}
