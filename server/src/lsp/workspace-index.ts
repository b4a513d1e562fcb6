import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CheckContext } from '../core/check/check-context';
import type { ChunkCheck } from '../core/check/check-chunk';
import {
  checkTextSteps,
  type CheckedChunk,
  type ChunkCache,
  type ChunkLookup,
  type FileCheck,
} from '../core/check/check-text';
import { checkChangedText } from '../core/check/recheck-edit';
import type { PositionEdit, TextEdit } from '../core/text/text-edit';
import { KUSTOMIZATION_FILES } from '../core/scope/kustomization';
import type { WorkspaceView } from '../core/scope/resolve-scope';

/** One YAML file the index knows: its text and the result of checking it. */
export interface IndexedFile {
  path: string;
  uri: string;
  text: string;
  check: FileCheck;
  /** Increases each time the file's text changes (simulation memo keys). */
  revision: number;
}

/** How an editor changed a file's text: the text before, and where it changed. */
export interface TextChange {
  before: string;
  /** The region that changed, as offsets. */
  edit: TextEdit;
  /** Each replacement, in order, as positions (to move findings computed before it). */
  moves: PositionEdit[];
}

const SKIPPED_DIRS = new Set(['node_modules', '.git']);
/** How long the background scan checks before it lets pending messages (an open, an edit) in. */
const SLICE_MS = 8;
const YAML_FILE = /\.ya?ml$/i;
/** How many revisions of a file's replacements are kept for findings of older revisions. */
const MAX_MOVES = 256;

/**
 * Every YAML file of the workspace folders, checked, kept current by
 * difference: an editor change or a file event re-checks that file only (and
 * only its changed documents, through the chunk cache). Open editors win over
 * the disk.
 */
