import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CheckContext } from '../core/check/check-context';
import { checkText, type FileCheck } from '../core/check/check-text';
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

const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const YAML_FILE = /\.ya?ml$/i;

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
      try {
        this.setText(path, await readFile(path, 'utf8'), false);
      } catch {
        // Unreadable (removed meanwhile, permissions): nothing to index.
      }
      await yieldToEvents();
    }
    return paths.length;
  }

  /** Records a file's text (from the editor when `open`) and checks it. */
  setText(path: string, text: string, open: boolean): IndexedFile {
    if (open) this.openPaths.add(path);
    const previous = this.files.get(path);
    if (previous && previous.text === text) return previous;
    const check = checkText(text, this.context, previous?.check.cache);
    const file: IndexedFile = {
      path,
      uri: pathToFileURL(path).href,
      text,
      check,
      revision: this.nextRevision++,
    };
    this.files.set(path, file);
    this.version++;
    return file;
  }

  /** An editor closed the file: the disk is the truth again. */
  async closed(path: string): Promise<void> {
    this.openPaths.delete(path);
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

  remove(path: string): void {
    if (this.files.delete(path)) this.version++;
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
