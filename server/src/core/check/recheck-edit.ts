import { PARSE_LIMITS } from '../parse/limits';
import { splitDocumentsFrom } from '../parse/split-documents';
import { detachText } from '../text/detach-text';
import type { TextEdit } from '../text/text-edit';
import { checkChunk, type ChunkCheck } from './check-chunk';
import type { CheckContext } from './check-context';
import {
  assembleFileCheck,
  checkText,
  looksLikeKubernetes,
  NOT_KUBERNETES,
  type CheckedChunk,
  type ChunkLookup,
  type FileCheck,
} from './check-text';

/** A file's check after an edit, and which chunks it dropped and added. */
export interface EditedCheck {
  check: FileCheck;
  /** The previous check's chunks that are gone (their text changed or vanished). */
  removed: readonly CheckedChunk[];
  /** The chunks that are new (re-split from the edited region). */
  added: readonly CheckedChunk[];
}

/** The index of the chunk holding `offset` (chunks are in offset order and cover the text). */
function chunkAt(chunks: readonly CheckedChunk[], offset: number): number {
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((chunks[middle] as CheckedChunk).startOffset <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Checks `text`, the text of `previous` after `edit`, touching only what the
 * edit can have changed: the file is re-split from the chunk before the
 * edited line to the first old chunk start past the edit (the splitter's
 * state is fresh at every chunk start, so from there on the chunks are the
 * old ones, moved), and only new chunk texts are parsed and checked. The
 * work is proportional to the edited documents, not to the file; the
 * result is what `checkText` gives for `text`.
 */
export function recheckEdit(
  previous: FileCheck,
  text: string,
  edit: TextEdit,
  context: CheckContext,
  lookup?: ChunkLookup,
): EditedCheck {
  const old = previous.chunks;
  const whole = (): EditedCheck => {
    const check = checkText(text, context, lookup);
    return { check, removed: old, added: check.chunks };
  };
  // Skipped before, or maybe now (too large, or the inserted text brought a NUL byte): all of it.
  if (
    old.length === 0 ||
    previous.skipped !== undefined ||
    text.length > PARSE_LIMITS.maxFileBytes ||
    text.slice(edit.start, edit.newEnd).includes('\0')
  )
    return whole();
  if (!looksLikeKubernetes(text)) return { check: NOT_KUBERNETES, removed: old, added: [] };

  // The edited line decides whether a chunk starts there: re-split from the
  // chunk before the one that line starts, as that chunk's state decides it.
  const lineStart = edit.start === 0 ? 0 : text.lastIndexOf('\n', edit.start - 1) + 1;
  let first = chunkAt(old, lineStart);
  if (first > 0 && (old[first] as CheckedChunk).startOffset === lineStart) first--;
  const from = old[first] as CheckedChunk;
  const growth = edit.newEnd - edit.oldEnd;
  // Old chunks starting at or past the edit's end may be where the re-split meets the old split.
  let next = chunkAt(old, edit.oldEnd);
  if ((old[next] as CheckedChunk).startOffset < edit.oldEnd) next++;
  const split = splitDocumentsFrom(text, from.startOffset, from.startLine, (offset) => {
    if (offset < edit.newEnd) return false;
    while (next < old.length && (old[next] as CheckedChunk).startOffset + growth < offset) next++;
    return next < old.length && (old[next] as CheckedChunk).startOffset + growth === offset;
  });
  const rest = split.stoppedAt ? next : old.length;
  const replaced = old.slice(first, rest);
  // The re-split region's old chunks by text, with how many times each was
  // there: a chunk that is there again (an unchanged neighbour) keeps its
  // result and is neither removed nor added.
  const before = new Map<string, { text: string; result: ChunkCheck; count: number }>();
  for (const chunk of replaced) {
    const entry = before.get(chunk.text);
    if (entry) entry.count++;
    else before.set(chunk.text, { text: chunk.text, result: chunk.result, count: 1 });
  }
  const kept: CheckedChunk[] = [];
  const added: CheckedChunk[] = [];
  for (const chunk of split.chunks) {
    const entry = before.get(chunk.text);
    if (entry && entry.count > 0) {
      entry.count--;
      kept.push({ ...chunk, text: entry.text, result: entry.result });
      continue;
    }
    const text = entry?.text ?? detachText(chunk.text);
    const result = entry?.result ?? lookup?.get(text) ?? checkChunk(text, context);
    const checked = { ...chunk, text, result };
    kept.push(checked);
    added.push(checked);
  }
  const removed: CheckedChunk[] = [];
  for (const chunk of replaced) {
    const entry = before.get(chunk.text);
    if (entry && entry.count > 0) {
      entry.count--;
      removed.push(chunk);
    }
  }
  const lineShift = split.stoppedAt
    ? split.stoppedAt.line - (old[rest] as CheckedChunk).startLine
    : 0;
  const chunks: CheckedChunk[] = old.slice(0, first).concat(kept);
  for (let index = rest; index < old.length; index++) {
    const chunk = old[index] as CheckedChunk;
    chunks.push(
      growth === 0 && lineShift === 0
        ? chunk
        : {
            text: chunk.text,
            startLine: chunk.startLine + lineShift,
            startOffset: chunk.startOffset + growth,
            result: chunk.result,
          },
    );
  }
  return { check: assembleFileCheck(chunks), removed, added };
}

/** True when `change` was made to `text` (so the new text can be checked as an edit of it). */
export function isEditOf<Change extends { before: string }>(
  text: string | undefined,
  change: Change | undefined,
): change is Change {
  return text !== undefined && change !== undefined && change.before === text;
}

/**
 * Checks `text`: as an edit of `previous` when `change` starts from its text
 * (only the edited documents are checked again; `asEdit`), else as a whole,
 * reusing what `lookup` and the previous check know of its documents.
 */
export function checkChangedText(
  text: string,
  context: CheckContext,
  previous: { text: string; check: FileCheck } | undefined,
  change: { before: string; edit: TextEdit } | undefined,
  lookup?: ChunkLookup,
): EditedCheck & { asEdit: boolean } {
  if (previous && isEditOf(previous.text, change)) {
    return { ...recheckEdit(previous.check, text, change.edit, context, lookup), asEdit: true };
  }
  const old = previous?.check.chunks ?? [];
  let byText: Map<string, ChunkCheck> | undefined;
  const known: ChunkLookup = {
    get: (chunkText) =>
      lookup?.get(chunkText) ??
      (byText ??= new Map(old.map((chunk) => [chunk.text, chunk.result]))).get(chunkText),
  };
  const check = checkText(text, context, known);
  return { check, removed: old, added: check.chunks, asEdit: false };
}