export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  private readonly openPaths = new Set<string>();
  private folderList: string[] = [];
  private nextRevision = 1;
  /**
   * The chunks checked so far by each check under way in slices (the scan's,
   * a large open file's), by path: a later check of the same file reuses them.
   */
  private readonly inProgress = new Map<string, ChunkCache>();
  /** The text an editor last asked to have checked in slices, by path: an older one is dropped. */
  private readonly wanted = new Map<string, string>();
  /** Editor checks under way in slices; the scan waits for them (an open file comes first). */
  private editorChecks = 0;
  private editorChecksDone: { promise: Promise<void>; resolve: () => void } | undefined;
  /**
   * Every checked document of the indexed files, by text, with how many times
   * the files hold it: a document that several files share (a copy, a base
   * repeated in overlays, the same file opened from two places) is checked,
   * and kept, once.
   */
  private readonly shared = new Map<string, { check: ChunkCheck; holders: number }>();
  /**
   * Per file, the replacements of each revision since `base` (edits the
   * editor described): findings computed at an older revision can be moved
   * to where their text is now. A change that was not described restarts it.
   */
  private readonly moves = new Map<
    string,
    { base: number; log: { revision: number; moves: readonly PositionEdit[] }[] }
  >();
  /** Increases on every change: simulations are memoized per version. */
  version = 0;

  constructor(private readonly context: CheckContext) {}

  setFolders(folders: readonly string[]): void {
    this.folderList = [...folders];
    this.version++;
  }

  get folders(): readonly string[] {
    return this.folderList;
  }

  /** Reads and checks every YAML file below the folders, yielding to the event loop between files. */
  async scan(
    isExcluded: (path: string) => boolean,
    yieldToEvents: () => Promise<void>,
  ): Promise<number> {
    const paths: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRS.has(entry.name)) await walk(path);
        } else if (
          entry.isFile() &&
          (YAML_FILE.test(entry.name) || KUSTOMIZATION_FILES.includes(entry.name))
        ) {
          if (!isExcluded(path)) paths.push(path);
        }
      }
    };
    for (const folder of this.folderList) await walk(folder);
    for (const path of paths) {
      if (this.openPaths.has(path)) continue;
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch {
        // Unreadable (removed meanwhile, permissions): nothing to index.
        continue;
      }
      await this.checkInSlices(path, text, yieldToEvents, false);
      await yieldToEvents();
      await this.editorChecksSettled();
    }
    return paths.length;
  }

  /**
   * Checks a file a few documents at a time, letting messages in between.
   * From disk (the scan): an editor that opens the file meanwhile gets its
   * diagnostics from the documents already checked plus the rest, at once,
   * and the scan then leaves the file to the editor. From an editor (a large
   * file opened): hovers and edits are answered meanwhile, and a newer text
   * of the file drops this one. Undefined when dropped.
   */
  private async checkInSlices(
    path: string,
    text: string,
    yieldToEvents: () => Promise<void>,
    open: boolean,
  ): Promise<IndexedFile | undefined> {
    const previous = this.files.get(path);
    if (previous && previous.text === text) return previous;
    const lookup = this.lookupFor(path);
    const cache: ChunkCache = new Map();
    this.inProgress.set(path, cache);
    try {
      const steps = checkTextSteps(text, this.context, lookup, cache);
      let sliceStart = performance.now();
      for (;;) {
        const step = steps.next();
        if (step.done) {
          return this.store(
            path,
            text,
            step.value,
            step.value.chunks,
            previous?.check.chunks ?? [],
          );
        }
        if (performance.now() - sliceStart < SLICE_MS) continue;
        await yieldToEvents();
        if (!open) await this.editorChecksSettled();
        sliceStart = performance.now();
        // Changed by an editor or a file event meanwhile: that check wins.
        if (this.files.get(path) !== previous) return undefined;
        if (open ? this.wanted.get(path) !== text : this.openPaths.has(path)) return undefined;
      }
    } finally {
      if (this.inProgress.get(path) === cache) this.inProgress.delete(path);
    }
  }

  /**
   * Records an editor's text of a file and checks it in slices (see
   * `checkInSlices`); undefined when a newer text or change dropped it.
   */
  setOpenTextInSlices(
    path: string,
    text: string,
    yieldToEvents: () => Promise<void>,
  ): Promise<IndexedFile | undefined> {
    this.openPaths.add(path);
    this.wanted.set(path, text);
    this.editorChecks++;
    return this.checkInSlices(path, text, yieldToEvents, true).finally(() => {
      if (--this.editorChecks === 0) {
        this.editorChecksDone?.resolve();
        this.editorChecksDone = undefined;
      }
    });
  }

  /** True while an editor's text is checked in slices (the workspace is about to change). */
  get checkingEditorText(): boolean {
    return this.editorChecks > 0;
  }

  /** Resolves once no editor check is under way in slices. */
  editorChecksSettled(): Promise<void> {
    if (this.editorChecks === 0) return Promise.resolve();
    if (!this.editorChecksDone) {
      let resolve = (): void => undefined;
      const promise = new Promise<void>((done) => (resolve = done));
      this.editorChecksDone = { promise, resolve };
    }
    return this.editorChecksDone.promise;
  }

  private store(
    path: string,
    text: string,
    check: FileCheck,
    added: readonly CheckedChunk[],
    removed: readonly CheckedChunk[],
    moves?: readonly PositionEdit[],
  ): IndexedFile {
    this.share(added, removed);
    const file: IndexedFile = {
      path,
      uri: pathToFileURL(path).href,
      text,
      check,
      revision: this.nextRevision++,
    };
    const known = this.moves.get(path);
    if (moves && known) {
      known.log.push({ revision: file.revision, moves });
      // A long run of edits without a simulation: only the recent ones are kept.
      if (known.log.length > MAX_MOVES) known.base = known.log.shift()?.revision ?? file.revision;
    } else {
      this.moves.set(path, { base: file.revision, log: [] });
    }
    this.files.set(path, file);
    this.version++;
    return file;
  }

  /** Counts the documents the files now hold, and forgets those no file holds any more. */
  private share(added: readonly CheckedChunk[], removed: readonly CheckedChunk[]): void {
    for (const { text, result } of added) {
      const entry = this.shared.get(text);
      if (entry) entry.holders++;
      else this.shared.set(text, { check: result, holders: 1 });
    }
    for (const { text } of removed) {
      const entry = this.shared.get(text);
      if (entry && --entry.holders === 0) this.shared.delete(text);
    }
  }

  /**
   * Earlier results for a file's chunks: what a check under way in slices
   * has checked of it, and the documents the indexed files (this one's last
   * check included) hold.
   */
  private lookupFor(path: string): ChunkLookup {
    const scanned = this.inProgress.get(path);
    return {
      get: (text): ChunkCheck | undefined => scanned?.get(text) ?? this.shared.get(text)?.check,
    };
  }

  /**
   * Records a file's text (from the editor when `open`) and checks it. With
   * `change` (how the editor got from the text indexed last to this one)
   * only the edited documents are split and checked again.
   */
  setText(path: string, text: string, open: boolean, change?: TextChange): IndexedFile {
    if (open) {
      this.openPaths.add(path);
      this.wanted.set(path, text);
    }
    const previous = this.files.get(path);
    if (previous && previous.text === text) return previous;
    const { check, added, removed, asEdit } = checkChangedText(
      text,
      this.context,
      previous,
      change,
      this.lookupFor(path),
    );
    return this.store(path, text, check, added, removed, asEdit ? change?.moves : undefined);
  }

  /** An editor closed the file: the disk is the truth again. */
  async closed(path: string): Promise<void> {
    this.openPaths.delete(path);
    this.wanted.delete(path);
    try {
      this.setText(path, await readFile(path, 'utf8'), false);
    } catch {
      this.remove(path);
    }
  }

  /** A file event: re-read a changed file unless an editor holds it. */
  async changedOnDisk(path: string): Promise<void> {
    if (this.openPaths.has(path)) return;
    try {
      this.setText(path, await readFile(path, 'utf8'), false);
    } catch {
      this.remove(path);
    }
  }

  /**
   * The file's replacements since `revision`, in order; undefined when that
   * is not known (the text was replaced, or too long ago).
   */
  movesSince(path: string, revision: number): PositionEdit[] | undefined {
    const known = this.moves.get(path);
    if (!known || revision < known.base) return undefined;
    return known.log.filter((entry) => entry.revision > revision).flatMap((entry) => entry.moves);
  }

  remove(path: string): void {
    const file = this.files.get(path);
    if (!file) return;
    this.moves.delete(path);
    this.share([], file.check.chunks);
    this.files.delete(path);
    this.version++;
  }

  get(path: string): IndexedFile | undefined {
    return this.files.get(path);
  }

  isOpen(path: string): boolean {
    return this.openPaths.has(path);
  }

  /** All indexed files, by path. */
  all(): IndexedFile[] {
    return [...this.files.values()].sort((a, b) => a.path.localeCompare(b.path));
  }

  /** The index as scope resolution sees it. */
  view(): WorkspaceView {
    const files = [...this.files.keys()].filter((path) => YAML_FILE.test(path)).sort();
    return {
      folders: this.folderList,
      files,
      kustomizationAt: (folder) => {
        for (const name of KUSTOMIZATION_FILES) {
          const file = this.files.get(`${folder}/${name}`);
          if (file) return file.text;
        }
        return undefined;
      },
    };
  }
}
