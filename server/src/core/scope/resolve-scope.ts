import { readKustomizationResources } from './kustomization';
import { dirname, isInside, joinPath } from './posix-path';

/** How the editor groups files into what is checked and simulated together (`slipway.scope`). */
export type ScopeMode = 'auto' | 'workspace' | 'folder' | 'file';

/** The objects that would be applied together: a set of files with a name for the panel. */
export interface Scope {
  /** Stable id: the kustomization folder, the workspace folder, the folder, or the file. */
  id: string;
  kind: 'kustomization' | 'workspace' | 'folder' | 'file';
  /** A short label for people (`overlays/prod (kustomization)`). */
  label: string;
  /** Absolute paths of the YAML files in the scope, sorted. */
  files: string[];
}

/** What scope resolution needs to know about the workspace: its files and folders. */
export interface WorkspaceView {
  /** Workspace folders (absolute paths). */
  folders: readonly string[];
  /** Every YAML file of the workspace (absolute paths). */
  files: readonly string[];
  /** The text of a kustomization file, if that path is one. */
  kustomizationAt(folder: string): string | undefined;
}

function isYaml(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** The files a kustomization folder names, following folders that hold their own kustomization. */
function kustomizationFiles(
  folder: string,
  view: WorkspaceView,
  seen = new Set<string>(),
): string[] {
  if (seen.has(folder)) return [];
  seen.add(folder);
  const text = view.kustomizationAt(folder);
  if (text === undefined) return [];
  const out: string[] = [];
  for (const resource of readKustomizationResources(text)) {
    const target = joinPath(folder, resource);
    if (view.kustomizationAt(target) !== undefined) {
      out.push(...kustomizationFiles(target, view, seen));
    } else if (isYaml(target)) {
      out.push(target);
    } else {
      // A plain folder: kustomize needs a kustomization there; take its YAML files.
      out.push(...view.files.filter((file) => dirname(file) === target));
    }
  }
  return out;
}

/**
 * The scope of a file, as the design document defines it: the nearest
 * ancestor folder holding a kustomization (the files its `resources` name),
 * else the workspace folder; `mode` overrides it.
 */
export function resolveScope(file: string, view: WorkspaceView, mode: ScopeMode = 'auto'): Scope {
  const workspace = [...view.folders]
    .sort((a, b) => b.length - a.length)
    .find((folder) => isInside(file, folder));
  if (mode === 'file' || (!workspace && mode !== 'folder')) {
    return { id: file, kind: 'file', label: file.slice(file.lastIndexOf('/') + 1), files: [file] };
  }
  if (mode === 'folder') {
    const folder = dirname(file);
    return {
      id: folder,
      kind: 'folder',
      label: folder.slice(folder.lastIndexOf('/') + 1),
      files: view.files.filter((candidate) => dirname(candidate) === folder).sort(),
    };
  }
  if (mode === 'auto' && workspace) {
    for (let folder = dirname(file); isInside(folder, workspace); folder = dirname(folder)) {
      if (view.kustomizationAt(folder) !== undefined) {
        const files = [...new Set(kustomizationFiles(folder, view))].sort();
        // A file the kustomization does not name is simulated with it all the same, so it is not left alone.
        if (!files.includes(file)) files.push(file);
        const relative = folder === workspace ? '.' : folder.slice(workspace.length + 1);
        return {
          id: folder,
          kind: 'kustomization',
          label: `${relative} (kustomization)`,
          files: files.sort(),
        };
      }
      if (folder === workspace || folder === '/') break;
    }
  }
  const root = workspace as string;
  return {
    id: root,
    kind: 'workspace',
    label: root.slice(root.lastIndexOf('/') + 1),
    files: view.files.filter((candidate) => isInside(candidate, root)).sort(),
  };
}
